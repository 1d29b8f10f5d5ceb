"""Repositories of micro-credit, as Protocols (implemented in :mod:`..stores`).

Like every repository they live on the unit of work's connection: a loan's rows, its ledger
entries, its events and the idempotency record commit together or not at all.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, Protocol

from paysetu.kernel.pagination import PageRequest
from paysetu.lending.rules.allocation import Installment
from paysetu.lending.rules.close_day import ActiveLoanDay, LoanDayUpdate, OverdueInstallment
from paysetu.lending.rules.credit_line_close_day import LineDayUpdate, LineSnapshot
from paysetu.lending.rules.credit_lines import CreditLine, LineMovement
from paysetu.lending.rules.loans import (
    Lender,
    LenderAccounts,
    Loan,
    LoanApplication,
    LoanCategory,
    LoanFilter,
    LoanProduct,
    LoanRepayment,
)
from paysetu.lending.rules.portfolio import PortfolioRow
from paysetu.lending.rules.portfolio_history import PortfolioDay
from paysetu.lending.rules.refinance import RefinanceClaim, RefinancedLoan
from paysetu.lending.rules.underwriting import MonthlyActivity
from paysetu.settlement.usecases.ports import SettlementContext, SettlementUnitOfWork


class LendingRepository(Protocol):
    """Lenders with their ledger accounts, loan products, applications, merchant history."""

    def insert_lender(self, lender: Lender) -> bool:
        """False when it is an apex lender and there already is one."""
        ...

    def get_lender(self, lender_id: str) -> Lender | None: ...
    def apex_lender(self) -> Lender | None: ...
    def list_lenders(self, only_id: str | None, page: PageRequest) -> tuple[list[Lender], bool]: ...
    def lender_accounts(self, lender_id: str, currency: str) -> LenderAccounts | None: ...
    def lender_currencies(self, lender_id: str) -> list[str]: ...
    def add_lender_accounts(
        self, lender_id: str, currency: str, accounts: LenderAccounts
    ) -> None: ...
    def purpose_accounts(self, lender_id: str, currency: str) -> dict[str, str]:
        """Every account of the lender in ``currency`` by purpose."""
        ...

    def add_purpose_accounts(
        self, lender_id: str, currency: str, accounts: Mapping[str, str]
    ) -> None: ...
    def get_product(self, product_id: str) -> LoanProduct | None: ...
    def list_products(self) -> list[LoanProduct]: ...
    def insert_application(self, application: LoanApplication) -> None: ...
    def get_application(
        self, application_id: str, *, for_update: bool = False
    ) -> LoanApplication | None: ...
    def save_application(self, application: LoanApplication) -> None: ...
    def list_applications(
        self, scope: LoanFilter, page: PageRequest
    ) -> tuple[list[LoanApplication], bool]: ...
    def monthly_activity(
        self, merchant_id: str, currency: str, since: datetime, until: datetime
    ) -> list[MonthlyActivity]: ...


class LoanRepository(Protocol):
    """Loans, their installments and repayments."""

    def insert(self, loan: Loan) -> None: ...
    def get(self, loan_id: str, *, for_update: bool = False) -> Loan | None: ...
    def save(self, loan: Loan) -> None: ...
    def list_page(self, scope: LoanFilter, page: PageRequest) -> tuple[list[Loan], bool]: ...
    def insert_installments(self, loan_id: str, installments: Sequence[Installment]) -> None: ...
    def installments(self, loan_id: str) -> list[Installment]: ...
    def save_installments(
        self, loan_id: str, installments: Sequence[Installment], on: date
    ) -> None:
        """Write changed amounts; ``on`` is recorded as ``paid_on`` of those now fully paid."""
        ...

    def insert_repayment(self, repayment: LoanRepayment) -> None: ...
    def list_repayments(
        self, loan_id: str, page: PageRequest
    ) -> tuple[list[LoanRepayment], bool]: ...
    def has_repaid(self, merchant_id: str, category: LoanCategory) -> bool:
        """Whether the merchant fully repaid (or foreclosed) a loan of ``category``."""
        ...

    def active_for_merchant(
        self, merchant_id: str, currency: str, *, for_update: bool = False
    ) -> list[Loan]:
        """The merchant's active loans in ``currency``, oldest first."""
        ...

    def merchants_with_active_loans(
        self, pairs: Sequence[tuple[str, str]]
    ) -> set[tuple[str, str]]:
        """Which of these ``(merchant, currency)`` pairs have an active loan (one query)."""
        ...

    def due_for_auto_debit(self, on: date, limit: int) -> list[Loan]:
        """Active loans with an unpaid installment due by ``on`` not yet tried on ``on``,
        locked; loans another transaction holds are skipped."""
        ...

    def lock_close_days(self) -> date | None:
        """Serialise close-of-business runs; the last business day closed (None: never)."""
        ...

    def last_close_day(self) -> date | None: ...
    def close_day_summary(self, on: date) -> dict[str, Any] | None: ...
    def insert_close_day(self, on: date, summary: dict[str, Any], now: datetime) -> None: ...
    def close_day_snapshot(self, on: date) -> list[ActiveLoanDay]:
        """Every loan active and disbursed by ``on``, and every closed loan still holding a
        provision or suspense, locked, in id order."""
        ...

    def overdue_installments(self, on: date) -> list[OverdueInstallment]:
        """Installments of active loans due before ``on`` with principal or interest unpaid."""
        ...

    def add_penalties(self, penalties: Sequence[tuple[str, int, int]]) -> None: ...
    def save_day(self, updates: Sequence[LoanDayUpdate], on: date, now: datetime) -> None: ...

    def eligible_for_refinance(
        self, lender_id: str, currency: str, loan_ids: Sequence[str] | None
    ) -> list[tuple[str, int]]:
        """``(loan, outstanding principal)`` of the lender's active standard loans in
        ``currency`` not refinanced yet (of ``loan_ids`` only, when given), locked."""
        ...

    def insert_claim(self, claim: RefinanceClaim, loans: Sequence[RefinancedLoan]) -> None: ...
    def get_claim(self, claim_id: str) -> RefinanceClaim | None: ...
    def list_claims(
        self, party_id: str | None, page: PageRequest
    ) -> tuple[list[RefinanceClaim], bool]:
        """Claims made by or paid by ``party_id`` (every claim for None)."""
        ...
    def claim_passed(self, claim_id: str) -> int: ...
    def refinanced(self, loan_id: str) -> RefinancedLoan | None:
        """The loan's refinance, locked; None when it is not refinanced."""
        ...

    def add_passed(self, loan_id: str, amount_minor: int) -> None: ...

    def portfolio(self, lender_id: str | None, start: date, end: date) -> list[PortfolioRow]:
        """The report's rows (one lender's, or every lender's for None) for the month
        ``[start, end)``."""
        ...

    def insert_portfolio_day(self, rows: Sequence[PortfolioDay]) -> None:
        """Store a close of business's portfolio rows (the day is closed in the same
        transaction)."""
        ...

    def portfolio_history(
        self, lender_id: str | None, start: date, end: date
    ) -> list[PortfolioDay]:
        """The rows of business days ``start`` to ``end`` inclusive (one lender's, or every
        lender's for None), by day, lender, currency and category."""
        ...


class CreditLineRepository(Protocol):
    """Credit lines, their statement and monthly interest debits."""

    def insert(self, line: CreditLine) -> bool:
        """False when the merchant already has an open line with the lender in the currency."""
        ...

    def get(self, line_id: str, *, for_update: bool = False) -> CreditLine | None: ...
    def save(self, line: CreditLine) -> None: ...
    def list_page(self, scope: LoanFilter, page: PageRequest) -> tuple[list[CreditLine], bool]: ...
    def active_for_merchant(
        self, merchant_id: str, currency: str, *, for_update: bool = False
    ) -> list[CreditLine]:
        """The merchant's active lines in ``currency``, oldest first."""
        ...

    def insert_movement(self, movement: LineMovement) -> None: ...
    def list_movements(
        self, line_id: str, page: PageRequest
    ) -> tuple[list[LineMovement], bool]: ...
    def cover_interest(self, line_id: str, amount_minor: int) -> None:
        """A credit covers the line's debited interest, oldest debit first."""
        ...

    def uncovered_since(self, line_id: str) -> date | None: ...
    def net_settled(self, merchant_id: str, currency: str, first: date, last: date) -> int:
        """The merchant's settled sales net of refunds and fees over settlement dates
        ``first..last``."""
        ...

    def lines_for_merchants(self, pairs: list[tuple[str, str]]) -> set[tuple[str, str]]: ...
    def close_day_snapshot(self, on: date, window_from: date) -> list[LineSnapshot]:
        """Active lines sanctioned by ``on`` and closed ones still holding a provision or
        suspense, locked (after the loans), in id order."""
        ...

    def save_day(self, updates: Sequence[LineDayUpdate], on: date, now: datetime) -> None: ...
    def add_interest_debits(
        self, debits: Sequence[tuple[str, int, str, str]], on: date, now: datetime
    ) -> None: ...
    def eligible_for_refinance(
        self, lender_id: str, currency: str, line_ids: Sequence[str] | None
    ) -> list[tuple[str, int]]:
        """``(line, drawn balance)`` of the lender's active standard lines with a drawn
        balance, not refinanced yet, locked."""
        ...

    def insert_refinanced(self, lines: Sequence[RefinancedLoan]) -> None: ...
    def refinanced(self, line_id: str) -> RefinancedLoan | None:
        """The line's refinance, locked; None when it is not refinanced."""
        ...

    def add_passed(self, line_id: str, amount_minor: int) -> None: ...
    def book_differences(self) -> list[tuple[str, str, int, int]]:
        """``(subject, what, ledger, stored)`` where lending's figures and the ledger differ."""
        ...

    def claim_lines(self, claim_id: str) -> tuple[int, int]:
        """``(lines, passed so far)`` of a claim's credit lines."""
        ...


class LendingUnitOfWork(SettlementUnitOfWork, Protocol):
    """Settlement's unit of work plus lenders, products, applications, loans and lines."""

    @property
    def lending(self) -> LendingRepository: ...
    @property
    def loans(self) -> LoanRepository: ...
    @property
    def credit_lines(self) -> CreditLineRepository: ...


class LendingContext(SettlementContext, Protocol):
    @property
    def uow_factory(self) -> Callable[[], LendingUnitOfWork]: ...
    def reader(self) -> LendingUnitOfWork: ...
