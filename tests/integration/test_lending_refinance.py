"""Refinance: the apex pays a lender's claim over its standard loans and is repaid as they are."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
import sqlalchemy as sa

from paysetu.app.context import AppContext
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.pagination import PageRequest
from paysetu.kernel.secrets import SystemSecrets
from paysetu.ledger.usecases.service import LedgerService
from paysetu.lending.rules.errors import LendingRejected, LendingStatus
from paysetu.lending.usecases import lending, loan_refinance, loan_repayments
from tests.integration import lending_builders as lend
from tests.integration import settlement_builders as build

pytestmark = pytest.mark.postgres


@pytest.fixture
def context(engine: sa.Engine, clock: FixedClock) -> AppContext:
    return AppContext(lambda: PostgresUnitOfWork(engine), clock, UlidIds(), SystemSecrets())


def refused(engine: sa.Engine, status: LendingStatus, work: Callable[[], Any]) -> None:
    with engine.connect() as connection:
        before = connection.execute(sa.text("SELECT count(*) FROM ledger_entries")).scalar()
    with pytest.raises(LendingRejected) as caught:
        work()
    assert caught.value.code is status
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT count(*) FROM ledger_entries")).scalar() == (
            before)


def test_a_claim_is_paid_and_repaid_with_the_principal(
    context: AppContext, clock: FixedClock, engine: sa.Engine, ledger: LedgerService
) -> None:
    bank = lend.funded_lender(context)
    shops = [build.merchant(context, fee_bps=0) for _ in range(3)]
    for shop in shops:  # sales, so a shop can prepay and foreclose
        build.pay(context, shop, build.payer(context, "INR", 20_000_00), 20_000_00, "INR")
    first, second, _late = (lend.disbursed_loan(context, bank, shop, 1_00_000_00, 12)
                           for shop in shops)

    def claim(share_bps: int, loans: list[str] | None = None) -> dict[str, Any]:
        return build.run(context, lambda uow: loan_refinance.submit_claim(
            context, uow, lend.PLATFORM, bank, "INR", share_bps, loans))

    refused(engine, LendingStatus.APEX_LENDER_MISSING, lambda: claim(5_000))
    apex = build.run(context, lambda uow: lending.create_lender(
        context, uow, "Apex Refinance", "refinancer", True, {}))["id"]
    refused(engine, LendingStatus.APEX_FUNDS_INSUFFICIENT, lambda: claim(5_000))
    build.run(context, lambda uow: lending.fund_lender(
        context, uow, lend.PLATFORM, apex, 1_00_000_00, "INR"))
    refused(engine, LendingStatus.SHARE_INVALID, lambda: claim(0))
    refused(engine, LendingStatus.SHARE_INVALID, lambda: claim(10_001))
    refused(engine, LendingStatus.LOAN_NOT_ELIGIBLE, lambda: claim(5_000, [first, "loan_x"]))

    funding_before = lend.balance(engine, f"acct_{bank}_INR_funding")
    paid = claim(4_000, [first, second])
    assert (paid["loans"], paid["principal_minor"], paid["amount_minor"]) == (
        2, 2_00_000_00, 80_000_00)
    assert (paid["apex"], paid["owed_minor"], paid["passed_minor"]) == (apex, 80_000_00, 0)
    assert lend.balance(engine, f"acct_{bank}_INR_funding") - funding_before == 80_000_00
    assert lend.balance(engine, f"acct_{apex}_INR_funding") == 20_000_00
    assert lend.balance(engine, f"acct_{apex}_INR_refinance_receivable") == 80_000_00
    assert lend.balance(engine, f"acct_{bank}_INR_refinance_payable") == -80_000_00
    refused(engine, LendingStatus.LOAN_NOT_ELIGIBLE, lambda: claim(5_000, [first]))

    lend.move_to(clock, date(2026, 4, 10))
    build.run(context, lambda uow: loan_repayments.repay_loan(
        context, uow, lend.PLATFORM, first, "prepayment", 10_000_00))
    build.run(context, lambda uow: loan_repayments.repay_loan(
        context, uow, lend.PLATFORM, second, "foreclosure", None))
    shown = build.run(context, lambda uow: loan_refinance.get_claim(
        uow, lend.PLATFORM, paid["id"]))
    # 40% of the 10,000 prepaid, and all of the foreclosed loan's 40,000.
    assert (shown["passed_minor"], shown["owed_minor"]) == (44_000_00, 36_000_00)
    assert lend.balance(engine, f"acct_{bank}_INR_refinance_payable") == -36_000_00
    assert lend.balance(engine, f"acct_{apex}_INR_funding") == 64_000_00

    lend.move_to(clock, date(2026, 5, 1))
    lend.close_day(context, date(2026, 5, 1))  # the late loan's first EMI is unpaid: SMA-0
    refused(engine, LendingStatus.NOTHING_TO_REFINANCE, lambda: claim(4_000))
    listed, _ = build.run(context, lambda uow: loan_refinance.list_claims(
        uow, lend.PLATFORM, PageRequest()))
    assert [c["id"] for c in listed] == [paid["id"]]
    lend.check_books(engine)
    assert ledger.audit().passed
