"""Merchants and their ledger accounts (available, escrow, fees) per currency."""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa

from paysetu.db.deferred import DeferredWrites, ReadAhead
from paysetu.db.pagination import fetch_page
from paysetu.kernel.pagination import PageRequest
from paysetu.payments.rules.payments import FeePlan, Merchant, MerchantAccounts


def _merchant(row: Any) -> Merchant:
    return Merchant(
        row.id, row.legal_name, row.country, row.settlement_currency,
        FeePlan(row.fee_bps, row.fee_fixed_minor), row.metadata, row.created_at,
    )


_PURPOSES = ("available", "escrow", "fees")
_GET_WITH_ACCOUNTS = (
    "SELECT m.*, (SELECT jsonb_object_agg(ma.currency || ' ' || ma.purpose, ma.account_id)"
    " FROM merchant_accounts ma WHERE ma.merchant_id = m.id) AS account_ids"
    " FROM merchants m WHERE m.id = %(id)s"
)


class MerchantStore:
    """Merchants; one store per unit of work.

    :meth:`get` reads the merchant's ledger accounts with it and keeps the complete sets, so a
    payment's later :meth:`accounts` costs no round trip. Keeping them is safe: a merchant's
    accounts in a currency, once all three exist, never change (rows are only ever inserted,
    ``ON CONFLICT DO NOTHING``); a set still incomplete is asked for again.
    """

    def __init__(self, connection: sa.Connection, writes: DeferredWrites) -> None:
        self._connection = connection
        self._ahead: ReadAhead[str] = ReadAhead(writes)
        self._accounts: dict[tuple[str, str], MerchantAccounts] = {}
        """Account ids read in this unit of work (they never change once registered)."""

    def insert(self, merchant: Merchant) -> None:
        self._connection.execute(
            sa.text(
                "INSERT INTO merchants (id, legal_name, country, settlement_currency, fee_bps,"
                " fee_fixed_minor, metadata, created_at) VALUES (:id, :legal_name, :country,"
                " :currency, :fee_bps, :fee_fixed, CAST(:metadata AS jsonb), :created_at)"
            ),
            {
                "id": merchant.id, "legal_name": merchant.legal_name, "country": merchant.country,
                "currency": merchant.settlement_currency, "fee_bps": merchant.fee_plan.fee_bps,
                "fee_fixed": merchant.fee_plan.fee_fixed_minor,
                "metadata": json.dumps(dict(merchant.metadata)), "created_at": merchant.created_at,
            },
        )

    def read_ahead(self, merchant_id: str) -> None:
        """Queue the read of :meth:`get` (:class:`~paysetu.db.deferred.ReadAhead`)."""
        self._ahead.want(merchant_id, _GET_WITH_ACCOUNTS, {"id": merchant_id})

    def get(self, merchant_id: str) -> Merchant | None:
        rows = self._ahead.take(merchant_id)
        if rows is None:
            rows = list(self._connection.exec_driver_sql(_GET_WITH_ACCOUNTS, {"id": merchant_id}))
        if not rows:
            return None
        row = rows[0]
        ids: dict[str, str] = row.account_ids or {}
        for currency in {name.split(" ", 1)[0] for name in ids}:
            found = [ids.get(f"{currency} {purpose}") for purpose in _PURPOSES]
            if all(found):
                self._accounts[(merchant_id, currency)] = MerchantAccounts(*map(str, found))
        return _merchant(row)

    def list_page(self, only_id: str | None, page: PageRequest) -> tuple[list[Merchant], bool]:
        rows, has_more = fetch_page(
            self._connection, "SELECT * FROM merchants",
            "CAST(:only AS text) IS NULL OR id = :only", {"only": only_id}, page,
        )
        return [_merchant(r) for r in rows], has_more

    def accounts(self, merchant_id: str, currency: str) -> MerchantAccounts | None:
        known = self._accounts.get((merchant_id, currency))
        if known is not None:
            return known
        rows = {
            row.purpose: row.account_id
            for row in self._connection.execute(
                sa.text(
                    "SELECT purpose, account_id FROM merchant_accounts"
                    " WHERE merchant_id = :m AND currency = :c"
                ),
                {"m": merchant_id, "c": currency},
            )
        }
        if not rows:
            return None
        found = MerchantAccounts(rows["available"], rows["escrow"], rows["fees"])
        self._accounts[merchant_id, currency] = found
        return found

    def add_accounts(self, merchant_id: str, currency: str, accounts: MerchantAccounts) -> None:
        self._connection.execute(
            sa.text(
                "INSERT INTO merchant_accounts (merchant_id, currency, purpose, account_id)"
                " VALUES (:m, :c, 'available', :a), (:m, :c, 'escrow', :e), (:m, :c, 'fees', :f)"
                " ON CONFLICT DO NOTHING"
            ),
            {"m": merchant_id, "c": currency, "a": accounts.available, "e": accounts.escrow,
             "f": accounts.fees},
        )

    def balances(self, merchant_id: str) -> list[sa.Row[Any]]:
        """Per currency: available (posted), pending (authorised, not captured), escrow held."""
        return list(self._connection.execute(
            sa.text(
                "SELECT ma.currency,"
                " sum(a.credits_posted - a.debits_posted) FILTER (WHERE ma.purpose = 'available')"
                "   AS available_minor,"
                " sum(a.credits_pending) FILTER (WHERE ma.purpose IN ('available', 'escrow'))"
                "   AS pending_minor,"
                " sum(a.credits_posted - a.debits_posted) FILTER (WHERE ma.purpose = 'escrow')"
                "   AS escrow_minor"
                " FROM merchant_accounts ma JOIN ledger_accounts a ON a.id = ma.account_id"
                " WHERE ma.merchant_id = :m GROUP BY ma.currency ORDER BY ma.currency"
            ),
            {"m": merchant_id},
        ))
