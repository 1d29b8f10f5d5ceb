"""The demo's replayed history: settled every day, reconciled every week, made once.

Why: ``paysetu run`` shows this story to every new user, and the lending underwriter and the
dashboards read it; it must be real data that the ledger audit accepts, not a fixture.
"""

from __future__ import annotations

from datetime import UTC, date, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from paysetu.app.context import AppContext
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.demo import history as demo_history
from paysetu.demo.history import MERCHANTS, ensure_demo_history
from paysetu.kernel.clock import SystemClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets
from paysetu.ledger.usecases.service import LedgerService

pytestmark = pytest.mark.postgres
DAYS = 12


def test_the_history_is_settled_daily_reconciled_weekly_and_made_once(
    engine: sa.Engine, tmp_path: Path
) -> None:
    context = AppContext(lambda: PostgresUnitOfWork(engine), SystemClock(), UlidIds(),
                         SystemSecrets())
    history, created = ensure_demo_history(context, tmp_path, days=DAYS)
    again, created_again = ensure_demo_history(context, tmp_path, days=DAYS)
    assert (created, created_again) == (True, False)
    assert again == history
    today = context.clock.now().astimezone(UTC).date()
    assert date.fromisoformat(history.through) == today - timedelta(days=2)

    with engine.connect() as connection:
        merchants = connection.execute(sa.text(
            "SELECT m.legal_name, m.settlement_currency, count(DISTINCT p.id) AS payments,"
            " min(p.created_at) AS first_paid, max(p.created_at) AS last_paid"
            " FROM merchants m JOIN payments p ON p.merchant_id = m.id"
            " WHERE m.id = ANY(:ids) AND p.status = 'succeeded'"
            " GROUP BY m.legal_name, m.settlement_currency ORDER BY m.legal_name"),
            {"ids": history.merchant_ids}).all()
        batches = connection.execute(sa.text(
            "SELECT merchant_id, count(*) AS n, max(settlement_date) AS last_date,"
            " sum(payout_minor) AS paid FROM settlement_batches WHERE merchant_id = ANY(:ids)"
            " GROUP BY merchant_id"), {"ids": history.merchant_ids}).all()
        payouts = connection.execute(sa.text(
            "SELECT b.settlement_date, p.status FROM payouts p"
            " JOIN settlement_batches b ON b.payout_id = p.id WHERE p.merchant_id = ANY(:ids)"),
            {"ids": history.merchant_ids}).all()

    assert [(m.legal_name, m.settlement_currency) for m in merchants] == sorted(
        (m.name, m.currency) for m in MERCHANTS)
    for m in merchants:  # every traded day has sales (at least the story's minimum per day)
        assert m.payments >= DAYS - 1
        assert m.first_paid.date() >= today - timedelta(days=DAYS + 1)
        assert m.last_paid.date() <= date.fromisoformat(history.through) + timedelta(days=1)
    assert len(batches) == len(MERCHANTS)
    for b in batches:  # one batch a day at most, the last one settled yesterday
        assert 1 <= b.n <= DAYS - 1
        assert b.last_date == today - timedelta(days=1)
        assert b.paid > 0
    # Each Monday's statement paid what was outstanding then; the days since are pending.
    yesterday = today - timedelta(days=1)
    mondays = [yesterday - timedelta(days=n) for n in range(DAYS) if
               (yesterday - timedelta(days=n)).weekday() == 0]
    assert payouts
    for settled_on, status in payouts:
        reconciled = any(settled_on <= monday for monday in mondays)
        assert status == ("paid" if reconciled else "pending"), (settled_on, status)

    ledger = LedgerService(lambda: PostgresUnitOfWork(engine), SystemClock(), UlidIds())
    assert ledger.audit().passed


def test_a_replay_cut_short_resumes_and_tells_the_same_story(
    engine: sa.Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C during the first run's replay used to leave a second set of merchants behind on
    the next run. Now the next run resumes after the last traded day, and the story it tells
    is the one an uninterrupted replay tells (each day is seeded by its date)."""
    context = AppContext(lambda: PostgresUnitOfWork(engine), SystemClock(), UlidIds(),
                         SystemSecrets())
    trade_day = demo_history._trade_day
    traded: list[date] = []

    def cut_on_the_fifth_day(*args: Any) -> None:
        if len(traded) == 4:
            raise KeyboardInterrupt
        trade_day(*args)
        traded.append(args[4])

    monkeypatch.setattr(demo_history, "_trade_day", cut_on_the_fifth_day)
    with pytest.raises(KeyboardInterrupt):
        ensure_demo_history(context, tmp_path / "cut", days=DAYS)
    monkeypatch.setattr(demo_history, "_trade_day", trade_day)
    resumed, created = ensure_demo_history(context, tmp_path / "cut", days=DAYS)
    whole, _ = ensure_demo_history(context, tmp_path / "whole", days=DAYS)

    assert created
    assert (resumed.since, resumed.until, resumed.through) == (whole.since, whole.until,
                                                                whole.through)
    with engine.connect() as connection:
        def story(merchant_ids: list[str]) -> list[tuple[Any, ...]]:
            return [tuple(row) for row in connection.execute(sa.text(
                "SELECT m.legal_name, (p.created_at AT TIME ZONE 'UTC')::date AS day,"
                " count(*), sum(p.amount_minor) FROM payments p"
                " JOIN merchants m ON m.id = p.merchant_id WHERE m.id = ANY(:ids)"
                " GROUP BY 1, 2 ORDER BY 1, 2"), {"ids": merchant_ids})]

        named = connection.execute(sa.text(
            "SELECT count(*) FROM merchants WHERE id = ANY(:ids)"),
            {"ids": resumed.merchant_ids}).scalar_one()
        assert named == len(MERCHANTS)
        assert story(resumed.merchant_ids) == story(whole.merchant_ids)
        batches = connection.execute(sa.text(
            "SELECT merchant_id, settlement_date, count(*) FROM settlement_batches"
            " WHERE merchant_id = ANY(:ids) GROUP BY 1, 2 HAVING count(*) > 1"),
            {"ids": resumed.merchant_ids}).all()
        assert batches == []
    assert LedgerService(lambda: PostgresUnitOfWork(engine), SystemClock(),
                         UlidIds()).audit().passed
