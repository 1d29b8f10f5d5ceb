"""The portfolio report: PAR, NPA ratio, provisions, the month's flows; CSV from the CLI."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from functools import partial
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from paysetu.access.rules.principals import Principal, Role
from paysetu.app.context import AppContext
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.cli.app import app as cli
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets
from paysetu.lending.rules.errors import LendingRejected, LendingStatus
from paysetu.lending.usecases import loan_portfolio, loan_repayments
from tests.integration import lending_builders as lend
from tests.integration import settlement_builders as build

pytestmark = pytest.mark.postgres


@pytest.fixture
def context(engine: sa.Engine, clock: FixedClock) -> AppContext:
    return AppContext(lambda: PostgresUnitOfWork(engine), clock, UlidIds(), SystemSecrets())


def test_portfolio_by_lender_and_category(
    context: AppContext, clock: FixedClock, database_url: str,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    bank, other = lend.funded_lender(context), lend.funded_lender(context)
    late, good, elsewhere = (build.merchant(context, fee_bps=0) for _ in range(3))
    build.pay(context, good, build.payer(context, "INR", 50_000_00), 50_000_00, "INR")
    lend.disbursed_loan(context, bank, late, 2_00_000_00, 24)
    shishu = lend.disbursed_loan(context, bank, good, 40_000_00, 12, product="lpr_pmmy_shishu")
    lend.disbursed_loan(context, other, elsewhere, 1_00_000_00, 12)
    day = date(2026, 4, 1)
    while day <= date(2026, 6, 15):  # late never pays; good pays every due date
        lend.move_to(clock, day)
        if day.day == 1 and day > date(2026, 4, 1):
            due = lend.loan(context, shishu)["amount_due_minor"]
            build.run(context, partial(loan_repayments.repay_loan, context, caller=lend.PLATFORM,
                                       loan_id=shishu, repayment_type="manual",
                                       amount_minor=due))
        lend.close_day(context, day)
        day += timedelta(days=1)

    report = build.run(context, lambda uow: loan_portfolio.portfolio_report(
        context, uow, lend.PLATFORM, "2026-06"))
    assert (report["month"], report["as_of"]) == ("2026-06", "2026-06-15")
    rows = {(r["lender"], r["category"]): r for r in report["data"]}
    assert set(rows) == {(bank, "kishore"), (bank, "shishu"), (other, "kishore")}
    k = rows[(bank, "kishore")]
    # 45 days past the 1 May due date: PAR 30, not PAR 60; no NPA yet.
    assert k["loans"] == 1
    assert k["outstanding_minor"] == 2_00_000_00
    assert (k["par_30_minor"], k["par_60_minor"], k["npa_minor"]) == (2_00_000_00, 0, 0)
    assert (k["par_30_bps"], k["npa_ratio_bps"]) == (10_000, 0)
    assert k["provisions_minor"] == 500_00
    assert (k["disbursed_minor"], k["repaid_minor"]) == (0, 0)
    s = rows[(bank, "shishu")]
    assert s["par_30_minor"] == 0
    assert s["repaid_minor"] > 0
    assert s["repaid_principal_minor"] < s["repaid_minor"]
    april = build.run(context, lambda uow: loan_portfolio.portfolio_report(
        context, uow, lend.PLATFORM, "2026-04"))
    assert sum(r["disbursed_minor"] for r in april["data"]) == 3_40_000_00

    own = build.run(context, lambda uow: loan_portfolio.portfolio_report(
        context, uow, Principal("key_lender", Role.LENDER, other, False), "2026-06"))
    assert [(r["lender"], r["category"]) for r in own["data"]] == [(other, "kishore")]
    with pytest.raises(LendingRejected) as caught:
        build.run(context, lambda uow: loan_portfolio.portfolio_report(
            context, uow, lend.PLATFORM, "2026-13"))
    assert caught.value.code is LendingStatus.MONTH_INVALID

    monkeypatch.setenv("PAYSETU_DATABASE_URL", database_url)
    monkeypatch.setenv("PAYSETU_DATA_DIR", str(tmp_path / "var"))
    result = CliRunner().invoke(cli, ["lending", "portfolio", "--month", "2026-06"])
    assert result.exit_code == 0, result.output
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(table) == 3
    assert {r["category"] for r in table} == {"kishore", "shishu"}
