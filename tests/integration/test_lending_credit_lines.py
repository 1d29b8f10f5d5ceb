"""Credit lines on PostgreSQL: sanction, draws, repayments, refusals, close of business."""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from paysetu.access.rules.principals import Principal, Role
from paysetu.app.context import AppContext, with_loan_sweep
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.pagination import PageRequest
from paysetu.kernel.secrets import SystemSecrets
from paysetu.ledger.rules.errors import PaysetuError
from paysetu.ledger.usecases.service import LedgerService
from paysetu.lending.rules.errors import LendingRejected, LendingStatus
from paysetu.lending.usecases import (
    credit_line_write_off,
    credit_lines,
    lending,
    lending_books,
    loan_portfolio,
    loan_refinance,
)
from paysetu.settlement.usecases import settlement
from tests.integration import lending_builders as lb
from tests.integration import settlement_builders as build

pytestmark = pytest.mark.postgres
PLATFORM = build.PLATFORM


@pytest.fixture
def context(engine: sa.Engine, clock: FixedClock) -> AppContext:
    return with_loan_sweep(AppContext(lambda: PostgresUnitOfWork(engine), clock, UlidIds(),
                                      SystemSecrets()))


def entries(engine: sa.Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(sa.text("SELECT count(*) FROM ledger_entries")).scalar_one())


def selling_shop(context: AppContext, clock: FixedClock, sales_minor: int,
                 payout: bool = True) -> str:
    """A merchant that sold ``sales_minor`` on 1 April 2026, settled on 2 April (paid out, or
    kept in its available balance when it has no payout account)."""
    shop = build.merchant(context, fee_bps=0)
    if payout:
        build.indian_account(context, shop)
    build.pay(context, shop, build.payer(context, "INR", sales_minor), sales_minor, "INR")
    lb.move_to(clock, date(2026, 4, 2), time(9, 30))
    settlement.settle(context, date(2026, 4, 2), shop)
    return shop


def sanction(context: AppContext, shop: str, bank: str, limit_minor: int = 1_50_000_00,
             review: date = date(2027, 3, 31)) -> dict[str, Any]:
    return build.run(context, lambda uow: credit_lines.sanction_line(
        context, uow, PLATFORM, shop, bank, "kishore", "INR", limit_minor, 1400, review, {}))


def draw(context: AppContext, line_id: str, amount: int, payee: str | None = None) -> Any:
    return build.run(context, lambda uow: credit_lines.draw(
        context, uow, PLATFORM, line_id, amount, payee))


def repay(context: AppContext, line_id: str, amount: int) -> Any:
    return build.run(context, lambda uow: credit_lines.repay(
        context, uow, PLATFORM, line_id, amount))


def line(context: AppContext, line_id: str) -> dict[str, Any]:
    return build.run(context, lambda uow: credit_lines.get_line(context, uow, PLATFORM, line_id))


def refused(engine: sa.Engine, status: LendingStatus, work: Any) -> None:
    before = entries(engine)
    with pytest.raises(LendingRejected) as caught:
        work()
    assert caught.value.code is status
    assert entries(engine) == before


def test_draws_repayments_and_refusals_2026_04_02(
    context: AppContext, clock: FixedClock, engine: sa.Engine, ledger: LedgerService
) -> None:
    shop = selling_shop(context, clock, 2_00_000_00)
    supplier = build.merchant(context, fee_bps=0)
    bank = lb.funded_lender(context)
    obj = sanction(context, shop, bank)
    assert obj["drawing_power_minor"] == 1_00_000_00  # 50% of 2,00,000 settled on 2 April
    assert obj["drawing_power"]["net_settled_minor"] == 2_00_000_00
    refused(engine, LendingStatus.CREDIT_LINE_EXISTS, lambda: sanction(context, shop, bank))
    refused(engine, LendingStatus.AMOUNT_OUTSIDE_BAND,
            lambda: sanction(context, supplier, bank, limit_minor=6_00_000_00))
    refused(engine, LendingStatus.REVIEW_DATE_INVALID,
            lambda: sanction(context, supplier, bank, review=date(2028, 4, 2)))
    refused(engine, LendingStatus.DRAW_EXCEEDS_DRAWING_POWER,
            lambda: draw(context, obj["id"], 1_00_000_01))
    refused(engine, LendingStatus.PAYEE_NOT_FOUND,
            lambda: draw(context, obj["id"], 100, "mer_nobody"))

    draw(context, obj["id"], 60_000_00)
    to_supplier = draw(context, obj["id"], 20_000_00, supplier)
    assert to_supplier["payee"] == supplier
    assert lb.balance(engine, f"acct_{supplier}_INR_available") == -20_000_00
    refused(engine, LendingStatus.DRAW_EXCEEDS_DRAWING_POWER,
            lambda: draw(context, obj["id"], 20_000_01))
    current = line(context, obj["id"])
    assert (current["drawn_minor"], current["available_minor"]) == (80_000_00, 20_000_00)
    assert current["utilisation_bps"] == 5_333
    refused(engine, LendingStatus.REPAYMENT_EXCEEDS_OUTSTANDING,
            lambda: repay(context, obj["id"], 80_000_01))
    paid = repay(context, obj["id"], 30_000_00)
    assert (paid["principal_minor"], paid["interest_minor"]) == (30_000_00, 0)
    assert line(context, obj["id"])["drawn_minor"] == 50_000_00
    (row,) = build.run(context, lambda uow: loan_portfolio.portfolio_report(
        context, uow, PLATFORM, "2026-04"))["data"]
    assert (row["loans"], row["credit_lines"], row["lines_limit_minor"]) == (0, 1, 1_50_000_00)
    assert (row["lines_drawn_minor"], row["lines_drawing_power_minor"]) == (50_000_00,
                                                                            1_00_000_00)
    assert row["lines_utilisation_bps"] == 3_333
    assert ledger.audit().passed


def test_interest_accrues_daily_and_is_debited_on_2026_04_30(
    context: AppContext, clock: FixedClock, engine: sa.Engine, ledger: LedgerService
) -> None:
    shop = selling_shop(context, clock, 2_00_000_00)
    bank = lb.funded_lender(context)
    line_id = sanction(context, shop, bank)["id"]
    draw(context, line_id, 80_000_00)
    day = date(2026, 4, 2)
    while day <= date(2026, 4, 30):
        lb.move_to(clock, day + timedelta(days=1), time(0, 30))
        summary = lb.close_day(context, day)
        day += timedelta(days=1)
    interest = (80_000_00 * 1400 * 29 * 2 + 3_650_000) // (2 * 3_650_000)  # 2-30 April
    assert interest == 889_86
    assert summary["credit_lines"]["amounts"][0]["interest_debited_minor"] == interest
    current = line(context, line_id)
    assert current["drawn_minor"] == 80_000_00 + interest
    assert current["interest_accrued_minor"] == 0
    assert current["classification"]["asset_class"] == "standard"
    assert current["classification"]["provision_minor"] == (current["drawn_minor"] * 25
                                                            + 5_000) // 10_000
    kinds = build.run(context, lambda uow: credit_lines.statement(
        uow, PLATFORM, line_id, PageRequest(limit=10)))[0]
    assert [m["kind"] for m in kinds] == ["interest_debit", "draw"]
    # a repayment covers the debited interest first in the IRAC sense, then is allocated
    paid = repay(context, line_id, 1_000_00)
    assert paid["principal_minor"] == 1_000_00
    with engine.connect() as connection:
        covered = connection.execute(sa.text(
            "SELECT covered_minor FROM credit_line_interest_debits WHERE line_id = :l"),
            {"l": line_id}).scalar_one()
    assert covered == interest
    assert ledger.audit().passed


def test_no_credits_from_2026_04_02_sma_1_on_05_02_and_npa_on_07_01_suspends_draws(
    context: AppContext, clock: FixedClock, engine: sa.Engine, ledger: LedgerService
) -> None:
    shop = selling_shop(context, clock, 2_00_000_00, payout=False)
    bank = lb.funded_lender(context)
    line_id = sanction(context, shop, bank)["id"]
    draw(context, line_id, 10_000_00)
    classes = {}
    day = date(2026, 4, 2)
    while day <= date(2026, 7, 1):
        lb.move_to(clock, day + timedelta(days=1), time(0, 30))
        lb.close_day(context, day)
        classes[day] = line(context, line_id)["classification"]
        day += timedelta(days=1)
    assert classes[date(2026, 5, 1)]["asset_class"] == "standard"
    assert (classes[date(2026, 5, 2)]["asset_class"],
            classes[date(2026, 5, 2)]["out_of_order_days"]) == ("sma_1", 31)
    assert classes[date(2026, 6, 1)]["asset_class"] == "sma_2"
    assert classes[date(2026, 6, 30)]["asset_class"] == "sma_2"
    assert classes[date(2026, 7, 1)]["asset_class"] == "substandard"
    assert classes[date(2026, 7, 1)]["npa_since"] == "2026-07-01"
    assert line(context, line_id)["suspended_reason"] == "npa"
    refused(engine, LendingStatus.CREDIT_LINE_SUSPENDED, lambda: draw(context, line_id, 100))
    # IRAC: on NPA, the interest debited and not recovered (April 111.23, May 120.23, June
    # 117.73 at 14% on the growing balance) and 1 July's accrual (3.97) go to suspense
    assert classes[date(2026, 6, 30)]["interest_suspense_minor"] == 0
    assert classes[date(2026, 7, 1)]["interest_suspense_minor"] == 111_23 + 120_23 + 117_73 + 3_97
    # the portfolio history counts the line: PAR 30 from SMA-1 (2 May), NPA from 1 July
    history = {(r.business_date, r.category): r for r in build.run(
        context, lambda uow: uow.loans.portfolio_history(bank, date(2026, 5, 1),
                                                         date(2026, 7, 1)))}
    may_1, may_2 = history[(date(2026, 5, 1), "kishore")], history[(date(2026, 5, 2), "kishore")]
    assert (may_1.loans, may_1.credit_lines, may_1.outstanding_minor, may_1.par_30_minor) == (
        0, 1, 10_000_00 + 111_23, 0)
    assert (may_2.par_30_minor, may_2.par_60_minor) == (10_000_00 + 111_23, 0)
    july_1 = history[(date(2026, 7, 1), "kishore")]
    assert july_1.outstanding_minor == 10_000_00 + 111_23 + 120_23 + 117_73
    assert (july_1.par_90_minor, july_1.npa_minor) == (july_1.outstanding_minor,) * 2
    assert july_1.provisions_minor == (july_1.outstanding_minor * 2_500 + 5_000) // 10_000
    lb.check_books(engine)
    assert build.run(context, lending_books.book_findings) == []
    # repaid in full on 2 July: in order, upgraded at that day's close, suspense released
    owed = line(context, line_id)
    repay(context, line_id, owed["drawn_minor"] + owed["interest_accrued_minor"]
          + owed["penal_charges_minor"])
    lb.move_to(clock, date(2026, 7, 3), time(0, 30))
    lb.close_day(context, date(2026, 7, 2))
    upgraded = line(context, line_id)["classification"]
    assert (upgraded["asset_class"], upgraded["interest_suspense_minor"]) == ("standard", 0)
    lb.check_books(engine)
    assert ledger.audit().passed
    assert build.run(context, lending_books.book_findings) == []
    with engine.begin() as connection:  # a provision the ledger does not hold
        connection.execute(sa.text(
            "UPDATE credit_lines SET provision_minor = provision_minor + 1 WHERE id = :l"),
            {"l": line_id})
    (finding,) = build.run(context, lending_books.book_findings)
    assert "loan-loss provision" in finding


def test_expired_review_suspends_renewal_lifts_and_repaid_line_closes_2026_04_03(
    context: AppContext, clock: FixedClock, engine: sa.Engine, ledger: LedgerService
) -> None:
    shop = selling_shop(context, clock, 2_00_000_00)
    bank = lb.funded_lender(context)
    line_id = sanction(context, shop, bank, review=date(2026, 4, 2) + timedelta(days=1))["id"]
    draw(context, line_id, 5_000_00)
    lb.move_to(clock, date(2026, 4, 4), time(10))
    assert line(context, line_id)["suspended_reason"] == "review_expired"
    refused(engine, LendingStatus.CREDIT_LINE_SUSPENDED, lambda: draw(context, line_id, 100))
    renewed = build.run(context, lambda uow: credit_lines.renew(
        context, uow, PLATFORM, line_id, date(2027, 4, 3), 2_00_000_00, None))
    assert (renewed["renewals"], renewed["suspended_reason"]) == (1, None)
    draw(context, line_id, 100)
    refused(engine, LendingStatus.CREDIT_LINE_NOT_REPAID, lambda: build.run(
        context, lambda uow: credit_lines.close_line(context, uow, PLATFORM, line_id)))
    repay(context, line_id, 5_001_00)
    closed = build.run(context, lambda uow: credit_lines.close_line(
        context, uow, PLATFORM, line_id))
    assert closed["status"] == "closed"
    refused(engine, LendingStatus.CREDIT_LINE_CLOSED, lambda: repay(context, line_id, 1))
    assert ledger.audit().passed


def test_settlement_of_2026_04_04_sweeps_the_line_share_after_the_loans(
    context: AppContext, clock: FixedClock, engine: sa.Engine, ledger: LedgerService
) -> None:
    shop = selling_shop(context, clock, 2_00_000_00)
    bank = lb.funded_lender(context)
    line_id = sanction(context, shop, bank)["id"]
    draw(context, line_id, 50_000_00)
    build.pay(context, shop, build.payer(context, "INR", 1_00_000_00), 1_00_000_00, "INR")
    lb.move_to(clock, date(2026, 4, 4), time(9, 30))
    (result,) = settlement.settle(context, date(2026, 4, 4), shop)
    with engine.connect() as connection:
        swept = connection.execute(sa.text(
            "SELECT loan_sweep_minor FROM settlement_batches WHERE id = :id"),
            {"id": result.batch_id}).scalar_one()
    # the batch's net is the day's sales and the draw paid into the balance (settlement pays a
    # draw out, as it pays a loan disbursal): the line claims its 10% of 1,50,000
    assert swept == 15_000_00
    current = line(context, line_id)
    assert (current["drawn_minor"], current["last_credit_on"]) == (35_000_00, "2026-04-04")
    kinds = build.run(context, lambda uow: credit_lines.statement(
        uow, PLATFORM, line_id, PageRequest(limit=10)))[0]
    assert [m["kind"] for m in kinds] == ["sweep", "draw"]
    assert lb.balance(engine, f"acct_{shop}_INR_loan_sweep") == 0
    assert ledger.audit().passed


def test_refinance_claim_of_2026_04_02_takes_the_line_and_passes_repayments_back(
    context: AppContext, clock: FixedClock, engine: sa.Engine, ledger: LedgerService
) -> None:
    shop = selling_shop(context, clock, 2_00_000_00)
    bank = lb.funded_lender(context)
    apex = build.run(context, lambda uow: lending.create_lender(
        context, uow, "Apex Refinance", "refinancer", True, {}))["id"]
    build.run(context, lambda uow: lending.fund_lender(
        context, uow, PLATFORM, apex, 10_00_000_00, "INR"))
    line_id = sanction(context, shop, bank)["id"]
    draw(context, line_id, 80_000_00)
    claim = build.run(context, lambda uow: loan_refinance.submit_claim(
        context, uow, PLATFORM, bank, "INR", 5_000, None))
    assert (claim["loans"], claim["credit_lines"]) == (1, 1)
    assert (claim["principal_minor"], claim["amount_minor"]) == (80_000_00, 40_000_00)
    repay(context, line_id, 20_000_00)
    draw(context, line_id, 5_000_00)  # a redraw takes nothing back
    repay(context, line_id, 1_000_00)
    claim = build.run(context, lambda uow: loan_refinance.get_claim(uow, PLATFORM, claim["id"]))
    assert (claim["passed_minor"], claim["owed_minor"]) == (10_000_00, 30_000_00)
    assert ledger.audit().passed


def test_npa_line_written_off_on_2026_07_02_against_provision_and_suspense(
    context: AppContext, clock: FixedClock, engine: sa.Engine, ledger: LedgerService
) -> None:
    shop = selling_shop(context, clock, 2_00_000_00)
    bank = lb.funded_lender(context)
    line_id = sanction(context, shop, bank)["id"]
    draw(context, line_id, 10_000_00)
    day = date(2026, 4, 2)
    while day <= date(2026, 6, 30):
        lb.move_to(clock, day + timedelta(days=1), time(0, 30))
        lb.close_day(context, day)
        day += timedelta(days=1)
    lender = Principal(bank, Role.LENDER, bank, livemode=False)

    def write_off(reason: str, caller: Principal = lender) -> Any:
        return build.run(context, lambda uow: credit_line_write_off.write_off_line(
            context, uow, caller, line_id, reason))

    refused(engine, LendingStatus.CREDIT_LINE_NOT_NPA, lambda: write_off("fraud"))  # SMA-2
    lb.move_to(clock, date(2026, 7, 2), time(9, 30))
    lb.close_day(context, date(2026, 7, 1))
    refused(engine, LendingStatus.REASON_INVALID, lambda: write_off(""))
    with pytest.raises(PaysetuError):  # the merchant cannot
        write_off("no", Principal(shop, Role.MERCHANT, shop, livemode=False))
    before = line(context, line_id)
    written = write_off("Shop shut, borrower untraceable")
    assert (written["status"], written["classification"]["asset_class"]) == ("written_off",
                                                                            "loss")
    assert written["write_off_reason"] == "Shop shut, borrower untraceable"
    assert (written["drawn_minor"], written["interest_accrued_minor"],
            written["classification"]["provision_minor"],
            written["classification"]["interest_suspense_minor"]) == (0, 0, 0, 0)
    kinds = build.run(context, lambda uow: credit_lines.statement(
        uow, PLATFORM, line_id, PageRequest(limit=1)))[0]
    assert (kinds[0]["kind"], kinds[0]["amount_minor"]) == (
        "write_off", before["drawn_minor"] + before["interest_accrued_minor"])
    refused(engine, LendingStatus.CREDIT_LINE_CLOSED, lambda: write_off("again"))
    refused(engine, LendingStatus.CREDIT_LINE_CLOSED, lambda: repay(context, line_id, 100))
    lb.move_to(clock, date(2026, 7, 3), time(0, 30))
    assert lb.close_day(context, date(2026, 7, 2))["credit_lines"]["lines"] == 0
    lb.check_books(engine)
    assert build.run(context, lending_books.book_findings) == []
    assert ledger.audit().passed
