"""Accounts as reads show them: without the reservations whose timeout has passed.

TigerBeetle expires pending transfers itself, so no lookup sees a lapsed hold, nor an account
still closed by a closing transfer that has expired. paysetu writes expiries lazily (see
``ledger_expire``), and a lazy expiry skips a reservation whose other account is locked
elsewhere; reads therefore subtract lapsed holds, and reopen lapsed closings, themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

import sqlalchemy as sa

from paysetu.ledger.rules.entries import Account

_LAPSED_HOLDS_SQL = sa.text(
    "SELECT p.account_id,"
    " sum(CASE WHEN p.direction = 'debit' THEN p.amount_minor ELSE 0 END) AS debits,"
    " sum(CASE WHEN p.direction = 'credit' THEN p.amount_minor ELSE 0 END) AS credits"
    " FROM ledger_entries e JOIN ledger_postings p ON p.entry_id = e.id"
    " WHERE e.kind = 'pending' AND e.expires_at <= :now AND p.account_id = ANY(:ids)"
    " AND NOT EXISTS (SELECT 1 FROM ledger_entries o WHERE o.pending_id = e.id)"
    " GROUP BY p.account_id"
)


_CLOSING_SQL = sa.text(
    "SELECT DISTINCT p.account_id, e.id"
    " FROM ledger_postings p JOIN ledger_entries e ON e.id = p.entry_id"
    " WHERE p.account_id = ANY(:ids) AND e.kind = 'pending'"
    " AND ((e.closing_debit AND p.direction = 'debit')"
    "      OR (e.closing_credit AND p.direction = 'credit'))"
    " AND (CAST(:lapsed_at AS timestamptz) IS NULL OR e.expires_at <= :lapsed_at)"
    " AND NOT EXISTS (SELECT 1 FROM ledger_entries o WHERE o.pending_id = e.id)"
)


def closing_entries(
    connection: sa.Connection, account_ids: Sequence[str], lapsed_at: datetime | None
) -> dict[str, str]:
    """Account id -> the unresolved closing entry that closed it (only those whose timeout
    had passed at ``lapsed_at``, when given)."""
    return {
        row.account_id: row.id
        for row in connection.execute(
            _CLOSING_SQL, {"ids": list(account_ids), "lapsed_at": lapsed_at}
        )
    }


def without_lapsed_holds(
    connection: sa.Connection, accounts: list[Account], now: datetime
) -> list[Account]:
    """The accounts as a read must show them: a reservation whose timeout has passed is not
    pending any more, even while its expiry entry is not yet written (the sweeper has not run,
    or a lazy expiry skipped it because another transaction held its counterparty's lock).
    Only accounts with pending amounts are looked at, and closed ones: a closing entry whose
    timeout has passed holds its account closed no more."""
    closed = [a.id for a in accounts if a.closed]
    reopened = closing_entries(connection, closed, now) if closed else {}
    if reopened:
        accounts = [replace(a, closed=False) if a.id in reopened else a for a in accounts]
    held = [a.id for a in accounts if a.balance.debits_pending or a.balance.credits_pending]
    if not held:
        return accounts
    lapsed = {
        row.account_id: (row.debits, row.credits)
        for row in connection.execute(_LAPSED_HOLDS_SQL, {"now": now, "ids": held})
    }
    return [
        replace(
            a,
            balance=replace(
                a.balance,
                debits_pending=a.balance.debits_pending - lapsed[a.id][0],
                credits_pending=a.balance.credits_pending - lapsed[a.id][1],
            ),
        )
        if a.id in lapsed
        else a
        for a in accounts
    ]
