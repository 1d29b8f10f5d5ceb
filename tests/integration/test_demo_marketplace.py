"""The demo marketplace: three sellers (one abroad), a delivery, an auto-release, a partial
return and a dispute; made once per database, with a clean audit."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from paysetu.cli.app import app as cli
from paysetu.demo.marketplace import ensure_demo_marketplace
from paysetu.kernel.clock import FixedClock
from paysetu.ledger.usecases.service import LedgerService
from tests.api.checkout_setup import checkout_context


def test_demo_marketplace_story_runs_once_and_audits(
    engine: sa.Engine, clock: FixedClock, tmp_path: Path, ledger: LedgerService
) -> None:
    ctx = checkout_context(engine, clock)
    state, created = ensure_demo_marketplace(ctx, tmp_path)
    again, created_again = ensure_demo_marketplace(ctx, tmp_path)
    assert (created, created_again) == (True, False)
    assert again == state
    with ctx.uow_factory() as uow:
        shares = [[(s.status.value, s.refunded_minor, s.tcs_minor > 0)
                   for s in uow.marketplace.shares_of(o)] for o in state.order_ids]
        abroad = uow.marketplace.get_seller(state.seller_ids[2])
        in_pounds = [(s.payout_currency, s.fx_rate is not None, s.payout_net_minor > 0)
                     for o in state.order_ids for s in uow.marketplace.shares_of(o)
                     if s.seller_id == state.seller_ids[2]]
    assert abroad is not None
    assert abroad.country == "GB"
    assert in_pounds == [("GBP", True, True)] * 3  # paid in its own currency
    delivered, aged, mixed = (sorted(x) for x in shares)
    assert delivered == [("released", 0, False), ("released", 0, True), ("released", 0, True)]
    assert aged == [("released", 0, False), ("released", 0, True)]  # by the auto-release
    assert mixed == [("disputed", 0, False), ("held", 500_00, True)]
    report = ledger.audit()
    assert report.passed, report.findings


def test_paysetu_audit_is_clean_after_the_marketplace_story(
    engine: sa.Engine, clock: FixedClock, tmp_path: Path, database_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ctx = checkout_context(engine, clock)
    ensure_demo_marketplace(ctx, tmp_path)
    with engine.connect() as connection:
        entries = connection.execute(sa.text(
            "SELECT count(*) FROM ledger_entries WHERE metadata->>'kind' LIKE 'marketplace_%'"
        )).scalar_one()
    assert entries >= 5  # releases and a return (each split rides on its payment's entry)
    monkeypatch.setenv("PAYSETU_DATABASE_URL", database_url)
    monkeypatch.setenv("PAYSETU_DATA_DIR", str(tmp_path / "var"))
    result = CliRunner().invoke(cli, ["audit"])
    assert result.exit_code == 0, result.output
    assert "audit passed" in result.output
