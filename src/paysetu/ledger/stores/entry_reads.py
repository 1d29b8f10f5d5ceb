"""Reading the journal back: an account's postings page by page, entries by id or filter.

The write side (``ledger_apply`` and the accounts) is :mod:`paysetu.ledger.stores.ledger_store`;
these reads take the caller's connection too, and show a lapsed hold as what it is (expired),
never as pending.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from paysetu.ledger.rules.entries import (
    Direction,
    EntryKind,
    JournalEntry,
    Posting,
)
from paysetu.ledger.rules.errors import (
    QueryRejected,
    QueryStatus,
)
from paysetu.ledger.stores.ledger_store import get_accounts


@dataclass(frozen=True, slots=True)
class StoredPosting:
    """A posting as listed in an account's history (cursor = ``sequence``)."""

    sequence: int
    entry_id: str
    account_id: str
    direction: Direction
    amount_minor: int
    currency: str
    pending: bool
    created_at: datetime


def list_postings(
    connection: sa.Connection, account_id: str, *, limit: int, starting_after: int | None
) -> tuple[list[StoredPosting], bool]:
    """An account's postings, oldest first, after the cursor; returns the page and ``has_more``."""
    if not get_accounts(connection, [account_id]):
        raise QueryRejected(QueryStatus.ACCOUNT_NOT_FOUND, param="account_id")
    rows = connection.execute(
        sa.text(
            "SELECT id, entry_id, account_id, direction, amount_minor, currency, pending,"
            " created_at"
            " FROM ledger_postings WHERE account_id = :id AND id > :after ORDER BY id LIMIT :limit"
        ),
        {"id": account_id, "after": starting_after or 0, "limit": limit + 1},
    ).all()
    postings = [
        StoredPosting(
            r.id,
            r.entry_id,
            r.account_id,
            Direction(r.direction),
            r.amount_minor,
            r.currency,
            r.pending,
            r.created_at,
        )
        for r in rows[:limit]
    ]
    return postings, len(rows) > limit


_ENTRY_COLUMNS = (
    "id, kind, pending_id, reverses_id, timeout_s, expires_at, amount_requested, balancing_debit,"
    " balancing_credit, metadata, created_at, code, closing_debit, closing_credit"
)


def _entries_with_postings(
    connection: sa.Connection, rows: Sequence[sa.Row[Any]]
) -> list[JournalEntry]:
    postings: dict[str, list[Posting]] = {r.id: [] for r in rows}
    for p in connection.execute(
        sa.text(
            "SELECT entry_id, account_id, direction, amount_minor, currency FROM ledger_postings"
            " WHERE entry_id = ANY(:ids) ORDER BY id"
        ),
        {"ids": list(postings)},
    ):
        postings[p.entry_id].append(
            Posting(p.account_id, Direction(p.direction), p.amount_minor, p.currency)
        )
    return [
        JournalEntry(
            id=r.id,
            kind=EntryKind(r.kind),
            postings=tuple(postings[r.id]),
            metadata=r.metadata,
            created_at=r.created_at,
            pending_id=r.pending_id,
            reverses_id=r.reverses_id,
            timeout_s=r.timeout_s,
            expires_at=r.expires_at,
            amount_requested=r.amount_requested,
            balancing_debit=r.balancing_debit,
            balancing_credit=r.balancing_credit,
            code=r.code,
            closing_debit=r.closing_debit,
            closing_credit=r.closing_credit,
        )
        for r in rows
    ]


def get_entry(connection: sa.Connection, entry_id: str) -> JournalEntry:
    rows = connection.execute(
        sa.text(f"SELECT {_ENTRY_COLUMNS} FROM ledger_entries WHERE id = :id"), {"id": entry_id}
    ).all()
    if not rows:
        raise QueryRejected(QueryStatus.ENTRY_NOT_FOUND, param="entry_id")
    return _entries_with_postings(connection, rows)[0]


def find_entries(
    connection: sa.Connection,
    *,
    metadata: Mapping[str, str | None],
    limit: int,
    starting_after: str | None,
    code: int | None = None,
) -> tuple[list[JournalEntry], bool]:
    """Entries whose metadata has each key (and value, when given), and the ``code`` when
    given, in id order."""
    if (not metadata and code is None) or any(not key for key in metadata):
        raise QueryRejected(QueryStatus.METADATA_KEY_INVALID, param="metadata")
    contains = {k: v for k, v in metadata.items() if v is not None}
    keys = [k for k, v in metadata.items() if v is None]
    rows = connection.execute(
        sa.text(
            f"SELECT {_ENTRY_COLUMNS} FROM ledger_entries"
            " WHERE metadata @> CAST(:contains AS jsonb) AND metadata ?& CAST(:keys AS text[])"
            " AND (CAST(:code AS integer) IS NULL OR code = CAST(:code AS integer))"
            " AND (CAST(:after AS text) IS NULL OR id > :after) ORDER BY id LIMIT :limit"
        ),
        {
            "contains": json.dumps(contains),
            "keys": keys,
            "code": code,
            "after": starting_after,
            "limit": limit + 1,
        },
    ).all()
    return _entries_with_postings(connection, rows[:limit]), len(rows) > limit
