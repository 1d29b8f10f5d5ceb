"""``/v1/settlements`` and payout onboarding over HTTP: trigger, list, items, files, scoping."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import sepaxml
import xmlschema
from fastapi.testclient import TestClient

from paysetu.app.context import AppContext
from paysetu.kernel.clock import FixedClock
from tests.api.conftest import Keys
from tests.api.payment_setup import error_code, merchant, ok, pay, wallet

pytestmark = pytest.mark.postgres
XSD = Path(sepaxml.__file__).parent / "schemas" / "pain.001.001.09.xsd"
INDIAN_ACCOUNT = {"currency": "INR", "holder_name": "Chai Point Pvt Ltd",
                  "account_number": "001234567890", "bank_code": "HDFC0000123", "country": "IN"}


def _shop(client: TestClient, keys: Keys, payments: tuple[int, ...]) -> str:
    merchant_id = merchant(client, keys)
    ok(client.post(f"/v1/merchants/{merchant_id}/payout_accounts", json=INDIAN_ACCOUNT,
                   headers=keys.platform))
    payer = wallet(client, keys, 1_00_000_00)
    for amount in payments:
        pay(client, keys.platform, payer, amount, merchant_id)
    return merchant_id


def _settle(client: TestClient, keys: Keys, day: str, **fields: Any) -> dict[str, Any]:
    return ok(client.post("/v1/settlements", json={"date": day, **fields},
                          headers=keys.platform))


@pytest.fixture
def settled(client: TestClient, keys: Keys, clock: FixedClock) -> tuple[str, str, str]:
    """Two merchants settled for 2 April: A paid 3 payments, B one."""
    a = _shop(client, keys, (10_000_00, 2_500_00, 40_00))
    b = _shop(client, keys, (1_000_00,))
    clock.advance(timedelta(days=1))
    run = _settle(client, keys, "2026-04-02")
    assert run["outcomes"] == {"created": 2}
    by_merchant = {r["merchant"]: r["settlement"] for r in run["results"]}
    return a, by_merchant[a], by_merchant[b]


def test_the_platform_settles_a_date_and_a_rerun_changes_nothing(
    client: TestClient, keys: Keys, settled: tuple[str, str, str]
) -> None:
    a, batch_a, _ = settled
    body = ok(client.get(f"/v1/settlements/{batch_a}", headers=keys.platform))
    assert body["object"] == "settlement"
    assert (body["merchant"], body["status"], body["item_count"]) == (a, "paid_out", 3)
    assert body["gross_minor"] == 12_540_00
    assert body["net_minor"] == body["payout_minor"] == 12_540_00 - body["fees_minor"]
    again = _settle(client, keys, "2026-04-02")
    assert again["outcomes"] == {"exists": 2}
    assert batch_a in {r["settlement"] for r in again["results"]}


def test_items_are_listed_in_pages_and_files_are_downloaded(
    client: TestClient, keys: Keys, settled: tuple[str, str, str]
) -> None:
    _, batch_a, _ = settled
    first = ok(client.get(f"/v1/settlements/{batch_a}/items", params={"limit": 2},
                          headers=keys.platform))
    rest = ok(client.get(f"/v1/settlements/{batch_a}/items",
                         params={"limit": 2, "starting_after": first["data"][-1]["id"]},
                         headers=keys.platform))
    items = first["data"] + rest["data"]
    assert (first["has_more"], rest["has_more"]) == (True, False)
    assert [i["type"] for i in items] == ["payment", "payment", "payment", "payout"]
    assert sum(i["net_minor"] for i in items) == 0
    pain = client.get(f"/v1/settlements/{batch_a}/files/pain001", headers=keys.platform)
    assert pain.status_code == 200
    assert pain.headers["content-type"] == "application/xml"
    assert pain.headers["content-disposition"] == f'attachment; filename="{batch_a}-pain001.xml"'
    xmlschema.XMLSchema(str(XSD)).validate(pain.text)
    payout = list(csv.DictReader(io.StringIO(client.get(
        f"/v1/settlements/{batch_a}/files/csv", headers=keys.platform).text)))
    assert payout[0]["end_to_end_id"] in pain.text
    report = client.get(f"/v1/settlements/{batch_a}/files/report", headers=keys.platform)
    assert report.status_code == 200
    assert report.text.count("summary:") == 12


def test_a_merchant_sees_only_its_own_settlements(
    client: TestClient, keys: Keys, app_context: AppContext, settled: tuple[str, str, str]
) -> None:
    a, batch_a, batch_b = settled
    key_a = keys.merchant(app_context, a)
    listed = ok(client.get("/v1/settlements", headers=key_a))
    assert [s["id"] for s in listed["data"]] == [batch_a]
    assert ok(client.get(f"/v1/settlements/{batch_a}", headers=key_a))["id"] == batch_a
    for path in (f"/v1/settlements/{batch_b}", f"/v1/settlements/{batch_b}/items",
                 f"/v1/settlements/{batch_b}/files/pain001",
                 f"/v1/settlements/{batch_b}/files/report", "/v1/settlements/stl_nope"):
        assert error_code(client.get(path, headers=key_a), 404) == "settlement_not_found"
    other = ok(client.get("/v1/settlements", params={"merchant": a}, headers=keys.platform))
    assert [s["id"] for s in other["data"]] == [batch_a]
    assert error_code(client.post("/v1/settlements", json={"date": "2026-04-02"},
                                  headers=key_a), 404) == "resource_missing"


def test_file_kinds_are_a_closed_list_and_a_carried_batch_has_no_payout(
    client: TestClient, keys: Keys, clock: FixedClock, settled: tuple[str, str, str]
) -> None:
    _, batch_a, _ = settled
    for kind in ("xml", "..%2F..%2Fetc%2Fpasswd", "report.csv"):
        response = client.get(f"/v1/settlements/{batch_a}/files/{kind}", headers=keys.platform)
        assert response.status_code in (400, 404), response.text
        assert "root:" not in response.text
    assert error_code(client.get(f"/v1/settlements/{batch_a}/files/xml",
                                 headers=keys.platform), 400) == "file_format_invalid"
    unpaid = merchant(client, keys)
    pay(client, keys.platform, wallet(client, keys, 1_000_00), 500_00, unpaid)
    clock.advance(timedelta(days=1))
    (carried,) = _settle(client, keys, "2026-04-03", merchant=unpaid)["results"]
    assert (carried["status"], carried["carried_forward_minor"]) == ("carried_forward", 490_00)
    batch = carried["settlement"]
    assert error_code(client.get(f"/v1/settlements/{batch}/files/pain001",
                                 headers=keys.platform), 404) == "batch_has_no_payout"
    assert ok(client.get(f"/v1/settlements/{batch}", headers=keys.platform))[
        "carry_reason"] == "no_payout_account"


def test_bad_dates_and_bank_details_are_refused_with_their_codes(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    assert error_code(client.post("/v1/settlements", json={"date": "2026-02-30"},
                                  headers=keys.platform), 400) == "settlement_date_invalid"
    merchant_id = merchant(client, keys)
    bad = {"currency": "EUR", "holder_name": "Berliner Kaffee", "iban": "DE89370400440532013001",
           "bic": "COBADEFFXXX"}
    path = f"/v1/merchants/{merchant_id}/payout_accounts"
    assert error_code(client.post(path, json=bad, headers=keys.platform), 400) == "iban_invalid"
    bad_ifsc = {**INDIAN_ACCOUNT, "bank_code": "HDFC1000123"}
    assert error_code(client.post(path, json=bad_ifsc, headers=keys.platform),
                      400) == "bank_code_invalid"
    own = keys.merchant(app_context, merchant_id)
    created = ok(client.post(path, json=INDIAN_ACCOUNT, headers=own))
    assert created["account_number"] == "••••••••7890"
    listed = ok(client.get(path, headers=own))["data"]
    assert [a["id"] for a in listed] == [created["id"]]
    schedule_path = f"/v1/merchants/{merchant_id}/settlement_schedule"
    assert ok(client.get(schedule_path, headers=own))["default"] is True
    terms = {"time_zone": "Asia/Kolkata", "cutoff_local": "18:00", "delay_days": 2,
             "reserve_bps": 500, "reserve_release_days": 30, "payout_minimums": {"INR": 100_00}}
    assert error_code(client.post(schedule_path, json=terms, headers=own), 404) == (
        "resource_missing")
    set_terms = ok(client.post(schedule_path, json=terms, headers=keys.platform))
    assert (set_terms["time_zone"], set_terms["default"]) == ("Asia/Kolkata", False)
    assert error_code(client.post(schedule_path, json={**terms, "time_zone": "Asia/Mumbai"},
                                  headers=keys.platform), 400) == "time_zone_invalid"
