"""PostgreSQL repository of the ledger: one round trip per batch on the write path.

Writes go through the ``ledger_apply`` function (``sql/0001_ledger_functions.sql``), which
checks every stateful rule under row locks and raises SQLSTATE ``PSL01`` with the refusal
code; this module turns that into :class:`~paysetu.ledger.rules.errors.EntryRejected` or
:class:`~paysetu.ledger.rules.errors.BatchRejected`. Every function takes the caller's
connection: the unit of work owns the database transaction.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
import sqlalchemy as sa

from paysetu.kernel.ports import TransientConflictError
from paysetu.ledger.rules.entries import (
    Account,
    AccountKind,
    Balance,
    EntryRequest,
    NewAccount,
)
from paysetu.ledger.rules.errors import (
    AccountRejected,
    AccountStateStatus,
    BatchRejected,
    CreateAccountStatus,
    CreateEntryStatus,
    EntryRejected,
    EntryResult,
    QueryRejected,
    QueryStatus,
)
from paysetu.ledger.stores.entry_documents import entries_payload
from paysetu.ledger.stores.lapsed_holds import closing_entries, without_lapsed_holds

REFUSAL_SQLSTATE = "PSL01"
UNSETTLED_REFUSAL_SQLSTATE = "PSL03"
"""A refusal that a lapsed reservation, locked elsewhere, caused: not a verdict on the id."""


@dataclass(frozen=True, slots=True)
class AppliedEntry:
    """One entry of a successful batch: its id and whether it already existed (a replay)."""

    id: str
    replayed: bool


_RETRYABLE_SQLSTATES = frozenset({"40001", "40P01", "23505"})
"""Serialization failure, deadlock, and the unique violation of a concurrent same-id insert."""


def _refusal(original: psycopg.Error, count: int) -> Exception | None:
    """The domain exception for a ``ledger_apply`` error, or None when it is not a refusal."""
    if original.sqlstate in _RETRYABLE_SQLSTATES:
        return TransientConflictError(str(original.sqlstate))
    if original.sqlstate not in (REFUSAL_SQLSTATE, UNSETTLED_REFUSAL_SQLSTATE):
        return None
    code = CreateEntryStatus.from_value(original.diag.message_primary or "")
    index = int(original.diag.message_detail or "0")
    param = original.diag.message_hint or None
    settled = original.sqlstate == REFUSAL_SQLSTATE
    if count == 1:
        return EntryRejected(code, param=param, settled=settled)
    results = [
        EntryResult(
            i,
            code if i == index else CreateEntryStatus.LINKED_EVENT_FAILED,
            param if i == index else None,
        )
        for i in range(count)
    ]
    return BatchRejected(results, settled=settled)


_APPLY_SQL = "SELECT entry_index, replayed FROM ledger_apply(%s::jsonb, %s)"


def driver_connection(connection: sa.Connection) -> psycopg.Connection[Any]:
    """The psycopg connection under a SQLAlchemy one (for the hot path and autocommit)."""
    driver = connection.connection.driver_connection
    if not isinstance(driver, psycopg.Connection):  # pragma: no cover - psycopg is the driver
        raise TypeError(f"paysetu needs psycopg 3, got {driver!r}")
    return driver


def apply_entries(
    connection: sa.Connection, entries: Sequence[EntryRequest], now: datetime
) -> list[AppliedEntry]:
    """Apply a linked batch in order, all or nothing; raise the first refusal.

    This is the hot path of every transfer, so its one statement goes to psycopg directly, in
    the unit of work's transaction: SQLAlchemy's execution and result machinery would double
    the client's CPU per call. Errors that are not refusals are wrapped as SQLAlchemy wraps
    them, and a connection the error broke is invalidated as SQLAlchemy would.
    """
    payload = entries_payload(entries)
    driver = driver_connection(connection)
    try:
        with driver.cursor() as cursor:
            rows = cursor.execute(_APPLY_SQL, (payload, now)).fetchall()
    except psycopg.Error as error:
        refusal = _refusal(error, len(entries))
        if refusal is not None:
            raise refusal from None
        if driver.broken:
            connection.invalidate()
        raise sa.exc.DBAPIError.instance(_APPLY_SQL, None, error, psycopg.Error) from error
    return [AppliedEntry(entries[index].id, replayed) for index, replayed in rows]


_ACCOUNT_COLUMNS = (
    "id, currency, kind, debits_must_not_exceed_credits, credits_must_not_exceed_debits, closed, "
    "owner_type, owner_id, metadata, debits_pending, debits_posted, credits_pending, "
    "credits_posted, created_at"
)


def _account(row: sa.Row[Any]) -> Account:
    return Account(
        id=row.id,
        currency=row.currency,
        kind=AccountKind(row.kind),
        debits_must_not_exceed_credits=row.debits_must_not_exceed_credits,
        credits_must_not_exceed_debits=row.credits_must_not_exceed_debits,
        closed=row.closed,
        owner_type=row.owner_type,
        owner_id=row.owner_id,
        metadata=row.metadata,
        balance=Balance(
            row.debits_pending, row.debits_posted, row.credits_pending, row.credits_posted
        ),
        created_at=row.created_at,
    )


def _account_difference(new: NewAccount, old: Account) -> CreateAccountStatus | None:
    if new.currency != old.currency:
        return CreateAccountStatus.EXISTS_WITH_DIFFERENT_CURRENCY
    if new.kind != old.kind:
        return CreateAccountStatus.EXISTS_WITH_DIFFERENT_KIND
    if (new.debits_must_not_exceed_credits, new.credits_must_not_exceed_debits) != (
        old.debits_must_not_exceed_credits,
        old.credits_must_not_exceed_debits,
    ):
        return CreateAccountStatus.EXISTS_WITH_DIFFERENT_FLAGS
    if (new.owner_type, new.owner_id) != (old.owner_type, old.owner_id):
        return CreateAccountStatus.EXISTS_WITH_DIFFERENT_OWNER
    if dict(new.metadata) != dict(old.metadata):
        return CreateAccountStatus.EXISTS_WITH_DIFFERENT_METADATA
    return None


def create_accounts(
    connection: sa.Connection, accounts: Sequence[NewAccount], now: datetime
) -> list[tuple[Account, bool]]:
    """Open accounts (idempotent by id); returns each account and whether it was new."""
    docs = [
        {
            "id": a.id,
            "currency": a.currency,
            "kind": a.kind.value,
            "dmnec": a.debits_must_not_exceed_credits,
            "cmned": a.credits_must_not_exceed_debits,
            "owner_type": a.owner_type,
            "owner_id": a.owner_id,
            "metadata": dict(a.metadata),
        }
        for a in accounts
    ]
    created = {
        row.id
        for row in connection.execute(
            sa.text(
                "INSERT INTO ledger_accounts (id, currency, kind, debits_must_not_exceed_credits,"
                " credits_must_not_exceed_debits, owner_type, owner_id, metadata, created_at)"
                " SELECT x.id, x.currency, x.kind, x.dmnec, x.cmned, x.owner_type, x.owner_id,"
                " x.metadata, :now FROM jsonb_to_recordset(CAST(:docs AS jsonb)) AS x(id text,"
                " currency text, kind text, dmnec boolean, cmned boolean, owner_type text,"
                " owner_id text, metadata jsonb)"
                " ON CONFLICT (id) DO NOTHING RETURNING id"
            ),
            {"docs": json.dumps(docs), "now": now},
        )
    }
    if created:
        connection.execute(
            sa.text(
                "INSERT INTO ledger_account_events (account_id, event, created_at)"
                " SELECT unnest(CAST(:ids AS text[])), 'opened', :now"
            ),
            {"ids": sorted(created), "now": now},
        )
    stored = {
        a.id: a
        for a in without_lapsed_holds(
            connection, get_accounts(connection, [a.id for a in accounts]), now
        )
    }
    results: list[tuple[Account, bool]] = []
    reported: set[str] = set()
    for new in accounts:
        old = stored[new.id]
        # Compare every request, including a second one with the id created by this batch.
        difference = _account_difference(new, old)
        if difference is not None:
            raise AccountRejected(difference, param="id")
        results.append((old, new.id in created and new.id not in reported))
        reported.add(new.id)
    return results


def get_accounts(connection: sa.Connection, ids: Sequence[str]) -> list[Account]:
    rows = connection.execute(
        sa.text(f"SELECT {_ACCOUNT_COLUMNS} FROM ledger_accounts WHERE id = ANY(:ids) ORDER BY id"),
        {"ids": list(ids)},
    )
    return [_account(row) for row in rows]


def get_account(connection: sa.Connection, account_id: str, now: datetime) -> Account:
    """The account with its balances, after releasing its expired reservations (lazy expiry)."""
    found = get_accounts(connection, [account_id])
    if not found:
        raise QueryRejected(QueryStatus.ACCOUNT_NOT_FOUND, param="account_id")
    balance = found[0].balance
    # A closed account may be held closed by a closing entry whose timeout has passed.
    if balance.debits_pending or balance.credits_pending or found[0].closed:
        expired = expire_pending(connection, now, account_id=account_id)
        if expired:
            found = get_accounts(connection, [account_id])
    return without_lapsed_holds(connection, found, now)[0]


def list_accounts(
    connection: sa.Connection,
    *,
    owner_type: str | None,
    owner_id: str | None,
    limit: int,
    starting_after: str | None,
    now: datetime,
) -> tuple[list[Account], bool]:
    """Accounts in id order, optionally of one owner; returns the page and ``has_more``.
    Balances show no reservation whose timeout has passed (:func:`without_lapsed_holds`)."""
    rows = connection.execute(
        sa.text(
            f"SELECT {_ACCOUNT_COLUMNS} FROM ledger_accounts"
            " WHERE (CAST(:owner_type AS text) IS NULL OR owner_type = :owner_type)"
            " AND (CAST(:owner_id AS text) IS NULL OR owner_id = :owner_id)"
            " AND (CAST(:after AS text) IS NULL OR id > :after)"
            " ORDER BY id LIMIT :limit"
        ),
        {
            "owner_type": owner_type,
            "owner_id": owner_id,
            "after": starting_after,
            "limit": limit + 1,
        },
    ).all()
    page = without_lapsed_holds(connection, [_account(r) for r in rows[:limit]], now)
    return page, len(rows) > limit


def set_account_closed(
    connection: sa.Connection, account_id: str, closed: bool, now: datetime, reason: str
) -> Account:
    """Close (or reopen) an account and record the event; refuses on a wrong state."""
    if not get_accounts(connection, [account_id]):
        raise AccountRejected(AccountStateStatus.ACCOUNT_NOT_FOUND, param="account_id")
    account = get_account(connection, account_id, now)
    row = connection.execute(
        sa.text("SELECT closed FROM ledger_accounts WHERE id = :id FOR NO KEY UPDATE"),
        {"id": account_id},
    ).one()
    if closed and row.closed:
        raise AccountRejected(AccountStateStatus.ACCOUNT_ALREADY_CLOSED, param="account_id")
    if not closed and not row.closed:
        raise AccountRejected(AccountStateStatus.ACCOUNT_NOT_CLOSED, param="account_id")
    if closed and (account.balance.debits_pending or account.balance.credits_pending):
        raise AccountRejected(AccountStateStatus.ACCOUNT_HAS_PENDING_BALANCE, param="account_id")
    if not closed and closing_entries(connection, [account_id], None):
        raise AccountRejected(
            AccountStateStatus.ACCOUNT_CLOSED_BY_PENDING_ENTRY, param="account_id"
        )
    connection.execute(
        sa.text("UPDATE ledger_accounts SET closed = :closed WHERE id = :id"),
        {"closed": closed, "id": account_id},
    )
    connection.execute(
        sa.text(
            "INSERT INTO ledger_account_events (account_id, event, reason, created_at)"
            " VALUES (:id, :event, :reason, :now)"
        ),
        {
            "id": account_id,
            "event": "closed" if closed else "reopened",
            "reason": reason,
            "now": now,
        },
    )
    return get_account(connection, account_id, now)


def record_failure(connection: sa.Connection, entry_id: str, code: str, now: datetime) -> None:
    """Remember that ``entry_id`` was refused with ``code`` (unless it has since been applied)."""
    connection.execute(
        sa.text(
            "INSERT INTO ledger_failed_entries (id, code, failed_at)"
            " SELECT CAST(:id AS text), CAST(:code AS text), CAST(:now AS timestamptz)"
            " WHERE NOT EXISTS (SELECT 1 FROM ledger_entries WHERE id = CAST(:id AS text))"
            " ON CONFLICT (id) DO NOTHING"
        ),
        {"id": entry_id, "code": code, "now": now},
    )


def expire_pending(
    connection: sa.Connection,
    now: datetime,
    *,
    account_id: str | None = None,
    pending_id: str | None = None,
    limit: int = 10_000,
) -> int:
    """Release pending entries whose timeout passed; returns how many were expired."""
    return int(
        connection.execute(
            sa.text("SELECT ledger_expire(:now, :account_id, :pending_id, :limit)"),
            {"now": now, "account_id": account_id, "pending_id": pending_id, "limit": limit},
        ).scalar_one()
    )


def balance_at(connection: sa.Connection, account_id: str, at: datetime) -> Balance:
    """The account's four balances as they stood at ``at``, recomputed from postings."""
    if not get_accounts(connection, [account_id]):
        raise QueryRejected(QueryStatus.ACCOUNT_NOT_FOUND, param="account_id")
    row = connection.execute(
        sa.text(
            "SELECT"
            " coalesce(sum(p.amount_minor) FILTER (WHERE p.direction = 'debit' AND p.pending), 0)"
            "   AS debits_pending,"
            " coalesce(sum(p.amount_minor)"
            "   FILTER (WHERE p.direction = 'debit' AND NOT p.pending), 0)"
            "   AS debits_posted,"
            " coalesce(sum(p.amount_minor) FILTER (WHERE p.direction = 'credit' AND p.pending), 0)"
            "   AS credits_pending,"
            " coalesce(sum(p.amount_minor)"
            "   FILTER (WHERE p.direction = 'credit' AND NOT p.pending), 0)"
            "   AS credits_posted"
            " FROM ledger_postings p"
            " WHERE p.account_id = :id AND p.created_at <= :at"
            " AND (NOT p.pending OR (NOT EXISTS (SELECT 1 FROM ledger_entries o"
            "      WHERE o.pending_id = p.entry_id AND o.created_at <= :at)"
            # a reservation whose timeout had passed at `at` held nothing then, whenever
            # its expiry was written
            "      AND NOT EXISTS (SELECT 1 FROM ledger_entries e"
            "      WHERE e.id = p.entry_id AND e.expires_at <= :at)))"
        ),
        {"id": account_id, "at": at},
    ).one()
    return Balance(
        int(row.debits_pending),
        int(row.debits_posted),
        int(row.credits_pending),
        int(row.credits_posted),
    )
