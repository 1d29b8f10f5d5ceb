"""The merchant dashboard's reads: payments by status, currency, day and text; daily volume.

Both are scoped to one merchant by their first condition; the dashboard never reads across
merchants. Pages of the payments table are numbered (offset), because a person jumps between
a few pages of a filtered list; the API keeps its cursors.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa

from paysetu.payments.rules.payments import Payment
from paysetu.payments.stores.payments_store import _payment
from paysetu.payments.usecases.ports import DailyVolume, PaymentSearch


class DashboardStore:
    def __init__(self, connection: sa.Connection) -> None:
        self._connection = connection

    def search_payments(
        self, search: PaymentSearch, limit: int, offset: int
    ) -> tuple[list[Payment], bool]:
        conditions = ["merchant_id = :merchant"]
        params: dict[str, Any] = {"merchant": search.merchant_id, "limit": limit + 1,
                                  "offset": offset}
        if search.status is not None:
            conditions.append("status = :status")
            params["status"] = search.status
        if search.currency is not None:
            conditions.append("currency = :currency")
            params["currency"] = search.currency
        if search.created_from is not None:
            conditions.append("created_at >= :start")
            params["start"] = _midnight(search.created_from)
        if search.created_to is not None:
            conditions.append("created_at < :end")
            params["end"] = _midnight(search.created_to + timedelta(days=1))
        if search.text:
            conditions.append("(id ILIKE :text OR coalesce(description, '') ILIKE :text)")
            params["text"] = "%" + _like_escaped(search.text) + "%"
        rows = self._connection.execute(
            sa.text(f"SELECT * FROM payments WHERE {' AND '.join(conditions)}"
                    " ORDER BY id DESC LIMIT :limit OFFSET :offset"),
            params,
        ).all()
        return [_payment(row) for row in rows[:limit]], len(rows) > limit

    def daily_volume(self, merchant_id: str, first_day: date) -> list[DailyVolume]:
        rows = self._connection.execute(
            sa.text(
                "SELECT (created_at AT TIME ZONE 'UTC')::date AS day, currency,"
                " sum(amount_captured_minor) AS captured, count(*) AS n FROM payments"
                " WHERE merchant_id = :merchant AND status = 'succeeded' AND created_at >= :start"
                " GROUP BY 1, 2 ORDER BY 1, 2"
            ),
            {"merchant": merchant_id, "start": _midnight(first_day)},
        )
        return [DailyVolume(row.day, row.currency.strip(), int(row.captured), int(row.n))
                for row in rows]

    def payment_currencies(self, merchant_id: str) -> list[str]:
        rows = self._connection.execute(
            sa.text("SELECT DISTINCT currency FROM payments WHERE merchant_id = :merchant"
                    " ORDER BY currency"),
            {"merchant": merchant_id},
        )
        return [str(row.currency).strip() for row in rows]


def _midnight(day: date) -> datetime:
    """The start of ``day`` in UTC (the dashboard's days are UTC days, like the API's times)."""
    return datetime.combine(day, time(), tzinfo=UTC)


def _like_escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
