"""Journal entries and accounts as JSON, the shape shared by the CLI (and later the HTTP API).

Entry::

    {"id": "je_...", "postings": [{"account_id": "acct_...", "direction": "debit",
      "amount_minor": 1250, "currency": "INR"}, ...], "metadata": {...},
     "pending": false, "timeout_s": null, "balancing_debit": false, "balancing_credit": false}

Post or void of a pending entry::

    {"id": "je_...", "post_pending_id": "je_...", "amount_minor": 1000}
    {"id": "je_...", "void_pending_id": "je_..."}

A malformed document is refused with the same codes as the domain, never a traceback.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from paysetu.ledger.rules.entries import (
    ENTRY_ID_PATTERN,
    Account,
    Direction,
    EntryRequest,
    NewEntry,
    PendingResolution,
    Posting,
)
from paysetu.ledger.rules.errors import CreateEntryStatus, EntryRejected


def _posting(raw: object, index: int) -> Posting:
    """A posting from JSON; wrong types are passed through for the domain to refuse in order."""
    if not isinstance(raw, Mapping):  # pragma: no cover - parse_entry checks shapes first
        raise EntryRejected(CreateEntryStatus.POSTING_INVALID, param=f"postings[{index}]")
    direction: Any = raw.get("direction")
    if direction in {d.value for d in Direction}:
        direction = Direction(direction)
    return Posting(
        cast(str, raw.get("account_id")), direction, cast(int, raw.get("amount_minor")),
        cast(str, raw.get("currency")),
    )


def _flag(raw: Mapping[str, Any], key: str) -> bool:
    return raw.get(key) is True


def parse_entry(raw: object) -> EntryRequest:
    """Turn one JSON object into an entry request, or raise :class:`EntryRejected`.

    Refusals follow the domain's precedence: the id first, then the postings' shape, accounts,
    directions, amounts and currencies, then the balance.
    """
    if not isinstance(raw, Mapping):
        raise EntryRejected(CreateEntryStatus.ID_INVALID, "an entry is a JSON object", param="id")
    entry_id = raw.get("id")
    if not isinstance(entry_id, str) or not ENTRY_ID_PATTERN.match(entry_id):
        raise EntryRejected(CreateEntryStatus.ID_INVALID, param="id")
    metadata = raw.get("metadata") or {}
    for key, post in (("post_pending_id", True), ("void_pending_id", False)):
        if key in raw:
            return PendingResolution(
                entry_id, str(raw[key]), post, cast(int | None, raw.get("amount_minor")), metadata
            )
    postings_raw = raw.get("postings")
    if not isinstance(postings_raw, list):
        raise EntryRejected(CreateEntryStatus.POSTINGS_TOO_FEW, param="postings")
    for index, posting in enumerate(postings_raw):
        if not isinstance(posting, Mapping):
            raise EntryRejected(CreateEntryStatus.POSTING_INVALID, param=f"postings[{index}]")
    return NewEntry(
        id=entry_id,
        postings=tuple(_posting(p, i) for i, p in enumerate(postings_raw)),
        metadata=metadata,
        pending=_flag(raw, "pending"),
        timeout_s=cast(int | None, raw.get("timeout_s")),
        balancing_debit=_flag(raw, "balancing_debit"),
        balancing_credit=_flag(raw, "balancing_credit"),
    )


def account_json(account: Account) -> dict[str, Any]:
    """The public JSON form of an account with its balances."""
    b = account.balance
    return {
        "object": "account",
        "id": account.id,
        "currency": account.currency,
        "kind": account.kind.value,
        "debits_must_not_exceed_credits": account.debits_must_not_exceed_credits,
        "credits_must_not_exceed_debits": account.credits_must_not_exceed_debits,
        "closed": account.closed,
        "owner": None
        if account.owner_type is None
        else {"type": account.owner_type, "id": account.owner_id},
        "metadata": dict(account.metadata),
        "debits_pending": b.debits_pending,
        "debits_posted": b.debits_posted,
        "credits_pending": b.credits_pending,
        "credits_posted": b.credits_posted,
        "created_at": account.created_at.isoformat(),
    }
