"""Close of business and write-off: order of days, replays, refusals that write nothing,
write-off of an NPA, and the release of a closed loan's provision."""

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
from paysetu.kernel.secrets import SystemSecrets
from paysetu.ledger.usecases.service import LedgerService
from paysetu.lending.rules.errors import LendingRejected, LendingStatus
from paysetu.lending.usecases import loan_repayments, loan_write_off
from tests.integration import lending_builders as lend
from tests.integration import settlement_builders as build

pytestmark = pytest.mark.postgres


@pytest.fixture
def context(engine: sa.Engine, clock: FixedClock) -> AppContext:
    return AppContext(lambda: PostgresUnitOfWork(engine), clock, UlidIds(), SystemSecrets())


def written(engine: sa.Engine) -> tuple[int, ...]:
    with engine.connect() as connection:
        return tuple(connection.execute(sa.text(
            "SELECT (SELECT count(*) FROM ledger_entries), (SELECT count(*) FROM"
            " lending_close_days), (SELECT coalesce(sum(penalty_minor), 0) FROM"
            " loan_installments), (SELECT count(*) FROM loans WHERE status = 'active')")).one())


def refused(engine: sa.Engine, status: LendingStatus, work: Callable[[], Any]) -> None:
    before = written(engine)
    with pytest.raises(LendingRejected) as caught:
        work()
    assert caught.value.code is status
    assert written(engine) == before


def borrower(context: AppContext) -> tuple[str, str]:
    """A merchant with a 2,00,000 Kishore loan disbursed on 1 April 2026 (and 5,000 of sales
    in its balance besides)."""
    shop = build.merchant(context, fee_bps=0)
    build.pay(context, shop, build.payer(context, "INR", 5_000_00), 5_000_00, "INR")
    bank = lend.funded_lender(context)
    return bank, lend.disbursed_loan(context, bank, shop, 2_00_000_00, 24)


def test_days_close_in_order_once(
    context: AppContext, clock: FixedClock, engine: sa.Engine
) -> None:
    borrower(context)
    refused(engine, LendingStatus.CLOSE_DAY_IN_FUTURE,
            lambda: lend.close_day(context, date(2026, 4, 2)))
    first = lend.close_day(context, date(2026, 4, 1))
    assert (first["loans"], first["replayed"], first["classes"]["standard"]) == (1, False, 1)
    lend.move_to(clock, date(2026, 4, 5))
    refused(engine, LendingStatus.CLOSE_DAY_SKIPS_DATE,
            lambda: lend.close_day(context, date(2026, 4, 3)))
    again = lend.close_day(context, date(2026, 4, 1))
    assert again == {**first, "replayed": True}
    lend.close_day(context, date(2026, 4, 2))
    refused(engine, LendingStatus.CLOSE_DAY_BEFORE_LAST,
            lambda: lend.close_day(context, date(2026, 4, 1)))


def test_only_an_npa_can_be_written_off(
    context: AppContext, clock: FixedClock, engine: sa.Engine, ledger: LedgerService
) -> None:
    bank, loan_id = borrower(context)

    def write_off() -> dict[str, Any]:
        return build.run(context, lambda uow: loan_write_off.write_off_loan(
            context, uow, lend.PLATFORM, loan_id, "Shop closed, owner unreachable"))

    lend.move_to(clock, date(2026, 7, 29))
    lend.close_day(context, date(2026, 7, 29))
    refused(engine, LendingStatus.LOAN_NOT_NPA, write_off)  # SMA-2 is still performing
    lend.move_to(clock, date(2026, 7, 30))
    lend.close_day(context, date(2026, 7, 30))
    npa = lend.loan(context, loan_id)
    assert npa["classification"]["asset_class"] == "substandard"
    expense_before = lend.balance(engine, f"acct_{bank}_INR_provision_expense")

    lend.move_to(clock, date(2026, 8, 3))
    gone = write_off()
    assert (gone["status"], gone["closed_on"]) == ("written_off", "2026-08-03")
    assert gone["classification"]["asset_class"] == "loss"
    assert gone["write_off_reason"] == "Shop closed, owner unreachable"
    assert gone["outstanding_principal_minor"] == gone["interest_receivable_minor"] == 0
    # The 25% provision covered part; the other 75% of the principal is expense now.
    expense = lend.balance(engine, f"acct_{bank}_INR_provision_expense") - expense_before
    assert expense == 2_00_000_00 - npa["classification"]["provision_minor"]
    assert lend.balance(engine, f"acct_{bank}_INR_loan_loss_provision") == 0
    assert lend.balance(engine, f"acct_{bank}_INR_interest_suspense") == 0
    lend.check_books(engine)
    assert ledger.audit().passed

    refused(engine, LendingStatus.LOAN_CLOSED, write_off)
    refused(engine, LendingStatus.LOAN_CLOSED, lambda: build.run(
        context, lambda uow: loan_repayments.repay_loan(
            context, uow, lend.PLATFORM, loan_id, "manual", 100_00)))
    lend.close_day(context, date(2026, 7, 31))  # a written-off loan is left alone
    assert lend.loan(context, loan_id)["classification"]["as_of"] == "2026-07-30"


def test_a_closed_loan_releases_its_provision(
    context: AppContext, clock: FixedClock, engine: sa.Engine, ledger: LedgerService
) -> None:
    bank, loan_id = borrower(context)
    lend.close_day(context, date(2026, 4, 1))
    assert lend.loan(context, loan_id)["classification"]["provision_minor"] == 500_00
    lend.move_to(clock, date(2026, 4, 2))
    build.run(context, lambda uow: loan_repayments.repay_loan(
        context, uow, lend.PLATFORM, loan_id, "foreclosure", None))
    refused(engine, LendingStatus.LOAN_CLOSED, lambda: build.run(
        context, lambda uow: loan_repayments.repay_loan(
            context, uow, lend.PLATFORM, loan_id, "manual", 100_00)))
    summary = lend.close_day(context, date(2026, 4, 2))
    assert summary["loans"] == 0
    assert summary["amounts"][0]["provision_change_minor"] == -500_00
    assert lend.loan(context, loan_id)["classification"]["provision_minor"] == 0
    assert lend.balance(engine, f"acct_{bank}_INR_loan_loss_provision") == 0
    lend.check_books(engine)
    assert ledger.audit().passed
