"""Customers and wallets in PostgreSQL; a wallet's balance is read from its ledger account."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from paysetu.db.deferred import DeferredWrites, ReadAhead
from paysetu.db.pagination import fetch_page
from paysetu.kernel.pagination import PageRequest
from paysetu.wallets.rules.wallets import Customer, KycTier, Wallet

_WALLET_SELECT = (
    "SELECT w.id, w.customer_id, w.currency, w.account_id, w.created_at,"
    " a.credits_posted - a.debits_posted AS balance_minor, a.debits_pending AS pending_minor"
    " FROM wallets w JOIN ledger_accounts a ON a.id = w.account_id"
)


def _customer(row: sa.Row[Any]) -> Customer:
    return Customer(
        row.id, row.name, row.email, KycTier(row.kyc_tier), row.metadata, row.created_at,
        row.phone_e164,
    )


def _wallet(row: Any) -> Wallet:
    return Wallet(
        row.id, row.customer_id, row.currency, row.account_id, row.created_at,
        int(row.balance_minor), int(row.pending_minor),
    )


class CustomerStore:
    def __init__(self, connection: sa.Connection) -> None:
        self._connection = connection

    def insert(self, customer: Customer) -> bool:
        """False (nothing written) when another customer has the phone number."""
        inserted = self._connection.execute(
            sa.text(
                "INSERT INTO customers (id, name, email, kyc_tier, metadata, created_at,"
                " phone_e164) VALUES (:id, :name, :email, :tier, CAST(:metadata AS jsonb),"
                " :created_at, :phone) ON CONFLICT (phone_e164) DO NOTHING RETURNING id"
            ),
            {
                "id": customer.id, "name": customer.name, "email": customer.email,
                "tier": customer.kyc_tier.value, "metadata": json.dumps(dict(customer.metadata)),
                "created_at": customer.created_at, "phone": customer.phone_e164,
            },
        ).one_or_none()
        return inserted is not None

    def get(self, customer_id: str, *, for_update: bool = False) -> Customer | None:
        lock = " FOR NO KEY UPDATE" if for_update else ""
        row = self._connection.execute(
            sa.text(f"SELECT * FROM customers WHERE id = :id{lock}"), {"id": customer_id}
        ).one_or_none()
        return None if row is None else _customer(row)

    def list_page(self, page: PageRequest) -> tuple[list[Customer], bool]:
        rows, has_more = fetch_page(self._connection, "SELECT * FROM customers", "true", {}, page)
        return [_customer(r) for r in rows], has_more


_GET_WALLET = f"{_WALLET_SELECT} WHERE w.id = %(id)s"


class WalletStore:
    def __init__(self, connection: sa.Connection, writes: DeferredWrites) -> None:
        self._connection = connection
        self._ahead: ReadAhead[str] = ReadAhead(writes)

    def insert(self, wallet: Wallet) -> bool:
        """False when the customer already has a wallet in that currency."""
        result = self._connection.execute(
            sa.text(
                "INSERT INTO wallets (id, customer_id, currency, account_id, created_at)"
                " VALUES (:id, :customer_id, :currency, :account_id, :created_at)"
                " ON CONFLICT (customer_id, currency) DO NOTHING"
            ),
            {
                "id": wallet.id, "customer_id": wallet.customer_id, "currency": wallet.currency,
                "account_id": wallet.account_id, "created_at": wallet.created_at,
            },
        )
        return result.rowcount == 1

    def read_ahead(self, wallet_id: str) -> None:
        """Queue the read of :meth:`get` (:class:`~paysetu.db.deferred.ReadAhead`)."""
        self._ahead.want(wallet_id, _GET_WALLET, {"id": wallet_id})

    def get(self, wallet_id: str) -> Wallet | None:
        rows = self._ahead.take(wallet_id)
        if rows is None:
            rows = list(self._connection.exec_driver_sql(_GET_WALLET, {"id": wallet_id}))
        return _wallet(rows[0]) if rows else None

    def list_page(self, customer_id: str | None, page: PageRequest) -> tuple[list[Wallet], bool]:
        rows, has_more = fetch_page(
            self._connection,
            f"SELECT * FROM ({_WALLET_SELECT}) w",
            "CAST(:customer AS text) IS NULL OR customer_id = :customer",
            {"customer": customer_id},
            page,
        )
        return [_wallet(r) for r in rows], has_more

    def loaded_since(self, account_id: str, since: datetime) -> int:
        """Top-ups credited to the wallet's account since ``since`` (for monthly load limits)."""
        return int(
            self._connection.execute(
                sa.text(
                    "SELECT coalesce(sum(p.amount_minor), 0) FROM ledger_postings p"
                    " JOIN ledger_entries e ON e.id = p.entry_id"
                    " WHERE p.account_id = :account AND p.direction = 'credit'"
                    " AND p.created_at >= :since AND e.metadata->>'kind' = 'top_up'"
                ),
                {"account": account_id, "since": since},
            ).scalar_one()
        )
