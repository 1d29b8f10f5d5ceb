"""Loans, their installments and repayments in SQL: state and allocation, never balances.

Every operation on a loan locks its row first (``FOR NO KEY UPDATE``), then the ledger locks
the accounts; the EMI auto-debit skips loans a request holds (``SKIP LOCKED``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import fields
from datetime import date
from typing import Any

import sqlalchemy as sa

from paysetu.db.pagination import fetch_page
from paysetu.kernel.pagination import PageRequest
from paysetu.lending.rules.allocation import Installment
from paysetu.lending.rules.classification import AssetClass
from paysetu.lending.rules.loans import (
    ClosedReason,
    Loan,
    LoanCategory,
    LoanFilter,
    LoanRepayment,
    LoanState,
    OverpaymentPolicy,
    RepaymentSource,
)
from paysetu.lending.rules.schedule import DayCount, Frequency, InterestPeriod, ScheduleType
from paysetu.lending.stores.lending_store import SCOPE_SQL, scope_params
from paysetu.lending.stores.loan_close_day_set_store import LoanCloseDaySetQueries
from paysetu.lending.stores.loan_close_day_store import CloseDayQueries
from paysetu.lending.stores.loan_portfolio_history_store import PortfolioHistoryQueries
from paysetu.lending.stores.loan_portfolio_store import PortfolioQueries
from paysetu.lending.stores.refinance_store import RefinanceQueries

_LOAN_COLUMNS = tuple(f.name for f in fields(Loan))
_LOAN_MUTABLE = (
    "status", "closed_reason", "disbursal_entry_id", "disbursed_on", "closed_on",
    "interest_accrued_minor", "interest_accrued_through", "auto_debit_attempted_on", "updated_at",
    "classified_on", "days_past_due", "asset_class", "npa_since", "provision_minor",
    "interest_suspense_minor", "write_off_reason",
)
_ENUM_COLUMNS = {
    "category": LoanCategory, "frequency": Frequency, "schedule_type": ScheduleType,
    "interest_period": InterestPeriod, "day_count": DayCount,
    "overpayment_policy": OverpaymentPolicy, "status": LoanState, "asset_class": AssetClass,
}
_INSTALLMENT_COLUMNS = tuple(f.name for f in fields(Installment))
_REPAYMENT_COLUMNS = tuple(f.name for f in fields(LoanRepayment))


def _loan(row: sa.Row[Any]) -> Loan:
    values = {name: getattr(row, name) for name in _LOAN_COLUMNS}
    for name, enum in _ENUM_COLUMNS.items():
        values[name] = enum(values[name])
    if values["closed_reason"] is not None:
        values["closed_reason"] = ClosedReason(values["closed_reason"])
    return Loan(**values)


def _loan_params(loan: Loan) -> dict[str, Any]:
    params = {name: getattr(loan, name) for name in _LOAN_COLUMNS}
    return {k: (v.value if hasattr(v, "value") else v) for k, v in params.items()}


def _installment(row: sa.Row[Any]) -> Installment:
    return Installment(**{name: getattr(row, name) for name in _INSTALLMENT_COLUMNS})


def _repayment(row: sa.Row[Any]) -> LoanRepayment:
    values = {name: getattr(row, name) for name in _REPAYMENT_COLUMNS}
    values["source"] = RepaymentSource(values["source"])
    values["allocation"] = tuple(values["allocation"])
    return LoanRepayment(**values)


class LoanStore(CloseDayQueries, LoanCloseDaySetQueries, RefinanceQueries, PortfolioQueries,
                PortfolioHistoryQueries):
    def __init__(self, connection: sa.Connection) -> None:
        self._connection = connection

    def insert(self, loan: Loan) -> None:
        self._connection.execute(
            sa.text(f"INSERT INTO loans ({', '.join(_LOAN_COLUMNS)})"
                    f" VALUES ({', '.join(':' + c for c in _LOAN_COLUMNS)})"),
            _loan_params(loan),
        )

    def get(self, loan_id: str, *, for_update: bool = False) -> Loan | None:
        lock = " FOR NO KEY UPDATE" if for_update else ""
        row = self._connection.execute(
            sa.text(f"SELECT * FROM loans WHERE id = :id{lock}"), {"id": loan_id}
        ).one_or_none()
        return None if row is None else _loan(row)

    def save(self, loan: Loan) -> None:
        params = _loan_params(loan)
        assignments = ", ".join(f"{name} = :{name}" for name in _LOAN_MUTABLE)
        self._connection.execute(
            sa.text(f"UPDATE loans SET {assignments} WHERE id = :id"),
            {name: params[name] for name in (*_LOAN_MUTABLE, "id")},
        )

    def list_page(self, scope: LoanFilter, page: PageRequest) -> tuple[list[Loan], bool]:
        rows, has_more = fetch_page(self._connection, "SELECT * FROM loans", SCOPE_SQL,
                                    scope_params(scope), page)
        return [_loan(r) for r in rows], has_more

    def insert_installments(self, loan_id: str, installments: Sequence[Installment]) -> None:
        self._connection.execute(
            sa.text(
                f"INSERT INTO loan_installments (loan_id, {', '.join(_INSTALLMENT_COLUMNS)})"
                f" VALUES (:loan_id, {', '.join(':' + c for c in _INSTALLMENT_COLUMNS)})"
            ),
            [{"loan_id": loan_id, **{c: getattr(i, c) for c in _INSTALLMENT_COLUMNS}}
             for i in installments],
        )

    def installments(self, loan_id: str) -> list[Installment]:
        rows = self._connection.execute(
            sa.text("SELECT * FROM loan_installments WHERE loan_id = :id ORDER BY number"),
            {"id": loan_id},
        )
        return [_installment(r) for r in rows]

    def save_installments(
        self, loan_id: str, installments: Sequence[Installment], on: date
    ) -> None:
        """Update every given installment; those fully paid now get ``paid_on = on``."""
        assignments = ", ".join(f"{c} = :{c}" for c in _INSTALLMENT_COLUMNS if c != "number")
        self._connection.execute(
            sa.text(
                f"UPDATE loan_installments SET {assignments}, paid_on = CASE WHEN"
                " CAST(:fully_paid AS boolean) THEN coalesce(paid_on, CAST(:on AS date)) END"
                " WHERE loan_id = :loan_id AND number = :number"
            ),
            [{"loan_id": loan_id, "on": on, "fully_paid": i.fully_paid,
              **{c: getattr(i, c) for c in _INSTALLMENT_COLUMNS}} for i in installments],
        )

    def insert_repayment(self, repayment: LoanRepayment) -> None:
        params = {c: getattr(repayment, c) for c in _REPAYMENT_COLUMNS}
        params["source"] = repayment.source.value
        params["allocation"] = json.dumps([dict(a) for a in repayment.allocation])
        values = ", ".join("CAST(:allocation AS jsonb)" if c == "allocation" else f":{c}"
                           for c in _REPAYMENT_COLUMNS)
        self._connection.execute(
            sa.text(f"INSERT INTO loan_repayments ({', '.join(_REPAYMENT_COLUMNS)})"
                    f" VALUES ({values})"),
            params,
        )

    def list_repayments(
        self, loan_id: str, page: PageRequest
    ) -> tuple[list[LoanRepayment], bool]:
        rows, has_more = fetch_page(self._connection, "SELECT * FROM loan_repayments",
                                    "loan_id = :loan", {"loan": loan_id}, page)
        return [_repayment(r) for r in rows], has_more

    def has_repaid(self, merchant_id: str, category: LoanCategory) -> bool:
        return bool(self._connection.execute(
            sa.text("SELECT EXISTS (SELECT 1 FROM loans WHERE merchant_id = :m"
                    " AND category = :c AND status = 'closed')"),
            {"m": merchant_id, "c": category.value},
        ).scalar_one())

    def active_for_merchant(
        self, merchant_id: str, currency: str, *, for_update: bool = False
    ) -> list[Loan]:
        lock = " FOR NO KEY UPDATE" if for_update else ""
        rows = self._connection.execute(
            sa.text("SELECT * FROM loans WHERE merchant_id = :m AND currency = :c"
                    f" AND status = 'active' ORDER BY id{lock}"),
            {"m": merchant_id, "c": currency},
        )
        return [_loan(r) for r in rows]

    def merchants_with_active_loans(
        self, pairs: Sequence[tuple[str, str]]
    ) -> set[tuple[str, str]]:
        rows = self._connection.execute(
            sa.text("SELECT DISTINCT l.merchant_id, l.currency FROM loans l"
                    " JOIN unnest(CAST(:m AS text[]), CAST(:c AS text[])) AS x(m, c)"
                    " ON l.merchant_id = x.m AND l.currency = x.c WHERE l.status = 'active'"),
            {"m": [p[0] for p in pairs], "c": [p[1] for p in pairs]},
        )
        return {(r.merchant_id, r.currency.strip()) for r in rows}

    def due_for_auto_debit(self, on: date, limit: int) -> list[Loan]:
        rows = self._connection.execute(
            sa.text(
                "SELECT l.* FROM loans l WHERE l.status = 'active'"
                " AND (l.auto_debit_attempted_on IS NULL OR l.auto_debit_attempted_on < :on)"
                " AND EXISTS (SELECT 1 FROM loan_installments i WHERE i.loan_id = l.id"
                "   AND NOT i.fully_paid AND i.due_date <= :on)"
                " ORDER BY l.id LIMIT :limit FOR NO KEY UPDATE OF l SKIP LOCKED"
            ),
            {"on": on, "limit": limit},
        )
        return [_loan(r) for r in rows]
