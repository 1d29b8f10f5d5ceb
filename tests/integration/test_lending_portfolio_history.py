"""The portfolio history: one row set per close of business, the last equal to the report."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path
from typing import Any

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
from paysetu.lending.usecases import loan_portfolio, loan_portfolio_history
from tests.integration import lending_builders as lend
from tests.integration import settlement_builders as build

pytestmark = pytest.mark.postgres

FIRST = date(2026, 4, 1)
LAST = date(2026, 6, 10)
BOOK = ("loans", "outstanding_minor", "par_30_minor", "par_30_bps", "par_60_minor",
        "par_60_bps", "par_90_minor", "par_90_bps", "npa_minor", "npa_ratio_bps",
        "provisions_minor")
"""The report's columns as of the last close of business (the rest are the month's flows)."""


@pytest.fixture
def context(engine: sa.Engine, clock: FixedClock) -> AppContext:
    return AppContext(lambda: PostgresUnitOfWork(engine), clock, UlidIds(), SystemSecrets())


def _history(context: AppContext, caller: Principal, start: str | None = None,
             end: str | None = None) -> dict[str, Any]:
    return build.run(context, lambda uow: loan_portfolio_history.portfolio_history(
        uow, caller, start, end))


def test_each_close_of_business_records_the_book(
    context: AppContext, clock: FixedClock, engine: sa.Engine, database_url: str,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    bank, other = lend.funded_lender(context), lend.funded_lender(context)
    late, elsewhere = (build.merchant(context, fee_bps=0) for _ in range(2))
    lend.disbursed_loan(context, bank, late, 2_00_000_00, 24)  # never pays
    lend.disbursed_loan(context, bank, late, 40_000_00, 12, product="lpr_pmmy_shishu")
    lend.disbursed_loan(context, other, elsewhere, 1_00_000_00, 12)
    assert _history(context, lend.PLATFORM) == {
        "object": "lending_portfolio_history", "from": None, "to": None, "data": []}
    day = FIRST
    while day <= LAST:
        lend.move_to(clock, day)
        lend.close_day(context, day)
        day += timedelta(days=1)
    days = (LAST - FIRST).days + 1
    replay = lend.close_day(context, LAST)  # the last day again: replayed, nothing written
    assert replay["replayed"] is True

    with engine.connect() as connection:
        counts = connection.execute(sa.text(
            "SELECT business_date, count(*) FROM lending_portfolio_days GROUP BY 1 ORDER BY 1"
        )).all()
    assert [tuple(c) for c in counts] == [
        (FIRST + timedelta(days=n), 3) for n in range(days)]  # 3 (lender, category) groups

    history = _history(context, lend.PLATFORM)
    assert (history["from"], history["to"]) == ("2025-06-10", LAST.isoformat())  # 366 days
    rows = history["data"]
    assert len(rows) == 3 * days
    report = build.run(context, lambda uow: loan_portfolio.portfolio_report(
        context, uow, lend.PLATFORM, "2026-06"))
    latest = {(r["lender"], r["category"], r["currency"]): {k: r[k] for k in BOOK}
              for r in rows if r["date"] == LAST.isoformat()}
    assert latest == {(r["lender"], r["category"], r["currency"]): {k: r[k] for k in BOOK}
                      for r in report["data"]}
    kishore = [r for r in rows if (r["lender"], r["category"]) == (bank, "kishore")]
    # first due 1 May, never paid: PAR 30 from the close of 31 May
    at_risk = [r["date"] for r in kishore if r["par_30_minor"] == 2_00_000_00]
    assert at_risk == [(date(2026, 5, 31) + timedelta(days=n)).isoformat() for n in range(11)]
    assert kishore[-1]["par_30_bps"] == 10_000
    assert kishore[-1]["provisions_minor"] == 500_00

    own = _history(context, Principal("key_lender", Role.LENDER, other, False),
                   "2026-05-01", "2026-05-10")
    assert (own["from"], own["to"]) == ("2026-05-01", "2026-05-10")
    assert {(r["lender"], r["category"]) for r in own["data"]} == {(other, "kishore")}
    assert len(own["data"]) == 10
    for start, end, code, param in (
        ("2026-5-1", None, LendingStatus.BUSINESS_DATE_INVALID, "from"),
        (None, "yesterday", LendingStatus.BUSINESS_DATE_INVALID, "to"),
        ("2026-05-10", "2026-05-01", LendingStatus.DATE_RANGE_INVALID, "from"),
        ("2025-01-01", "2026-05-01", LendingStatus.DATE_RANGE_INVALID, "from"),
    ):
        with pytest.raises(LendingRejected) as caught:
            _history(context, lend.PLATFORM, start, end)
        assert (caught.value.code, caught.value.param) == (code, param)

    monkeypatch.setenv("PAYSETU_DATABASE_URL", database_url)
    monkeypatch.setenv("PAYSETU_DATA_DIR", str(tmp_path / "var"))
    result = CliRunner().invoke(cli, ["lending", "portfolio-history", "--from", "2026-06-09"])
    assert result.exit_code == 0, result.output
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["date"] for r in table] == ["2026-06-09"] * 3 + ["2026-06-10"] * 3
    assert list(table[0]) == list(loan_portfolio_history.ROW_FIELDS)
