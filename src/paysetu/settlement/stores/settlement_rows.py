"""Settlement reads: batches, items, payouts, schedules and payout accounts, row by row.

The other half of the settlement repository (the run's set-based SQL is in
:mod:`.settlement_run_store`). Items of a large batch are streamed with a server-side cursor.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from paysetu.db.pagination import fetch_page
from paysetu.kernel.pagination import PageRequest
from paysetu.settlement.rules.payout_accounts import (
    BankCodeScheme,
    PayoutAccount,
    PayoutAccountDetails,
    PayoutScheme,
)
from paysetu.settlement.rules.records import Payout, PayoutStatus, SettlementBatch, SettlementItem
from paysetu.settlement.rules.settlement import (
    BatchPlan,
    BatchStatus,
    CarryReason,
    ItemType,
    SettlementSchedule,
    WindowTotals,
)

STREAM_ROWS = 2_000
"""Rows fetched per round trip when streaming a batch's items."""


def schedule_from_row(row: Any) -> SettlementSchedule | None:
    if row.time_zone is None:
        return None
    return SettlementSchedule(
        row.time_zone, row.cutoff_local, row.delay_days, row.reserve_bps,
        row.reserve_release_days, {k: int(v) for k, v in row.payout_minimums.items()},
    )


def _batch(row: Any) -> SettlementBatch:
    status = BatchStatus(row.status)
    return SettlementBatch(
        id=row.id, merchant_id=row.merchant_id, currency=row.currency.strip(),
        settlement_date=row.settlement_date, window_start=row.window_start,
        window_end=row.window_end, status=status,
        carry_reason=None if row.carry_reason is None else CarryReason(row.carry_reason),
        totals=WindowTotals(row.item_count, row.gross_minor, row.refunds_minor, row.fees_minor,
                            row.adjustments_minor),
        carried_in_minor=row.carried_in_minor,
        plan=BatchPlan(
            reserve_held_minor=row.reserve_held_minor,
            reserve_released_minor=row.reserve_released_minor,
            loan_sweep_minor=row.loan_sweep_minor, net_minor=row.net_minor,
            payout_minor=row.payout_minor, carried_forward_minor=row.carried_forward_minor,
            status=status,
            carry_reason=None if row.carry_reason is None else CarryReason(row.carry_reason),
        ),
        reserve_release_at=row.reserve_release_at, reserve_released_by=row.reserve_released_by,
        payout_account_id=row.payout_account_id, payout_id=row.payout_id,
        created_at=row.created_at,
    )


def _item(row: Any) -> SettlementItem:
    return SettlementItem(
        row.batch_id, row.posting_id, ItemType(row.type), row.entry_id, row.source_id,
        row.gross_minor, row.fee_minor, row.net_minor, row.occurred_at,
    )


def _payout(row: Any) -> Payout:
    return Payout(row.id, row.batch_id, row.merchant_id, row.amount_minor, row.currency.strip(),
                  row.end_to_end_id, PayoutStatus(row.status), row.created_at)


def _payout_account(row: Any) -> PayoutAccount:
    details = PayoutAccountDetails(
        scheme=PayoutScheme(row.scheme), holder_name=row.holder_name,
        currency=row.currency.strip(), country=row.country, iban=row.iban, bic=row.bic,
        account_number=row.account_number, bank_code=row.bank_code,
        bank_code_scheme=None if row.bank_code_scheme is None
        else BankCodeScheme(row.bank_code_scheme),
    )
    return PayoutAccount(row.id, row.merchant_id, details, row.active, row.created_at)


class SettlementReadStore:
    """Reads and the small writes of schedules and payout accounts."""

    def __init__(self, connection: sa.Connection) -> None:
        self._connection = connection

    def get_batch(self, batch_id: str) -> SettlementBatch | None:
        row = self._connection.execute(
            sa.text("SELECT * FROM settlement_batches WHERE id = :id"), {"id": batch_id}
        ).one_or_none()
        return None if row is None else _batch(row)

    def list_batches(
        self, merchant_id: str | None, settlement_date: date | None, page: PageRequest
    ) -> tuple[list[SettlementBatch], bool]:
        rows, has_more = fetch_page(
            self._connection, "SELECT * FROM settlement_batches",
            "(CAST(:merchant AS text) IS NULL OR merchant_id = :merchant)"
            " AND (CAST(:day AS date) IS NULL OR settlement_date = :day)",
            {"merchant": merchant_id, "day": settlement_date},
            page,
        )
        return [_batch(r) for r in rows], has_more

    def items_page(
        self, batch_id: str, after_posting: int, limit: int
    ) -> tuple[list[SettlementItem], bool]:
        rows = self._connection.execute(sa.text(
            "SELECT * FROM settlement_items WHERE batch_id = :batch AND posting_id > :after"
            " ORDER BY posting_id LIMIT :limit"),
            {"batch": batch_id, "after": after_posting, "limit": limit + 1}).all()
        return [_item(r) for r in rows[:limit]], len(rows) > limit

    def stream_items(self, batch_id: str) -> Iterator[SettlementItem]:
        """Every item of the batch in order, fetched in pages by a server-side cursor."""
        result = self._connection.execution_options(yield_per=STREAM_ROWS).execute(
            sa.text("SELECT * FROM settlement_items WHERE batch_id = :batch"
                    " ORDER BY posting_id"),
            {"batch": batch_id})
        for row in result:
            yield _item(row)

    def payout_for_batch(self, batch_id: str) -> Payout | None:
        row = self._connection.execute(
            sa.text("SELECT * FROM payouts WHERE batch_id = :batch"), {"batch": batch_id}
        ).one_or_none()
        return None if row is None else _payout(row)

    def get_schedule(self, merchant_id: str) -> SettlementSchedule | None:
        row = self._connection.execute(
            sa.text("SELECT * FROM merchant_settlement_settings WHERE merchant_id = :m"),
            {"m": merchant_id}).one_or_none()
        return None if row is None else schedule_from_row(row)

    def save_schedule(
        self, merchant_id: str, schedule: SettlementSchedule, now: datetime
    ) -> None:
        self._connection.execute(sa.text(
            "INSERT INTO merchant_settlement_settings (merchant_id, time_zone, cutoff_local,"
            " delay_days, reserve_bps, reserve_release_days, payout_minimums, created_at,"
            " updated_at) VALUES (:m, :tz, :cutoff, :delay, :bps, :release,"
            " CAST(:minimums AS jsonb), :now, :now)"
            " ON CONFLICT (merchant_id) DO UPDATE SET time_zone = EXCLUDED.time_zone,"
            " cutoff_local = EXCLUDED.cutoff_local, delay_days = EXCLUDED.delay_days,"
            " reserve_bps = EXCLUDED.reserve_bps,"
            " reserve_release_days = EXCLUDED.reserve_release_days,"
            " payout_minimums = EXCLUDED.payout_minimums, updated_at = EXCLUDED.updated_at"),
            {"m": merchant_id, "tz": schedule.time_zone, "cutoff": schedule.cutoff_local,
             "delay": schedule.delay_days, "bps": schedule.reserve_bps,
             "release": schedule.reserve_release_days,
             "minimums": json.dumps(dict(schedule.payout_minimums)), "now": now})

    def insert_payout_account(self, account: PayoutAccount) -> None:
        d = account.details
        self._connection.execute(sa.text(
            "UPDATE merchant_payout_accounts SET active = false"
            " WHERE merchant_id = :m AND currency = :c AND active"),
            {"m": account.merchant_id, "c": d.currency})
        self._connection.execute(sa.text(
            "INSERT INTO merchant_payout_accounts (id, merchant_id, currency, scheme, holder_name,"
            " country, iban, bic, account_number, bank_code, bank_code_scheme, active, created_at)"
            " VALUES (:id, :m, :c, :scheme, :holder, :country, :iban, :bic, :number, :code,"
            " :code_scheme, true, :created_at)"),
            {"id": account.id, "m": account.merchant_id, "c": d.currency,
             "scheme": d.scheme.value, "holder": d.holder_name, "country": d.country,
             "iban": d.iban, "bic": d.bic, "number": d.account_number, "code": d.bank_code,
             "code_scheme": None if d.bank_code_scheme is None else d.bank_code_scheme.value,
             "created_at": account.created_at})

    def get_payout_account(self, account_id: str) -> PayoutAccount | None:
        row = self._connection.execute(
            sa.text("SELECT * FROM merchant_payout_accounts WHERE id = :id"), {"id": account_id}
        ).one_or_none()
        return None if row is None else _payout_account(row)

    def list_payout_accounts(self, merchant_id: str | None) -> list[PayoutAccount]:
        rows = self._connection.execute(sa.text(
            "SELECT * FROM merchant_payout_accounts"
            " WHERE CAST(:m AS text) IS NULL OR merchant_id = :m"
            " ORDER BY merchant_id, id DESC LIMIT 1000"), {"m": merchant_id})
        return [_payout_account(r) for r in rows]
