"""Lenders, their ledger accounts, loan products, applications, and merchant history in SQL."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from paysetu.db.pagination import fetch_page
from paysetu.kernel.pagination import PageRequest
from paysetu.lending.rules.loans import (
    ApplicationState,
    Lender,
    LenderAccounts,
    LenderKind,
    LoanApplication,
    LoanCategory,
    LoanFilter,
    LoanProduct,
    OverpaymentPolicy,
)
from paysetu.lending.rules.schedule import DayCount, Frequency, InterestPeriod, ScheduleType
from paysetu.lending.rules.underwriting import MonthlyActivity

_APPLICATION_COLUMNS = (
    "id", "merchant_id", "lender_id", "product_id", "currency", "amount_minor",
    "tenure_periods", "purpose", "status", "underwriting_decision", "underwriting_policy",
    "suggested_limit_minor", "underwriting", "decision_reason", "decided_at", "loan_id",
    "metadata", "created_at", "updated_at",
)
_JSON_COLUMNS = frozenset({"underwriting", "metadata"})


def _lender(row: sa.Row[Any]) -> Lender:
    return Lender(row.id, row.name, LenderKind(row.kind), row.apex, row.metadata, row.created_at)


def _product(row: sa.Row[Any]) -> LoanProduct:
    return LoanProduct(
        id=row.id, name=row.name, category=LoanCategory(row.category), currency=row.currency,
        amount_min_minor=row.amount_min_minor, amount_max_minor=row.amount_max_minor,
        rate_min_bps=row.rate_min_bps, rate_max_bps=row.rate_max_bps,
        tenure_min_periods=row.tenure_min_periods, tenure_max_periods=row.tenure_max_periods,
        frequency=Frequency(row.frequency), schedule_type=ScheduleType(row.schedule_type),
        interest_period=InterestPeriod(row.interest_period), day_count=DayCount(row.day_count),
        installment_multiple_minor=row.installment_multiple_minor,
        processing_fee_bps=row.processing_fee_bps, prepayment_fee_bps=row.prepayment_fee_bps,
        foreclosure_fee_bps=row.foreclosure_fee_bps, penalty_rate_bps=row.penalty_rate_bps,
        sweep_bps=row.sweep_bps, allocation_order=row.allocation_order,
        overpayment_policy=OverpaymentPolicy(row.overpayment_policy),
        requires_repaid_category=(None if row.requires_repaid_category is None
                                  else LoanCategory(row.requires_repaid_category)),
        active=row.active,
    )


def _application(row: sa.Row[Any]) -> LoanApplication:
    return LoanApplication(
        id=row.id, merchant_id=row.merchant_id, lender_id=row.lender_id,
        product_id=row.product_id, currency=row.currency, amount_minor=row.amount_minor,
        tenure_periods=row.tenure_periods, purpose=row.purpose,
        status=ApplicationState(row.status), underwriting=row.underwriting,
        decision_reason=row.decision_reason, decided_at=row.decided_at, loan_id=row.loan_id,
        metadata=row.metadata, created_at=row.created_at, updated_at=row.updated_at,
    )


def _application_params(application: LoanApplication) -> dict[str, Any]:
    underwriting = dict(application.underwriting)
    return {
        "id": application.id, "merchant_id": application.merchant_id,
        "lender_id": application.lender_id, "product_id": application.product_id,
        "currency": application.currency, "amount_minor": application.amount_minor,
        "tenure_periods": application.tenure_periods, "purpose": application.purpose,
        "status": application.status.value,
        "underwriting_decision": underwriting["decision"],
        "underwriting_policy": underwriting["policy_version"],
        "suggested_limit_minor": underwriting["suggested_limit_minor"],
        "underwriting": json.dumps(underwriting),
        "decision_reason": application.decision_reason, "decided_at": application.decided_at,
        "loan_id": application.loan_id, "metadata": json.dumps(dict(application.metadata)),
        "created_at": application.created_at, "updated_at": application.updated_at,
    }


SCOPE_SQL = (
    "(CAST(:merchant AS text) IS NULL OR merchant_id = :merchant)"
    " AND (CAST(:lender AS text) IS NULL OR lender_id = :lender)"
    " AND (CAST(:status AS text) IS NULL OR status = :status)"
)
"""Who sees which applications and loans (a merchant, a lender, or anyone for the platform)."""


def scope_params(scope: LoanFilter) -> dict[str, Any]:
    return {"merchant": scope.merchant_id, "lender": scope.lender_id, "status": scope.status}


class LendingStore:
    def __init__(self, connection: sa.Connection) -> None:
        self._connection = connection

    def insert_lender(self, lender: Lender) -> bool:
        row = self._connection.execute(
            sa.text(
                "INSERT INTO lenders (id, name, kind, apex, metadata, created_at) VALUES (:id,"
                " :name, :kind, :apex, CAST(:metadata AS jsonb), :created_at)"
                " ON CONFLICT (apex) WHERE apex DO NOTHING RETURNING id"
            ),
            {"id": lender.id, "name": lender.name, "kind": lender.kind.value, "apex": lender.apex,
             "metadata": json.dumps(dict(lender.metadata)), "created_at": lender.created_at},
        ).one_or_none()
        return row is not None

    def get_lender(self, lender_id: str) -> Lender | None:
        row = self._connection.execute(
            sa.text("SELECT * FROM lenders WHERE id = :id"), {"id": lender_id}
        ).one_or_none()
        return None if row is None else _lender(row)

    def apex_lender(self) -> Lender | None:
        row = self._connection.execute(
            sa.text("SELECT * FROM lenders WHERE apex")).one_or_none()
        return None if row is None else _lender(row)

    def list_lenders(self, only_id: str | None, page: PageRequest) -> tuple[list[Lender], bool]:
        rows, has_more = fetch_page(
            self._connection, "SELECT * FROM lenders",
            "CAST(:only AS text) IS NULL OR id = :only", {"only": only_id}, page,
        )
        return [_lender(r) for r in rows], has_more

    def lender_accounts(self, lender_id: str, currency: str) -> LenderAccounts | None:
        rows = {
            row.purpose: row.account_id
            for row in self._connection.execute(
                sa.text("SELECT purpose, account_id FROM lender_accounts"
                        " WHERE lender_id = :l AND currency = :c"),
                {"l": lender_id, "c": currency},
            )
        }
        if "funding" not in rows:
            return None
        return LenderAccounts(rows["funding"], rows["capital"], rows["interest_income"],
                              rows["fee_income"], rows["penalty_income"], rows["settlement"])

    def lender_currencies(self, lender_id: str) -> list[str]:
        rows = self._connection.execute(
            sa.text("SELECT DISTINCT currency FROM lender_accounts WHERE lender_id = :l"
                    " ORDER BY currency"),
            {"l": lender_id},
        )
        return [str(r.currency) for r in rows]

    def add_lender_accounts(self, lender_id: str, currency: str, accounts: LenderAccounts) -> None:
        self.add_purpose_accounts(lender_id, currency, accounts.by_purpose())

    def purpose_accounts(self, lender_id: str, currency: str) -> dict[str, str]:
        rows = self._connection.execute(
            sa.text("SELECT purpose, account_id FROM lender_accounts"
                    " WHERE lender_id = :l AND currency = :c"),
            {"l": lender_id, "c": currency},
        )
        return {str(row.purpose): str(row.account_id) for row in rows}

    def add_purpose_accounts(
        self, lender_id: str, currency: str, accounts: Mapping[str, str]
    ) -> None:
        self._connection.execute(
            sa.text(
                "INSERT INTO lender_accounts (lender_id, currency, purpose, account_id)"
                " SELECT :l, :c, x.key, x.value FROM jsonb_each_text(CAST(:accounts AS jsonb)) x"
                " ON CONFLICT DO NOTHING"
            ),
            {"l": lender_id, "c": currency, "accounts": json.dumps(dict(accounts))},
        )

    def get_product(self, product_id: str) -> LoanProduct | None:
        row = self._connection.execute(
            sa.text("SELECT * FROM loan_products WHERE id = :id"), {"id": product_id}
        ).one_or_none()
        return None if row is None else _product(row)

    def list_products(self) -> list[LoanProduct]:
        rows = self._connection.execute(
            sa.text("SELECT * FROM loan_products ORDER BY currency, amount_min_minor, id"))
        return [_product(r) for r in rows]

    def insert_application(self, application: LoanApplication) -> None:
        params = _application_params(application)
        values = ", ".join(
            f"CAST(:{c} AS jsonb)" if c in _JSON_COLUMNS else f":{c}" for c in _APPLICATION_COLUMNS
        )
        self._connection.execute(
            sa.text(f"INSERT INTO loan_applications ({', '.join(_APPLICATION_COLUMNS)})"
                    f" VALUES ({values})"),
            params,
        )

    def get_application(
        self, application_id: str, *, for_update: bool = False
    ) -> LoanApplication | None:
        lock = " FOR NO KEY UPDATE" if for_update else ""
        row = self._connection.execute(
            sa.text(f"SELECT * FROM loan_applications WHERE id = :id{lock}"),
            {"id": application_id},
        ).one_or_none()
        return None if row is None else _application(row)

    def save_application(self, application: LoanApplication) -> None:
        """Write the decision (the request and its underwriting never change)."""
        self._connection.execute(
            sa.text(
                "UPDATE loan_applications SET status = :status, decision_reason = :reason,"
                " decided_at = :decided_at, loan_id = :loan_id, updated_at = :updated_at"
                " WHERE id = :id"
            ),
            {"id": application.id, "status": application.status.value,
             "reason": application.decision_reason, "decided_at": application.decided_at,
             "loan_id": application.loan_id, "updated_at": application.updated_at},
        )

    def list_applications(
        self, scope: LoanFilter, page: PageRequest
    ) -> tuple[list[LoanApplication], bool]:
        rows, has_more = fetch_page(self._connection, "SELECT * FROM loan_applications",
                                    SCOPE_SQL, scope_params(scope), page)
        return [_application(r) for r in rows], has_more

    def monthly_activity(
        self, merchant_id: str, currency: str, since: datetime, until: datetime
    ) -> list[MonthlyActivity]:
        """Captured volume and succeeded refunds per UTC calendar month in ``[since, until)``."""
        rows = self._connection.execute(
            sa.text(
                "WITH volume AS (SELECT date_trunc('month', created_at AT TIME ZONE 'UTC')::date"
                "   AS month, sum(amount_captured_minor) AS minor FROM payments"
                "   WHERE merchant_id = :m AND currency = :c AND amount_captured_minor > 0"
                "   AND created_at >= :since AND created_at < :until GROUP BY 1),"
                " refunded AS (SELECT date_trunc('month', created_at AT TIME ZONE 'UTC')::date"
                "   AS month, sum(amount_minor) AS minor FROM refunds"
                "   WHERE merchant_id = :m AND currency = :c AND status = 'succeeded'"
                "   AND created_at >= :since AND created_at < :until GROUP BY 1)"
                " SELECT coalesce(v.month, r.month) AS month, coalesce(v.minor, 0) AS volume,"
                " coalesce(r.minor, 0) AS refunds FROM volume v FULL JOIN refunded r"
                " ON r.month = v.month ORDER BY 1"
            ),
            {"m": merchant_id, "c": currency, "since": since, "until": until},
        )
        return [MonthlyActivity(_as_date(r.month), int(r.volume), int(r.refunds)) for r in rows]


def _as_date(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value
