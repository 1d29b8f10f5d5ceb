"""``paysetu lending``: a lender, an application, approval, disbursal and repayment from the CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from paysetu.app.context import AppContext
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.cli.app import app as cli
from paysetu.kernel.clock import SystemClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets
from paysetu.payments.usecases import merchants


@pytest.fixture
def cli_database(database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("PAYSETU_DATABASE_URL", database_url)
    monkeypatch.setenv("PAYSETU_DATA_DIR", str(tmp_path / "var"))
    return tmp_path


def run(*args: str) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["lending", *args])
    assert result.exit_code == 0, result.output
    body: dict[str, Any] = json.loads(result.stdout)
    return body


def test_a_loan_from_the_command_line(cli_database: Path, engine: sa.Engine) -> None:
    context = AppContext(lambda: PostgresUnitOfWork(engine), SystemClock(), UlidIds(),
                         SystemSecrets())
    with context.uow_factory() as uow:
        shop = merchants.create_merchant(context, uow, "Kirana Stores", "IN", "INR", 0, 0, {})
        uow.commit()
    bank = run("lenders", "create", "--name", "Gramin Bank", "--kind", "bank")
    funded = run("lenders", "fund", bank["id"], "--amount", "100000.00")
    assert funded["balances"] == [{"currency": "INR", "funding_available_minor": 100_000_00}]
    application = run("apply", "--merchant", shop["id"], "--lender", bank["id"], "--product",
                      "lpr_pmmy_shishu", "--amount", "30000.00", "--tenure", "12",
                      "--purpose", "A second freezer")
    assert application["underwriting"]["decision"] == "decline"  # no history on paysetu yet
    approved = run("approve", application["id"], "--rate-bps", "1500",
                   "--reason", "Known to the branch")
    loan = run("disburse", approved["loan"])
    assert (loan["status"], loan["outstanding_principal_minor"]) == ("active", 30_000_00)
    prepaid = run("repay", loan["id"], "--type", "prepayment", "--amount", "1000.00")
    assert (prepaid["source"], prepaid["principal_minor"]) == ("prepayment", 1_000_00)
    shown = run("show", loan["id"])
    assert shown["outstanding_principal_minor"] == 29_000_00

    refused = CliRunner().invoke(cli, ["lending", "repay", loan["id"], "--amount", "1.00"])
    assert refused.exit_code != 0
    table = CliRunner().invoke(cli, ["lending", "schedule", loan["id"]])
    assert table.exit_code == 0, table.output
    assert "upcoming" in table.stdout
    collected = CliRunner().invoke(cli, ["lending", "collect"])
    assert collected.exit_code == 0, collected.output


def test_close_of_business_and_write_off_from_the_command_line(
    cli_database: Path, engine: sa.Engine
) -> None:
    context = AppContext(lambda: PostgresUnitOfWork(engine), SystemClock(), UlidIds(),
                         SystemSecrets())
    with context.uow_factory() as uow:
        shop = merchants.create_merchant(context, uow, "Kirana Stores", "IN", "INR", 0, 0, {})
        uow.commit()
    bank = run("lenders", "create", "--name", "Gramin Bank", "--kind", "bank")
    run("lenders", "fund", bank["id"], "--amount", "100000.00")
    application = run("apply", "--merchant", shop["id"], "--lender", bank["id"], "--product",
                      "lpr_pmmy_shishu", "--amount", "30000.00", "--tenure", "12",
                      "--purpose", "A second freezer")
    approved = run("approve", application["id"], "--rate-bps", "1500",
                   "--reason", "Known to the branch")
    loan = run("disburse", approved["loan"])
    today = context.clock.now().date().isoformat()
    closed = run("close-day", "--date", today)
    assert (closed["date"], closed["loans"], closed["classes"]["standard"]) == (today, 1, 1)
    assert run("close-day", "--date", today)["replayed"] is True
    refused = CliRunner().invoke(cli, ["lending", "write-off", loan["id"], "--reason", "x"])
    assert refused.exit_code != 0
    assert "loan_not_npa" in str(refused.exception)
    skipped = CliRunner().invoke(cli, ["lending", "close-day", "--date", "2000-01-01"])
    assert "close_day_before_last" in str(skipped.exception)
