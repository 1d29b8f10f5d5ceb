"""The wallet app's notifications: a payment waiting for approval, the debit once approved, a
refund, a mandate's pre-debit notice, each told to its own customer only; seen marks and what
stays new after them."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient

from paysetu.app.context import AppContext
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.timestamps import timestamp
from tests.api.conftest import Keys
from tests.api.customer_setup import (
    PIN,
    charge,
    customer_wallet,
    live_mandate,
    signed_in_with_pin,
)
from tests.api.payment_setup import merchant, ok, top_up

MEERA, RAVI = "+919876533301", "+919876533302"


def _inbox(client: TestClient, session: dict[str, str]) -> tuple[int, list[tuple[str, int]]]:
    body = ok(client.get("/v1/customer/notifications", headers=session))
    return body["unread"], [(n["kind"], n["amount_minor"]) for n in body["data"]]


def test_each_event_of_the_customers_money_is_told_to_them_alone(
    client: TestClient, keys: Keys, app_context: AppContext, clock: FixedClock
) -> None:
    shop = merchant(client, keys)
    key = keys.merchant(app_context, shop)
    _, wallet = customer_wallet(client, keys, MEERA, 5_000_00)
    customer_wallet(client, keys, RAVI, 1_000_00)
    meera = signed_in_with_pin(client, app_context, MEERA)
    ravi = signed_in_with_pin(client, app_context, RAVI)
    assert _inbox(client, meera) == (0, [])

    payment = ok(charge(client, key, wallet, 250_00, description="Thali"))
    clock.advance(timedelta(seconds=1))
    ok(client.post(f"/v1/customer/approvals/{payment['id']}/approve", json={"pin": PIN},
                   headers=meera))
    clock.advance(timedelta(seconds=1))
    ok(client.post("/v1/refunds", headers=key,
                   json={"payment": payment["id"], "amount_minor": 50_00}))
    clock.advance(timedelta(seconds=1))
    mandate = live_mandate(client, key, meera, app_context, wallet, 300_00)
    ok(client.post(f"/v1/mandates/{mandate}/notices", headers=key, json={
        "amount_minor": 199_00, "debit_after": timestamp(clock.now())}))

    unread, told = _inbox(client, meera)
    assert told == [("pre_debit_notice", 199_00), ("refund", 50_00), ("debit", 250_00),
                    ("approval", 250_00)]
    assert unread == 4
    newest = ok(client.get("/v1/customer/notifications", headers=meera))["data"]
    assert newest[1]["subject"] == newest[2]["subject"] == payment["id"]
    assert newest[1]["url"] == f"/wallet/payments/{payment['id']}"
    assert newest[0]["subject"] == mandate
    assert newest[0]["due_at"] >= newest[0]["created"] + 24 * 3600  # RBI's 24 hours
    assert _inbox(client, ravi) == (0, [])

    seen = ok(client.post("/v1/customer/notifications/seen", headers=meera))
    assert seen["unread"] == 0
    assert [n["unread"] for n in seen["data"]] == [False] * 4
    clock.advance(timedelta(seconds=1))
    ok(charge(client, key, wallet, 20_00))
    body = ok(client.get("/v1/customer/notifications", headers=meera))
    first = body["data"][0]
    assert (body["unread"], first["kind"], first["unread"], first["amount_minor"]) == (
        1, "approval", True, 20_00)


def test_money_from_and_requests_by_another_customer_are_told_with_their_masked_name(
    client: TestClient, keys: Keys, app_context: AppContext, clock: FixedClock
) -> None:
    for name, phone in (("Meera Sharma", MEERA), ("Ravi Kumar", RAVI)):
        customer = ok(client.post("/v1/customers", headers=keys.platform, json={
            "name": name, "kyc_tier": "full", "phone": phone}))
        wallet = ok(client.post("/v1/wallets", headers=keys.platform,
                                json={"customer": customer["id"], "currency": "INR"}))
        top_up(client, keys, wallet["id"], 1_000_00)
    meera = signed_in_with_pin(client, app_context, MEERA)
    ravi = signed_in_with_pin(client, app_context, RAVI)
    sent = ok(client.post("/v1/customer/transfers", headers=ravi, json={
        "phone": MEERA, "amount_minor": 120_00, "currency": "INR", "pin": PIN}))
    clock.advance(timedelta(seconds=1))
    asked = ok(client.post("/v1/customer/money_requests", headers=ravi, json={
        "phone": MEERA, "amount_minor": 75_00, "currency": "INR", "note": "Auto fare"}))
    told = ok(client.get("/v1/customer/notifications", headers=meera))["data"]
    assert [(n["kind"], n["amount_minor"], n["subject"], n["url"]) for n in told] == [
        ("money_request", 75_00, asked["id"], "/wallet/requests"),
        ("money_received", 120_00, sent["id"], "/wallet/history?kind=transfer")]
    assert {n["payee"] for n in told} == {"Ravi K***"}
    assert ok(client.get("/v1/customer/notifications", headers=ravi))["data"] == []
