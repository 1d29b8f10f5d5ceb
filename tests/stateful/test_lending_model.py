"""Loans and a credit line, step by step: disburse, repay, prepay, draw, sweep, close of business.

A hypothesis ``RuleBasedStateMachine`` drives one merchant's loans and credit line at one
lender through random days: payments into the merchant's balance, manual repayments,
prepayments, draws on and repayments of the line, the settlement sweep (loans, then the line),
write-offs, and runs of close of business over one or more days (so loans fall into arrears,
lines out of order, both become NPAs and are upgraded). After every step:

* the ledger audit passes (every entry balances, every stored balance is its postings' sum);
* each loan's principal account equals its installments' unpaid principal, its interest
  account its accrued interest less interest received, the line's drawn account its draws and
  interest debits less the balance its credits repaid, and the lender's provision and
  suspense accounts the sums of its loans' and line's provisions and suspense;
* classification is per borrower: if one active loan or line is an NPA, all are (as of the
  same day);
* a refusal names a code of the closed enum and writes nothing.

Each example starts with one loan on a fresh database, usually left unpaid into arrears. Size:
``PAYSETU_LENDING_STATEFUL_EXAMPLES`` (default 6 examples of up to 12 steps: well under a
minute).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, ClassVar

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from paysetu.app.context import AppContext, with_loan_sweep
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.db.engine import create_engine
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets
from paysetu.ledger.usecases.service import LedgerService
from paysetu.lending.rules.errors import LendingRejected, LendingStatus
from paysetu.lending.usecases import credit_lines, loan_repayments, loan_write_off
from paysetu.settlement.usecases import settlement
from tests.integration import lending_builders as lend
from tests.integration import settlement_builders as build
from tests.stateful.test_ledger_model import START, FreshDatabases

if TYPE_CHECKING:  # imported by name, pytest would try to collect the class here
    from tests.conftest import TestDatabases

EXAMPLES = int(os.environ.get("PAYSETU_LENDING_STATEFUL_EXAMPLES", "6"))
STEPS = 12
LOANS_MAX = 3
EXPECTED_REFUSALS = {
    LendingStatus.NOTHING_DUE, LendingStatus.EXCEEDS_AVAILABLE_BALANCE,
    LendingStatus.LOAN_CLOSED, LendingStatus.OVERPAYMENT_REFUSED,
    LendingStatus.PREPAYMENT_EXCEEDS_PRINCIPAL, LendingStatus.LOAN_NOT_NPA,
    LendingStatus.DRAW_EXCEEDS_DRAWING_POWER, LendingStatus.CREDIT_LINE_SUSPENDED,
    LendingStatus.REPAYMENT_EXCEEDS_OUTSTANDING, LendingStatus.CREDIT_LINE_CLOSED,
}


class LendingMachine(RuleBasedStateMachine):
    databases: ClassVar[FreshDatabases]

    def __init__(self) -> None:
        super().__init__()
        self.db_name = self.databases.take()
        self.engine = create_engine(self.databases.url(self.db_name), pool_size=2)
        self.clock = FixedClock(START)
        self.context = with_loan_sweep(AppContext(
            lambda: PostgresUnitOfWork(self.engine), self.clock, UlidIds(), SystemSecrets()))
        self.ledger = LedgerService(lambda: PostgresUnitOfWork(self.engine), self.clock,
                                    UlidIds())
        self.shop = build.merchant(self.context, fee_bps=0)
        build.indian_account(self.context, self.shop)
        self.bank = lend.funded_lender(self.context)
        self.loans: list[str] = []
        self.line = build.run(self.context, lambda uow: credit_lines.sanction_line(
            self.context, uow, lend.PLATFORM, self.shop, self.bank, "kishore", "INR",
            3_00_000_00, 1500, START.date() + timedelta(days=200), {}))["id"]
        self.day = START.date()
        self.settled: set[date] = set()

    def teardown(self) -> None:
        self.engine.dispose()
        self.databases.give_back(self.db_name)

    def attempt(self, work: Callable[[], Any]) -> None:
        """Run ``work``; a refusal must be an expected code and must write nothing."""
        before = self.counts()
        refusal: object = None
        try:
            work()
        except LendingRejected as error:
            refusal = error.code
        if refusal is not None:
            assert refusal in EXPECTED_REFUSALS, refusal
            assert self.counts() == before

    def counts(self) -> tuple[int, ...]:
        with self.engine.connect() as connection:
            return tuple(connection.execute(sa.text(
                "SELECT (SELECT count(*) FROM ledger_entries), (SELECT count(*) FROM"
                " loan_repayments), (SELECT count(*) FROM loans WHERE status = 'active'),"
                " (SELECT count(*) FROM credit_line_movements)")).one())

    @initialize(amount=st.sampled_from([60_000_00, 2_00_000_00]), tenure=st.integers(6, 12),
                idle_days=st.sampled_from([125, 0, 65]))
    def first_loan(self, amount: int, tenure: int, idle_days: int) -> None:
        """One loan, left unpaid for ``idle_days`` days of close of business (125: an NPA)."""
        self.disburse(amount, tenure)
        if idle_days:
            self.close_days(idle_days)

    @precondition(lambda self: len(self.loans) < LOANS_MAX)
    @rule(amount=st.sampled_from([60_000_00, 2_00_000_00, 4_50_000_00]),
          tenure=st.integers(6, 12))
    def disburse(self, amount: int, tenure: int) -> None:
        self.loans.append(lend.disbursed_loan(self.context, self.bank, self.shop, amount, tenure))

    @rule(amount=st.integers(1_000_00, 60_000_00))
    def sale(self, amount: int) -> None:
        """A customer pays the merchant: money for repayments (and the next sweep)."""
        build.pay(self.context, self.shop, build.payer(self.context, "INR", amount), amount,
                  "INR")

    @precondition(lambda self: bool(self.loans))
    @rule(pick=st.integers(0, LOANS_MAX - 1), share=st.sampled_from([25, 100]))
    def repay(self, pick: int, share: int) -> None:
        loan_id = self.loans[pick % len(self.loans)]
        due = lend.loan(self.context, loan_id)["amount_due_minor"]
        self.attempt(lambda: build.run(self.context, lambda uow: loan_repayments.repay_loan(
            self.context, uow, lend.PLATFORM, loan_id, "manual", max(1, due * share // 100))))

    @precondition(lambda self: bool(self.loans))
    @rule(pick=st.integers(0, LOANS_MAX - 1), amount=st.integers(1_000_00, 1_00_000_00))
    def prepay(self, pick: int, amount: int) -> None:
        loan_id = self.loans[pick % len(self.loans)]
        self.attempt(lambda: build.run(self.context, lambda uow: loan_repayments.repay_loan(
            self.context, uow, lend.PLATFORM, loan_id, "prepayment", amount)))

    @rule(share=st.sampled_from([30, 100, 101]))
    def draw(self, share: int) -> None:
        """A draw of a share of what the drawing power leaves (101: over it, refused)."""
        line = build.run(self.context, lambda uow: credit_lines.get_line(
            self.context, uow, lend.PLATFORM, self.line))
        amount = max(1, line["available_minor"] * share // 100 + (share > 100))
        self.attempt(lambda: build.run(self.context, lambda uow: credit_lines.draw(
            self.context, uow, lend.PLATFORM, self.line, amount, None)))

    @rule(share=st.sampled_from([25, 100, 101]))
    def repay_line(self, share: int) -> None:
        """Repay a share of what the line owes (101: more than owed, refused)."""
        line = build.run(self.context, lambda uow: credit_lines.get_line(
            self.context, uow, lend.PLATFORM, self.line))
        amount = max(1, line["outstanding_minor"] * share // 100 + (share > 100))
        self.attempt(lambda: build.run(self.context, lambda uow: credit_lines.repay(
            self.context, uow, lend.PLATFORM, self.line, amount)))

    @precondition(lambda self: self.day not in self.settled)
    @rule()
    def sweep(self) -> None:
        """Settlement pays the merchant out, sweeping its share into what is due."""
        settlement.settle(self.context, self.day, self.shop)
        self.settled.add(self.day)

    @precondition(lambda self: bool(self.loans))
    @rule(pick=st.integers(0, LOANS_MAX - 1))
    def write_off(self, pick: int) -> None:
        loan_id = self.loans[pick % len(self.loans)]
        self.attempt(lambda: build.run(self.context, lambda uow: loan_write_off.write_off_loan(
            self.context, uow, lend.PLATFORM, loan_id, "Recovery abandoned")))

    @rule(days=st.sampled_from([1, 9, 30, 61]))
    def close_days(self, days: int) -> None:
        """Close of business for today and the next ``days - 1`` days; the clock ends on the
        morning after the last day closed."""
        for _ in range(days):
            lend.move_to(self.clock, self.day)
            summary = lend.close_day(self.context, self.day)
            assert summary["date"] == self.day.isoformat()
            self.day += timedelta(days=1)
        lend.move_to(self.clock, self.day, START.timetz().replace(tzinfo=None))

    @invariant()
    def books_agree_with_the_ledger(self) -> None:
        lend.check_books(self.engine)
        assert self.ledger.audit().passed

    @invariant()
    def npa_is_borrower_wide(self) -> None:
        with self.engine.connect() as connection:
            rows = connection.execute(sa.text(
                "SELECT asset_class, npa_since, classified_on FROM loans"
                " WHERE status = 'active' AND classified_on IS NOT NULL UNION ALL"
                " SELECT asset_class, npa_since, classified_on FROM credit_lines"
                " WHERE status = 'active' AND classified_on IS NOT NULL")).all()
        latest = max((r.classified_on for r in rows), default=None)
        current = [r for r in rows if r.classified_on == latest]
        npa = {r.npa_since for r in current if r.npa_since is not None}
        assert not npa or all(r.npa_since is not None for r in current)
        assert len(npa) <= 1


@pytest.mark.postgres
def test_loans_and_lines_agree_with_the_ledger(databases: TestDatabases) -> None:
    class Machine(LendingMachine):
        pass

    Machine.databases = FreshDatabases(databases)
    try:
        run_state_machine_as_test(
            Machine,
            settings=settings(max_examples=EXAMPLES, stateful_step_count=STEPS, deadline=None,
                              suppress_health_check=[HealthCheck.too_slow]),
        )
    finally:
        Machine.databases.close()
