"""The demo's lending story: a standard, an SMA and an NPA loan, closed daily; played once."""

from __future__ import annotations

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
from tests.integration import lending_builders as lend
from tests.integration import settlement_builders as build

pytestmark = pytest.mark.postgres


def test_the_demo_lends_into_every_state_once(
    engine: sa.Engine, clock: FixedClock, ledger: LedgerService, tmp_path: Path
) -> None:
    context = AppContext(lambda: PostgresUnitOfWork(engine), clock, UlidIds(), SystemSecrets())
    borrowers = [build.merchant(context, fee_bps=0) for _ in range(2)]
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
    assert ensure_demo_lending(context, tmp_path, borrowers) == story  # played once
    print_demo_lending(context, story)
    lend.check_books(engine)
    assert ledger.audit().passed
