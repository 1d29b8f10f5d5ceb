"""The settlement run sweeps a loan's due installment out of the merchant's settlement."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
import sqlalchemy as sa

from paysetu.app.context import AppContext, with_loan_sweep
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets
from paysetu.ledger.usecases.service import LedgerService
from paysetu.lending.usecases import lending, loan_applications, loans
from paysetu.settlement.usecases import settlement
from tests.integration import settlement_builders as build

pytestmark = pytest.mark.postgres


@pytest.fixture
def context(engine: sa.Engine, clock: FixedClock) -> AppContext:
    return with_loan_sweep(AppContext(lambda: PostgresUnitOfWork(engine), clock, UlidIds(),
                                      SystemSecrets()))


def move_to(clock: FixedClock, day: date, at: time) -> None:
    clock.advance(datetime.combine(day, at, clock.now().tzinfo) - clock.now())


def test_settlement_sweeps_what_the_loan_has_due(
    context: AppContext, clock: FixedClock, engine: sa.Engine, ledger: LedgerService
) -> None:
    shop = build.merchant(context, fee_bps=0)
    build.indian_account(context, shop)
    bank = build.run(context, lambda uow: lending.create_lender(
        context, uow, "Sahakari Bank", "bank", False, {}))["id"]
    build.run(context, lambda uow: lending.fund_lender(
        context, uow, build.PLATFORM, bank, 10_00_000_00, "INR"))
    application = build.run(context, lambda uow: loan_applications.apply_for_loan(
        context, uow, build.PLATFORM, loan_applications.ApplyForLoan(
            bank, "lpr_pmmy_kishore", 1_00_000_00, 12, "Tandoor oven", shop)))
    loan_id = build.run(context, lambda uow: loan_applications.approve_application(
        context, uow, build.PLATFORM, application["id"],
        loan_applications.ApproveApplication(1600, reason="Known to the branch")))["loan"]
    build.run(context, lambda uow: loans.disburse_loan(context, uow, build.PLATFORM, loan_id))

    move_to(clock, date(2026, 5, 1), time(12))
    build.pay(context, shop, build.payer(context, "INR", 50_000_00), 50_000_00, "INR")
    move_to(clock, date(2026, 5, 2), time(9, 30))
    due = build.run(context, lambda uow: loans.get_loan(
        context, uow, build.PLATFORM, loan_id))["amount_due_minor"]
    assert 0 < due < 15_000_00  # less than the product's 10% of the net

    (result,) = settlement.settle(context, date(2026, 5, 2), shop)
    with engine.connect() as connection:
        swept = connection.execute(sa.text(
            "SELECT loan_sweep_minor, payout_minor, net_minor FROM settlement_batches"
            " WHERE id = :id"), {"id": result.batch_id}).one()
        repayments = connection.execute(sa.text(
            "SELECT source, amount_minor FROM loan_repayments WHERE loan_id = :loan"),
            {"loan": loan_id}).all()
    assert swept.loan_sweep_minor == due
    assert swept.net_minor == 1_50_000_00 - due
    assert [tuple(r) for r in repayments] == [("sweep", due)]
    loan = build.run(context, lambda uow: loans.get_loan(context, uow, build.PLATFORM, loan_id))
    second = build.run(context, lambda uow: loans.get_schedule(
        context, uow, build.PLATFORM, loan_id))["installments"][1]
    # Paid to date; what remains receivable is May 2's accrual on the next period (1 of 31 days).
    assert loan["amount_due_minor"] == 0
    assert loan["interest_receivable_minor"] == second["interest_minor"] // 31
    assert ledger.audit().passed
