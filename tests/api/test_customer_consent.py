"""A merchant key never moves a customer's money alone: approvals, refusals, expiry, operator
debits, and what the merchant can (not) learn about a wallet."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from fastapi.testclient import TestClient

from paysetu.app.context import AppContext
from paysetu.kernel.clock import FixedClock
from paysetu.payments.usecases import payments
from tests.api.conftest import Keys
from tests.api.customer_setup import PIN, charge, customer_wallet, signed_in_with_pin
from tests.api.payment_setup import (
    error_code,
    in_transaction,
    merchant,
    merchant_balance,
    ok,
    wallet_balance,
)

RICH, EMPTY = "+919876500001", "+919876500002"


def _shape(body: dict[str, object]) -> dict[str, object]:
    """What may differ between two payments whatever the wallets hold: ids and the wallet."""
    return {k: v for k, v in body.items() if k not in ("id", "wallet", "customer", "next_action")}


def test_a_merchant_key_gets_requires_action_and_never_debits(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    shop = merchant(client, keys)
    key = keys.merchant(app_context, shop)
    _, rich = customer_wallet(client, keys, RICH, 5_000_00)
    _, empty = customer_wallet(client, keys, EMPTY)
    answers = [charge(client, key, w, 1_000_00) for w in (rich, empty)]
    assert [a.status_code for a in answers] == [200, 200]
    first, second = (a.json() for a in answers)
    assert first["status"] == second["status"] == "requires_action"
    assert _shape(first) == _shape(second)
    assert first["next_action"]["type"] == "customer_approval"
    assert first["next_action"]["customer_approval"]["url"] == f"/wallet/approvals/{first['id']}"
    assert set(answers[0].headers) == set(answers[1].headers)
    assert wallet_balance(client, keys, rich) == (5_000_00, 0)
    assert merchant_balance(client, keys, shop)["available_minor"] == 0
    # confirming again, canceling or capturing cannot debit either
    assert error_code(client.post(f"/v1/payments/{first['id']}/confirm", headers=key),
                      409) == "payment_unexpected_state"
    assert error_code(client.post(f"/v1/payments/{first['id']}/capture", headers=key),
                      409) == "payment_unexpected_state"
    assert wallet_balance(client, keys, rich) == (5_000_00, 0)


def test_another_merchants_customer_is_no_easier(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    home, stranger = merchant(client, keys), merchant(client, keys)
    _, payer = customer_wallet(client, keys, RICH, 5_000_00)
    ok(client.post("/v1/payments", headers=keys.platform, json={
        "amount_minor": 10_00, "currency": "INR", "wallet": payer, "merchant": home,
        "confirm": True, "operator_reason": "counter sale keyed in by support"}))
    body = ok(charge(client, keys.merchant(app_context, stranger), payer, 100_00))
    assert body["status"] == "requires_action"
    assert wallet_balance(client, keys, payer) == (4_990_00, 0)


def test_the_customer_approves_with_the_pin_and_the_debit_happens_then(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    shop = merchant(client, keys, fee_bps=200)
    key = keys.merchant(app_context, shop)
    _, payer = customer_wallet(client, keys, RICH, 5_000_00)
    customer = signed_in_with_pin(client, app_context, RICH)
    payment = ok(charge(client, key, payer, 1_000_00, description="Masala chai"))
    (pending,) = ok(client.get("/v1/customer/approvals", headers=customer))["data"]
    assert pending["id"] == payment["id"]
    assert pending["payee"] == "Chai P***"
    assert error_code(client.post(f"/v1/customer/approvals/{payment['id']}/approve",
                                  json={"pin": "0000"}, headers=customer), 401) == "pin_incorrect"
    approved = ok(client.post(f"/v1/customer/approvals/{payment['id']}/approve",
                              json={"pin": PIN}, headers=customer))
    assert approved["status"] == "succeeded"
    seen = ok(client.get(f"/v1/payments/{payment['id']}", headers=key))
    assert (seen["status"], seen["consent"], seen["next_action"]) == ("succeeded", "customer", None)
    assert wallet_balance(client, keys, payer) == (4_000_00, 0)
    assert merchant_balance(client, keys, shop)["available_minor"] == 980_00
    types = [e["type"] for e in ok(client.get("/v1/events?limit=10", headers=key))["data"]]
    assert types[:3] == ["payment.succeeded", "payment.requires_action", "payment.created"]
    assert ok(client.get("/v1/customer/approvals", headers=customer))["data"] == []


def test_insufficient_funds_is_found_only_when_the_customer_approves(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    shop = merchant(client, keys)
    key = keys.merchant(app_context, shop)
    _, payer = customer_wallet(client, keys, RICH, 100_00)
    customer = signed_in_with_pin(client, app_context, RICH)
    payment = ok(charge(client, key, payer, 1_000_00))
    approve = f"/v1/customer/approvals/{payment['id']}/approve"
    assert error_code(client.post(approve, json={"pin": PIN}, headers=customer),
                      402) == "exceeds_available_balance"
    assert ok(client.get(f"/v1/payments/{payment['id']}", headers=key))["status"] == (
        "requires_action")
    assert wallet_balance(client, keys, payer) == (100_00, 0)


def test_the_customer_refuses_and_nothing_moves(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    shop = merchant(client, keys)
    key = keys.merchant(app_context, shop)
    _, payer = customer_wallet(client, keys, RICH, 5_000_00)
    customer = signed_in_with_pin(client, app_context, RICH)
    payment = ok(charge(client, key, payer, 1_000_00))
    refused = ok(client.post(f"/v1/customer/approvals/{payment['id']}/refuse", headers=customer))
    assert refused["status"] == "failed"
    seen = ok(client.get(f"/v1/payments/{payment['id']}", headers=key))
    assert (seen["status"], seen["failure_code"]) == ("failed", "customer_refused")
    assert error_code(client.post(f"/v1/customer/approvals/{payment['id']}/approve",
                                  json={"pin": PIN}, headers=customer),
                      409) == "payment_unexpected_state"
    assert wallet_balance(client, keys, payer) == (5_000_00, 0)


def test_an_unanswered_approval_expires_lazily_and_by_the_sweep(
    client: TestClient, keys: Keys, app_context: AppContext, clock: FixedClock
) -> None:
    shop = merchant(client, keys)
    key = keys.merchant(app_context, shop)
    _, payer = customer_wallet(client, keys, RICH, 5_000_00)
    customer = signed_in_with_pin(client, app_context, RICH)
    lazy, swept = (ok(charge(client, key, payer, 10_00)) for _ in range(2))
    clock.advance(timedelta(seconds=app_context.policy.mandates.approval_ttl_s))
    assert error_code(client.post(f"/v1/customer/approvals/{lazy['id']}/approve",
                                  json={"pin": PIN}, headers=customer), 409) == "approval_expired"
    seen = ok(client.get(f"/v1/payments/{lazy['id']}", headers=key))
    assert (seen["status"], seen["cancellation_reason"]) == ("canceled", "expired")
    assert in_transaction(app_context, lambda uow: payments.expire_approvals(
        app_context, uow, clock.now())) == 1
    assert ok(client.get(f"/v1/payments/{swept['id']}", headers=key))["status"] == "canceled"
    assert wallet_balance(client, keys, payer) == (5_000_00, 0)


def test_a_customer_sees_and_answers_only_their_own(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    shop = merchant(client, keys)
    key = keys.merchant(app_context, shop)
    _, payer = customer_wallet(client, keys, RICH, 5_000_00)
    customer_wallet(client, keys, EMPTY)
    other = signed_in_with_pin(client, app_context, EMPTY)
    payment = ok(charge(client, key, payer, 10_00))
    assert ok(client.get("/v1/customer/approvals", headers=other))["data"] == []
    for action, body in (("approve", {"pin": PIN}), ("refuse", None)):
        answer = client.post(f"/v1/customer/approvals/{payment['id']}/{action}", json=body,
                             headers=other)
        assert error_code(answer, 404) == "payment_not_found"
    # API keys are not customer sessions, and customer sessions are not API keys
    assert error_code(client.get("/v1/customer/approvals", headers=key),
                      401) == "customer_session_invalid"
    assert client.get("/v1/payments", headers=other).status_code == 401


def test_operator_debits_need_the_platform_key_and_are_recorded(
    client: TestClient, keys: Keys, app_context: AppContext, engine: sa.Engine
) -> None:
    shop = merchant(client, keys)
    key = keys.merchant(app_context, shop)
    _, payer = customer_wallet(client, keys, RICH, 5_000_00)
    refused = charge(client, key, payer, 10_00, operator_reason="trust me")
    assert error_code(refused, 400) == "operator_reason_invalid"
    assert error_code(charge(client, keys.platform, payer, 10_00, merchant=shop,
                             operator_reason=""), 400) == "operator_reason_invalid"
    platform_only = ok(charge(client, keys.platform, payer, 10_00, merchant=shop))
    assert platform_only["status"] == "requires_action"
    paid = ok(charge(client, keys.platform, payer, 10_00, merchant=shop,
                     operator_reason="ticket 4411: cafe order paid at the counter"))
    assert (paid["status"], paid["consent"]) == ("succeeded", "operator")
    assert paid["operator_reason"] == "ticket 4411: cafe order paid at the counter"
    event = ok(client.get("/v1/events?limit=1", headers=keys.platform))["data"][0]
    assert event["data"]["object"]["operator_reason"] == paid["operator_reason"]
    with engine.connect() as connection:
        (meta,) = connection.execute(sa.text(
            "SELECT metadata FROM ledger_entries WHERE metadata ->> 'payment' = :p"),
            {"p": paid["id"]}).scalars()
    assert meta["consent"] == "operator"
    assert meta["operator_reason"] == paid["operator_reason"]
