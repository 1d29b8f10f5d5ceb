"""The demo's lending story: a standard, an SMA and an NPA loan, closed daily; played once."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from paysetu.app.context import AppContext
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.demo.lending import OVERRIDE_REASON, ensure_demo_lending, print_demo_lending
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets
from paysetu.ledger.usecases.service import LedgerService
from paysetu.lending.usecases import credit_lines
from paysetu.settlement.usecases import settlement
from tests.integration import lending_builders as lend
from tests.integration import settlement_builders as build

pytestmark = pytest.mark.postgres


def test_the_demo_lends_into_every_state_once(
    engine: sa.Engine, clock: FixedClock, ledger: LedgerService, tmp_path: Path
) -> None:
    context = AppContext(lambda: PostgresUnitOfWork(engine), clock, UlidIds(), SystemSecrets())
    opened = replace(context, clock=FixedClock(datetime(2025, 10, 1, 9, 30, tzinfo=UTC)))
    borrowers = [build.merchant(opened, fee_bps=0) for _ in range(2)]
    for sale in (date(2025, 10, 20), date(2026, 1, 10)):  # the lines' drawing power
        sold, settled = (replace(context, clock=FixedClock(datetime.combine(
            day, time(9, 30), UTC))) for day in (sale, sale + timedelta(days=1)))
        for borrower in borrowers:
            build.pay(sold, borrower, build.payer(sold, "INR", 1_00_000_00), 1_00_000_00, "INR")
            settlement.settle(settled, sale + timedelta(days=1), borrower)
    story = ensure_demo_lending(context, tmp_path, borrowers)
    assert story is not None
    classes = [lend.loan(context, loan_id)["classification"]["asset_class"]
               for loan_id in story.loan_ids]
    assert classes[0] == "standard"
    assert classes[1].startswith("sma_")
    assert classes[2] == "substandard"
    with engine.connect() as connection:
        counts = connection.execute(sa.text(
            "SELECT (SELECT count(*) FROM lending_close_days),"
            " (SELECT count(*) FROM refinance_claims)")).one()
    assert tuple(counts) == (150, 1)
    with engine.connect() as connection:
        decided = connection.execute(sa.text(
            "SELECT underwriting->>'decision', decision_reason FROM loan_applications"
            " WHERE status = 'approved'")).all()
        waiting = connection.execute(sa.text(
            "SELECT id FROM loan_applications WHERE status = 'submitted'")).scalars().all()
    assert len(decided) == 3
    assert any(advice == "decline" for advice, _ in decided)  # the new merchant's, at least
    assert all(reason == OVERRIDE_REASON for advice, reason in decided if advice == "decline")
    assert waiting == [story.pending_application_id]  # the lender's queue has one to decide
    with context.uow_factory() as uow:
        lines = [credit_lines.get_line(context, uow, lend.PLATFORM, line_id)
                 for line_id in story.line_ids]
    assert [line["renewals"] for line in lines] == [0, 0, 1]  # in use, out of order, renewed
    assert lines[1]["drawn_minor"] > 0
    assert lines[1]["classification"]["asset_class"] == "sma_2"  # no credits for 70 days
    with engine.connect() as connection:
        kinds = set(connection.execute(sa.text(
            "SELECT kind FROM credit_line_movements WHERE line_id = :l"),
            {"l": story.line_ids[0]}).scalars())
    assert kinds == {"draw", "repayment", "interest_debit"}  # in use
    assert lines[2]["suspended_reason"] is None  # the renewal lifted the expired review
    assert ensure_demo_lending(context, tmp_path, borrowers) == story  # played once
    print_demo_lending(context, story)
    lend.check_books(engine)
    assert ledger.audit().passed
