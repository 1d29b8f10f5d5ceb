"""The worked story: a Kishore loan falls into arrears, becomes an NPA, and is upgraded.

2,00,000 INR over 24 months at 14%, disbursed on 1 April 2026. The disbursal is paid out by
settlement on 2 April; on 1 May, the day the first EMI falls due, settlement sweeps 10% of the
day's net (5,000) into it, and nothing else is paid. The first installment stays partly unpaid
from 1 May, so close of business, run every day, moves the loan through SMA-0 (1 May), SMA-1
(31 May, 30 days), SMA-2 (30 June) to NPA sub-standard (30 July, 90 days). On 10 August the
merchant pays every arrear and the loan is upgraded to standard that day-end. Every day the
class, days past due, provision and suspense are asserted, and the loan's and the lender's
figures are checked against the ledger.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

import pytest
import sqlalchemy as sa

from paysetu.app.context import AppContext, with_loan_sweep
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets
from paysetu.ledger.usecases.service import LedgerService
from paysetu.lending.rules.classification import AssetClass, provision_for
from paysetu.lending.usecases import loan_repayments
from paysetu.settlement.usecases import settlement
from tests.integration import lending_builders as lend
from tests.integration import settlement_builders as build

pytestmark = pytest.mark.postgres

FIRST_DUE = date(2026, 5, 1)
CLEARED = date(2026, 8, 10)


@pytest.fixture
def context(engine: sa.Engine, clock: FixedClock) -> AppContext:
    return with_loan_sweep(AppContext(lambda: PostgresUnitOfWork(engine), clock, UlidIds(),
                                      SystemSecrets()))


def expected(day: date) -> tuple[AssetClass, int, date | None]:
    """Class, days past due and NPA date at the day-end of ``day``."""
    if day < FIRST_DUE or day >= CLEARED:
        return AssetClass.STANDARD, 0, None
    dpd = (day - FIRST_DUE).days
    if dpd >= 90:
        return AssetClass.SUBSTANDARD, dpd, date(2026, 7, 30)
    return ([AssetClass.SMA_0, AssetClass.SMA_1, AssetClass.SMA_2][dpd // 30], dpd, None)


def test_kishore_loan_into_npa_and_back(
    context: AppContext, clock: FixedClock, engine: sa.Engine, ledger: LedgerService
) -> None:
    shop = build.merchant(context, fee_bps=0)
    build.indian_account(context, shop)
    bank = lend.funded_lender(context)
    loan_id = lend.disbursed_loan(context, bank, shop, 2_00_000_00, 24)
    accounts = f"acct_{bank}_INR"
    day = date(2026, 4, 1)
    seen: list[str] = []
    while day <= CLEARED + timedelta(days=2):
        lend.move_to(clock, day)
        if day == date(2026, 4, 2):  # the disbursal is paid out: no balance left for EMIs
            settlement.settle(context, day, shop)
        if day == date(2026, 4, 30):
            build.pay(context, shop, build.payer(context, "INR", 50_000_00), 50_000_00, "INR")
        if day == FIRST_DUE:  # 10% of the day's 50,000 net is swept into the first EMI
            settlement.settle(context, day, shop)
            swept = lend.loan(context, loan_id)
            assert swept["amount_due_minor"] > 0
        if day == CLEARED:
            arrears = lend.loan(context, loan_id)["amount_due_minor"]
            build.pay(context, shop, build.payer(context, "INR", arrears), arrears, "INR")
            build.run(context, partial(loan_repayments.repay_loan, context,
                                       loan_id=loan_id, caller=lend.PLATFORM,
                                       repayment_type="manual", amount_minor=arrears))
        summary = lend.close_day(context, day)
        assert summary["date"] == day.isoformat()
        assert summary["loans"] == 1
        loan = lend.loan(context, loan_id)
        facts = loan["classification"]
        asset_class, dpd, npa_since = expected(day)
        assert (facts["asset_class"], facts["days_past_due"], facts["npa_since"]) == (
            asset_class.value, dpd, None if npa_since is None else npa_since.isoformat()), day
        outstanding = loan["outstanding_principal_minor"]
        assert facts["provision_minor"] == provision_for(outstanding, asset_class)
        npa = asset_class is AssetClass.SUBSTANDARD
        assert facts["interest_suspense_minor"] == (
            loan["interest_receivable_minor"] if npa else 0)
        assert facts["as_of"] == day.isoformat()
        lend.check_books(engine)
        if not seen or seen[-1] != asset_class.value:
            seen.append(asset_class.value)
        day += timedelta(days=1)

    assert seen == ["standard", "sma_0", "sma_1", "sma_2", "substandard", "standard"]
    final = lend.loan(context, loan_id)
    # The sweep paid the first period's interest (30 days at 14% on 2,00,000: 2,301.37) and
    # 2,698.63 of principal; the arrears payment cleared the first four installments.
    with engine.connect() as connection:
        sweep = connection.execute(sa.text(
            "SELECT amount_minor, interest_minor, principal_minor FROM loan_repayments"
            " WHERE loan_id = :l AND source = 'sweep'"), {"l": loan_id}).one()
        penalties = connection.execute(sa.text(
            "SELECT sum(penalty_minor) FROM loan_installments WHERE loan_id = :l"),
            {"l": loan_id}).scalar_one()
    assert tuple(sweep) == (5_000_00, 2_301_37, 2_698_63)
    assert penalties > 0
    assert final["classification"]["provision_minor"] == provision_for(
        final["outstanding_principal_minor"], AssetClass.STANDARD)
    # Upgraded: no suspense left, the provision back to 0.25% of what is outstanding.
    assert lend.balance(engine, f"{accounts}_interest_suspense") == 0
    assert -lend.balance(engine, f"{accounts}_loan_loss_provision") == final[
        "classification"]["provision_minor"]
    assert ledger.audit().passed


def test_the_npa_day_in_figures(
    context: AppContext, clock: FixedClock, engine: sa.Engine, ledger: LedgerService
) -> None:
    """On the NPA day the provision jumps from 0.25% to 25% and the receivable leaves income."""
    shop = build.merchant(context, fee_bps=0)
    build.indian_account(context, shop)
    bank = lend.funded_lender(context)
    loan_id = lend.disbursed_loan(context, bank, shop, 2_00_000_00, 24)
    lend.move_to(clock, date(2026, 4, 2))
    settlement.settle(context, date(2026, 4, 2), shop)
    lend.move_to(clock, date(2026, 7, 29))
    first = lend.close_day(context, date(2026, 7, 29))  # a first run may start on any day
    assert first["classes"]["sma_2"] == 1
    income_before = lend.balance(engine, f"acct_{bank}_INR_interest_income")
    lend.move_to(clock, date(2026, 7, 30))
    summary = lend.close_day(context, date(2026, 7, 30))
    loan = lend.loan(context, loan_id)
    facts = loan["classification"]
    assert facts["asset_class"] == "substandard"
    assert facts["npa_since"] == "2026-07-30"
    assert loan["outstanding_principal_minor"] == 2_00_000_00
    assert facts["provision_minor"] == 50_000_00  # 25% unsecured
    assert summary["amounts"][0]["provision_change_minor"] == 50_000_00 - 500_00
    assert summary["class_changes"] == {"sma_2->substandard": 1}
    receivable = loan["interest_receivable_minor"]
    assert facts["interest_suspense_minor"] == receivable > 0
    # All receivable interest left income for suspense: what it had recognised, and the day's.
    income_after = lend.balance(engine, f"acct_{bank}_INR_interest_income")
    assert income_after - income_before == receivable - summary["amounts"][0][
        "interest_accrued_minor"]
    assert ledger.audit().passed
