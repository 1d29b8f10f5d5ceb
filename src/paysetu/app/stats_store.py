"""Operational statistics read at metrics-scrape time: payments by status, ledger totals."""

from __future__ import annotations

import sqlalchemy as sa

from paysetu.app.ports import LedgerTotals


class StatsStore:
    """Aggregate reads over one connection; each is a single ``GROUP BY`` query."""

    def __init__(self, connection: sa.Connection) -> None:
        self._connection = connection

    def payments_by_status(self) -> dict[str, int]:
        rows = self._connection.execute(
            sa.text("SELECT status, count(*) AS n FROM payments GROUP BY status")
        )
        return {row.status: int(row.n) for row in rows}

    def ledger_totals(self) -> list[LedgerTotals]:
        """Per currency: accounts, and the posted and pending debit volume (equal to credits)."""
        rows = self._connection.execute(
            sa.text(
                "SELECT currency, count(*) AS accounts, coalesce(sum(debits_posted), 0) AS posted,"
                " coalesce(sum(debits_pending), 0) AS pending"
                " FROM ledger_accounts GROUP BY currency ORDER BY currency"
            )
        )
        return [
            LedgerTotals(row.currency, int(row.accounts), int(row.posted), int(row.pending))
            for row in rows
        ]
