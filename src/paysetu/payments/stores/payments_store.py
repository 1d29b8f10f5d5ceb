"""Payments and refunds in PostgreSQL: their state, never their money.

A payment row is a state machine (status, amounts requested and captured, escrow state) and is
updated as it moves; the money it moved is in the ledger entries its metadata points to. Every
operation on one payment locks its row first (``FOR NO KEY UPDATE``), then the ledger locks the
accounts; the sweeps skip rows a request holds (``SKIP LOCKED``) instead of waiting for them.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from paysetu.db.deferred import DeferredWrites, Queued, ReadAhead
from paysetu.db.pagination import fetch_page
from paysetu.kernel.pagination import PageRequest
from paysetu.payments.rules.payments import (
    CaptureMethod,
    Consent,
    EscrowState,
    Payment,
    PaymentState,
    Refund,
    RefundState,
)

_PAYMENT_MUTABLE = (
    "status", "amount_captured_minor", "amount_refunded_minor", "fee_minor",
    "authorization_entry_id", "authorization_expires_at", "escrow_status", "escrow_release_at",
    "failure_code", "cancellation_reason", "updated_at", "consent", "mandate_id",
    "action_expires_at", "action_reason", "operator_reason",
)


def _payment(row: Any) -> Payment:
    return Payment(
        id=row.id, merchant_id=row.merchant_id, customer_id=row.customer_id,
        wallet_id=row.wallet_id, amount_minor=row.amount_minor, currency=row.currency,
        capture_method=CaptureMethod(row.capture_method), escrow=row.escrow,
        status=PaymentState(row.status), amount_captured_minor=row.amount_captured_minor,
        amount_refunded_minor=row.amount_refunded_minor, fee_minor=row.fee_minor,
        authorization_entry_id=row.authorization_entry_id,
        authorization_expires_at=row.authorization_expires_at,
        escrow_status=None if row.escrow_status is None else EscrowState(row.escrow_status),
        escrow_release_at=row.escrow_release_at, failure_code=row.failure_code,
        cancellation_reason=row.cancellation_reason, description=row.description,
        metadata=row.metadata, created_at=row.created_at, updated_at=row.updated_at,
        fx_quote_id=row.fx_quote_id, presentment_amount_minor=row.presentment_amount_minor,
        presentment_currency=row.presentment_currency,
        consent=None if row.consent is None else Consent(row.consent),
        operator_reason=row.operator_reason, mandate_id=row.mandate_id,
        action_expires_at=row.action_expires_at, action_reason=row.action_reason,
    )


def _payment_params(payment: Payment) -> dict[str, Any]:
    return {
        "id": payment.id, "merchant_id": payment.merchant_id,
        "customer_id": payment.customer_id, "wallet_id": payment.wallet_id,
        "amount_minor": payment.amount_minor, "currency": payment.currency,
        "capture_method": payment.capture_method.value, "escrow": payment.escrow,
        "status": payment.status.value, "amount_captured_minor": payment.amount_captured_minor,
        "amount_refunded_minor": payment.amount_refunded_minor, "fee_minor": payment.fee_minor,
        "authorization_entry_id": payment.authorization_entry_id,
        "authorization_expires_at": payment.authorization_expires_at,
        "escrow_status": None if payment.escrow_status is None else payment.escrow_status.value,
        "escrow_release_at": payment.escrow_release_at, "failure_code": payment.failure_code,
        "cancellation_reason": payment.cancellation_reason, "description": payment.description,
        "metadata": json.dumps(dict(payment.metadata)), "created_at": payment.created_at,
        "updated_at": payment.updated_at, "fx_quote_id": payment.fx_quote_id,
        "presentment_amount_minor": payment.presentment_amount_minor,
        "presentment_currency": payment.presentment_currency,
        "consent": None if payment.consent is None else payment.consent.value,
        "operator_reason": payment.operator_reason, "mandate_id": payment.mandate_id,
        "action_expires_at": payment.action_expires_at, "action_reason": payment.action_reason,
    }


def _insert_sql() -> str:
    names = list(_payment_params(_SAMPLE))
    values = ", ".join(
        "CAST(%(metadata)s AS jsonb)" if name == "metadata" else f"%({name})s" for name in names
    )
    return f"INSERT INTO payments ({', '.join(names)}) VALUES ({values})"


_SAMPLE = Payment(
    id="", merchant_id="", customer_id="", wallet_id="", amount_minor=0, currency="",
    capture_method=CaptureMethod.AUTOMATIC, escrow=False,
    status=PaymentState.REQUIRES_CONFIRMATION, amount_captured_minor=0, amount_refunded_minor=0,
    fee_minor=0, authorization_entry_id=None, authorization_expires_at=None, escrow_status=None,
    escrow_release_at=None, failure_code=None, cancellation_reason=None, description=None,
    metadata={}, created_at=datetime.min, updated_at=datetime.min,
)
_INSERT_SQL = _insert_sql()


def _get_sql(for_update: bool) -> str:
    return "SELECT * FROM payments WHERE id = %(id)s" + (" FOR NO KEY UPDATE" if for_update else "")

_SAVE_SQL = (
    "UPDATE payments SET "
    + ", ".join(f"{name} = %({name})s" for name in _PAYMENT_MUTABLE) + " WHERE id = %(id)s"
)


class PaymentStore:
    """Payments on the unit of work's connection; :meth:`insert` and :meth:`save` are queued
    (:class:`~paysetu.db.deferred.DeferredWrites`) and reach the server with the next
    statement that needs an answer, usually the ledger call or the ``COMMIT``."""

    def __init__(self, connection: sa.Connection, writes: DeferredWrites) -> None:
        self._connection = connection
        self._writes = writes
        self._ahead: ReadAhead[tuple[str, bool]] = ReadAhead(writes)
        self._inserts: dict[str, Queued] = {}

    def insert(self, payment: Payment) -> None:
        self._inserts[payment.id] = self._writes.add(_INSERT_SQL, _payment_params(payment))

    def read_ahead(self, payment_id: str, *, for_update: bool = False) -> None:
        """Queue the read of :meth:`get` (:class:`~paysetu.db.deferred.ReadAhead`); a lock is
        taken when the queue is sent."""
        self._ahead.want((payment_id, for_update), _get_sql(for_update), {"id": payment_id})

    def get(self, payment_id: str, *, for_update: bool = False) -> Payment | None:
        """The payment; ``for_update`` locks its row until the transaction ends."""
        rows = self._ahead.take((payment_id, for_update))
        if rows is None:
            rows = list(self._connection.exec_driver_sql(_get_sql(for_update), {"id": payment_id}))
        return _payment(rows[0]) if rows else None

    def save(self, payment: Payment) -> None:
        """Write the fields a transition may change (the rest never change); queued. A payment
        whose insert is still queued (a create with ``confirm``) is inserted in its new state
        instead: one statement where there were two."""
        params = _payment_params(payment)
        inserted = self._inserts.pop(payment.id, None)
        replaced = None if inserted is None else self._writes.replace(inserted, _INSERT_SQL, params)
        if replaced is not None:
            self._inserts[payment.id] = replaced
            return
        self._writes.add(_SAVE_SQL, {name: params[name] for name in (*_PAYMENT_MUTABLE, "id")})

    def by_customer_request(self, customer_id: str, request_key: str) -> Payment | None:
        """The customer's payment made with ``request_key``, after taking a transaction lock
        on the pair (a parallel request with the same key waits, then sees this one's)."""
        key = f"customer_request:{customer_id}:{request_key}"
        self._connection.execute(sa.text("SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))"),
                                 {"k": key})
        row = self._connection.execute(sa.text(
            "SELECT * FROM payments WHERE customer_id = :c"
            " AND metadata ? 'customer_request' AND metadata ->> 'customer_request' = :k"),
            {"c": customer_id, "k": request_key}).one_or_none()
        return None if row is None else _payment(row)

    def list_page(
        self, merchant_id: str | None, status: str | None, page: PageRequest
    ) -> tuple[list[Payment], bool]:
        rows, has_more = fetch_page(
            self._connection,
            "SELECT * FROM payments",
            "(CAST(:merchant AS text) IS NULL OR merchant_id = :merchant)"
            " AND (CAST(:status AS text) IS NULL OR status = :status)",
            {"merchant": merchant_id, "status": status},
            page,
        )
        return [_payment(r) for r in rows], has_more

    def due_authorizations(self, now: datetime, limit: int) -> list[Payment]:
        """Authorised payments whose authorisation lapsed, locked; rows in use are skipped."""
        return self._due(
            "status = 'requires_capture' AND authorization_expires_at <= :now"
            " ORDER BY authorization_expires_at, id",
            now, limit,
        )

    def due_approvals(self, now: datetime, limit: int) -> list[Payment]:
        """Payments whose customer approval lapsed unanswered, locked; rows in use skipped."""
        return self._due(
            "status = 'requires_action' AND action_expires_at <= :now"
            " ORDER BY action_expires_at, id",
            now, limit,
        )

    def awaiting_customer(self, customer_id: str, limit: int) -> list[Payment]:
        """The customer's payments waiting for an approval, oldest first."""
        rows = self._connection.execute(
            sa.text(
                "SELECT * FROM payments WHERE customer_id = :customer"
                " AND status = 'requires_action' ORDER BY id LIMIT :limit"
            ),
            {"customer": customer_id, "limit": limit},
        )
        return [_payment(r) for r in rows]

    def due_escrows(self, now: datetime, limit: int) -> list[Payment]:
        """Payments whose held escrow is due for release, locked; rows in use are skipped."""
        return self._due(
            "escrow_status = 'held' AND escrow_release_at <= :now ORDER BY escrow_release_at, id",
            now, limit,
        )

    def _due(self, where_order: str, now: datetime, limit: int) -> list[Payment]:
        rows = self._connection.execute(
            sa.text(
                f"SELECT * FROM payments WHERE {where_order} LIMIT :limit"
                " FOR NO KEY UPDATE SKIP LOCKED"
            ),
            {"now": now, "limit": limit},
        )
        return [_payment(r) for r in rows]

    def escrow_held(self, payment_id: str, escrow_account: str) -> int:
        """What the escrow account holds for this payment: its posted entries' net credit."""
        return int(
            self._connection.execute(
                sa.text(
                    "SELECT coalesce(sum(CASE p.direction WHEN 'credit' THEN p.amount_minor"
                    " ELSE -p.amount_minor END), 0)"
                    " FROM ledger_entries e JOIN ledger_postings p ON p.entry_id = e.id"
                    " WHERE e.metadata @> CAST(:match AS jsonb) AND p.account_id = :account"
                    " AND NOT p.pending"
                ),
                {"match": json.dumps({"payment": payment_id}), "account": escrow_account},
            ).scalar_one()
        )


def _refund(row: sa.Row[Any]) -> Refund:
    return Refund(
        id=row.id, payment_id=row.payment_id, merchant_id=row.merchant_id,
        amount_minor=row.amount_minor, currency=row.currency, status=RefundState(row.status),
        entry_id=row.entry_id, reason=row.reason, failure_code=row.failure_code,
        metadata=row.metadata, created_at=row.created_at,
        presentment_amount_minor=row.presentment_amount_minor,
        presentment_currency=row.presentment_currency,
    )


class RefundStore:
    def __init__(self, connection: sa.Connection) -> None:
        self._connection = connection

    def insert(self, refund: Refund) -> None:
        self._connection.execute(
            sa.text(
                "INSERT INTO refunds (id, payment_id, merchant_id, amount_minor, currency, status,"
                " entry_id, reason, failure_code, metadata, created_at, presentment_amount_minor,"
                " presentment_currency) VALUES (:id, :payment, :merchant, :amount, :currency,"
                " :status, :entry, :reason, :failure, CAST(:metadata AS jsonb), :created_at,"
                " :presentment_amount, :presentment_currency)"
            ),
            {
                "id": refund.id, "payment": refund.payment_id, "merchant": refund.merchant_id,
                "amount": refund.amount_minor, "currency": refund.currency,
                "status": refund.status.value, "entry": refund.entry_id, "reason": refund.reason,
                "failure": refund.failure_code, "metadata": json.dumps(dict(refund.metadata)),
                "created_at": refund.created_at,
                "presentment_amount": refund.presentment_amount_minor,
                "presentment_currency": refund.presentment_currency,
            },
        )

    def get(self, refund_id: str) -> Refund | None:
        row = self._connection.execute(
            sa.text("SELECT * FROM refunds WHERE id = :id"), {"id": refund_id}
        ).one_or_none()
        return None if row is None else _refund(row)

    def save(self, refund: Refund) -> None:
        """Write the fields a pending refund changes when it completes or fails again."""
        self._connection.execute(
            sa.text(
                "UPDATE refunds SET status = :status, entry_id = :entry, failure_code = :failure"
                " WHERE id = :id"
            ),
            {"id": refund.id, "status": refund.status.value, "entry": refund.entry_id,
             "failure": refund.failure_code},
        )

    def list_page(
        self, merchant_id: str | None, payment_id: str | None, page: PageRequest
    ) -> tuple[list[Refund], bool]:
        rows, has_more = fetch_page(
            self._connection,
            "SELECT * FROM refunds",
            "(CAST(:merchant AS text) IS NULL OR merchant_id = :merchant)"
            " AND (CAST(:payment AS text) IS NULL OR payment_id = :payment)",
            {"merchant": merchant_id, "payment": payment_id},
            page,
        )
        return [_refund(r) for r in rows], has_more

    def pending(self, limit: int) -> list[Refund]:
        """Pending refunds, oldest first, locked; refunds another worker holds are skipped."""
        rows = self._connection.execute(
            sa.text(
                "SELECT * FROM refunds WHERE status = 'pending' ORDER BY id LIMIT :limit"
                " FOR NO KEY UPDATE SKIP LOCKED"
            ),
            {"limit": limit},
        )
        return [_refund(r) for r in rows]
