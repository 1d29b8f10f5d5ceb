"""Credit lines over HTTP: sanction, draws, repayments, refusals with codes, scoping, statement.

Every test ends with the ledger audit (tests/api/conftest.py).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from fastapi.testclient import TestClient

from paysetu.app.context import AppContext
from paysetu.kernel.clock import FixedClock
from paysetu.lending.rules.classification import AssetClass
from paysetu.settlement.usecases import settlement
from tests.api.conftest import Keys
from tests.api.lending_setup import lender
from tests.api.payment_setup import error_code, merchant, ok, pay, wallet


def settled_shop(client: TestClient, keys: Keys, context: AppContext, clock: FixedClock) -> str:
    """A merchant with 2,00,000 of sales settled the next day."""
    shop = merchant(client, keys, fee_bps=0)
    pay(client, keys.platform, wallet(client, keys, 2_00_000_00), 2_00_000_00, shop)
    clock.advance(timedelta(days=1))
    settlement.settle(context, clock.now().date(), shop)
    return shop


def test_a_line_from_sanction_to_statement_with_its_refusals(
    client: TestClient, keys: Keys, app_context: AppContext, clock: FixedClock
) -> None:
    shop = settled_shop(client, keys, app_context, clock)
    mine = keys.merchant(app_context, shop)
    bank = lender(client, keys, app_context)
    body = {"merchant": shop, "category": "kishore", "limit_minor": 1_50_000_00,
            "rate_bps": 1400, "review_due": "2027-03-31"}
    bad_date = client.post("/v1/credit_lines", json={**body, "review_due": "31/03/2027"},
                           headers=bank.headers)
    assert error_code(bad_date, 400) == "review_date_invalid"
    line = ok(client.post("/v1/credit_lines", json=body, headers=bank.headers))
    assert (line["lender"], line["drawing_power_minor"]) == (bank.id, 1_00_000_00)
    assert line["drawing_power"]["policy_version"] == "dp-2026.1"
    again = client.post("/v1/credit_lines", json=body, headers=bank.headers)
    assert error_code(again, 409) == "credit_line_exists"
    assert error_code(client.post("/v1/credit_lines", json=body, headers=mine), 404)

    path = f"/v1/credit_lines/{line['id']}"
    over = client.post(f"{path}/draws", json={"amount_minor": 1_00_000_01}, headers=mine)
    assert error_code(over, 402) == "draw_exceeds_drawing_power"
    assert error_code(client.post(f"{path}/draws", json={"amount_minor": 100},
                                  headers=bank.headers), 404) == "resource_missing"
    drawn = ok(client.post(f"{path}/draws", json={"amount_minor": 40_000_00}, headers=mine))
    assert (drawn["kind"], drawn["payee"]) == ("draw", shop)
    too_much = client.post(f"{path}/repayments", json={"amount_minor": 40_000_01},
                           headers=mine)
    assert error_code(too_much, 400) == "repayment_exceeds_outstanding"
    ok(client.post(f"{path}/repayments", json={"amount_minor": 15_000_00}, headers=mine))
    shown = ok(client.get(path, headers=mine))
    assert (shown["drawn_minor"], shown["available_minor"]) == (25_000_00, 75_000_00)
    assert shown["utilisation_bps"] == 1_667
    kinds = [m["kind"] for m in ok(client.get(f"{path}/statement", headers=mine))["data"]]
    assert kinds == ["repayment", "draw"]
    assert [x["id"] for x in ok(client.get("/v1/credit_lines", headers=bank.headers))["data"]
            ] == [line["id"]]

    other = keys.merchant(app_context, merchant(client, keys))
    assert error_code(client.get(path, headers=other), 404) == "credit_line_not_found"
    assert ok(client.get("/v1/credit_lines", headers=other))["data"] == []
    renewed = ok(client.post(f"{path}/renew", json={"review_due": "2027-04-01"},
                             headers=bank.headers))
    assert renewed["renewals"] == 1
    not_repaid = client.post(f"{path}/close", headers=mine)
    assert error_code(not_repaid, 409) == "credit_line_not_repaid"


def test_the_lender_writes_off_an_npa_line_with_its_reason(
    client: TestClient, keys: Keys, app_context: AppContext, clock: FixedClock
) -> None:
    shop = settled_shop(client, keys, app_context, clock)
    mine = keys.merchant(app_context, shop)
    bank = lender(client, keys, app_context)
    line = ok(client.post("/v1/credit_lines", json={
        "merchant": shop, "category": "kishore", "limit_minor": 1_50_000_00, "rate_bps": 1400,
        "review_due": "2027-03-31"}, headers=bank.headers))
    path = f"/v1/credit_lines/{line['id']}"
    ok(client.post(f"{path}/draws", json={"amount_minor": 40_000_00}, headers=mine))
    standard = client.post(f"{path}/write_off", json={"reason": "gone"}, headers=bank.headers)
    assert error_code(standard, 409) == "credit_line_not_npa"
    with app_context.uow_factory() as uow:  # classified directly: close of business's tests
        current = uow.credit_lines.get(line["id"])  # classify lines day by day
        assert current is not None
        uow.credit_lines.save(replace(current, asset_class=AssetClass.SUBSTANDARD,
                                      npa_since=clock.now().date(), provision_minor=0))
        uow.commit()
    assert error_code(client.post(f"{path}/write_off", json={"reason": "gone"}, headers=mine),
                      404) == "resource_missing"
    assert error_code(client.post(f"{path}/write_off", json={"reason": ""},
                                  headers=bank.headers), 400) == "reason_invalid"
    written = ok(client.post(f"{path}/write_off", json={"reason": "Shop shut"},
                             headers=bank.headers))
    assert (written["status"], written["write_off_reason"], written["drawn_minor"]) == (
        "written_off", "Shop shut", 0)
    statement = ok(client.get(f"{path}/statement", headers=mine))["data"]
    assert (statement[0]["kind"], statement[0]["principal_minor"]) == ("write_off", 40_000_00)
    closed = client.post(f"{path}/draws", json={"amount_minor": 100}, headers=mine)
    assert error_code(closed, 409) == "credit_line_closed"


def test_a_merchant_applies_and_the_lender_sanctions_against_the_advice_with_a_reason(
    client: TestClient, keys: Keys, app_context: AppContext, clock: FixedClock
) -> None:
    shop = settled_shop(client, keys, app_context, clock)
    mine = keys.merchant(app_context, shop)
    bank, other = lender(client, keys, app_context), lender(client, keys, app_context)
    body = {"lender": bank.id, "category": "kishore", "limit_minor": 1_50_000_00,
            "purpose": "Stock for the festival season"}
    outside = client.post("/v1/credit_line_applications",
                          json={**body, "limit_minor": 6_00_000_00}, headers=mine)
    assert error_code(outside, 400) == "amount_outside_band"
    applied = ok(client.post("/v1/credit_line_applications", json=body, headers=mine))
    assert (applied["status"], applied["merchant"]) == ("submitted", shop)
    advice = applied["advice"]
    assert advice["decision"] == "decline"  # no complete month of history yet
    assert advice["drawing_power"]["drawing_power_minor"] == 1_00_000_00  # 50% of 2,00,000
    assert "50% of the net settled sales" in advice["drawing_power"]["explanation"]
    path = f"/v1/credit_line_applications/{applied['id']}"
    assert error_code(client.get(path, headers=other.headers), 404) == (
        "credit_line_application_not_found")
    assert error_code(client.post(f"{path}/approve", json={
        "rate_bps": 1400, "review_due": "2027-03-31"}, headers=mine), 404)
    terms = {"rate_bps": 1400, "review_due": "2027-03-31"}
    against = client.post(f"{path}/approve", json=terms, headers=bank.headers)
    assert error_code(against, 400) == "reason_invalid"
    assert ok(client.get("/v1/credit_lines", headers=mine))["data"] == []  # nothing written
    approved = ok(client.post(f"{path}/approve", json={**terms, "reason": "Known to the branch"},
                              headers=bank.headers))
    assert (approved["status"], approved["decision_reason"]) == ("approved",
                                                                 "Known to the branch")
    line = ok(client.get(f"/v1/credit_lines/{approved['credit_line']}", headers=mine))
    assert (line["lender"], line["limit_minor"], line["rate_bps"]) == (bank.id, 1_50_000_00,
                                                                       1400)
    again = client.post(f"{path}/reject", json={"reason": "no"}, headers=bank.headers)
    assert error_code(again, 409) == "application_already_decided"
    twice = client.post("/v1/credit_line_applications", json=body, headers=mine)
    assert error_code(twice, 409) == "credit_line_exists"
    elsewhere = ok(client.post("/v1/credit_line_applications",
                               json={**body, "lender": other.id}, headers=mine))
    declined = ok(client.post(f"/v1/credit_line_applications/{elsewhere['id']}/reject",
                              json={"reason": "Outside our district"}, headers=other.headers))
    assert (declined["status"], declined["credit_line"]) == ("rejected", None)
    queue = ok(client.get("/v1/credit_line_applications?status=submitted",
                          headers=bank.headers))["data"]
    assert queue == []
