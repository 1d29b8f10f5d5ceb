"""Balances as reads show them: without the reservations whose timeout has passed.

TigerBeetle expires pending transfers itself, so no lookup sees a lapsed hold. paysetu writes
expiries lazily (see ``ledger_expire``), and a lazy expiry skips a reservation whose other
account is locked elsewhere; reads therefore subtract lapsed holds themselves.
"""

from __future__ import annotations

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


def without_lapsed_holds(
    connection: sa.Connection, accounts: list[Account], now: datetime
) -> list[Account]:
    """The accounts as a read must show them: a reservation whose timeout has passed is not
    pending any more, even while its expiry entry is not yet written (the sweeper has not run,
    or a lazy expiry skipped it because another transaction held its counterparty's lock).
    Only accounts with pending amounts are looked at."""
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
