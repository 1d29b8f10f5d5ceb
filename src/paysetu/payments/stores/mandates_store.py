"""Mandates and pre-debit notices in PostgreSQL.

A mandate row is a state machine like a payment's; every change locks it first
(``FOR NO KEY UPDATE``), so a pause or a revoke and a debit under the mandate run one after
the other: a debit that comes second sees the pause.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa

from paysetu.db.deferred import DeferredWrites, ReadAhead
from paysetu.db.pagination import fetch_page
from paysetu.kernel.pagination import PageRequest
from paysetu.payments.rules.mandates import (
    Mandate,
    MandateFrequency,
    MandateNotice,
    MandateState,
)

_COLUMNS = (
    "id", "merchant_id", "customer_id", "wallet_id", "currency", "amount_max_minor",
    "frequency", "purpose", "valid_until", "status", "last_debit_at", "created_at",
    "updated_at",
)


def _mandate(row: Any) -> Mandate:
    return Mandate(
        id=row.id, merchant_id=row.merchant_id, customer_id=row.customer_id,
        wallet_id=row.wallet_id, currency=row.currency, amount_max_minor=row.amount_max_minor,
        frequency=MandateFrequency(row.frequency), purpose=row.purpose,
        valid_until=row.valid_until, status=MandateState(row.status),
        last_debit_at=row.last_debit_at, created_at=row.created_at, updated_at=row.updated_at,
    )


def _params(mandate: Mandate) -> dict[str, Any]:
    return {
        "id": mandate.id, "merchant_id": mandate.merchant_id,
        "customer_id": mandate.customer_id, "wallet_id": mandate.wallet_id,
        "currency": mandate.currency, "amount_max_minor": mandate.amount_max_minor,
        "frequency": mandate.frequency.value, "purpose": mandate.purpose,
        "valid_until": mandate.valid_until, "status": mandate.status.value,
        "last_debit_at": mandate.last_debit_at, "created_at": mandate.created_at,
        "updated_at": mandate.updated_at,
    }


def _notice(row: Any) -> MandateNotice:
    return MandateNotice(row.id, row.mandate_id, row.amount_minor, row.debit_after,
                         row.created_at, row.payment_id)


_USABLE_NOTICE = (
    "SELECT * FROM mandate_notices WHERE mandate_id = %(mandate)s"
    " AND payment_id IS NULL AND amount_minor = %(amount)s"
    " AND created_at <= %(sent_before)s AND debit_after <= %(now)s"
    " ORDER BY created_at, id LIMIT 1 FOR NO KEY UPDATE SKIP LOCKED"
)


def _notice_params(mandate_id: str, amount_minor: int, sent_before: datetime, now: datetime
                   ) -> dict[str, Any]:
    return {"mandate": mandate_id, "amount": amount_minor, "sent_before": sent_before,
            "now": now}


def _get_sql(for_update: bool) -> str:
    return "SELECT * FROM mandates WHERE id = %(id)s" + (" FOR NO KEY UPDATE" if for_update else "")


class MandateStore:
    def __init__(self, connection: sa.Connection, writes: DeferredWrites) -> None:
        self._connection = connection
        self._writes = writes
        self._ahead: ReadAhead[tuple[str, bool]] = ReadAhead(writes)
        self._notices: ReadAhead[tuple[str, int, datetime, datetime]] = ReadAhead(writes)

    def insert(self, mandate: Mandate) -> None:
        self._connection.execute(
            sa.text(f"INSERT INTO mandates ({', '.join(_COLUMNS)})"
                    f" VALUES ({', '.join(':' + c for c in _COLUMNS)})"),
            _params(mandate),
        )

    def read_ahead(self, mandate_id: str, *, for_update: bool = False) -> None:
        """Queue the read of :meth:`get` (:class:`~paysetu.db.deferred.ReadAhead`); a lock is
        taken when the queue is sent."""
        self._ahead.want((mandate_id, for_update), _get_sql(for_update), {"id": mandate_id})

    def get(self, mandate_id: str, *, for_update: bool = False) -> Mandate | None:
        rows = self._ahead.take((mandate_id, for_update))
        if rows is None:
            rows = list(self._connection.exec_driver_sql(_get_sql(for_update), {"id": mandate_id}))
        return _mandate(rows[0]) if rows else None

    def save(self, mandate: Mandate) -> None:
        """Queued (:class:`~paysetu.db.deferred.DeferredWrites`): the caller holds the row's
        lock, and the update can only fail on a bug."""
        self._writes.add(
            "UPDATE mandates SET status = %(status)s, last_debit_at = %(last_debit_at)s,"
            " updated_at = %(updated_at)s WHERE id = %(id)s",
            {k: v for k, v in _params(mandate).items()
             if k in ("id", "status", "last_debit_at", "updated_at")},
        )

    def list_page(
        self, merchant_id: str | None, customer_id: str | None, page: PageRequest
    ) -> tuple[list[Mandate], bool]:
        rows, has_more = fetch_page(
            self._connection,
            "SELECT * FROM mandates",
            "(CAST(:merchant AS text) IS NULL OR merchant_id = :merchant)"
            " AND (CAST(:customer AS text) IS NULL OR customer_id = :customer)",
            {"merchant": merchant_id, "customer": customer_id},
            page,
        )
        return [_mandate(r) for r in rows], has_more

    def insert_notice(self, notice: MandateNotice) -> None:
        self._connection.execute(
            sa.text("INSERT INTO mandate_notices (id, mandate_id, amount_minor, debit_after,"
                    " created_at) VALUES (:id, :mandate, :amount, :debit_after, :created_at)"),
            {"id": notice.id, "mandate": notice.mandate_id, "amount": notice.amount_minor,
             "debit_after": notice.debit_after, "created_at": notice.created_at},
        )

    def read_ahead_notice(
        self, mandate_id: str, amount_minor: int, sent_before: datetime, now: datetime
    ) -> None:
        """Queue the read (and lock) of :meth:`usable_notice` with the same arguments."""
        key = (mandate_id, amount_minor, sent_before, now)
        self._notices.want(key, _USABLE_NOTICE, _notice_params(*key))

    def usable_notice(
        self, mandate_id: str, amount_minor: int, sent_before: datetime, now: datetime
    ) -> MandateNotice | None:
        key = (mandate_id, amount_minor, sent_before, now)
        rows = self._notices.take(key)
        if rows is None:
            rows = list(self._connection.exec_driver_sql(_USABLE_NOTICE, _notice_params(*key)))
        return _notice(rows[0]) if rows else None

    def use_notice(self, notice_id: str, payment_id: str) -> None:
        """Queued, like :meth:`save` (the notice is locked by :meth:`usable_notice`)."""
        self._writes.add("UPDATE mandate_notices SET payment_id = %(payment)s WHERE id = %(id)s",
                         {"id": notice_id, "payment": payment_id})
