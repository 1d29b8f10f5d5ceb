"""Refinance claims and the loans they cover, in SQL (part of the loan repository)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from typing import Any

import sqlalchemy as sa

from paysetu.db.pagination import fetch_page
from paysetu.kernel.pagination import PageRequest
from paysetu.lending.rules.refinance import RefinanceClaim, RefinancedLoan

_CLAIM_COLUMNS = tuple(f.name for f in fields(RefinanceClaim))
_LOAN_COLUMNS = tuple(f.name for f in fields(RefinancedLoan))


def _claim(row: sa.Row[Any]) -> RefinanceClaim:
    values = {c: getattr(row, c) for c in _CLAIM_COLUMNS}
    values["currency"] = values["currency"].strip()
    return RefinanceClaim(**values)


class RefinanceQueries:
    """The refinance part of :class:`~paysetu.lending.stores.loans_store.LoanStore`."""

    _connection: sa.Connection

    def eligible_for_refinance(
        self, lender_id: str, currency: str, loan_ids: Sequence[str] | None
    ) -> list[tuple[str, int]]:
        """``(loan, outstanding principal)`` of the lender's active standard loans in
        ``currency`` not refinanced yet (of ``loan_ids`` only, when given), locked."""
        rows = self._connection.execute(
            sa.text(
                "WITH chosen AS (SELECT l.id FROM loans l WHERE l.lender_id = :lender"
                " AND l.currency = :currency AND l.status = 'active'"
                " AND l.asset_class = 'standard'"
                " AND (CAST(:ids AS text[]) IS NULL OR l.id = ANY(CAST(:ids AS text[])))"
                " AND NOT EXISTS (SELECT 1 FROM refinanced_loans r WHERE r.loan_id = l.id)"
                " ORDER BY l.id FOR NO KEY UPDATE)"
                " SELECT i.loan_id, sum(i.principal_minor - i.principal_paid_minor) AS p"
                " FROM loan_installments i JOIN chosen c ON c.id = i.loan_id"
                " GROUP BY i.loan_id ORDER BY i.loan_id"
            ),
            {"lender": lender_id, "currency": currency,
             "ids": None if loan_ids is None else list(loan_ids)},
        )
        return [(str(r.loan_id), int(r.p)) for r in rows]

    def insert_claim(self, claim: RefinanceClaim, loans: Sequence[RefinancedLoan]) -> None:
        self._connection.execute(
            sa.text(f"INSERT INTO refinance_claims ({', '.join(_CLAIM_COLUMNS)})"
                    f" VALUES ({', '.join(':' + c for c in _CLAIM_COLUMNS)})"),
            {c: getattr(claim, c) for c in _CLAIM_COLUMNS},
        )
        if not loans:  # a claim over credit lines only
            return
        self._connection.execute(
            sa.text(f"INSERT INTO refinanced_loans ({', '.join(_LOAN_COLUMNS)})"
                    f" VALUES ({', '.join(':' + c for c in _LOAN_COLUMNS)})"),
            [{c: getattr(loan, c) for c in _LOAN_COLUMNS} for loan in loans],
        )

    def get_claim(self, claim_id: str) -> RefinanceClaim | None:
        row = self._connection.execute(
            sa.text("SELECT * FROM refinance_claims WHERE id = :id"), {"id": claim_id}
        ).one_or_none()
        return None if row is None else _claim(row)

    def list_claims(
        self, party_id: str | None, page: PageRequest
    ) -> tuple[list[RefinanceClaim], bool]:
        """Claims made by or paid by ``party_id`` (every claim for None)."""
        rows, has_more = fetch_page(
            self._connection, "SELECT * FROM refinance_claims",
            "CAST(:party AS text) IS NULL OR lender_id = :party OR apex_id = :party",
            {"party": party_id}, page)
        return [_claim(r) for r in rows], has_more

    def claim_passed(self, claim_id: str) -> int:
        """What the lender has passed on to the apex for the claim's loans so far."""
        return int(self._connection.execute(
            sa.text("SELECT coalesce(sum(passed_minor), 0) FROM refinanced_loans"
                    " WHERE claim_id = :id"), {"id": claim_id}).scalar_one())

    def refinanced(self, loan_id: str) -> RefinancedLoan | None:
        row = self._connection.execute(
            sa.text("SELECT * FROM refinanced_loans WHERE loan_id = :id FOR NO KEY UPDATE"),
            {"id": loan_id}).one_or_none()
        return None if row is None else RefinancedLoan(
            **{c: getattr(row, c) for c in _LOAN_COLUMNS})

    def add_passed(self, loan_id: str, amount_minor: int) -> None:
        self._connection.execute(
            sa.text("UPDATE refinanced_loans SET passed_minor = passed_minor + :x"
                    " WHERE loan_id = :id"), {"id": loan_id, "x": amount_minor})
