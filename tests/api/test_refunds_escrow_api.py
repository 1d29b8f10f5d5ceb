"""Refunds and escrow over HTTP, the worker's sweeps, and races on one payment.

After every test the ledger audit passes.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient

from paysetu.app.context import AppContext
from paysetu.kernel.clock import FixedClock
from paysetu.payments.usecases import escrow, refunds
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
    wallet,
    wallet_balance,
)

THREADS = 8


def _refund(client: TestClient, headers: dict[str, str], payment: str, **fields: Any) -> Any:
    return client.post("/v1/refunds", json={"payment": payment, **fields}, headers=headers)


def test_partial_and_multiple_refunds_never_exceed_captured(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    shop = merchant(client, keys, fee_bps=0)
    payer = wallet(client, keys, 1_000_00)
    payment = pay(client, keys.platform, payer, 600_00, shop)["id"]
    first = ok(_refund(client, keys.platform, payment, amount_minor=100_00, reason="damaged",
                       metadata={"ticket": "7"}))
    assert (first["status"], first["amount_minor"], first["reason"]) == (
        "succeeded", 100_00, "damaged")
    assert first["journal_entry"].startswith("je_")
    too_much = _refund(client, keys.platform, payment, amount_minor=500_01)
    assert error_code(too_much, 400) == "refund_exceeds_captured"
    assert too_much.json()["error"]["message"] == (
        f"₹500.00 of payment {payment} is left to refund.")
    rest = ok(_refund(client, keys.platform, payment))
    assert rest["amount_minor"] == 500_00
    assert error_code(_refund(client, keys.platform, payment), 400) == "refund_exceeds_captured"
    after = ok(client.get(f"/v1/payments/{payment}", headers=keys.platform))
    assert after["amount_refunded_minor"] == 600_00
    assert wallet_balance(client, keys, payer) == (1_000_00, 0)
    assert merchant_balance(client, keys, shop)["available_minor"] == 0
    listed = ok(client.get("/v1/refunds", params={"payment": payment}, headers=keys.platform))
    assert sorted(r["id"] for r in listed["data"]) == sorted([first["id"], rest["id"]])
    assert ok(client.get(f"/v1/refunds/{first['id']}", headers=keys.platform)) == first
    txns = ok(client.get("/v1/balance_transactions", headers=keys.platform))["data"]
    assert sorted((t["type"], t["net_minor"], t["source"]) for t in txns) == sorted([
        ("payment", 600_00, payment), ("refund", -100_00, first["id"]),
        ("refund", -500_00, rest["id"])])
    assert event_types(app_context, shop).count("refund.succeeded") == 2


def test_refund_refusals_write_nothing(client: TestClient, keys: Keys) -> None:
    shop = merchant(client, keys)
    payer = wallet(client, keys, 1_000_00)
    done = pay(client, keys.platform, payer, 100_00, shop)["id"]
    open_ = pay(client, keys.platform, payer, 100_00, shop, capture_method="manual")["id"]
    cases: list[tuple[str, dict[str, Any], int, str]] = [
        (done, {"amount_minor": 0}, 400, "amount_must_be_positive"),
        (done, {"amount_minor": 2**63}, 400, "amount_too_large"),
        (done, {"metadata": {"": "x"}}, 400, "metadata_invalid"),
        (done, {"reason": "x" * 1001}, 400, "parameter_invalid"),
        (done, {"amount_minor": "5"}, 400, "parameter_invalid"),
        (done, {"extra": True}, 400, "parameter_unknown"),
        ("pay_nope", {}, 404, "payment_not_found"),
        (open_, {}, 409, "payment_unexpected_state"),
        (done, {"amount_minor": 100_01}, 400, "refund_exceeds_captured"),
    ]
    for payment, fields, status, code in cases:
        assert error_code(_refund(client, keys.platform, payment, **fields), status) == code
    assert error_code(client.post("/v1/refunds", json={}, headers=keys.platform), 400) == (
        "parameter_missing")
    assert ok(client.get("/v1/refunds", headers=keys.platform))["data"] == []
    assert error_code(client.get("/v1/refunds/ref_nope", headers=keys.platform), 404) == (
        "refund_not_found")


def test_refund_the_merchant_cannot_cover_is_held_until_funds_arrive(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    shop = merchant(client, keys, fee_bps=1_000)
    payer = wallet(client, keys, 2_000_00)
    payment = pay(client, keys.platform, payer, 1_000_00, shop)["id"]
    held = ok(_refund(client, keys.platform, payment))
    assert (held["status"], held["failure_code"], held["journal_entry"]) == (
        "pending", "merchant_balance_insufficient", None)
    assert ok(client.get(f"/v1/payments/{payment}", headers=keys.platform))[
        "amount_refunded_minor"] == 1_000_00
    assert error_code(_refund(client, keys.platform, payment, amount_minor=1), 400) == (
        "refund_exceeds_captured")
    assert wallet_balance(client, keys, payer) == (1_000_00, 0)
    assert in_transaction(app_context, lambda uow: refunds.retry_pending_refunds(
        app_context, uow)) == 0
    pay(client, keys.platform, payer, 200_00, shop)
    assert in_transaction(app_context, lambda uow: refunds.retry_pending_refunds(
        app_context, uow)) == 1
    done = ok(client.get(f"/v1/refunds/{held['id']}", headers=keys.platform))
    assert (done["status"], done["failure_code"]) == ("succeeded", None)
    assert wallet_balance(client, keys, payer) == (1_800_00, 0)
    assert merchant_balance(client, keys, shop)["available_minor"] == 80_00
    types = event_types(app_context, shop)
    assert (types.count("refund.created"), types.count("refund.succeeded")) == (1, 1)


def test_refund_into_a_full_wallet_is_declined(client: TestClient, keys: Keys) -> None:
    shop = merchant(client, keys, fee_bps=0)
    payer = wallet(client, keys, 10_000_00, tier="minimum")
    payment = pay(client, keys.platform, payer, 5_000_00, shop)["id"]
    friend = wallet(client, keys, 5_000_00)
    ok(client.post(f"/v1/wallets/{friend}/transfers", json={
        "amount_minor": 5_000_00, "currency": "INR", "destination": payer},
        headers=keys.platform))
    declined = _refund(client, keys.platform, payment, amount_minor=1_00)
    assert error_code(declined, 402) == "wallet_balance_limit_exceeded"
    assert ok(client.get("/v1/refunds", headers=keys.platform))["data"] == []
    assert ok(client.get(f"/v1/payments/{payment}", headers=keys.platform))[
        "amount_refunded_minor"] == 0


def test_refunds_are_scoped_and_idempotent(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    shop, other = merchant(client, keys), merchant(client, keys)
    shop_key, other_key = keys.merchant(app_context, shop), keys.merchant(app_context, other)
    payer = wallet(client, keys, 1_000_00)
    payment = pay_approved(client, shop_key, app_context, payer, 500_00)["id"]
    headers = {**shop_key, "Idempotency-Key": "refund-1"}
    one = _refund(client, headers, payment, amount_minor=10_00)
    two = _refund(client, headers, payment, amount_minor=10_00)
    assert ok(one) == ok(two)
    assert two.headers["Idempotent-Replayed"] == "true"
    assert error_code(_refund(client, headers, payment, amount_minor=11_00), 400) == (
        "idempotency_key_reused")
    assert error_code(_refund(client, other_key, payment), 404) == "payment_not_found"
    refund = ok(one)["id"]
    assert error_code(client.get(f"/v1/refunds/{refund}", headers=other_key), 404) == (
        "refund_not_found")
    assert error_code(client.get("/v1/refunds", params={"payment": payment},
                                 headers=other_key), 404) == "payment_not_found"
    assert ok(client.get("/v1/refunds", headers=other_key))["data"] == []
    assert [r["id"] for r in ok(client.get("/v1/refunds", headers=shop_key))["data"]] == [refund]
    assert ok(client.get(f"/v1/payments/{payment}", headers=keys.platform))[
        "amount_refunded_minor"] == 10_00


def test_escrow_holds_until_the_buyer_confirms(
    client: TestClient, keys: Keys, clock: FixedClock, app_context: AppContext
) -> None:
    shop = merchant(client, keys, fee_bps=200)
    shop_key = keys.merchant(app_context, shop)
    payer = wallet(client, keys, 2_000_00)
    payment = pay(client, keys.platform, payer, 1_000_00, shop, escrow=True)
    assert (payment["escrow_status"], payment["escrow_release_at"]) == (
        "held", int((clock.now() + timedelta(seconds=app_context.policy.escrow_release_s))
                    .timestamp()))
    assert merchant_balance(client, keys, shop) == {
        "available_minor": 0, "pending_minor": 0, "escrow_minor": 980_00}
    refund = ok(_refund(client, keys.platform, payment["id"], amount_minor=100_00))
    assert refund["status"] == "succeeded"
    release = f"/v1/payments/{payment['id']}/release"
    assert error_code(client.post(release, headers=shop_key), 404) == "resource_missing"
    released = ok(client.post(release, headers=keys.platform))
    assert released["escrow_status"] == "released"
    assert merchant_balance(client, keys, shop) == {
        "available_minor": 880_00, "pending_minor": 0, "escrow_minor": 0}
    assert error_code(client.post(release, headers=keys.platform), 409) == "escrow_not_held"
    txns = ok(client.get("/v1/balance_transactions", headers=shop_key))["data"]
    assert sorted((t["type"], t["balance"], t["net_minor"]) for t in txns) == [
        ("escrow_release", "available", 880_00), ("escrow_release", "escrow", -880_00),
        ("payment", "escrow", 980_00), ("refund", "escrow", -100_00)]
    direct = pay(client, keys.platform, payer, 10_00, shop)
    assert error_code(client.post(f"/v1/payments/{direct['id']}/release",
                                  headers=keys.platform), 409) == "escrow_not_held"
    assert "payment.escrow_released" in event_types(app_context, shop)


def test_escrow_timeout_dispute_and_resolution(
    client: TestClient, keys: Keys, clock: FixedClock, app_context: AppContext
) -> None:
    shop = merchant(client, keys, fee_bps=0)
    payer = wallet(client, keys, 2_000_00)
    calm = pay(client, keys.platform, payer, 300_00, shop, escrow=True)["id"]
    fought = pay(client, keys.platform, payer, 500_00, shop, escrow=True)["id"]
    dispute = f"/v1/payments/{fought}/dispute"
    assert ok(client.post(dispute, headers=keys.platform))["escrow_status"] == "disputed"
    assert error_code(client.post(dispute, headers=keys.platform), 409) == "payment_disputed"
    clock.advance(timedelta(seconds=app_context.policy.escrow_release_s))
    now = clock.now()
    assert in_transaction(app_context, lambda uow: escrow.release_due_escrows(
        app_context, uow, now)) == 1
    assert merchant_balance(client, keys, shop) == {
        "available_minor": 300_00, "pending_minor": 0, "escrow_minor": 500_00}
    release = f"/v1/payments/{fought}/release"
    assert error_code(client.post(release, headers=keys.platform), 409) == "payment_disputed"
    assert ok(_refund(client, keys.platform, fought, amount_minor=200_00))["status"] == (
        "succeeded")
    resolved = ok(client.post(release, json={"resolve_dispute": True}, headers=keys.platform))
    assert resolved["escrow_status"] == "released"
    assert merchant_balance(client, keys, shop) == {
        "available_minor": 600_00, "pending_minor": 0, "escrow_minor": 0}
    assert error_code(client.post(f"/v1/payments/{calm}/dispute", headers=keys.platform),
                      409) == "escrow_not_held"
    assert "payment.disputed" in event_types(app_context, shop)


def test_escrow_with_manual_capture_and_a_full_refund_while_held(
    client: TestClient, keys: Keys, clock: FixedClock, app_context: AppContext
) -> None:
    shop = merchant(client, keys, fee_bps=200)
    payer = wallet(client, keys, 2_000_00)
    pay(client, keys.platform, payer, 100_00, shop)  # 98_00 available, to pay the kept fee
    authorised = pay(client, keys.platform, payer, 1_000_00, shop, capture_method="manual",
                     escrow=True)
    assert merchant_balance(client, keys, shop)["pending_minor"] == 1_000_00
    clock.advance(timedelta(hours=2))
    captured = ok(client.post(f"/v1/payments/{authorised['id']}/capture",
                              headers=keys.platform))
    assert captured["escrow_release_at"] == int(
        (clock.now() + timedelta(seconds=app_context.policy.escrow_release_s)).timestamp())
    refund = ok(_refund(client, keys.platform, authorised["id"]))
    assert (refund["status"], refund["amount_minor"]) == ("succeeded", 1_000_00)
    assert merchant_balance(client, keys, shop) == {
        "available_minor": 78_00, "pending_minor": 0, "escrow_minor": 0}
    released = ok(client.post(f"/v1/payments/{authorised['id']}/release",
                              headers=keys.platform))
    assert released["escrow_status"] == "released"
    assert wallet_balance(client, keys, payer) == (1_900_00, 0)


def test_concurrent_captures_and_refunds_of_one_payment(
    client: TestClient, keys: Keys
) -> None:
    shop = merchant(client, keys, fee_bps=0)
    payer = wallet(client, keys, 5_000_00)
    pay(client, keys.platform, payer, 2_000_00, shop)  # funds for refunds beyond this payment
    payment = pay(client, keys.platform, payer, 1_000_00, shop, capture_method="manual")["id"]

    def capture(amount: int) -> int:
        return client.post(f"/v1/payments/{payment}/capture", json={"amount_minor": amount},
                           headers=keys.platform).status_code

    with ThreadPoolExecutor(THREADS) as pool:
        statuses = list(pool.map(capture, [100_00 * (i + 3) for i in range(THREADS)]))
    assert sorted(statuses) == [200] + [409] * (THREADS - 1)
    captured = ok(client.get(f"/v1/payments/{payment}", headers=keys.platform))
    assert captured["amount_captured_minor"] in {100_00 * (i + 3) for i in range(THREADS)}

    def refund(amount: int) -> int:
        return int(_refund(client, keys.platform, payment, amount_minor=amount).status_code)

    with ThreadPoolExecutor(THREADS) as pool:
        statuses = list(pool.map(refund, [70_00] * THREADS * 2))
    assert set(statuses) <= {200, 400}
    refunded = ok(client.get(f"/v1/payments/{payment}", headers=keys.platform))
    total = sum(r["amount_minor"] for r in ok(client.get(
        "/v1/refunds", params={"payment": payment, "limit": 100}, headers=keys.platform))["data"])
    assert total == refunded["amount_refunded_minor"] == 70_00 * statuses.count(200)
    assert total <= captured["amount_captured_minor"] < total + 70_00
    assert wallet_balance(client, keys, payer) == (
        5_000_00 - 2_000_00 - captured["amount_captured_minor"] + total, 0)


def test_captures_and_refunds_racing_each_other(client: TestClient, keys: Keys) -> None:
    shop = merchant(client, keys, fee_bps=250)
    payer = wallet(client, keys, 5_000_00)
    pay(client, keys.platform, payer, 2_000_00, shop)
    payment = pay(client, keys.platform, payer, 800_00, shop, capture_method="manual")["id"]

    def act(index: int) -> tuple[str, int]:
        if index % 2 == 0:
            response = client.post(f"/v1/payments/{payment}/capture", headers=keys.platform)
            return "capture", int(response.status_code)
        return "refund", int(_refund(client, keys.platform, payment,
                                     amount_minor=150_00).status_code)

    with ThreadPoolExecutor(THREADS) as pool:
        outcomes = list(pool.map(act, range(THREADS * 2)))
    captures = [status for kind, status in outcomes if kind == "capture"]
    assert sorted(captures) == [200] + [409] * (len(captures) - 1)
    assert {status for kind, status in outcomes if kind == "refund"} <= {200, 400, 409}
    after = ok(client.get(f"/v1/payments/{payment}", headers=keys.platform))
    refunded = ok(client.get("/v1/refunds", params={"payment": payment},
                             headers=keys.platform))["data"]
    assert len(refunded) == [kind == "refund" and s == 200 for kind, s in outcomes].count(True)
    assert all(r["status"] == "succeeded" for r in refunded)
    assert after["amount_refunded_minor"] == 150_00 * len(refunded) <= 800_00
    assert after["fee_minor"] == 20_00
    assert wallet_balance(client, keys, payer) == (
        5_000_00 - 2_000_00 - 800_00 + after["amount_refunded_minor"], 0)
