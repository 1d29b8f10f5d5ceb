"""The base of every error-code enum: a category and the ``ErrorCode`` value type.

Kept apart from :mod:`paysetu.ledger.rules.errors` so that each family's codes can live in a module
of its own without import cycles.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class ErrorCategory(StrEnum):
    """How a refusal is presented to a client, independent of protocol."""

    INVALID = "invalid_request"
    """The request itself is wrong; retrying it unchanged fails the same way."""
    NOT_FOUND = "not_found"
    """A referenced object does not exist (or belongs to someone else)."""
    CONFLICT = "conflict"
    """The request clashes with the current state of an object (already done, reused id)."""
    DECLINED = "declined"
    """Valid, but refused by a balance or limit rule (insufficient funds)."""
    UNAVAILABLE = "unavailable"
    """The system could not do it now; retry with the same id or idempotency key."""
    UNAUTHENTICATED = "unauthenticated"
    """No valid API key or session came with the request."""
    RATE_LIMITED = "rate_limited"
    """Too many requests for this key; retry after the time given."""


class _Code(StrEnum):
    """Base of every code enum: a string value plus ``transient``, ``category``, ``summary``."""

    transient: bool
    category: ErrorCategory
    summary: str

    def __new__(cls, value: str, transient: bool, category: ErrorCategory, summary: str) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.transient = transient
        member.category = category
        member.summary = summary
        return member

    @classmethod
    def from_value(cls, value: str) -> Self:
        """The member whose string value is ``value`` (``ValueError`` if none)."""
        for member in cls:
            if member.value == value:
                return member
        raise ValueError(f"{value!r} is not a {cls.__name__}")


ErrorCode = _Code
"""Public name of the code base class, for the other families' enums."""
