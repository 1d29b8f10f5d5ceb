"""Repositories of micro-credit, as Protocols (implemented in ``adapters/db``).

Like every repository they live on the unit of work's connection: a loan's rows, its ledger
entries, its events and the idempotency record commit together or not at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol

from paysetu.domain.lending import (
    Lender,
    LenderAccounts,
    Loan,
    LoanApplication,
    LoanCategory,
    LoanFilter,
    LoanProduct,
    LoanRepayment,
)
from paysetu.domain.lending_allocation import Installment
from paysetu.domain.underwriting import MonthlyActivity
from paysetu.services.app_ports import PageRequest


class LendingRepository(Protocol):
    """Lenders with their ledger accounts, loan products, applications, merchant history."""

    def insert_lender(self, lender: Lender) -> bool:
        """False when it is an apex lender and there already is one."""
        ...

    def get_lender(self, lender_id: str) -> Lender | None: ...
    def list_lenders(self, only_id: str | None, page: PageRequest) -> tuple[list[Lender], bool]: ...
    def lender_accounts(self, lender_id: str, currency: str) -> LenderAccounts | None: ...
    def lender_currencies(self, lender_id: str) -> list[str]: ...
    def add_lender_accounts(
        self, lender_id: str, currency: str, accounts: LenderAccounts
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
