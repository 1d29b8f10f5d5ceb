"""The wallet app's reads in PostgreSQL: a customer's movements (the posted ledger postings of
their own wallet accounts, named by their entries' metadata), refunds of a payment, debits
under mandates, opening balances for statements.

Every query starts from ``wallets.customer_id``, so a customer never reads another's money.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa

from paysetu.customers.rules.movements import HistoryFilter, Movement, movement_kind
from paysetu.customers.usecases.ports import MandateDebit, RefundLine

_SIGNED = "CASE WHEN p.direction = 'credit' THEN p.amount_minor ELSE -p.amount_minor END"
_KIND_ENTRIES = {"payment": ("payment", "capture", "authorization")}


def _movement(row: Any) -> Movement:
    return Movement(
        int(row.posting_id), row.entry_id, row.wallet_id, movement_kind(row.kind),
        int(row.signed_minor), row.currency.strip(), row.created_at, row.payment_id,
        row.refund_id, row.merchant_id, row.merchant_name, row.source_hint,
    )


class WalletHistoryStore:
    def __init__(self, connection: sa.Connection) -> None:
        self._connection = connection

    def movements(
        self, customer_id: str, where: HistoryFilter, limit: int | None
    ) -> list[Movement]:
        clauses = ["w.customer_id = :c", "NOT p.pending"]
        params: dict[str, Any] = {"c": customer_id, "limit": limit}
        if where.since is not None:
            clauses.append("p.created_at >= :since")
            params["since"] = where.since
        if where.until is not None:
            clauses.append("p.created_at < :until")
            params["until"] = where.until
        if where.merchant_id is not None:
            clauses.append("e.metadata->>'merchant' = :merchant")
            params["merchant"] = where.merchant_id
        if where.kind is not None:
            clauses.append("e.metadata->>'kind' = ANY(:kinds)")
            params["kinds"] = list(_KIND_ENTRIES.get(where.kind, (where.kind,)))
        if where.before_posting is not None:
            clauses.append("p.id < :before")
            params["before"] = where.before_posting
        rows = self._connection.execute(sa.text(
            f"SELECT p.id AS posting_id, p.entry_id, w.id AS wallet_id, p.currency,"
            f" p.created_at, {_SIGNED} AS signed_minor, e.metadata->>'kind' AS kind,"
            " e.metadata->>'payment' AS payment_id, e.metadata->>'refund' AS refund_id,"
            " e.metadata->>'merchant' AS merchant_id, m.legal_name AS merchant_name,"
            " e.metadata->>'source_hint' AS source_hint"
            " FROM wallets w JOIN ledger_postings p ON p.account_id = w.account_id"
            " JOIN ledger_entries e ON e.id = p.entry_id"
            " LEFT JOIN merchants m ON m.id = e.metadata->>'merchant'"
            f" WHERE {' AND '.join(clauses)} ORDER BY p.id DESC LIMIT :limit"), params)
        return [_movement(row) for row in rows]

    def merchants_paid(self, customer_id: str) -> list[tuple[str, str]]:
        rows = self._connection.execute(sa.text(
            "SELECT DISTINCT m.id, m.legal_name FROM payments pay"
            " JOIN merchants m ON m.id = pay.merchant_id"
            " WHERE pay.customer_id = :c AND pay.amount_captured_minor > 0"
            " ORDER BY m.legal_name, m.id"), {"c": customer_id})
        return [(row.id, row.legal_name) for row in rows]

    def balances_before(self, customer_id: str, at: datetime) -> dict[str, int]:
        """Each of the customer's wallets' posted balance just before ``at``."""
        rows = self._connection.execute(sa.text(
            f"SELECT w.id, COALESCE(SUM({_SIGNED}), 0) AS balance FROM wallets w"
            " LEFT JOIN ledger_postings p ON p.account_id = w.account_id AND NOT p.pending"
            " AND p.created_at < :at WHERE w.customer_id = :c GROUP BY w.id"),
            {"c": customer_id, "at": at})
        return {row.id: int(row.balance) for row in rows}

    def refunds_of(self, payment_id: str) -> list[RefundLine]:
        rows = self._connection.execute(sa.text(
            "SELECT id, amount_minor, currency, status, reason, created_at FROM refunds"
            " WHERE payment_id = :p ORDER BY created_at, id"), {"p": payment_id})
        return [RefundLine(row.id, int(row.amount_minor), row.currency.strip(), row.status,
                           row.reason, row.created_at) for row in rows]

    def mandate_debits(self, customer_id: str) -> dict[str, list[MandateDebit]]:
        """The payments made under each of the customer's mandates, newest first."""
        rows = self._connection.execute(sa.text(
            "SELECT id, mandate_id, amount_minor, currency, status, created_at FROM payments"
            " WHERE customer_id = :c AND mandate_id IS NOT NULL"
            " ORDER BY created_at DESC, id DESC"), {"c": customer_id})
        debits: dict[str, list[MandateDebit]] = {}
        for row in rows:
            debits.setdefault(row.mandate_id, []).append(MandateDebit(
                row.id, int(row.amount_minor), row.currency.strip(), row.status, row.created_at))
        return debits
