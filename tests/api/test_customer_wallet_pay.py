"""The customer pays a merchant from their own wallet (``POST /v1/customer/payments``): the
PIN, its lock, the session, whose wallet, insufficient funds, idempotency, the ledger."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from fastapi.testclient import TestClient

from paysetu.app.context import AppContext
from tests.api.conftest import Keys
from tests.api.customer_setup import PIN, customer_wallet, signed_in_with_pin
from tests.api.payment_setup import error_code, merchant, merchant_balance, ok, wallet_balance

ASHA, RAVI = "+919876577701", "+919876577702"


def _pay(client: TestClient, headers: dict[str, str], shop: str, amount_minor: int,
         key: str = "k-1", pin: str = PIN, **fields: Any) -> Any:
    body = {"merchant": shop, "amount_minor": amount_minor, "currency": "INR", "pin": pin,
            "request_key": key, **fields}
    return client.post("/v1/customer/payments", json=body, headers=headers)


def test_the_customer_pays_at_once_with_the_pin_once_per_request_key(
    client: TestClient, keys: Keys, app_context: AppContext, engine: sa.Engine
) -> None:
    shop = merchant(client, keys)
    _, wallet = customer_wallet(client, keys, ASHA, 500_00)
    asha = signed_in_with_pin(client, app_context, ASHA)
    paid = ok(_pay(client, asha, shop, 120_00, description="Two chai"))
    assert (paid["status"], paid["consent"], paid["wallet"]) == ("succeeded", "customer", wallet)
    assert ok(_pay(client, asha, shop, 120_00))["id"] == paid["id"]  # the same key: replayed
    assert wallet_balance(client, keys, wallet) == (380_00, 0)
    assert merchant_balance(client, keys, shop)["available_minor"] == 120_00 - 2_40
    with engine.connect() as connection:
        (meta,) = connection.execute(sa.text(
            "SELECT metadata FROM ledger_entries WHERE metadata ->> 'payment' = :p"),
            {"p": paid["id"]}).scalars()
    assert meta["consent"] == "customer"
    seen = ok(client.get(f"/v1/payments/{paid['id']}", headers=keys.merchant(app_context, shop)))
    assert (seen["status"], seen["description"]) == ("succeeded", "Two chai")
    again = ok(_pay(client, asha, shop, 10_00, key="k-2"))
    assert again["id"] != paid["id"]


def test_wrong_pins_lock_and_nothing_is_paid(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    shop = merchant(client, keys)
    _, wallet = customer_wallet(client, keys, ASHA, 500_00)
    asha = signed_in_with_pin(client, app_context, ASHA)
    for attempt in range(app_context.customers.pin_tries_max):
        assert error_code(_pay(client, asha, shop, 10_00, key=f"w-{attempt}", pin="0000"),
                          401) == "pin_incorrect"
    locked = _pay(client, asha, shop, 10_00, key="w-right")
    assert error_code(locked, 429) == "pin_locked"
    assert int(locked.headers["Retry-After"]) > 0
    assert wallet_balance(client, keys, wallet) == (500_00, 0)


def test_without_a_session_or_with_an_api_key_nothing_is_paid(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    shop = merchant(client, keys)
    _, wallet = customer_wallet(client, keys, ASHA, 500_00)
    assert error_code(_pay(client, {}, shop, 10_00), 401) == "customer_session_invalid"
    assert _pay(client, keys.platform, shop, 10_00).status_code == 401
    assert _pay(client, keys.merchant(app_context, shop), shop, 10_00).status_code == 401
    assert wallet_balance(client, keys, wallet) == (500_00, 0)


def test_only_the_customers_own_wallet_and_own_data(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    shop = merchant(client, keys)
    _, rich = customer_wallet(client, keys, ASHA, 900_00)
    ravi_customer, poor = customer_wallet(client, keys, RAVI, 5_00)
    ravi = signed_in_with_pin(client, app_context, RAVI)
    # Ravi pays from his own wallet whatever he tries: there is no wallet field to name Asha's
    assert error_code(_pay(client, ravi, shop, 10_00, wallet=rich), 400) == "parameter_unknown"
    short = _pay(client, ravi, shop, 10_00)
    assert error_code(short, 402) == "exceeds_available_balance"
    message = short.json()["error"]["message"]
    assert poor in message
    assert rich not in message
    assert "900" not in message
    assert error_code(_pay(client, ravi, "mer_nobody", 1_00, key="k-x"),
                      404) == "merchant_not_found"
    assert error_code(_pay(client, ravi, shop, 1_00, key="k-y", currency="USD"),
                      404) == "wallet_not_found"
    assert wallet_balance(client, keys, rich) == (900_00, 0)
    assert wallet_balance(client, keys, poor) == (5_00, 0)
    assert ravi_customer
