"""Reconciliation end to end on real PostgreSQL: a camt.053 built here round-trips through the
import into the expected categories, matched payouts become paid, the same file twice is one
import, concurrent imports never pay a payout twice, and ``paysetu reconcile`` exits non-zero
when anything is unmatched (and refuses a bad file without importing any of it).
"""

from __future__ import annotations

import json
import threading
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from paysetu.app.context import AppContext
from paysetu.bootstrap import Runtime
from paysetu.cli.app import app as cli
from paysetu.cli.demo_reconciliation import reconcile_demo
from paysetu.config import Settings
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.money import Money
from paysetu.ledger.usecases.service import LedgerService
from paysetu.settlement.rules.reconciliation import LineCategory, ReconciliationRun
from paysetu.settlement.rules.statements import Direction, StatementFormat
from paysetu.settlement.stores.camt053_writer import BookedTransfer, write_camt053
from paysetu.settlement.stores.statement_files import read_statement
from paysetu.settlement.usecases import reconciliation
from tests.integration import payout_rows
from tests.integration.payout_rows import merchant, payout, row_counts, statuses

C = LineCategory
DAY = date(2026, 4, 1)
STATEMENT_AT = datetime(2026, 4, 1, 20, 0, tzinfo=UTC)


@pytest.fixture
def ctx(engine: sa.Engine, clock: FixedClock) -> AppContext:
    return payout_rows.context(engine, clock)


def debit(e2e: str | None, amount: Money, on: date = DAY) -> BookedTransfer:
    return BookedTransfer(e2e, amount, Direction.DEBIT, on, f"payout {e2e}")


def inr(major: str) -> Money:
    return Money.parse(major, "INR")


def camt053(*transfers: BookedTransfer, statement_id: str = "STMT-1") -> bytes:
    return write_camt053(statement_id, STATEMENT_AT, "NOSTRO-1", transfers)


def reconcile(ctx: AppContext, content: bytes) -> tuple[ReconciliationRun, bool]:
    statement = read_statement(content, StatementFormat.CAMT053)
    with ctx.uow_factory() as uow:
        result = reconciliation.reconcile_statement(ctx, uow, statement)
        uow.commit()
    return result


def report(ctx: AppContext, run_id: str) -> list[tuple[str, str | None]]:
    """``(category, end-to-end id)`` of every line, in report order."""
    with ctx.uow_factory() as uow:
        results, has_more = reconciliation.list_lines(uow, run_id, None, 0, 100)
    assert not has_more
    return [
        (r.category.value,
         r.line.end_to_end_id if r.line else r.payout.end_to_end_id if r.payout else None)
        for r in results
    ]


@pytest.fixture
def payouts(engine: sa.Engine, ctx: AppContext) -> dict[str, str]:
    shop = merchant(ctx)
    return {
        "match": payout(engine, shop, inr("1250.00"), "E2EMATCH"),
        "amount": payout(engine, shop, inr("800.00"), "E2EAMOUNT"),
        "missing": payout(engine, shop, inr("300.00"), "E2EMISSING", status="pending"),
        "currency": payout(engine, shop, inr("50.00"), "E2ECCY"),
        "paid": payout(engine, shop, inr("70.00"), "E2EPAID", status="paid"),
        "euro": payout(engine, shop, Money(1000, "EUR"), "E2EEUR"),
        "later": payout(engine, shop, inr("20.00"), "E2ELATER",
                        created_at=datetime(2026, 4, 3, tzinfo=UTC)),
    }


def the_statement() -> bytes:
    return camt053(
        debit("E2EMATCH", inr("1250.00")),
        debit("E2EAMOUNT", inr("801.00")),  # the bank paid 1.00 more
        debit("E2EPAID", inr("70.00")),  # reconciled by an earlier statement
        debit("E2EUNKNOWN", inr("99.00")),
        BookedTransfer(None, inr("5000.00"), Direction.CREDIT, DAY, "funding"),
        debit("E2ECCY", Money(5000, "USD")),
    )


def test_a_camt053_round_trips_into_the_expected_categories(
    ctx: AppContext, engine: sa.Engine, payouts: dict[str, str]
) -> None:
    run, created = reconcile(ctx, the_statement())
    assert created
    assert dict(run.counts) == {C.MATCHED: 1, C.MISSING: 1, C.UNEXPECTED: 3,
                                C.AMOUNT_MISMATCH: 1, C.CURRENCY_MISMATCH: 1, C.RETURNED: 0}
    assert (run.line_count, run.unmatched, run.currencies) == (6, 6, ("INR", "USD"))
    assert run.statement_date == DAY
    assert report(ctx, run.id) == [
        ("matched", "E2EMATCH"),
        ("amount_mismatch", "E2EAMOUNT"),
        ("unexpected", "E2EPAID"),
        ("unexpected", "E2EUNKNOWN"),
        ("unexpected", None),
        ("currency_mismatch", "E2ECCY"),
        ("missing", "E2EMISSING"),  # not EUR (not on this statement), not a later payout
    ]
    after = statuses(engine)
    assert after[payouts["match"]] == "paid"
    assert after[payouts["paid"]] == "paid"
    assert {after[payouts[k]] for k in ("amount", "currency", "euro", "later")} == {"sent"}
    assert after[payouts["missing"]] == "pending"
    with ctx.uow_factory() as uow:
        audit = uow.ledger.audit()
    with ctx.uow_factory() as uow:
        entry = uow.ledger.get_entry(reconciliation.paid_entry_id(run.id, "INR"))
    assert {(p.account_id, p.direction.value, p.amount_minor) for p in entry.postings} == {
        ("acct_platform_payout_clearing_INR", "debit", 125000),
        ("acct_platform_payouts_INR", "credit", 125000),
    }
    assert audit.passed, audit.findings
    with ctx.uow_factory() as uow:
        (mismatch,), _ = reconciliation.list_lines(uow, run.id, C.AMOUNT_MISMATCH, 0)
    line = reconciliation.line_object(run.id, mismatch)
    assert (line["amount_minor"], line["payout"]["amount_minor"], line["difference_minor"]) == (
        80100, 80000, 100)
    assert line["reason"] == "The bank paid 1.00 INR more than the payout."


def test_the_same_file_twice_is_one_import(
    ctx: AppContext, engine: sa.Engine, payouts: dict[str, str]
) -> None:
    content = the_statement()
    first, _ = reconcile(ctx, content)
    counts, before = row_counts(engine), statuses(engine)
    again, created = reconcile(ctx, content)
    assert not created
    assert again == first
    assert row_counts(engine) == counts == (1, 7)
    assert statuses(engine) == before


def test_a_later_statement_settles_what_is_left_and_never_pays_twice(
    ctx: AppContext, engine: sa.Engine, payouts: dict[str, str]
) -> None:
    reconcile(ctx, the_statement())
    later = camt053(
        debit("E2EMATCH", inr("1250.00")),  # booked again: the bank paid twice
        debit("E2EMISSING", inr("300.00")),
        statement_id="STMT-2",
    )
    run, _ = reconcile(ctx, later)
    assert report(ctx, run.id) == [
        ("unexpected", "E2EMATCH"),
        ("matched", "E2EMISSING"),
        ("missing", "E2EAMOUNT"),  # a mismatch leaves the payout outstanding
        ("missing", "E2ECCY"),
    ]
    assert statuses(engine)[payouts["missing"]] == "paid"


def test_concurrent_imports_match_a_payout_once(
    ctx: AppContext, engine: sa.Engine, payouts: dict[str, str]
) -> None:
    files = [camt053(debit("E2EMATCH", inr("1250.00")), statement_id=f"STMT-{n}")
             for n in range(4)]
    barrier = threading.Barrier(len(files))
    runs: list[ReconciliationRun] = []

    def import_one(content: bytes) -> None:
        barrier.wait()
        runs.append(reconcile(ctx, content)[0])

    threads = [threading.Thread(target=import_one, args=(f,)) for f in files]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(runs) == len(files)
    assert sorted(run.counts[C.MATCHED] for run in runs) == [0, 0, 0, 1]
    assert statuses(engine)[payouts["match"]] == "paid"


def test_the_database_refuses_a_second_match_for_a_payout(
    ctx: AppContext, engine: sa.Engine, payouts: dict[str, str]
) -> None:
    run, _ = reconcile(ctx, the_statement())
    with pytest.raises(sa.exc.IntegrityError, match="reconciliation_lines_matched_payout"), \
            engine.begin() as connection:
        connection.execute(sa.text(
            "INSERT INTO reconciliation_lines (run_id, position, category, location,"
            " booking_date, end_to_end_id, amount_minor, currency, direction, payout_id)"
            " VALUES (:run, 99, 'matched', 'line 99', '2026-04-01', 'E2EMATCH', 125000, 'INR',"
            " 'debit', :payout)"), {"run": run.id, "payout": payouts["match"]})


# paysetu reconcile -----------------------------------------------------------------------


@pytest.fixture
def cli_database(database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("PAYSETU_DATABASE_URL", database_url)
    monkeypatch.setenv("PAYSETU_DATA_DIR", str(tmp_path / "var"))
    return tmp_path


def test_cli_exits_non_zero_and_reports_what_is_unmatched(
    cli_database: Path, engine: sa.Engine, payouts: dict[str, str]
) -> None:
    path = cli_database / "statement.xml"
    path.write_bytes(the_statement())
    result = CliRunner().invoke(cli, ["reconcile", str(path)])
    assert result.exit_code == 1, result.output
    for text in ("amount_mismatch", "E2EAMOUNT", "E2EMISSING", "currency_mismatch", "E2ECCY",
                 "E2EUNKNOWN", "(imported)"):
        assert text in result.stdout
    again = CliRunner().invoke(cli, ["reconcile", str(path), "--json"])
    assert again.exit_code == 1
    body = json.loads(again.stdout)
    assert body["counts"] == {"matched": 1, "missing": 1, "unexpected": 3,
                              "amount_mismatch": 1, "currency_mismatch": 1, "returned": 0}
    assert body["status"] == "needs_attention"
    (mismatch,) = [line for line in body["unmatched_lines"]
                   if line["category"] == "amount_mismatch"]
    assert mismatch["reason"] == "The bank paid 1.00 INR more than the payout."
    assert row_counts(engine) == (1, 7)


def test_cli_exits_zero_when_everything_matches(
    cli_database: Path, engine: sa.Engine, ctx: AppContext
) -> None:
    shop = merchant(ctx)
    payout_id = payout(engine, shop, inr("10.00"), "E2EONLY")
    path = cli_database / "statement.csv"
    path.write_text("date,end_to_end_id,amount,currency,description\n"
                    "2026-04-01,E2EONLY,10.00,INR,all good\n")
    result = CliRunner().invoke(cli, ["reconcile", str(path), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert statuses(engine)[payout_id] == "paid"


def test_cli_refuses_a_bad_statement_and_imports_none_of_it(
    cli_database: Path, engine: sa.Engine, payouts: dict[str, str]
) -> None:
    before = statuses(engine)
    path = cli_database / "statement.csv"
    path.write_text("date,end_to_end_id,amount,currency,description\n"
                    "2026-04-01,E2EMATCH,1250.00,INR,good\n"
                    "2026-04-01,E2EAMOUNT,800.001,INR,too many decimals\n"
                    "garbage\n")
    result = CliRunner().invoke(cli, ["reconcile", str(path)])
    assert result.exit_code == 2, result.output
    assert "line 3: amount_invalid" in result.stderr
    assert "line 4: csv_line_malformed" in result.stderr
    assert row_counts(engine) == (0, 0)
    assert statuses(engine) == before


# The demo's bank statement ---------------------------------------------------------------


def test_the_demo_statement_shows_a_match_and_a_one_unit_mismatch(
    ctx: AppContext, engine: sa.Engine, database_url: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    rt = Runtime(Settings(database_url=database_url, data_dir=tmp_path), engine,
                 LedgerService(ctx.uow_factory, ctx.clock, UlidIds()), ctx)
    shop = merchant(ctx)
    reconcile_demo(rt, shop)
    assert "no outstanding payouts yet" in capsys.readouterr().out
    first = payout(engine, shop, inr("1250.00"), "E2EDEMO1")
    second = payout(engine, shop, Money(1500, "JPY"), "E2EDEMO2")
    reconcile_demo(rt, shop)
    out = capsys.readouterr().out
    assert "amount_mismatch" in out
    assert "demo_statement.xml" in out
    with ctx.uow_factory() as uow:
        (run,), _ = uow.reconciliations.list_runs(10, None)
    assert (run.counts[C.MATCHED], run.counts[C.AMOUNT_MISMATCH], run.unmatched) == (1, 1, 1)
    assert sorted(statuses(engine)[p] for p in (first, second)) == ["paid", "sent"]
    reconcile_demo(rt, shop)  # the same file again: one import
    assert row_counts(engine) == (1, 2)
    assert "already imported" in capsys.readouterr().out
