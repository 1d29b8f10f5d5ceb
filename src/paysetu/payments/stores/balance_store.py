"""A merchant's balance transactions: the ledger postings of its available and escrow accounts.

Nothing is stored for this view. Each posted (not pending) posting on a merchant's available or
escrow account is one balance transaction; its type and source come from the entry's metadata,
and the fee is what the same entry credited to the merchant's fee account (an automatic charge
books amount, fee and net in one entry). The cursor is the posting's sequence number, so pages
are exact even when many postings share a timestamp.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from paysetu.payments.rules.payments import BalanceTransaction

_SELECT = """
SELECT p.id AS sequence, p.entry_id, ma.merchant_id, ma.purpose AS balance,
       coalesce(e.metadata->>'kind', e.kind) AS type,
       CASE p.direction WHEN 'credit' THEN p.amount_minor ELSE -p.amount_minor END AS net_minor,
       CASE p.direction WHEN 'credit' THEN (
           SELECT coalesce(sum(f.amount_minor), 0) FROM ledger_postings f
           JOIN merchant_accounts fm ON fm.account_id = f.account_id AND fm.purpose = 'fees'
           WHERE f.entry_id = p.entry_id AND f.direction = 'credit'
             AND fm.merchant_id = ma.merchant_id) ELSE 0 END AS fee_minor,
       p.currency, coalesce(e.metadata->>'refund', e.metadata->>'payment') AS source,
       p.created_at
FROM ledger_postings p
JOIN merchant_accounts ma ON ma.account_id = p.account_id AND ma.purpose IN ('available', 'escrow')
JOIN ledger_entries e ON e.id = p.entry_id
WHERE NOT p.pending AND (CAST(:merchant AS text) IS NULL OR ma.merchant_id = :merchant)
"""


def _transaction(row: sa.Row[Any]) -> BalanceTransaction:
    return BalanceTransaction(
        row.sequence, row.entry_id, row.merchant_id, row.balance, row.type, int(row.net_minor),
        int(row.fee_minor), row.currency, row.source, row.created_at,
    )


class BalanceTransactionStore:
    def __init__(self, connection: sa.Connection) -> None:
        self._connection = connection

    def list_page(
        self, merchant_id: str | None, limit: int, starting_after: int | None,
        ending_before: int | None,
    ) -> tuple[list[BalanceTransaction], bool]:
        """Newest first; ``starting_after`` pages to older postings, ``ending_before`` to newer."""
        params: dict[str, Any] = {"merchant": merchant_id, "limit": limit + 1}
        if ending_before is not None:
            params["cursor"] = ending_before
            sql = f"{_SELECT} AND p.id > :cursor ORDER BY p.id ASC LIMIT :limit"
            rows = list(self._connection.execute(sa.text(sql), params))
            return [_transaction(r) for r in reversed(rows[:limit])], len(rows) > limit
        cursor = ""
        if starting_after is not None:
            params["cursor"] = starting_after
            cursor = " AND p.id < :cursor"
        sql = f"{_SELECT}{cursor} ORDER BY p.id DESC LIMIT :limit"
        rows = list(self._connection.execute(sa.text(sql), params))
        return [_transaction(r) for r in rows[:limit]], len(rows) > limit
