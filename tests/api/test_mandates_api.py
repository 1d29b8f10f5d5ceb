"""Mandates: the merchant asks, the customer approves with the PIN; debits within it need no
approval, with the RBI defaults (pre-debit notice 24 h before, extra approval above ₹15,000);
pause, resume and revoke take effect at once."""

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
    notified,
    sign_in,
    signed_in_with_pin,
)
from tests.api.payment_setup import error_code, merchant, ok, wallet_balance

PHONE, OTHER = "+919876511111", "+919876522222"


def _world(
    client: TestClient, keys: Keys, context: AppContext, funds_minor: int = 50_000_00
) -> tuple[dict[str, str], dict[str, str], str]:
    """(merchant key, customer session, wallet)."""
    shop = merchant(client, keys)
    _, wallet = customer_wallet(client, keys, PHONE, funds_minor)
    return keys.merchant(context, shop), signed_in_with_pin(client, context, PHONE), wallet


def test_a_debit_within_a_live_mandate_with_its_notice_succeeds_once(
    client: TestClient, keys: Keys, app_context: AppContext, clock: FixedClock
) -> None:
    key, customer, wallet = _world(client, keys, app_context)
    mandate = live_mandate(client, key, customer, app_context, wallet, 1_000_00)
    assert error_code(charge(client, key, wallet, 500_00, mandate=mandate),
                      409) == "mandate_notice_missing"
    notified(client, key, clock, mandate, 500_00)
    paid = ok(charge(client, key, wallet, 500_00, mandate=mandate))
    assert (paid["status"], paid["consent"], paid["mandate"]) == ("succeeded", "mandate", mandate)
    assert wallet_balance(client, keys, wallet) == (49_500_00, 0)
    # the notice is used up: the next debit needs a new one
    assert error_code(charge(client, key, wallet, 500_00, mandate=mandate),
                      409) == "mandate_notice_missing"


def test_a_notice_younger_than_24_hours_does_not_count(
    client: TestClient, keys: Keys, app_context: AppContext, clock: FixedClock
) -> None:
    key, customer, wallet = _world(client, keys, app_context)
    mandate = live_mandate(client, key, customer, app_context, wallet, 1_000_00)
    ok(client.post(f"/v1/mandates/{mandate}/notices", headers=key, json={
        "amount_minor": 100_00, "debit_after": timestamp(clock.now())}))
    clock.advance(timedelta(hours=23, minutes=59))
    assert error_code(charge(client, key, wallet, 100_00, mandate=mandate),
                      409) == "mandate_notice_missing"
    clock.advance(timedelta(minutes=1))
    assert ok(charge(client, key, wallet, 100_00, mandate=mandate))["status"] == "succeeded"


def test_limits_of_the_mandate_are_refused_with_their_codes(
    client: TestClient, keys: Keys, app_context: AppContext, clock: FixedClock
) -> None:
    key, customer, wallet = _world(client, keys, app_context)
    mandate = live_mandate(client, key, customer, app_context, wallet, 1_000_00, "monthly")
    assert error_code(charge(client, key, wallet, 1_000_01, mandate=mandate),
                      409) == "mandate_amount_exceeded"
    notified(client, key, clock, mandate, 1_000_00)
    assert ok(charge(client, key, wallet, 1_000_00, mandate=mandate))["status"] == "succeeded"
    notified(client, key, clock, mandate, 1_000_00)
    assert error_code(charge(client, key, wallet, 1_000_00, mandate=mandate),
                      409) == "mandate_frequency_exceeded"
    other = merchant(client, keys)
    stranger = keys.merchant(app_context, other)
    assert error_code(charge(client, stranger, wallet, 10_00, mandate=mandate),
                      404) == "mandate_not_found"
    assert error_code(client.get(f"/v1/mandates/{mandate}", headers=stranger),
                      404) == "mandate_not_found"


def test_above_15000_rupees_the_customer_approves_too(
    client: TestClient, keys: Keys, app_context: AppContext, clock: FixedClock
) -> None:
    key, customer, wallet = _world(client, keys, app_context)
    mandate = live_mandate(client, key, customer, app_context, wallet, 20_000_00)
    notified(client, key, clock, mandate, 15_000_00)
    assert ok(charge(client, key, wallet, 15_000_00, mandate=mandate))["status"] == "succeeded"
    notified(client, key, clock, mandate, 15_000_01)
    above = ok(charge(client, key, wallet, 15_000_01, mandate=mandate))
    assert above["status"] == "requires_action"
    assert above["next_action"]["customer_approval"]["reason"] == "above_mandate_threshold"
    assert wallet_balance(client, keys, wallet) == (35_000_00, 0)
    customer = sign_in(client, app_context, PHONE)  # the first session ran out in 2 days
    approved = ok(client.post(f"/v1/customer/approvals/{above['id']}/approve",
                              json={"pin": PIN}, headers=customer))
    assert approved["status"] == "succeeded"
    assert wallet_balance(client, keys, wallet) == (19_999_99, 0)


def test_pause_resume_and_revoke_take_effect_at_once(
    client: TestClient, keys: Keys, app_context: AppContext, clock: FixedClock
) -> None:
    key, customer, wallet = _world(client, keys, app_context)
    mandate = live_mandate(client, key, customer, app_context, wallet, 1_000_00)
    notified(client, key, clock, mandate, 100_00)
    customer = sign_in(client, app_context, PHONE)  # a day later: a new session
    paused = ok(client.post(f"/v1/customer/mandates/{mandate}/pause", headers=customer))
    assert paused["status"] == "paused"
    assert error_code(charge(client, key, wallet, 100_00, mandate=mandate),
                      409) == "mandate_not_active"
    assert error_code(client.post(f"/v1/customer/mandates/{mandate}/resume", json={"pin": "9999"},
                                  headers=customer), 401) == "pin_incorrect"
    ok(client.post(f"/v1/customer/mandates/{mandate}/resume", json={"pin": PIN},
                   headers=customer))
    assert ok(charge(client, key, wallet, 100_00, mandate=mandate))["status"] == "succeeded"
    revoked = ok(client.post(f"/v1/customer/mandates/{mandate}/revoke", headers=customer))
    assert revoked["status"] == "revoked"
    assert error_code(charge(client, key, wallet, 100_00, mandate=mandate),
                      409) == "mandate_not_active"
    assert error_code(client.post(f"/v1/customer/mandates/{mandate}/resume", json={"pin": PIN},
                                  headers=customer), 409) == "mandate_unexpected_state"
    types = [e["type"] for e in ok(client.get("/v1/events?limit=20", headers=key))["data"]]
    for kind in ("mandate.created", "mandate.approved", "mandate.paused", "mandate.resumed",
                 "mandate.revoked", "mandate.notice_sent"):
        assert kind in types


def test_a_pending_mandate_debits_nothing_and_only_its_customer_answers_it(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    key, customer, wallet = _world(client, keys, app_context)
    customer_wallet(client, keys, OTHER)
    other = signed_in_with_pin(client, app_context, OTHER)
    until = timestamp(app_context.clock.now() + timedelta(days=30))
    mandate = ok(client.post("/v1/mandates", headers=key, json={
        "wallet": wallet, "amount_max_minor": 100_00, "currency": "INR",
        "frequency": "as_presented", "purpose": "Top-ups", "valid_until": until}))
    assert mandate["status"] == "pending"
    assert error_code(charge(client, key, wallet, 10_00, mandate=mandate["id"]),
                      409) == "mandate_not_active"
    assert error_code(client.post(f"/v1/customer/mandates/{mandate['id']}/approve",
                                  json={"pin": PIN}, headers=other), 404) == "mandate_not_found"
    assert ok(client.get("/v1/customer/mandates", headers=other))["data"] == []
    (mine,) = ok(client.get("/v1/customer/mandates", headers=customer))["data"]
    assert (mine["id"], mine["payee"]) == (mandate["id"], "Chai P***")
    assert mandate["payee"] == "Chai P***"  # the merchant sees how its customers see it
    assert ok(client.get(f"/v1/mandates/{mandate['id']}", headers=key))["payee"] == "Chai P***"
    assert [m["payee"] for m in ok(client.get("/v1/mandates", headers=key))["data"]] == [
        "Chai P***"]
    refused = ok(client.post(f"/v1/customer/mandates/{mandate['id']}/refuse", headers=customer))
    assert refused["status"] == "refused"
    assert error_code(client.post("/v1/mandates", headers=key, json={
        "wallet": wallet, "amount_max_minor": 100_00, "currency": "INR",
        "frequency": "hourly", "purpose": "x", "valid_until": until}),
        400) == "mandate_terms_invalid"
