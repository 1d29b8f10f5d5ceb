"""Ports every capability shares: the clock, ids, secrets, and the transient-conflict signal."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware."""
        ...


class IdFactory(Protocol):
    def new_id(self, prefix: str) -> str:
        """A fresh, time-sortable public id such as ``je_01JD...``."""
        ...


class TransientConflictError(Exception):
    """The database aborted the transaction for a reason a retry resolves (deadlock,
    serialization failure, a concurrent insert of the same id). Raised by adapters."""


class SecretSource(Protocol):
    def token(self, nbytes: int = 32) -> str: ...
    def salt(self) -> bytes: ...
