"""Payout files say only what banks accept (issue 19): the restricted Latin set, identifiers
without ``_``, the SEPA charge bearer, a debtor account that exists, a date not in the past.

Each test fails on the earlier behaviour: names went out as typed, ``MsgId`` was ``po_...``,
euro transfers carried ``DEBT``, a live export wrote ``PAYSETUINR`` at ``NOTPROVIDED`` and the
requested execution date was the payout's creation date.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from xml.etree.ElementTree import fromstring

import pytest
import sepaxml
import sqlalchemy as sa
import xmlschema

from paysetu.access.rules.principals import Principal
from paysetu.app.context import AppContext
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets
from paysetu.payments.usecases import merchants
from paysetu.settlement.rules.errors import SettlementRejected, SettlementStatus
from paysetu.settlement.rules.payout_accounts import check_payout_account
from paysetu.settlement.rules.records import PayoutInstruction
from paysetu.settlement.stores.pain001 import NAMESPACE, pain001_xml
from paysetu.settlement.stores.payout_csv import payout_csv
from paysetu.settlement.usecases import payout_accounts, settlement
from paysetu.settlement.usecases import queries as settlement_queries
from paysetu.settlement.usecases.policy import SettlementPolicy
from tests.integration import settlement_builders as build

pytestmark = pytest.mark.postgres
XSD = Path(sepaxml.__file__).parent / "schemas" / "pain.001.001.09.xsd"
NS = {"p": NAMESPACE}
RESTRICTED = re.compile(r"^[A-Za-z0-9/\-?:().,'+ ]*$")
LIVE = replace(build.PLATFORM, livemode=True)
NAMES = {"INR": "चाय पॉइंट", "CNY": "北京茶馆有限公司", "EUR": "Müller & Söhne GmbH"}


@pytest.fixture
def context(engine: sa.Engine, clock: FixedClock) -> AppContext:
    return AppContext(lambda: PostgresUnitOfWork(engine), clock, UlidIds(), SystemSecrets())


def _paid_batch(context: AppContext, clock: FixedClock, currency: str) -> str:
    """A merchant whose name and account holder are ``NAMES[currency]``, paid and settled."""
    name = NAMES[currency]
    merchant_id = str(build.run(context, lambda uow: merchants.create_merchant(
        context, uow, name, "IN", currency, 200, 0, {}))["id"])
    details = ({"account_number": "001234567890", "bank_code": "HDFC0000123", "country": "IN"}
               if currency == "INR" else {"iban": "DE89370400440532013000", "bic": "COBADEFFXXX"})
    build.run(context, lambda uow: payout_accounts.create_payout_account(
        context, uow, build.PLATFORM, merchant_id, currency, name, **details))
    build.pay(context, merchant_id, build.payer(context, currency, 1_000_000), 50_000, currency)
    clock.advance(timedelta(days=2))
    (result,) = settlement.settle(context, clock.now().date() - timedelta(days=1), merchant_id)
    assert result.batch_id is not None
    return result.batch_id


def _instruction(context: AppContext, batch_id: str,
                 caller: Principal = build.PLATFORM) -> PayoutInstruction:
    with context.uow_factory() as uow:
        return settlement_queries.payout_instruction(context, uow, caller, batch_id)


@pytest.mark.parametrize("currency", ["INR", "CNY", "EUR"])
def test_names_and_identifiers_are_in_the_restricted_latin_set(
    context: AppContext, clock: FixedClock, currency: str
) -> None:
    instruction = _instruction(context, _paid_batch(context, clock, currency))
    xml = pain001_xml(instruction)
    xmlschema.XMLSchema(str(XSD)).validate(xml.decode())
    root = fromstring(xml)
    texts = [e.text or "" for path in ("Nm", "Ustrd", "MsgId", "PmtInfId", "InstrId",
                                       "EndToEndId") for e in root.iter(f"{{{NAMESPACE}}}{path}")]
    assert len(texts) == 8
    assert all(RESTRICTED.match(t) for t in texts), texts
    assert root.findtext(".//p:MsgId", namespaces=NS) == instruction.payout.id.replace("_", "-")
    assert root.findtext(".//p:PmtInfId", namespaces=NS) == instruction.batch_id.replace("_", "-")
    creditor = root.findtext(".//p:Cdtr/p:Nm", namespaces=NS)
    assert creditor == {"INR": "cay poimt", "CNY": "BeiJingChaGuanYouXianGongSi",
                        "EUR": "Muller + Sohne GmbH"}[currency]
    (row,) = csv.DictReader(io.StringIO(payout_csv(instruction)))
    assert (row["beneficiary_name"], row["beneficiary_name_original"]) == (
        creditor, NAMES[currency])
    assert instruction.creditor.holder_name == NAMES[currency], "paysetu keeps the original"


@pytest.mark.parametrize(("currency", "bearer", "service"),
                         [("EUR", "SLEV", "SEPA"), ("INR", "DEBT", None)])
def test_the_charge_bearer_follows_the_scheme(
    context: AppContext, clock: FixedClock, currency: str, bearer: str, service: str | None
) -> None:
    root = fromstring(pain001_xml(_instruction(context, _paid_batch(context, clock, currency))))
    assert root.findtext(".//p:ChrgBr", namespaces=NS) == bearer
    assert root.findtext(".//p:PmtTpInf/p:SvcLvl/p:Cd", namespaces=NS) == service


def test_a_live_export_needs_the_debtor_account_and_test_mode_keeps_the_placeholder(
    context: AppContext, clock: FixedClock
) -> None:
    batch_id = _paid_batch(context, clock, "INR")
    with pytest.raises(SettlementRejected) as refused:
        _instruction(context, batch_id, LIVE)
    assert refused.value.code is SettlementStatus.DEBTOR_ACCOUNT_NOT_CONFIGURED
    assert "PAYSETU_SETTLEMENT_DEBTOR_ACCOUNTS" in refused.value.message
    placeholder = _instruction(context, batch_id)
    assert placeholder.debtor.account_number == "PAYSETUINR"
    account = check_payout_account("paysetu", "INR", account_number="009876543210",
                                   bank_code="ICIC0000001", country="IN")
    configured = replace(context, settlement=SettlementPolicy(debtor_accounts={"INR": account}))
    root = fromstring(pain001_xml(_instruction(configured, batch_id, LIVE)))
    assert root.findtext(".//p:DbtrAcct/p:Id/p:Othr/p:Id", namespaces=NS) == "009876543210"
    assert root.findtext(".//p:DbtrAgt//p:MmbId", namespaces=NS) == "ICIC0000001"


def test_the_execution_date_is_the_next_business_day_on_or_after_the_export(
    context: AppContext, clock: FixedClock
) -> None:
    batch_id = _paid_batch(context, clock, "INR")
    dates = {}
    for day in (date(2026, 4, 3), date(2026, 4, 4), date(2026, 4, 5), date(2026, 4, 6)):
        clock.set(clock.now().replace(year=day.year, month=day.month, day=day.day))
        instruction = _instruction(context, batch_id)
        root = fromstring(pain001_xml(instruction))
        dates[day] = root.findtext(".//p:ReqdExctnDt/p:Dt", namespaces=NS)
        (row,) = csv.DictReader(io.StringIO(payout_csv(instruction)))
        assert row["requested_execution_date"] == dates[day]
    assert instruction.payout.created_at.date() == date(2026, 4, 3)
    assert dates == {date(2026, 4, 3): "2026-04-03", date(2026, 4, 4): "2026-04-06",
                     date(2026, 4, 5): "2026-04-06", date(2026, 4, 6): "2026-04-06"}
