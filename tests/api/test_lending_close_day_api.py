"""Close of business and write-off over HTTP: who may run them, refusals, the loan's class.

``POST /v1/lending/close_days`` is the platform's; ``POST /v1/loans/{id}/write_off`` the
loan's lender's (and the platform's). Every test ends with the ledger audit (conftest).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from fastapi.testclient import TestClient

from paysetu.app.context import AppContext
from paysetu.kernel.clock import FixedClock
from tests.api.conftest import Keys
from tests.api.lending_setup import disbursed_loan, lender
from tests.api.payment_setup import error_code, merchant, ok


def close(client: TestClient, headers: dict[str, str], day: date) -> object:
    return client.post("/v1/lending/close_days", json={"date": day.isoformat()},
                       headers=headers)


def test_close_of_business_is_the_platforms_and_runs_in_order(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    bank = lender(client, keys, app_context)
    shop = merchant(client, keys, fee_bps=0)
    disbursed_loan(client, keys, bank.id, shop, "lpr_pmmy_kishore", 1_00_000_00, 12)
    day = date(2026, 4, 1)
    for headers in (keys.merchant(app_context, shop), bank.headers):
        assert error_code(close(client, headers, day), 404) == "resource_missing"
    bad = client.post("/v1/lending/close_days", json={"date": "2026-4-1"},
                      headers=keys.platform)
    assert error_code(bad, 400) == "business_date_invalid"
    assert error_code(close(client, keys.platform, day + timedelta(days=1)),
                      400) == "close_day_in_future"
    summary = ok(close(client, keys.platform, day))
    assert summary["object"] == "lending_close_day"
    assert (summary["loans"], summary["classes"]["standard"]) == (1, 1)
    assert summary["amounts"] == [{
        "currency": "INR", "interest_accrued_minor": 0, "penalties_minor": 0,
        "suspense_change_minor": 0, "provision_change_minor": 250_00,
        "provisions_minor": 250_00}]
    assert ok(close(client, keys.platform, day)) == {**summary, "replayed": True}


def test_a_lender_writes_off_its_npa(
    client: TestClient, keys: Keys, app_context: AppContext, clock: FixedClock
) -> None:
    bank = lender(client, keys, app_context)
    other = lender(client, keys, app_context, name="Other Bank")
    shop, good_shop = merchant(client, keys, fee_bps=0), merchant(client, keys, fee_bps=0)
    loan = disbursed_loan(client, keys, bank.id, shop, "lpr_pmmy_kishore", 1_00_000_00, 12)
    day = date(2026, 4, 1)
    while day <= date(2026, 7, 30):  # nothing repaid: 90 days past the first due date
        clock.advance(datetime.combine(day, clock.now().timetz()) - clock.now())
        ok(close(client, keys.platform, day))
        day += timedelta(days=1)
    good = disbursed_loan(client, keys, bank.id, good_shop, "lpr_pmmy_shishu", 40_000_00, 12)
    shown = ok(client.get(f"/v1/loans/{loan['id']}", headers=bank.headers))
    assert shown["classification"]["asset_class"] == "substandard"
    assert shown["classification"]["npa_since"] == "2026-07-30"
    assert shown["classification"]["provision_minor"] == 25_000_00

    url = f"/v1/loans/{loan['id']}/write_off"
    for headers in (other.headers, keys.merchant(app_context, shop)):
        response = client.post(url, json={"reason": "x"}, headers=headers)
        assert error_code(response, 404) in ("loan_not_found", "resource_missing")
    assert error_code(client.post(url, json={"reason": ""}, headers=bank.headers),
                      400) == "reason_invalid"
    assert error_code(client.post(f"/v1/loans/{good['id']}/write_off",
                                  json={"reason": "x"}, headers=bank.headers),
                      409) == "loan_not_npa"
    gone = ok(client.post(url, json={"reason": "Borrower untraceable"}, headers=bank.headers))
    assert gone["status"] == "written_off"
    assert gone["classification"]["asset_class"] == "loss"
    assert gone["outstanding_principal_minor"] == 0
    assert error_code(client.post(url, json={"reason": "again"}, headers=bank.headers),
                      409) == "loan_closed"
    repay = client.post(f"/v1/loans/{loan['id']}/repayments",
                        json={"type": "manual", "amount_minor": 100},
                        headers=keys.merchant(app_context, shop))
    assert error_code(repay, 409) == "loan_closed"
