"""Payments over HTTP: create, confirm, capture, cancel, expiry, idempotency, scoping, lists.

After every test the ledger audit passes: whatever the API did or refused, every currency nets
to zero and every stored balance equals its postings.
"""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient

from paysetu.access.rules.principals import Role
from paysetu.access.usecases import api_keys as access
from paysetu.app.context import AppContext
from paysetu.kernel.clock import FixedClock
from paysetu.payments.usecases import payments
from tests.api.conftest import Keys
from tests.api.payment_setup import (
    error_code,
    event_types,
    in_transaction,
    merchant,
    merchant_balance,
    ok,
    pay,
    pay_approved,
    top_up,
    wallet,
    wallet_balance,
)


def test_automatic_payment_books_amount_fee_and_net(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    shop = merchant(client, keys, fee_bps=200, fee_fixed_minor=5_00)
    payer = wallet(client, keys, 5_000_00)
    payment = pay(client, keys.platform, payer, 1_000_00, shop, description="chai",
                  metadata={"order": "42"})
    assert payment["status"] == "succeeded"
    assert payment["amount_captured_minor"] == 1_000_00
    assert payment["fee_minor"] == 25_00
    assert payment["escrow_status"] is None
    assert payment["metadata"] == {"order": "42"}
    assert wallet_balance(client, keys, payer) == (4_000_00, 0)
    assert merchant_balance(client, keys, shop)["available_minor"] == 975_00
    (txn,) = ok(client.get("/v1/balance_transactions", headers=keys.platform,
                           params={"merchant": shop}))["data"]
    assert txn["type"] == "payment"
    assert (txn["amount_minor"], txn["fee_minor"], txn["net_minor"]) == (1_000_00, 25_00, 975_00)
    assert txn["source"] == payment["id"]
    assert txn["balance"] == "available"
    assert event_types(app_context, shop) == [
        "merchant.created", "payment.created", "payment.succeeded"]


def test_insufficient_funds_changes_nothing_and_can_be_retried(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    shop = merchant(client, keys)
    payer = wallet(client, keys, 100_00)
    created = ok(client.post("/v1/payments", json={
        "amount_minor": 500_00, "currency": "INR", "wallet": payer, "merchant": shop,
        "operator_reason": "support: order 7 paid by phone"}, headers=keys.platform))
    assert created["status"] == "requires_confirmation"
    confirm = f"/v1/payments/{created['id']}/confirm"
    headers = {**keys.platform, "Idempotency-Key": "confirm-1"}
    refused = client.post(confirm, headers=headers)
    assert error_code(refused, 402) == "exceeds_available_balance"
    assert refused.json()["error"]["message"] == (
        f"Wallet {payer} cannot cover ₹500.00; payment {created['id']} stays"
        " requires_confirmation.")
    again = ok(client.get(f"/v1/payments/{created['id']}", headers=keys.platform))
    assert again["status"] == "requires_confirmation"
    assert wallet_balance(client, keys, payer) == (100_00, 0)
    top_up(client, keys, payer, 400_00)
    assert ok(client.post(confirm, headers=headers))["status"] == "succeeded"
    assert error_code(client.post(confirm, headers=keys.platform), 409) == (
        "payment_unexpected_state")
    declined = client.post("/v1/payments", json={
        "amount_minor": 1_00, "currency": "INR", "wallet": payer, "merchant": shop,
        "confirm": True, "operator_reason": "support: order 8"}, headers=keys.platform)
    assert error_code(declined, 402) == "exceeds_available_balance"
    listed = ok(client.get("/v1/payments", headers=keys.platform))["data"]
    assert [p["id"] for p in listed] == [created["id"]]
    message = declined.json()["error"]["message"]
    assert "pay_" not in message, "the refused create was rolled back: no id to name"
    assert message == f"Wallet {payer} cannot cover ₹1.00; the payment was not created."
    assert "payment.failed" not in event_types(app_context, shop)


def test_create_refusals_write_nothing(client: TestClient, keys: Keys) -> None:
    shop = merchant(client, keys)
    payer = wallet(client, keys, 100_00)
    usd_payer = ok(client.post("/v1/wallets", json={
        "customer": ok(client.get(f"/v1/wallets/{payer}", headers=keys.platform))["customer"],
        "currency": "USD"}, headers=keys.platform))["id"]
    base = {"amount_minor": 10_00, "currency": "INR", "wallet": payer, "merchant": shop}
    cases: list[tuple[dict[str, object], int, str]] = [
        ({"currency": "XYZ"}, 400, "currency_invalid"),
        ({"amount_minor": 0}, 400, "amount_must_be_positive"),
        ({"amount_minor": -5}, 400, "amount_must_be_positive"),
        ({"amount_minor": 2**63}, 400, "amount_too_large"),
        ({"amount_minor": "10"}, 400, "parameter_invalid"),
        ({"amount_minor": 10.5}, 400, "parameter_invalid"),
        ({"capture_method": "later"}, 400, "capture_method_invalid"),
        ({"metadata": {"k" * 41: "v"}}, 400, "metadata_invalid"),
        ({"description": "x" * 1001}, 400, "parameter_invalid"),
        ({"merchant": "mer_nope"}, 404, "merchant_not_found"),
        ({"wallet": "wal_nope"}, 404, "wallet_not_found"),
        ({"wallet": usd_payer}, 400, "currency_mismatch"),
        ({"surprise": 1}, 400, "parameter_unknown"),
    ]
    for change, status, code in cases:
        body = {**base, **change}
        assert error_code(client.post("/v1/payments", json=body, headers=keys.platform),
                          status) == code, change
    no_merchant = {k: v for k, v in base.items() if k != "merchant"}
    missing = client.post("/v1/payments", json=no_merchant, headers=keys.platform)
    assert error_code(missing, 400) == "parameter_missing"
    assert missing.json()["error"]["param"] == "merchant"
    assert ok(client.get("/v1/payments", headers=keys.platform))["data"] == []


def test_manual_capture_in_part_releases_the_rest(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    shop = merchant(client, keys, fee_bps=100)
    payer = wallet(client, keys, 2_000_00)
    payment = pay(client, keys.platform, payer, 1_000_00, shop, capture_method="manual")
    assert payment["status"] == "requires_capture"
    assert payment["amount_capturable_minor"] == 1_000_00
    assert payment["authorization_entry"].startswith("je_")
    assert wallet_balance(client, keys, payer) == (2_000_00, 1_000_00)
    capture = f"/v1/payments/{payment['id']}/capture"
    assert error_code(client.post(capture, json={"amount_minor": 0}, headers=keys.platform),
                      400) == "amount_must_be_positive"
    assert error_code(client.post(capture, json={"amount_minor": 1_000_01},
                                  headers=keys.platform), 400) == "capture_exceeds_authorized"
    captured = ok(client.post(capture, json={"amount_minor": 600_00}, headers=keys.platform))
    assert captured["status"] == "succeeded"
    assert (captured["amount_captured_minor"], captured["fee_minor"]) == (600_00, 6_00)
    assert captured["amount_capturable_minor"] == 0
    assert wallet_balance(client, keys, payer) == (1_400_00, 0)
    assert merchant_balance(client, keys, shop)["available_minor"] == 594_00
    assert error_code(client.post(capture, headers=keys.platform), 409) == (
        "payment_unexpected_state")
    txns = ok(client.get("/v1/balance_transactions", headers=keys.platform))["data"]
    assert sorted((t["type"], t["net_minor"]) for t in txns) == [
        ("capture", 600_00), ("fee", -6_00)]
    assert event_types(app_context, shop) == [
        "merchant.created", "payment.created", "payment.requires_capture", "payment.succeeded"]


def test_lapsed_authorisation_cannot_be_captured(
    client: TestClient, keys: Keys, clock: FixedClock, app_context: AppContext
) -> None:
    shop = merchant(client, keys)
    payer = wallet(client, keys, 1_000_00)
    payment = pay(client, keys.platform, payer, 700_00, shop, capture_method="manual")
    clock.advance(timedelta(seconds=app_context.policy.authorization_timeout_s))
    refused = client.post(f"/v1/payments/{payment['id']}/capture", headers=keys.platform)
    assert error_code(refused, 409) == "authorization_expired"
    after = ok(client.get(f"/v1/payments/{payment['id']}", headers=keys.platform))
    assert (after["status"], after["cancellation_reason"]) == ("canceled", "expired")
    assert wallet_balance(client, keys, payer) == (1_000_00, 0)
    again = client.post(f"/v1/payments/{payment['id']}/capture", headers=keys.platform)
    assert error_code(again, 409) == "authorization_expired"
    assert event_types(app_context, shop).count("payment.canceled") == 1


def test_sweep_expires_lapsed_authorisations(
    client: TestClient, keys: Keys, clock: FixedClock, app_context: AppContext
) -> None:
    shop = merchant(client, keys)
    payer = wallet(client, keys, 1_000_00)
    first = pay(client, keys.platform, payer, 100_00, shop, capture_method="manual")
    clock.advance(timedelta(hours=1))
    second = pay(client, keys.platform, payer, 200_00, shop, capture_method="manual")
    clock.advance(timedelta(seconds=app_context.policy.authorization_timeout_s - 60))
    now = clock.now()
    assert in_transaction(app_context, lambda uow: payments.expire_authorizations(
        app_context, uow, now)) == 1
    statuses = {p["id"]: p["status"] for p in ok(client.get(
        "/v1/payments", headers=keys.platform))["data"]}
    assert statuses == {first["id"]: "canceled", second["id"]: "requires_capture"}
    assert wallet_balance(client, keys, payer) == (1_000_00, 200_00)
    clock.advance(timedelta(hours=1))
    now = clock.now()
    assert in_transaction(app_context, lambda uow: payments.expire_authorizations(
        app_context, uow, now)) == 1
    assert in_transaction(app_context, lambda uow: payments.expire_authorizations(
        app_context, uow, now)) == 0
    assert wallet_balance(client, keys, payer) == (1_000_00, 0)


def test_cancel(client: TestClient, keys: Keys, clock: FixedClock) -> None:
    shop = merchant(client, keys)
    payer = wallet(client, keys, 1_000_00)
    unconfirmed = ok(client.post("/v1/payments", json={
        "amount_minor": 100_00, "currency": "INR", "wallet": payer, "merchant": shop},
        headers=keys.platform))
    canceled = ok(client.post(f"/v1/payments/{unconfirmed['id']}/cancel",
                              json={"cancellation_reason": "duplicate"}, headers=keys.platform))
    assert (canceled["status"], canceled["cancellation_reason"]) == ("canceled", "duplicate")
    authorised = pay(client, keys.platform, payer, 300_00, shop, capture_method="manual")
    bad_reason = client.post(f"/v1/payments/{authorised['id']}/cancel",
                             json={"cancellation_reason": "bored"}, headers=keys.platform)
    assert error_code(bad_reason, 400) == "parameter_invalid"
    assert ok(client.post(f"/v1/payments/{authorised['id']}/cancel",
                          headers=keys.platform))["status"] == "canceled"
    assert wallet_balance(client, keys, payer) == (1_000_00, 0)
    done = pay(client, keys.platform, payer, 50_00, shop)
    assert error_code(client.post(f"/v1/payments/{done['id']}/cancel", headers=keys.platform),
                      409) == "payment_unexpected_state"
    lapsing = pay(client, keys.platform, payer, 10_00, shop, capture_method="manual")
    clock.advance(timedelta(days=30))
    expired = ok(client.post(f"/v1/payments/{lapsing['id']}/cancel", headers=keys.platform))
    assert (expired["status"], expired["cancellation_reason"]) == ("canceled", "expired")
    assert wallet_balance(client, keys, payer) == (950_00, 0)
    assert error_code(client.post("/v1/payments/pay_nope/cancel", headers=keys.platform),
                      404) == "payment_not_found"


def test_idempotent_create_and_capture(client: TestClient, keys: Keys) -> None:
    shop = merchant(client, keys)
    payer = wallet(client, keys, 1_000_00)
    body = {"amount_minor": 400_00, "currency": "INR", "wallet": payer, "merchant": shop,
            "capture_method": "manual", "confirm": True, "operator_reason": "test: operator"}
    headers = {**keys.platform, "Idempotency-Key": "create-1"}
    first = client.post("/v1/payments", json=body, headers=headers)
    second = client.post("/v1/payments", json=body, headers=headers)
    assert ok(first) == ok(second)
    assert second.headers["Idempotent-Replayed"] == "true"
    reused = client.post("/v1/payments", json={**body, "amount_minor": 1}, headers=headers)
    assert error_code(reused, 400) == "idempotency_key_reused"
    capture = f"/v1/payments/{ok(first)['id']}/capture"
    capture_headers = {**keys.platform, "Idempotency-Key": "capture-1"}
    one = client.post(capture, json={"amount_minor": 100_00}, headers=capture_headers)
    two = client.post(capture, json={"amount_minor": 100_00}, headers=capture_headers)
    assert ok(one) == ok(two)
    assert two.headers["Idempotent-Replayed"] == "true"
    assert len(ok(client.get("/v1/payments", headers=keys.platform))["data"]) == 1
    assert wallet_balance(client, keys, payer) == (900_00, 0)


def test_a_merchant_sees_and_acts_on_its_own_payments_only(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    shop, other = merchant(client, keys), merchant(client, keys)
    shop_key, other_key = keys.merchant(app_context, shop), keys.merchant(app_context, other)
    payer = wallet(client, keys, 1_000_00)
    own = pay_approved(client, shop_key, app_context, payer, 100_00, capture_method="manual")
    assert (own["merchant"], own["status"]) == (shop, "requires_capture")
    assert error_code(client.post("/v1/payments", json={
        "amount_minor": 1_00, "currency": "INR", "wallet": payer, "merchant": other},
        headers=shop_key), 404) == "merchant_not_found"
    path = f"/v1/payments/{own['id']}"
    for method, suffix in [("get", ""), ("post", "/confirm"), ("post", "/capture"),
                           ("post", "/cancel")]:
        response = client.request(method, path + suffix, headers=other_key)
        assert error_code(response, 404) == "payment_not_found", suffix
    for suffix in ("/release", "/dispute"):
        assert error_code(client.post(path + suffix, headers=shop_key), 404) == (
            "resource_missing")
    assert ok(client.get("/v1/payments", headers=other_key))["data"] == []
    assert error_code(client.get("/v1/payments", params={"merchant": shop}, headers=other_key),
                      404) == "merchant_not_found"
    assert ok(client.get("/v1/balance_transactions", headers=other_key))["data"] == []
    assert [p["id"] for p in ok(client.get("/v1/payments", headers=shop_key))["data"]] == [
        own["id"]]
    assert ok(client.post(path + "/capture", headers=shop_key))["status"] == "succeeded"
    assert ok(client.get(path, headers=keys.platform))["status"] == "succeeded"
    lender = access.create_key(app_context, Role.LENDER, "lnd_1", livemode=False)
    lender_key = {"Authorization": f"Bearer {lender.secret}"}
    assert error_code(client.get(path, headers=lender_key), 404) == "payment_not_found"
    for listing in ("/v1/payments", "/v1/refunds", "/v1/balance_transactions"):
        assert error_code(client.get(listing, headers=lender_key), 404) == "resource_missing"
        assert error_code(client.get(listing), 401) == "api_key_missing"


def test_payment_list_pages_and_filters(client: TestClient, keys: Keys) -> None:
    shop = merchant(client, keys)
    payer = wallet(client, keys, 1_000_00)
    made = [pay(client, keys.platform, payer, 10_00 * (i + 1), shop)["id"] for i in range(3)]
    newest_first = [p["id"] for p in ok(client.get("/v1/payments", headers=keys.platform))["data"]]
    assert sorted(newest_first) == sorted(made)
    seen, cursor = [], None
    while True:
        params = {"limit": 1, **({"starting_after": cursor} if cursor else {})}
        page = ok(client.get("/v1/payments", params=params, headers=keys.platform))
        seen += [p["id"] for p in page["data"]]
        cursor = seen[-1]
        if not page["has_more"]:
            break
    assert seen == newest_first
    back = ok(client.get("/v1/payments", params={"limit": 1, "ending_before": newest_first[2]},
                         headers=keys.platform))
    assert ([p["id"] for p in back["data"]], back["has_more"]) == ([newest_first[1]], True)
    assert ok(client.get("/v1/payments", params={"ending_before": newest_first[0]},
                         headers=keys.platform))["data"] == []
    filtered = ok(client.get("/v1/payments", params={"status": "requires_capture"},
                             headers=keys.platform))
    assert filtered["data"] == []
    for query in ({"status": "lost"}, {"limit": 0}, {"limit": 101}):
        assert error_code(client.get("/v1/payments", params=query, headers=keys.platform),
                          400) == "parameter_invalid"


def test_balance_transactions_page_by_posting(client: TestClient, keys: Keys) -> None:
    shop = merchant(client, keys, fee_bps=0)
    payer = wallet(client, keys, 1_000_00)
    for amount in (1_00, 2_00, 3_00):
        pay(client, keys.platform, payer, amount, shop)
    first = ok(client.get("/v1/balance_transactions", params={"limit": 2},
                          headers=keys.platform))
    assert [t["net_minor"] for t in first["data"]] == [3_00, 2_00]
    assert first["has_more"] is True
    rest = ok(client.get("/v1/balance_transactions",
                         params={"limit": 2, "starting_after": first["data"][-1]["id"]},
                         headers=keys.platform))
    assert ([t["net_minor"] for t in rest["data"]], rest["has_more"]) == ([1_00], False)
    newer = ok(client.get("/v1/balance_transactions",
                          params={"limit": 1, "ending_before": rest["data"][0]["id"]},
                          headers=keys.platform))
    assert ([t["net_minor"] for t in newer["data"]], newer["has_more"]) == ([2_00], True)
    for cursor in ("pay_1", "btx_x", "btx_"):
        response = client.get("/v1/balance_transactions", params={"starting_after": cursor},
                              headers=keys.platform)
        assert error_code(response, 400) == "cursor_invalid"
