"""Merchants and their ledger accounts (available, escrow, fees) per currency."""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa

from paysetu.db.pagination import fetch_page
from paysetu.kernel.pagination import PageRequest
from paysetu.payments.rules.payments import FeePlan, Merchant, MerchantAccounts


def _merchant(row: sa.Row[Any]) -> Merchant:
    return Merchant(
        row.id, row.legal_name, row.country, row.settlement_currency,
        FeePlan(row.fee_bps, row.fee_fixed_minor), row.metadata, row.created_at,
    )


class MerchantStore:
    def __init__(self, connection: sa.Connection) -> None:
        self._connection = connection
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

    def get(self, merchant_id: str) -> Merchant | None:
        row = self._connection.execute(
            sa.text("SELECT * FROM merchants WHERE id = :id"), {"id": merchant_id}
        ).one_or_none()
        return None if row is None else _merchant(row)

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
