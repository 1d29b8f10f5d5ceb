"""The Alipay gateway's tables in PostgreSQL (migration 0012).

Notifications are claimed like webhook deliveries: ``FOR UPDATE SKIP LOCKED`` in a short
transaction that counts the attempt and leases the row, so workers never send one twice at once,
and a worker lost mid-send is covered when its lease ends.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from paysetu.alipay.rules.records import (
    AlipayApp,
    AlipayNotification,
    AlipayTrade,
    AlipayTransfer,
)
from paysetu.db.pagination import fetch_page
from paysetu.kernel.pagination import PageRequest

_FORGET_BATCH = 100
_CLAIM = """
UPDATE alipay_notifications n SET attempts = n.attempts + 1, next_attempt_at = :lease_until
WHERE n.id IN (
    SELECT id FROM alipay_notifications
    WHERE status = 'pending' AND next_attempt_at <= :now
    ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
RETURNING n.*
"""


def _app(row: sa.Row[Any]) -> AlipayApp:
    return AlipayApp(row.id, row.merchant_id, row.public_key_pem, row.notify_url, row.created_at,
                     row.timezone)


def _trade(row: sa.Row[Any]) -> AlipayTrade:
    return AlipayTrade(
        id=row.id, app_id=row.app_id, out_trade_no=row.out_trade_no, method=row.method,
        request_hash=row.request_hash, amount_minor=int(row.amount_minor),
        currency=row.currency, subject=row.subject, sign_type=row.sign_type,
        notify_url=row.notify_url, payment_id=row.payment_id, closed_at=row.closed_at,
        created_at=row.created_at, return_url=row.return_url,
        checkout_session_id=row.checkout_session_id,
    )


def _notification(row: sa.Row[Any]) -> AlipayNotification:
    return AlipayNotification(
        id=row.id, trade_id=row.trade_id, url=row.url, sign_type=row.sign_type,
        params=dict(row.params), status=row.status, attempts=int(row.attempts),
        last_error=row.last_error, next_attempt_at=row.next_attempt_at,
        created_at=row.created_at,
    )


class AlipayStore:
    """:class:`~paysetu.alipay.usecases.ports.AlipayRepository` on the unit of work's connection."""

    def __init__(self, connection: sa.Connection) -> None:
        self._connection = connection

    def _run(self, sql: str, **params: Any) -> sa.CursorResult[Any]:
        return self._connection.execute(sa.text(sql), params)

    def insert_app(self, app: AlipayApp) -> None:
        self._run(
            "INSERT INTO alipay_apps (id, merchant_id, public_key_pem, notify_url, created_at,"
            " timezone) VALUES (:id, :merchant, :pem, :url, :at, :zone)",
            id=app.id, merchant=app.merchant_id, pem=app.public_key_pem, url=app.notify_url,
            at=app.created_at, zone=app.timezone)

    def get_app(self, app_id: str) -> AlipayApp | None:
        row = self._run("SELECT * FROM alipay_apps WHERE id = :id", id=app_id).one_or_none()
        return None if row is None else _app(row)

    def list_apps(
        self, merchant_id: str | None, page: PageRequest
    ) -> tuple[list[AlipayApp], bool]:
        rows, has_more = fetch_page(
            self._connection, "SELECT * FROM alipay_apps",
            "CAST(:merchant AS text) IS NULL OR merchant_id = :merchant",
            {"merchant": merchant_id}, page)
        return [_app(r) for r in rows], has_more

    def remember_request(
        self, app_id: str, signature_hash: bytes, forget_after: datetime, now: datetime
    ) -> bool:
        """Record an accepted request's signature; False if it was already recorded."""
        self._run(
            "DELETE FROM alipay_seen_requests WHERE ctid IN (SELECT ctid FROM"
            " alipay_seen_requests WHERE forget_after < :now LIMIT :batch)",
            now=now, batch=_FORGET_BATCH)
        inserted = self._run(
            "INSERT INTO alipay_seen_requests (app_id, signature_hash, forget_after)"
            " VALUES (:app, :hash, :forget) ON CONFLICT DO NOTHING",
            app=app_id, hash=signature_hash, forget=forget_after)
        return inserted.rowcount == 1

    def remembered_response(self, app_id: str, signature_hash: bytes) -> str | None:
        row = self._run(
            "SELECT response_text FROM alipay_seen_requests WHERE app_id = :app"
            " AND signature_hash = :hash", app=app_id, hash=signature_hash).one_or_none()
        return None if row is None else row.response_text

    def store_response(self, app_id: str, signature_hash: bytes, response_text: str) -> None:
        self._run(
            "UPDATE alipay_seen_requests SET response_text = :text WHERE app_id = :app"
            " AND signature_hash = :hash", text=response_text, app=app_id, hash=signature_hash)

    def insert_trade(self, trade: AlipayTrade) -> bool:
        inserted = self._run(
            "INSERT INTO alipay_trades (id, app_id, out_trade_no, method, request_hash,"
            " amount_minor, currency, subject, sign_type, notify_url, payment_id, closed_at,"
            " created_at, return_url) VALUES (:id, :app, :out, :method, :hash, :amount,"
            " :currency, :subject, :sign_type, :url, :payment, :closed, :at, :return_url)"
            " ON CONFLICT (app_id, out_trade_no) DO NOTHING",
            id=trade.id, app=trade.app_id, out=trade.out_trade_no, method=trade.method,
            hash=trade.request_hash, amount=trade.amount_minor, currency=trade.currency,
            subject=trade.subject, sign_type=trade.sign_type, url=trade.notify_url,
            payment=trade.payment_id, closed=trade.closed_at, at=trade.created_at,
            return_url=trade.return_url)
        return inserted.rowcount == 1

    def find_trade(
        self, app_id: str | None, *, out_trade_no: str | None, trade_no: str | None,
        for_update: bool = False,
    ) -> AlipayTrade | None:
        """The trade with these numbers (of this app; None: any app, by ``trade_no``)."""
        lock = " FOR NO KEY UPDATE" if for_update else ""
        row = self._run(
            "SELECT * FROM alipay_trades WHERE (CAST(:app AS text) IS NULL OR app_id = :app)"
            " AND (CAST(:trade AS text) IS NULL OR id = :trade)"
            " AND (CAST(:out AS text) IS NULL OR out_trade_no = :out)" + lock,
            app=app_id, trade=trade_no, out=out_trade_no).one_or_none()
        return None if row is None else _trade(row)

    def set_trade_payment(self, trade_id: str, payment_id: str) -> None:
        self._run("UPDATE alipay_trades SET payment_id = :payment WHERE id = :id",
                  id=trade_id, payment=payment_id)

    def set_trade_checkout(self, trade_id: str, session_id: str) -> None:
        self._run("UPDATE alipay_trades SET checkout_session_id = :session WHERE id = :id",
                  id=trade_id, session=session_id)

    def close_trade(self, trade_id: str, now: datetime) -> None:
        self._run("UPDATE alipay_trades SET closed_at = :now WHERE id = :id AND closed_at IS NULL",
                  id=trade_id, now=now)

    def find_refund(self, trade_id: str, out_request_no: str) -> str | None:
        row = self._run(
            "SELECT refund_id FROM alipay_refunds WHERE trade_id = :trade AND out_request_no = :no",
            trade=trade_id, no=out_request_no).one_or_none()
        return None if row is None else str(row.refund_id)

    def insert_refund(
        self, trade_id: str, out_request_no: str, refund_id: str, now: datetime
    ) -> None:
        self._run(
            "INSERT INTO alipay_refunds (trade_id, out_request_no, refund_id, created_at)"
            " VALUES (:trade, :no, :refund, :at)",
            trade=trade_id, no=out_request_no, refund=refund_id, at=now)

    def find_transfer(self, app_id: str, out_biz_no: str) -> AlipayTransfer | None:
        row = self._run(
            "SELECT * FROM alipay_transfers WHERE app_id = :app AND out_biz_no = :no",
            app=app_id, no=out_biz_no).one_or_none()
        if row is None:
            return None
        return AlipayTransfer(
            row.id, row.app_id, row.out_biz_no, row.request_hash, row.wallet_id,
            int(row.amount_minor), row.currency, row.entry_id, row.created_at)

    def insert_transfer(self, transfer: AlipayTransfer) -> None:
        self._run(
            "INSERT INTO alipay_transfers (id, app_id, out_biz_no, request_hash, wallet_id,"
            " amount_minor, currency, entry_id, created_at) VALUES (:id, :app, :no, :hash,"
            " :wallet, :amount, :currency, :entry, :at)",
            id=transfer.id, app=transfer.app_id, no=transfer.out_biz_no,
            hash=transfer.request_hash, wallet=transfer.wallet_id,
            amount=transfer.amount_minor, currency=transfer.currency, entry=transfer.entry_id,
            at=transfer.created_at)

    def insert_payment_code(
        self, code_hash: bytes, wallet_id: str, expires_at: datetime, now: datetime
    ) -> None:
        self._run(
            "INSERT INTO alipay_payment_codes (code_hash, wallet_id, expires_at, created_at)"
            " VALUES (:hash, :wallet, :expires, :at)",
            hash=code_hash, wallet=wallet_id, expires=expires_at, at=now)

    def take_payment_code(self, code_hash: bytes, now: datetime) -> str | None:
        """Use a code once: its wallet, or None if unknown, used or expired."""
        row = self._run(
            "UPDATE alipay_payment_codes SET used_at = :now WHERE code_hash = :hash"
            " AND used_at IS NULL AND expires_at > :now RETURNING wallet_id",
            hash=code_hash, now=now).one_or_none()
        return None if row is None else str(row.wallet_id)

    def insert_notification(self, notification: AlipayNotification) -> None:
        self._run(
            "INSERT INTO alipay_notifications (id, trade_id, url, sign_type, params, status,"
            " attempts, next_attempt_at, created_at) VALUES (:id, :trade, :url, :sign_type,"
            " CAST(:params AS jsonb), :status, 0, :next, :at)",
            id=notification.id, trade=notification.trade_id, url=notification.url,
            sign_type=notification.sign_type, params=json.dumps(dict(notification.params)),
            status=notification.status, next=notification.next_attempt_at,
            at=notification.created_at)

    def claim_notifications(
        self, now: datetime, lease_until: datetime, limit: int
    ) -> list[AlipayNotification]:
        rows = self._run(_CLAIM, now=now, lease_until=lease_until, limit=limit)
        claimed = [_notification(r) for r in rows]  # RETURNING has no order: oldest first
        return sorted(claimed, key=lambda n: (n.created_at, n.id))

    def record_notification(
        self, notification_id: str, attempts: int, status: str, error: str | None,
        next_attempt_at: datetime,
    ) -> bool:
        """Record the outcome of attempt ``attempts``; False if a newer claim owns the row."""
        updated = self._run(
            "UPDATE alipay_notifications SET status = :status, last_error = :error,"
            " next_attempt_at = :next WHERE id = :id AND attempts = :attempts"
            " AND status = 'pending'",
            id=notification_id, attempts=attempts, status=status, error=error,
            next=next_attempt_at)
        return updated.rowcount == 1

    def trade_notifications(self, trade_id: str) -> list[AlipayNotification]:
        rows = self._run(
            "SELECT * FROM alipay_notifications WHERE trade_id = :trade ORDER BY id",
            trade=trade_id)
        return [_notification(r) for r in rows]
