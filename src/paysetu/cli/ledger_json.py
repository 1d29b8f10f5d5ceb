"""Journal entries and accounts as JSON, the shape shared by the CLI (and later the HTTP API).

Entry::

    {"id": "je_...", "postings": [{"account_id": "acct_...", "direction": "debit",
      "amount_minor": 1250, "currency": "INR"}, ...], "metadata": {...},
     "pending": false, "timeout_s": null, "balancing_debit": false, "balancing_credit": false,
     "closing_debit": false, "closing_credit": false}

Post or void of a pending entry (the accounts, currency and a void's amount are optional and,
when given, must be the pending entry's)::

    {"id": "je_...", "post_pending_id": "je_...", "amount_minor": 1000}
    {"id": "je_...", "void_pending_id": "je_...", "debit_account_id": "acct_...",
     "credit_account_id": "acct_...", "currency": "INR"}

A malformed document (an unknown key, a flag that is not a boolean, flags that contradict each
other) is refused with the same codes as the domain, never repaired and never a traceback.
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


_FLAGS = ("pending", "balancing_debit", "balancing_credit", "closing_debit", "closing_credit")
_COMMON_KEYS = frozenset({"id", "metadata", *_FLAGS, "timeout_s", "code"})
_NEW_ENTRY_KEYS = _COMMON_KEYS | {"postings"}
_RESOLUTION_KEYS = _COMMON_KEYS | {
    "post_pending_id", "void_pending_id", "amount_minor", "debit_account_id",
    "credit_account_id", "currency",
}


def _refuse(code: CreateEntryStatus, param: str) -> EntryRejected:
    return EntryRejected(code, param=param)


def _check_keys(raw: Mapping[str, Any]) -> bool:
    """Refuse keys and flags the document's kind does not define; True for a post or void.

    TigerBeetle refuses a transfer whose reserved flags are set and one whose flags contradict
    each other (``flags_are_mutually_exclusive``); a JSON document can also carry a key that
    means nothing (a typo), which is refused the same way rather than ignored.
    """
    resolution = "post_pending_id" in raw or "void_pending_id" in raw
    allowed = _RESOLUTION_KEYS if resolution else _NEW_ENTRY_KEYS
    unknown = sorted(str(key) for key in raw if key not in allowed)
    if unknown:
        raise _refuse(CreateEntryStatus.RESERVED_FIELD, unknown[0])
    for flag in _FLAGS:
        if flag in raw and not isinstance(raw[flag], bool):
            raise _refuse(CreateEntryStatus.FLAG_INVALID, flag)
    return resolution


def _resolution(raw: Mapping[str, Any], entry_id: str) -> PendingResolution:
    """A post or void: exactly one of the two ids, no flag of a new entry, no timeout."""
    if "post_pending_id" in raw and "void_pending_id" in raw:
        raise _refuse(CreateEntryStatus.FLAGS_ARE_MUTUALLY_EXCLUSIVE, "void_pending_id")
    for flag in _FLAGS:
        if raw.get(flag) is True:
            raise _refuse(CreateEntryStatus.FLAGS_ARE_MUTUALLY_EXCLUSIVE, flag)
    post = "post_pending_id" in raw
    resolution = PendingResolution(
        entry_id,
        cast(str, raw["post_pending_id" if post else "void_pending_id"]),
        post,
        cast(int | None, raw.get("amount_minor")),
        raw.get("metadata") or {},
        cast(str | None, raw.get("debit_account_id")),
        cast(str | None, raw.get("credit_account_id")),
        cast(str | None, raw.get("currency")),
        cast(int | None, raw.get("code")),
    )
    if raw.get("timeout_s") is not None:
        raise _refuse(CreateEntryStatus.TIMEOUT_RESERVED_FOR_PENDING_TRANSFER, "timeout_s")
    return resolution


def parse_entry(raw: object) -> EntryRequest:
    """Turn one JSON object into an entry request, or raise :class:`EntryRejected`.

    Refusals follow the domain's precedence: unknown keys and non-boolean flags (TigerBeetle's
    reserved flags come first too), the id, contradicting flags, then the postings' shape,
    accounts, directions, amounts and currencies, then the balance. Nothing is repaired: a
    malformed document is refused, never read as the nearest valid one.
    """
    if not isinstance(raw, Mapping):
        raise EntryRejected(CreateEntryStatus.ID_INVALID, "an entry is a JSON object", param="id")
    resolution = _check_keys(raw)
    entry_id = raw.get("id")
    if not isinstance(entry_id, str) or not ENTRY_ID_PATTERN.match(entry_id):
        raise _refuse(CreateEntryStatus.ID_INVALID, "id")
    if resolution:
        return _resolution(raw, entry_id)
    postings_raw = raw.get("postings")
    if not isinstance(postings_raw, list):
        raise _refuse(CreateEntryStatus.POSTINGS_TOO_FEW, "postings")
    for index, posting in enumerate(postings_raw):
        if not isinstance(posting, Mapping):
            raise _refuse(CreateEntryStatus.POSTING_INVALID, f"postings[{index}]")
    return NewEntry(
        id=entry_id,
        postings=tuple(_posting(p, i) for i, p in enumerate(postings_raw)),
        metadata=raw.get("metadata") or {},
        pending=raw.get("pending") is True,
        timeout_s=cast(int | None, raw.get("timeout_s")),
        balancing_debit=raw.get("balancing_debit") is True,
        balancing_credit=raw.get("balancing_credit") is True,
        code=cast(int | None, raw.get("code")),
        closing_debit=raw.get("closing_debit") is True,
        closing_credit=raw.get("closing_credit") is True,
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
