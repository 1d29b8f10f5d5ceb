"""``paysetu lending lines``: sanction, show, list, a refused draw and the statement."""

from __future__ import annotations

import json
from datetime import date, timedelta
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


def test_a_line_from_the_command_line(cli_database: Path, engine: sa.Engine) -> None:
    context = AppContext(lambda: PostgresUnitOfWork(engine), SystemClock(), UlidIds(),
                         SystemSecrets())
    with context.uow_factory() as uow:
        shop = merchants.create_merchant(context, uow, "Kirana Stores", "IN", "INR", 0, 0, {})
        uow.commit()
    bank = run("lenders", "create", "--name", "Gramin Bank", "--kind", "bank")
    run("lenders", "fund", bank["id"], "--amount", "100000.00")
    review = (date.today() + timedelta(days=365)).isoformat()
    line = run("lines", "sanction", "--merchant", shop["id"], "--lender", bank["id"],
               "--category", "shishu", "--limit", "40000.00", "--rate-bps", "1600",
               "--review-due", review)
    assert (line["limit_minor"], line["drawing_power_minor"]) == (40_000_00, 0)  # no sales yet
    assert run("lines", "show", line["id"])["review_due"] == review
    refused = CliRunner().invoke(cli, ["lending", "lines", "draw", line["id"],
                                       "--amount", "1.00"])
    assert refused.exit_code != 0
    assert run("lines", "statement", line["id"])["data"] == []
    standard = CliRunner().invoke(cli, ["lending", "lines", "write-off", line["id"],
                                        "--reason", "gone"])
    assert standard.exit_code != 0
    assert "credit_line_not_npa" in str(standard.exception)
    listed = CliRunner().invoke(cli, ["lending", "lines", "list"])
    assert listed.exit_code == 0, listed.output
    assert "stand" in listed.stdout  # the table (narrow terminal: cells are cut)
    closed = run("lines", "close", line["id"])
    assert closed["status"] == "closed"
    audited = CliRunner().invoke(cli, ["audit"])
    assert audited.exit_code == 0, audited.output
    assert "audit passed" in audited.stdout
