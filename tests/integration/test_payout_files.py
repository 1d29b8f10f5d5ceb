"""Payout files: every generated pain.001 validates against the official ISO 20022 schema.

The schema is ``pain.001.001.09.xsd`` as shipped in the ``sepaxml`` wheel (a pinned dev
dependency), read from the installed package: nothing is downloaded when the tests run.
Payouts are made the way production makes them (payments, a settlement run) in currencies
with 0, 2 and 3 decimals, to an Indian account (IFSC) and to IBANs.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from xml.etree.ElementTree import fromstring

import pytest
import sepaxml
import sqlalchemy as sa
import xmlschema
from typer.testing import CliRunner

from paysetu.app.context import AppContext
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.cli.app import app
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets
from paysetu.settlement.rules.records import PayoutInstruction, RunOutcome
from paysetu.settlement.stores.pain001 import NAMESPACE, pain001_xml
from paysetu.settlement.stores.payout_csv import PAYOUT_COLUMNS, payout_csv, report_csv
from paysetu.settlement.usecases import payout_accounts, settlement
from paysetu.settlement.usecases import queries as settlement_queries
from tests.integration import settlement_builders as build

pytestmark = pytest.mark.postgres
XSD = Path(sepaxml.__file__).parent / "schemas" / "pain.001.001.09.xsd"
NS = {"p": NAMESPACE}


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(XSD))


@pytest.fixture
def context(engine: sa.Engine, clock: FixedClock) -> AppContext:
    return AppContext(lambda: PostgresUnitOfWork(engine), clock, UlidIds(), SystemSecrets())


def _paid_batches(context: AppContext, clock: FixedClock) -> list[str]:
    """Merchants paid in INR (IFSC), EUR and JPY (IBAN) and KWD (IBAN, 3 decimals)."""
    accounts: dict[str, Callable[[str], object]] = {
        "INR": lambda m: build.indian_account(context, m),
        "EUR": lambda m: build.iban_account(context, m, "EUR"),
        "JPY": lambda m: build.iban_account(context, m, "JPY"),
        "KWD": lambda m: build.run(context, lambda uow: payout_accounts.create_payout_account(
            context, uow, build.PLATFORM, m, "KWD", "Gulf Traders W.L.L.",
            iban="KW81 CBKU 0000 0000 0000 1234 5601 01", bic="CBKUKWKW")),
    }
    for currency, register in accounts.items():
        merchant_id = build.merchant(context, currency)
        register(merchant_id)
        wallet = build.payer(context, currency, 1_000_000)
        build.pay(context, merchant_id, wallet, 123_457, currency)
    clock.advance(timedelta(days=2))
    results = settlement.settle(context, date(2026, 4, 2))
    assert {r.outcome for r in results} == {RunOutcome.CREATED}
    return [r.batch_id or "" for r in results]


def _instruction(context: AppContext, batch_id: str) -> PayoutInstruction:
    with context.uow_factory() as uow:
        return settlement_queries.payout_instruction(context, uow, build.PLATFORM, batch_id)


def test_every_pain001_validates_against_the_iso_schema(
    context: AppContext, clock: FixedClock, schema: xmlschema.XMLSchema
) -> None:
    batches = _paid_batches(context, clock)
    decimals = {"INR": Decimal("1209.88"), "EUR": Decimal("1209.88"), "JPY": Decimal("120988"),
                "KWD": Decimal("120.988")}  # 123,457 minor units less the 2% fee
    for batch_id in batches:
        instruction = _instruction(context, batch_id)
        xml = pain001_xml(instruction)
        schema.validate(xml.decode())
        root = fromstring(xml)
        payout = instruction.payout
        assert root.findtext(".//p:EndToEndId", namespaces=NS) == payout.end_to_end_id
        amount = root.find(".//p:InstdAmt", NS)
        assert amount is not None
        assert amount.get("Ccy") == payout.currency
        assert Decimal(amount.text or "") == decimals[payout.currency]
        assert root.findtext(".//p:GrpHdr/p:CtrlSum", namespaces=NS) == amount.text
        assert root.findtext(".//p:PmtInfId", namespaces=NS) == batch_id.replace("_", "-")
        creditor_bank = root.find(".//p:CdtrAgt/p:FinInstnId", NS)
        assert creditor_bank is not None
        if payout.currency == "INR":
            assert creditor_bank.findtext("p:ClrSysMmbId/p:MmbId", namespaces=NS) == "HDFC0000123"
        else:
            assert creditor_bank.findtext("p:BICFI", namespaces=NS) is not None
        assert xml == pain001_xml(_instruction(context, batch_id)), "same payout, same file"


def test_payout_csv_and_report_add_up(context: AppContext, clock: FixedClock) -> None:
    (batch_id, *_) = _paid_batches(context, clock)
    instruction = _instruction(context, batch_id)
    rows = list(csv.DictReader(io.StringIO(payout_csv(instruction))))
    assert list(rows[0]) == list(PAYOUT_COLUMNS)
    assert rows[0]["end_to_end_id"] == instruction.payout.end_to_end_id
    assert int(rows[0]["amount_minor"]) == instruction.payout.amount_minor
    with context.uow_factory() as uow:
        batch = settlement_queries.visible_batch(uow, build.PLATFORM, batch_id)
        report = list(csv.DictReader(io.StringIO("".join(
            report_csv(batch, settlement_queries.stream_items(uow, batch))))))
    lines = [r for r in report if not r["type"].startswith("summary:")]
    summary = {r["type"].removeprefix("summary:"): int(r["net_minor"]) for r in report
               if r["type"].startswith("summary:")}
    assert [r["type"] for r in lines] == ["payment", "payout"]
    assert sum(int(r["net_minor"]) for r in lines) == summary["movements"] == 0
    assert summary["net"] == summary["gross"] + summary["fees"] == -summary["payout"]


def test_the_cli_settles_and_exports_files_named_by_the_batch(
    context: AppContext, clock: FixedClock, database_url: str, tmp_path: Path,
    schema: xmlschema.XMLSchema, monkeypatch: pytest.MonkeyPatch,
) -> None:
    merchant_id = build.merchant(context)
    build.indian_account(context, merchant_id)
    build.pay(context, merchant_id, build.payer(context, "INR", 100_000), 50_000, "INR")
    monkeypatch.setenv("PAYSETU_DATABASE_URL", database_url)
    runner = CliRunner()
    settled = runner.invoke(app, ["settle", "--date", "2026-04-02"])
    assert settled.exit_code == 0, settled.output
    assert "1 created" in settled.output
    with context.uow_factory() as uow:
        (batch,), _ = uow.settlements.list_batches(merchant_id, None, build.PAGE)
    assert batch.created_at > datetime(2026, 4, 2, tzinfo=UTC)
    live = runner.invoke(app, ["payouts", "export", "--batch", batch.id, "--format", "pain001",
                               "--output", str(tmp_path)])
    assert live.exit_code != 0, "a live export refuses the placeholder debtor account"
    assert "PAYSETU_SETTLEMENT_DEBTOR_ACCOUNTS" in str(live.exception)
    for kind, name in (("pain001", "pain001.xml"), ("csv", "payout.csv"),
                       ("report", "report.csv")):
        exported = runner.invoke(app, ["payouts", "export", "--batch", batch.id, "--format",
                                       kind, "--output", str(tmp_path), "--test-mode"])
        assert exported.exit_code == 0, exported.output
        assert (tmp_path / f"{batch.id}-{name}").is_file()
    schema.validate(str(tmp_path / f"{batch.id}-pain001.xml"))
    traversal = runner.invoke(app, ["payouts", "export", "--batch", "../../etc/passwd",
                                    "--format", "csv", "--output", str(tmp_path)])
    assert traversal.exit_code != 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"{batch.id}-{n}" for n in ("pain001.xml", "payout.csv", "report.csv"))
