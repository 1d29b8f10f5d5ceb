"""Instants as the API shows them: Unix seconds, as Stripe does."""

from __future__ import annotations

from datetime import datetime


def timestamp(at: datetime) -> int:
    """Unix seconds, as Stripe's ``created`` fields."""
    return int(at.timestamp())
