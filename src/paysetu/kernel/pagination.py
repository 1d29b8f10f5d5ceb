"""Stripe's cursor parameters, shared by every list of every capability."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # lending_ports and checkout_ports import PageRequest from here
    pass


@dataclass(frozen=True, slots=True)
class PageRequest:
    """Stripe's cursor parameters: newest first; ``starting_after`` pages to older objects,
    ``ending_before`` to newer ones."""

    limit: int = 10
    starting_after: str | None = None
    ending_before: str | None = None
