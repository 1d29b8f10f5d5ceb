"""Customer transfers and money requests in PostgreSQL.

A transfer row is inserted in the transaction of its ledger entry; the unique
``(payer, idempotency_key)`` makes a parallel duplicate wait for the first and then find it.
Due requests are taken ``FOR UPDATE SKIP LOCKED`` so the worker and a reader never expire
one twice.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa

from paysetu.customers.rules.transfers import CustomerTransfer, MoneyRequest, RequestState


def _transfer(row: Any) -> CustomerTransfer:
    return CustomerTransfer(
        row.id, row.payer_customer_id, row.payee_customer_id, row.payer_wallet_id,
        row.payee_wallet_id, int(row.amount_minor), row.currency, row.note, row.entry_id,
        row.money_request_id, row.idempotency_key, row.request_fingerprint, row.created_at)


def _request(row: Any) -> MoneyRequest:
    return MoneyRequest(
        row.id, row.requester_customer_id, row.payer_customer_id, int(row.amount_minor),
        row.currency, row.note, RequestState(row.status), row.expires_at, row.transfer_id,
        row.created_at, row.updated_at)


class CustomerTransferStore:
    def __init__(self, connection: sa.Connection) -> None:
        self._connection = connection

    def _rows(self, sql: str, params: dict[str, Any]) -> list[Any]:
        return list(self._connection.execute(sa.text(sql), params))

    def wallet_for(self, customer_id: str, currency: str) -> str | None:
        rows = self._rows("SELECT id FROM wallets WHERE customer_id = :c AND currency = :cur",
                          {"c": customer_id, "cur": currency})
        return str(rows[0].id) if rows else None

    def insert_transfer(self, transfer: CustomerTransfer) -> bool:
        """False when the payer already used this idempotency key (nothing inserted)."""
        rows = self._rows(
            "INSERT INTO customer_transfers (id, payer_customer_id, payee_customer_id,"
            " payer_wallet_id, payee_wallet_id, amount_minor, currency, note, entry_id,"
            " money_request_id, idempotency_key, request_fingerprint, created_at) VALUES"
            " (:id, :payer, :payee, :payer_wallet, :payee_wallet, :amount, :currency, :note,"
            " :entry, :request, :key, :fingerprint, :now) ON CONFLICT DO NOTHING RETURNING id",
            {"id": transfer.id, "payer": transfer.payer_customer_id,
             "payee": transfer.payee_customer_id, "payer_wallet": transfer.payer_wallet_id,
             "payee_wallet": transfer.payee_wallet_id, "amount": transfer.amount_minor,
             "currency": transfer.currency, "note": transfer.note, "entry": transfer.entry_id,
             "request": transfer.money_request_id, "key": transfer.idempotency_key,
             "fingerprint": transfer.request_fingerprint, "now": transfer.created_at})
        return bool(rows)

    def transfer_by_key(self, payer_customer_id: str, key: str) -> CustomerTransfer | None:
        rows = self._rows("SELECT * FROM customer_transfers WHERE payer_customer_id = :c"
                          " AND idempotency_key = :k", {"c": payer_customer_id, "k": key})
        return _transfer(rows[0]) if rows else None

    def get_transfer(self, transfer_id: str) -> CustomerTransfer | None:
        rows = self._rows("SELECT * FROM customer_transfers WHERE id = :id", {"id": transfer_id})
        return _transfer(rows[0]) if rows else None

    def transfers_of(self, customer_id: str, limit: int) -> list[CustomerTransfer]:
        """Sent and received, newest first."""
        return [_transfer(r) for r in self._rows(
            "SELECT * FROM customer_transfers WHERE payer_customer_id = :c"
            " OR payee_customer_id = :c ORDER BY id DESC LIMIT :limit",
            {"c": customer_id, "limit": limit})]

    def insert_request(self, request: MoneyRequest) -> None:
        self._connection.execute(sa.text(
            "INSERT INTO money_requests (id, requester_customer_id, payer_customer_id,"
            " amount_minor, currency, note, status, expires_at, created_at, updated_at) VALUES"
            " (:id, :requester, :payer, :amount, :currency, :note, :status, :expires, :now,"
            " :now)"),
            {"id": request.id, "requester": request.requester_customer_id,
             "payer": request.payer_customer_id, "amount": request.amount_minor,
             "currency": request.currency, "note": request.note,
             "status": request.status.value, "expires": request.expires_at,
             "now": request.created_at})

    def get_request(self, request_id: str, *, for_update: bool = False) -> MoneyRequest | None:
        lock = " FOR UPDATE" if for_update else ""
        rows = self._rows(f"SELECT * FROM money_requests WHERE id = :id{lock}",
                          {"id": request_id})
        return _request(rows[0]) if rows else None

    def requests_of(self, customer_id: str, limit: int) -> list[MoneyRequest]:
        """Made and received, newest first."""
        return [_request(r) for r in self._rows(
            "SELECT * FROM money_requests WHERE requester_customer_id = :c"
            " OR payer_customer_id = :c ORDER BY id DESC LIMIT :limit",
            {"c": customer_id, "limit": limit})]

    def set_request_status(
        self, request_id: str, status: RequestState, transfer_id: str | None, now: datetime
    ) -> None:
        self._connection.execute(sa.text(
            "UPDATE money_requests SET status = :s, transfer_id = :t, updated_at = :now"
            " WHERE id = :id"),
            {"id": request_id, "s": status.value, "t": transfer_id, "now": now})

    def due_requests(self, now: datetime, limit: int) -> list[MoneyRequest]:
        return [_request(r) for r in self._rows(
            "SELECT * FROM money_requests WHERE status = 'pending' AND expires_at <= :now"
            " ORDER BY expires_at, id LIMIT :limit FOR UPDATE SKIP LOCKED",
            {"now": now, "limit": limit})]
