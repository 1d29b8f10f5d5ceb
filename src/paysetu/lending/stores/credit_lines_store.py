"""Credit lines, their statement and monthly interest debits in SQL: state, never balances.

Every operation on a line locks its row first (``FOR NO KEY UPDATE``), then the ledger locks
the accounts; where loans are involved too (the sweep, close of business) loans are locked
before lines. Close of business's queries are in :mod:`.credit_line_close_day_store`.
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
from paysetu.lending.rules.classification import AssetClass
from paysetu.lending.rules.credit_lines import CreditLine, LineMovement, LineMovementKind, LineState
from paysetu.lending.rules.loans import LoanCategory, LoanFilter
from paysetu.lending.rules.refinance import RefinancedLoan
from paysetu.lending.stores.credit_line_applications_store import CreditLineApplicationQueries
from paysetu.lending.stores.credit_line_close_day_store import CreditLineCloseDayQueries
from paysetu.lending.stores.lending_store import SCOPE_SQL, scope_params

_LINE_COLUMNS = tuple(f.name for f in fields(CreditLine))
_LINE_MUTABLE = tuple(c for c in _LINE_COLUMNS if c not in {
    "id", "merchant_id", "lender_id", "currency", "drawn_account_id", "interest_account_id",
    "funding_account_id", "sanctioned_on", "created_at"})
_MOVEMENT_COLUMNS = tuple(f.name for f in fields(LineMovement))
_JSON_COLUMNS = ("metadata",)
_BOOKS_SQL = """
WITH held AS (
    SELECT lender_id, currency, sum(provision_minor) AS provision,
        sum(interest_suspense_minor) AS suspense
    FROM (SELECT lender_id, currency, provision_minor, interest_suspense_minor FROM loans
          UNION ALL SELECT lender_id, currency, provision_minor, interest_suspense_minor
          FROM credit_lines) x
    GROUP BY 1, 2
), accounts AS (
    SELECT h.lender_id, h.currency, h.provision, h.suspense,
        coalesce((SELECT a.credits_posted - a.debits_posted FROM lender_accounts p
                  JOIN ledger_accounts a ON a.id = p.account_id WHERE p.lender_id = h.lender_id
                  AND p.currency = h.currency AND p.purpose = 'loan_loss_provision'), 0) AS lp,
        coalesce((SELECT a.credits_posted - a.debits_posted FROM lender_accounts p
                  JOIN ledger_accounts a ON a.id = p.account_id WHERE p.lender_id = h.lender_id
                  AND p.currency = h.currency AND p.purpose = 'interest_suspense'), 0) AS ls
    FROM held h
), lines AS (
    SELECT c.id, a.debits_posted - a.credits_posted AS ledger,
        coalesce(sum(CASE WHEN m.kind IN ('draw', 'interest_debit') THEN m.amount_minor
                          ELSE -m.principal_minor END), 0) AS stored
    FROM credit_lines c JOIN ledger_accounts a ON a.id = c.drawn_account_id
        LEFT JOIN credit_line_movements m ON m.line_id = c.id
    GROUP BY c.id, a.debits_posted, a.credits_posted
)
SELECT lender_id || ' ' || currency AS subject, 'loan-loss provision' AS what, lp AS ledger,
    provision AS stored FROM accounts WHERE lp <> provision
UNION ALL SELECT lender_id || ' ' || currency, 'interest suspense', ls, suspense FROM accounts
    WHERE ls <> suspense
UNION ALL SELECT id, 'drawn balance', ledger, stored FROM lines WHERE ledger <> stored
ORDER BY 1, 2
"""
_REFINANCED_COLUMNS = ("line_id", "claim_id", "share_bps", "principal_minor", "refinanced_minor",
                       "passed_minor")


def line_from_row(row: sa.Row[Any]) -> CreditLine:
    values = {name: getattr(row, name) for name in _LINE_COLUMNS}
    values["category"] = LoanCategory(values["category"])
    values["status"] = LineState(values["status"])
    values["asset_class"] = AssetClass(values["asset_class"])
    values["currency"] = values["currency"].strip()
    return CreditLine(**values)


def _params(line: CreditLine) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for name in _LINE_COLUMNS:
        value = getattr(line, name)
        if name in _JSON_COLUMNS:
            value = json.dumps(dict(value))
        params[name] = value.value if hasattr(value, "value") else value
    return params


def _value(name: str) -> str:
    return f"CAST(:{name} AS jsonb)" if name in _JSON_COLUMNS else f":{name}"


def _movement(row: sa.Row[Any]) -> LineMovement:
    values = {name: getattr(row, name) for name in _MOVEMENT_COLUMNS if name != "on"}
    values["kind"] = LineMovementKind(values["kind"])
    return LineMovement(**values, on=row.business_date)


class CreditLineStore(CreditLineCloseDayQueries, CreditLineApplicationQueries):
    def __init__(self, connection: sa.Connection) -> None:
        self._connection = connection

    def insert(self, line: CreditLine) -> bool:
        """False when the merchant already has an open line with the lender in the currency."""
        row = self._connection.execute(
            sa.text(f"INSERT INTO credit_lines ({', '.join(_LINE_COLUMNS)})"
                    f" VALUES ({', '.join(_value(c) for c in _LINE_COLUMNS)})"
                    " ON CONFLICT (merchant_id, lender_id, currency) WHERE status = 'active'"
                    " DO NOTHING RETURNING id"),
            _params(line),
        ).one_or_none()
        return row is not None

    def get(self, line_id: str, *, for_update: bool = False) -> CreditLine | None:
        lock = " FOR NO KEY UPDATE" if for_update else ""
        row = self._connection.execute(
            sa.text(f"SELECT * FROM credit_lines WHERE id = :id{lock}"), {"id": line_id}
        ).one_or_none()
        return None if row is None else line_from_row(row)

    def save(self, line: CreditLine) -> None:
        params = _params(line)
        assignments = ", ".join(f"{name} = {_value(name)}" for name in _LINE_MUTABLE)
        self._connection.execute(
            sa.text(f"UPDATE credit_lines SET {assignments} WHERE id = :id"),
            {name: params[name] for name in (*_LINE_MUTABLE, "id")},
        )

    def list_page(self, scope: LoanFilter, page: PageRequest) -> tuple[list[CreditLine], bool]:
        rows, has_more = fetch_page(self._connection, "SELECT * FROM credit_lines", SCOPE_SQL,
                                    scope_params(scope), page)
        return [line_from_row(r) for r in rows], has_more

    def active_for_merchant(
        self, merchant_id: str, currency: str, *, for_update: bool = False
    ) -> list[CreditLine]:
        lock = " FOR NO KEY UPDATE" if for_update else ""
        rows = self._connection.execute(
            sa.text("SELECT * FROM credit_lines WHERE merchant_id = :m AND currency = :c"
                    f" AND status = 'active' ORDER BY id{lock}"),
            {"m": merchant_id, "c": currency},
        )
        return [line_from_row(r) for r in rows]

    def insert_movement(self, movement: LineMovement) -> None:
        params = {c: getattr(movement, c) for c in _MOVEMENT_COLUMNS}
        params["kind"] = movement.kind.value
        columns = [("business_date" if c == "on" else c) for c in _MOVEMENT_COLUMNS]
        self._connection.execute(
            sa.text(f"INSERT INTO credit_line_movements ({', '.join(columns)})"
                    f" VALUES ({', '.join(':' + c for c in _MOVEMENT_COLUMNS)})"),
            params,
        )

    def list_movements(
        self, line_id: str, page: PageRequest
    ) -> tuple[list[LineMovement], bool]:
        rows, has_more = fetch_page(self._connection, "SELECT * FROM credit_line_movements",
                                    "line_id = :line", {"line": line_id}, page)
        return [_movement(r) for r in rows], has_more

    def cover_interest(self, line_id: str, amount_minor: int) -> None:
        """A credit of ``amount_minor`` covers the line's debited interest, oldest first."""
        self._connection.execute(
            sa.text(
                "WITH open AS (SELECT debited_on, amount_minor - covered_minor AS open_minor,"
                "   sum(amount_minor - covered_minor) OVER (ORDER BY debited_on) AS upto"
                "   FROM credit_line_interest_debits"
                "   WHERE line_id = :line AND covered_minor < amount_minor)"
                " UPDATE credit_line_interest_debits d SET covered_minor = d.covered_minor"
                "   + least(o.open_minor, :amount - (o.upto - o.open_minor))"
                " FROM open o WHERE d.line_id = :line AND d.debited_on = o.debited_on"
                "   AND o.upto - o.open_minor < :amount"
            ),
            {"line": line_id, "amount": amount_minor},
        )

    def uncovered_minor(self, line_id: str) -> int:
        """The interest debited to the line and not yet covered by credits."""
        total = self._connection.execute(
            sa.text("SELECT coalesce(sum(amount_minor - covered_minor), 0)"
                    " FROM credit_line_interest_debits WHERE line_id = :line"),
            {"line": line_id},
        ).scalar_one()
        return int(total)

    def uncovered_since(self, line_id: str) -> date | None:
        since: date | None = self._connection.execute(
            sa.text("SELECT min(debited_on) FROM credit_line_interest_debits"
                    " WHERE line_id = :line AND covered_minor < amount_minor"),
            {"line": line_id},
        ).scalar_one()
        return since

    def net_settled(self, merchant_id: str, currency: str, first: date, last: date) -> int:
        """The merchant's settled gross - refunds - fees of settlement dates ``first..last``."""
        net: int = self._connection.execute(
            sa.text("SELECT coalesce(sum(gross_minor - refunds_minor - fees_minor), 0)"
                    " FROM settlement_batches WHERE merchant_id = :m AND currency = :c"
                    " AND settlement_date BETWEEN :first AND :last"),
            {"m": merchant_id, "c": currency, "first": first, "last": last},
        ).scalar_one()
        return int(net)

    def lines_for_merchants(self, pairs: list[tuple[str, str]]) -> set[tuple[str, str]]:
        """Which of these ``(merchant, currency)`` pairs have an active line (one query;
        settlement's sweep asks)."""
        rows = self._connection.execute(
            sa.text("SELECT DISTINCT c.merchant_id, c.currency FROM credit_lines c"
                    " JOIN unnest(CAST(:m AS text[]), CAST(:c AS text[])) AS x(m, c)"
                    " ON c.merchant_id = x.m AND c.currency = x.c WHERE c.status = 'active'"),
            {"m": [p[0] for p in pairs], "c": [p[1] for p in pairs]},
        )
        return {(r.merchant_id, r.currency.strip()) for r in rows}

    def eligible_for_refinance(
        self, lender_id: str, currency: str, line_ids: Sequence[str] | None
    ) -> list[tuple[str, int]]:
        """``(line, drawn balance)`` of the lender's active standard lines in ``currency`` with
        a drawn balance, not refinanced yet (of ``line_ids`` only, when given), locked."""
        rows = self._connection.execute(
            sa.text(
                "WITH chosen AS (SELECT c.id, c.drawn_account_id FROM credit_lines c"
                " WHERE c.lender_id = :lender AND c.currency = :currency"
                " AND c.status = 'active' AND c.asset_class = 'standard'"
                " AND (CAST(:ids AS text[]) IS NULL OR c.id = ANY(CAST(:ids AS text[])))"
                " AND NOT EXISTS (SELECT 1 FROM refinanced_credit_lines r"
                "   WHERE r.line_id = c.id) ORDER BY c.id FOR NO KEY UPDATE)"
                " SELECT c.id, a.debits_posted - a.credits_posted AS drawn FROM chosen c"
                " JOIN ledger_accounts a ON a.id = c.drawn_account_id"
                " WHERE a.debits_posted > a.credits_posted ORDER BY c.id"),
            {"lender": lender_id, "currency": currency,
             "ids": None if line_ids is None else list(line_ids)},
        )
        return [(str(r.id), int(r.drawn)) for r in rows]

    def insert_refinanced(self, lines: Sequence[RefinancedLoan]) -> None:
        """Lines a claim refinanced (``loan_id`` holds the line's id)."""
        if not lines:
            return
        self._connection.execute(
            sa.text(f"INSERT INTO refinanced_credit_lines ({', '.join(_REFINANCED_COLUMNS)})"
                    f" VALUES ({', '.join(':' + c for c in _REFINANCED_COLUMNS)})"),
            [{"line_id": x.loan_id, **{c: getattr(x, c) for c in _REFINANCED_COLUMNS[1:]}}
             for x in lines],
        )

    def refinanced(self, line_id: str) -> RefinancedLoan | None:
        row = self._connection.execute(
            sa.text("SELECT * FROM refinanced_credit_lines WHERE line_id = :id"
                    " FOR NO KEY UPDATE"), {"id": line_id}).one_or_none()
        return None if row is None else RefinancedLoan(
            row.line_id, *(getattr(row, c) for c in _REFINANCED_COLUMNS[1:]))

    def add_passed(self, line_id: str, amount_minor: int) -> None:
        self._connection.execute(
            sa.text("UPDATE refinanced_credit_lines SET passed_minor = passed_minor + :x"
                    " WHERE line_id = :id"), {"id": line_id, "x": amount_minor})

    def claim_lines(self, claim_id: str) -> tuple[int, int]:
        """``(lines, passed so far)`` of a refinance claim's credit lines."""
        row = self._connection.execute(
            sa.text("SELECT count(*) AS n, coalesce(sum(passed_minor), 0) AS passed"
                    " FROM refinanced_credit_lines WHERE claim_id = :id"),
            {"id": claim_id}).one()
        return int(row.n), int(row.passed)

    def book_differences(self) -> list[tuple[str, str, int, int]]:
        """``(subject, what, ledger, stored)`` where lending's state and the ledger disagree:
        each lender's provision and suspense accounts against its loans' and lines' figures,
        each line's drawn account against its statement."""
        rows = self._connection.execute(sa.text(_BOOKS_SQL)).all()
        return [(str(r.subject), str(r.what), int(r.ledger), int(r.stored)) for r in rows]
