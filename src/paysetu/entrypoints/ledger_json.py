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
from typing import Any

from paysetu.domain.errors import CreateEntryStatus, EntryRejected
from paysetu.domain.ledger import (
    Account,
    Direction,
    EntryRequest,
    NewEntry,
    PendingResolution,
    Posting,
)


def _posting(raw: object, index: int) -> Posting:
    if not isinstance(raw, Mapping):
        raise EntryRejected(CreateEntryStatus.POSTING_INVALID, param=f"postings[{index}]")
    try:
        direction = Direction(str(raw.get("direction")))
    except ValueError:
        raise EntryRejected(
            CreateEntryStatus.DIRECTION_INVALID, param=f"postings[{index}].direction"
        ) from None
    amount = raw.get("amount_minor")
    if type(amount) is not int:
        raise EntryRejected(
            CreateEntryStatus.AMOUNT_MUST_BE_POSITIVE,
            "amount_minor is an integer of minor units",
            param=f"postings[{index}].amount_minor",
        )
    return Posting(str(raw.get("account_id", "")), direction, amount, str(raw.get("currency", "")))


def _flag(raw: Mapping[str, Any], key: str) -> bool:
    return raw.get(key) is True


def parse_entry(raw: object) -> EntryRequest:
    """Turn one JSON object into an entry request, or raise :class:`EntryRejected`."""
    if not isinstance(raw, Mapping):
        raise EntryRejected(CreateEntryStatus.ID_INVALID, "an entry is a JSON object", param="id")
    entry_id = str(raw.get("id", ""))
    metadata = raw.get("metadata") or {}
    for key, post in (("post_pending_id", True), ("void_pending_id", False)):
        if key in raw:
            amount = raw.get("amount_minor")
            if amount is not None and type(amount) is not int:
                raise EntryRejected(CreateEntryStatus.AMOUNT_MUST_BE_POSITIVE, param="amount_minor")
            return PendingResolution(entry_id, str(raw[key]), post, amount, metadata)
    postings_raw = raw.get("postings")
    if not isinstance(postings_raw, list):
        raise EntryRejected(CreateEntryStatus.POSTINGS_TOO_FEW, param="postings")
    timeout = raw.get("timeout_s")
    if timeout is not None and type(timeout) is not int:
        raise EntryRejected(CreateEntryStatus.TIMEOUT_MUST_BE_POSITIVE, param="timeout_s")
    return NewEntry(
        id=entry_id,
        postings=tuple(_posting(p, i) for i, p in enumerate(postings_raw)),
        metadata=metadata,
        pending=_flag(raw, "pending"),
        timeout_s=timeout,
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
