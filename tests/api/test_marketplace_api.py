"""Marketplaces over HTTP: who sees what, refusals with their HTTP status and nothing written,
delivery, disputes, returns, tax reports; and an order paid on the hosted checkout in CNY.

Every test ends with the ledger audit passing (tests/api/conftest.py)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from paysetu.app.context import AppContext
from paysetu.checkout.usecases import checkout_buyer
from paysetu.checkout.usecases.checkout_buyer import PayCheckout
from paysetu.kernel.clock import FixedClock
from paysetu.marketplace.rules.records import Commission, OrderLine
from paysetu.marketplace.usecases import orders, sellers
from tests.api.checkout_setup import PLATFORM as CHECKOUT_PLATFORM
from tests.api.checkout_setup import PUBLIC_BASE, checkout_context, inr_merchant
from tests.api.conftest import Keys
from tests.api.customer_setup import PIN, customer_wallet, signed_in_with_pin
from tests.api.payment_setup import (
    error_code,
    event_types,
    in_transaction,
    merchant,
    ok,
    pay,
    wallet,
)
from tests.api.test_marketplace_orders import (
    GSTIN_A,
    GSTIN_B,
    PAN_A,
    PAN_B,
    balance,
    live_mandate,
    notices_off,
    rows,
    usd_rate,
)

H = dict[str, str]


@pytest.fixture
def app_context(app_context: AppContext) -> AppContext:
    return notices_off(app_context)


def _market(client: TestClient, keys: Keys, ctx: AppContext) -> tuple[str, H, dict[str, str]]:
    host = merchant(client, keys, fee_bps=100)
    ok(client.post("/v1/marketplaces", json={
        "merchant": host, "commission_bps": 1000,
        "category_commissions": {"books": {"commission_bps": 500}},
        "refund_commission": True, "auto_release_s": 3600}, headers=keys.platform))
    key = keys.merchant(ctx, host)
    usd_rate(ctx)
    made = {}
    for name, body in (
        ("a", {"legal_name": "Asha Books", "country": "IN", "settlement_currency": "INR",
               "pan": PAN_A, "gstin": GSTIN_A}),
        ("b", {"legal_name": "Bharat Crafts", "country": "IN", "settlement_currency": "INR",
               "pan": PAN_B, "gstin": GSTIN_B, "commission_bps": 800}),
        ("c", {"legal_name": "Carol Prints LLC", "country": "US",
               "settlement_currency": "USD"}),
    ):
        seller = ok(client.post("/v1/sellers", json=body, headers=key))
        assert seller["kyc_status"] == "pending"
        made[name] = seller["id"]
    return host, key, made


def _verify(client: TestClient, keys: Keys, seller: str) -> None:
    done = ok(client.post(f"/v1/sellers/{seller}/kyc", json={"kyc_status": "verified"},
                          headers=keys.platform))
    assert done["kyc_status"] == "verified"


def _payer(client: TestClient, keys: Keys, ctx: AppContext, host: str) -> tuple[str, str]:
    """A funded wallet and its customer's live mandate for the marketplace ``host``."""
    payer = wallet(client, keys, 5_000_00)
    return payer, live_mandate(ctx, host, payer)


def _order(client: TestClient, key: H, payer: tuple[str, str], lines: list[tuple[str, int]],
           **fields: Any) -> Any:
    body = {"amount_minor": sum(a for _, a in lines), "currency": "INR", "wallet": payer[0],
            "mandate": payer[1],
            "lines": [{"seller": s, "amount_minor": a} for s, a in lines], **fields}
    return client.post("/v1/marketplace_orders", json=body, headers=key)


def test_marketplace_and_seller_keys_see_only_their_own(
    client: TestClient, keys: Keys, app_context: AppContext, engine: sa.Engine,
    clock: FixedClock,
) -> None:
    host, key, s = _market(client, keys, app_context)
    payer = _payer(client, keys, app_context, host)
    before = rows(engine)
    unverified = _order(client, key, payer, [(s["a"], 100_00)])
    assert error_code(unverified, 409) == "seller_not_verified"
    for seller in s.values():
        _verify(client, keys, seller)
    assert error_code(_order(client, key, payer, [(s["a"], 100_00)], amount_minor=99_00),
                      400) == "split_mismatch"
    other_host, other_key, other = _market(client, keys, app_context)
    _verify(client, keys, other["a"])
    assert error_code(_order(client, key, payer, [(other["a"], 100_00)]),
                      404) == "seller_not_found"
    assert error_code(_order(client, key, payer, [(s["a"], 100_00)], extra=1),
                      400) == "parameter_unknown"
    assert rows(engine)[:6] == before[:6]  # events: the other market's onboarding only
    # No mandate: the order waits for the customer's approval; an empty wallet gets the same
    # answer (the wallet is not read before consent), and nothing is split or moved.
    for who in (payer[0], wallet(client, keys, 0)):
        waiting = ok(_order(client, key, (who, ""), [(s["a"], 100_00)], mandate=None))
        assert (waiting["status"], waiting["next_action"]["type"]) == (
            "requires_action", "customer_approval")
        assert {x["status"] for x in waiting["shares"]} == {"pending"}
    assert rows(engine)[0] == before[0]  # no ledger entry

    made = ok(_order(client, key, payer, [(s["a"], 600_00), (s["b"], 300_00), (s["c"], 100_00)],
                     description="Diwali cart"))
    assert made["status"] == "paid"
    assert made["payment"].startswith("pay_")
    share = {x["seller"]: x["id"] for x in made["shares"]}
    a_key = keys.merchant(app_context, s["a"])
    assert ok(client.get(f"/v1/marketplace_shares/{share[s['a']]}", headers=a_key))[
        "net_minor"] == 600_00 - 60_00 - 3_00 - 60
    for path in (f"/v1/marketplace_shares/{share[s['b']]}", f"/v1/marketplace_orders/{made['id']}",
                 f"/v1/sellers/{s['b']}"):
        assert client.get(path, headers=a_key).status_code == 404
    listed = ok(client.get("/v1/marketplace_shares", headers=a_key))["data"]
    assert {x["seller"] for x in listed} == {s["a"]}  # and the two waiting orders' shares
    assert [x["id"] for x in listed if x["status"] == "held"] == [share[s["a"]]]
    assert client.get(f"/v1/marketplace_orders/{made['id']}",
                      headers=other_key).status_code == 404
    assert ok(client.get(f"/v1/marketplace_orders/{made['id']}", headers=key))["id"] == made["id"]
    assert {x["id"] for x in ok(client.get("/v1/sellers", headers=key))["data"]} == set(
        s.values())
    assert "marketplace_share.held" in event_types(app_context, s["a"])
    assert "marketplace_order.paid" in event_types(app_context, host)
    assert other_host != host


def test_delivery_dispute_return_and_tax_report(
    client: TestClient, keys: Keys, app_context: AppContext, clock: FixedClock
) -> None:
    host, key, s = _market(client, keys, app_context)
    for seller in s.values():
        _verify(client, keys, seller)
    payer = _payer(client, keys, app_context, host)
    made = ok(_order(client, key, payer, [(s["a"], 600_00), (s["b"], 300_00), (s["c"], 100_00)]))
    share = {x["seller"]: x["id"] for x in made["shares"]}
    disputed = ok(client.post(f"/v1/marketplace_shares/{share[s['b']]}/dispute", headers=key))
    assert disputed["status"] == "disputed"
    assert error_code(client.post(f"/v1/marketplace_shares/{share[s['b']]}/release",
                                  headers=key), 409) == "share_disputed"
    back = ok(client.post(f"/v1/marketplace_shares/{share[s['a']]}/returns",
                          json={"amount_minor": 200_00, "reason": "damaged"}, headers=key))
    assert (back["amount_minor"], back["commission_minor"], back["tcs_minor"],
            back["tds_minor"]) == (200_00, 20_00, 1_00, 20)
    assert back["from_hold_minor"] == 200_00 - 20_00 - 1_00 - 20
    assert error_code(client.post(f"/v1/marketplace_shares/{share[s['a']]}/returns",
                                  json={"amount_minor": 400_01}, headers=key),
                      400) == "refund_exceeds_share"
    delivered = ok(client.post(f"/v1/marketplace_orders/{made['id']}/confirm_delivery",
                               headers=key))
    assert {x["seller"]: x["status"] for x in delivered["shares"]} == {
        s["a"]: "released", s["b"]: "disputed", s["c"]: "released"}
    resolved = ok(client.post(f"/v1/marketplace_shares/{share[s['b']]}/release",
                              json={"resolve_dispute": True}, headers=keys.platform))
    assert resolved["status"] == "released"
    report = ok(client.get("/v1/marketplace_tax_reports", params={"month": "2026-04"},
                           headers=key))
    lines = {x["seller"]: x for x in report["sellers"]}
    assert (lines[s["a"]]["gross_minor"], lines[s["a"]]["returned_minor"],
            lines[s["a"]]["tcs_minor"], lines[s["a"]]["tds_minor"]) == (
        600_00, 200_00, 3_00 - 1_00, 60 - 20)
    assert lines[s["c"]]["tcs_minor"] == 0
    assert lines[s["a"]]["gstin"] == GSTIN_A
    assert error_code(client.get("/v1/marketplace_tax_reports", params={"month": "2026-13"},
                                 headers=key), 400) == "parameter_invalid"


def test_order_paid_on_the_hosted_checkout_in_another_currency(
    engine: sa.Engine, clock: FixedClock
) -> None:
    ctx = checkout_context(engine, clock)
    host = inr_merchant(ctx, "Bazaar", fee_bps=100)
    in_transaction(ctx, lambda uow: sellers.create_marketplace(
        ctx, uow, CHECKOUT_PLATFORM, sellers.CreateMarketplace(
            host, Commission(1000, 0), {}, True, 3600)))
    seller = in_transaction(ctx, lambda uow: sellers.onboard_seller(
        ctx, uow, CHECKOUT_PLATFORM, sellers.OnboardSeller(
            "Asha Books", "IN", "INR", PAN_A, GSTIN_A, marketplace=host)))["id"]
    in_transaction(ctx, lambda uow: sellers.set_seller_kyc(
        ctx, uow, CHECKOUT_PLATFORM, seller, "verified"))
    made = in_transaction(ctx, lambda uow: orders.create_order(
        ctx, uow, CHECKOUT_PLATFORM, orders.CreateOrder(
            amount_minor=1_000_00, currency="INR", marketplace=host,
            lines=[OrderLine(seller, 1_000_00, None, None)],
            return_url="https://bazaar.example/done"), PUBLIC_BASE))
    assert made["status"] == "requires_payment"
    assert made["checkout_url"].startswith(PUBLIC_BASE)
    session = made["checkout_session"]
    quoted = in_transaction(ctx, lambda uow: checkout_buyer.choose_currency(
        ctx, uow, session, "CNY"))
    assert quoted.quote is not None
    quote_id = quoted.quote.id
    in_transaction(ctx, lambda uow: checkout_buyer.pay_session(
        ctx, uow, session, PayCheckout("CNY", quote_id, "card", card_number="4242424242424242"),
        public_base=PUBLIC_BASE))
    with ctx.uow_factory() as uow:
        order = uow.marketplace.get_order(made["id"])
        (share,) = uow.marketplace.shares_of(made["id"])
    with ctx.uow_factory() as uow:
        report = uow.ledger.audit()
    assert order is not None
    assert order.status.value == "paid"
    assert (share.status.value, share.held_minor) == ("held", 1_000_00 - 100_00 - 5_00 - 1_00)
    assert report.passed, report.findings


def test_released_shares_and_commission_settle_through_the_settlement_run(
    client: TestClient, keys: Keys, app_context: AppContext, clock: FixedClock
) -> None:
    host, key, s = _market(client, keys, app_context)
    for seller in (s["a"], s["b"]):
        _verify(client, keys, seller)
    account = {"currency": "INR", "holder_name": "Holder", "account_number": "001234567890",
               "bank_code": "HDFC0000123", "country": "IN"}
    for who in (host, s["a"], s["b"]):
        ok(client.post(f"/v1/merchants/{who}/payout_accounts", json=account,
                       headers=keys.platform))
    _verify(client, keys, s["c"])  # the seller abroad: paid and settled in dollars
    ok(client.post(f"/v1/merchants/{s['c']}/payout_accounts", headers=keys.platform, json={
        "currency": "USD", "holder_name": "Carol Prints LLC", "iban": "GB82WEST12345698765432",
        "bic": "NWBKGB2L"}))
    payer = _payer(client, keys, app_context, host)
    made = ok(_order(client, key, payer, [(s["a"], 600_00), (s["b"], 300_00), (s["c"], 100_00)]))
    ok(client.post(f"/v1/marketplace_orders/{made['id']}/confirm_delivery", headers=key))
    clock.advance(timedelta(days=1))
    run = ok(client.post("/v1/settlements", json={"date": "2026-04-02"}, headers=keys.platform))
    batches = {r["merchant"]: r["settlement"] for r in run["results"]}
    net = {x["seller"]: (x["payout_currency"], x["payout_net_minor"]) for x in made["shares"]}
    assert net[s["c"]] == ("USD", 1_08)  # 90.00 INR at 0.012
    for seller in (s["a"], s["b"], s["c"]):
        batch = ok(client.get(f"/v1/settlements/{batches[seller]}", headers=keys.platform))
        assert (batch["currency"], batch["payout_minor"]) == net[seller]
    hosted = ok(client.get(f"/v1/settlements/{batches[host]}", headers=keys.platform))
    assert hosted["payout_minor"] == made["commission_minor"] - 10_00  # less paysetu's 1% fee


def test_a_wallet_order_waits_for_the_customer_and_splits_when_approved_with_the_pin(
    client: TestClient, keys: Keys, app_context: AppContext, engine: sa.Engine,
    clock: FixedClock,
) -> None:
    """A merchant key's wallet order without a mandate: ``requires_action`` with the payment's
    ``next_action``; the customer's PIN approval charges and splits in one entry; a refusal or
    an expired approval cancels the order with nothing split."""
    host, key, s = _market(client, keys, app_context)
    for seller in s.values():
        _verify(client, keys, seller)
    _, payer = customer_wallet(client, keys, "+919876500011", 5_000_00)
    customer = signed_in_with_pin(client, app_context, "+919876500011")
    lines = [(s["a"], 600_00), (s["b"], 400_00)]
    before = rows(engine)
    approved, refused, lapsed = (ok(_order(client, key, (payer, ""), lines, mandate=None))
                                 for _ in range(3))
    assert {o["status"] for o in (approved, refused, lapsed)} == {"requires_action"}
    assert approved["next_action"]["customer_approval"]["url"].endswith(approved["payment"])
    assert rows(engine)[0] == before[0]
    # the customer approves one with the PIN: charged and split in one entry
    done = ok(client.post(f"/v1/customer/approvals/{approved['payment']}/approve",
                          json={"pin": PIN}, headers=customer))
    assert done["status"] == "succeeded"
    paid = ok(client.get(f"/v1/marketplace_orders/{approved['id']}", headers=key))
    assert (paid["status"], paid["next_action"]) == ("paid", None)
    assert {x["status"] for x in paid["shares"]} == {"held"}
    assert rows(engine)[0] == before[0] + 1  # the charge and the split: one entry
    assert "marketplace_order.paid" in event_types(app_context, host)
    # refused: canceled, nothing split
    ok(client.post(f"/v1/customer/approvals/{refused['payment']}/refuse", headers=customer))
    seen = ok(client.get(f"/v1/marketplace_orders/{refused['id']}", headers=key))
    assert (seen["status"], seen["journal_entry"]) == ("canceled", None)
    assert {x["status"] for x in seen["shares"]} == {"pending"}
    # the approval expires: canceled too, and a late approval is refused
    clock.advance(timedelta(seconds=app_context.policy.mandates.approval_ttl_s))
    assert ok(client.get(f"/v1/marketplace_orders/{lapsed['id']}", headers=key))[
        "status"] == "canceled"
    assert error_code(client.post(f"/v1/customer/approvals/{lapsed['payment']}/approve",
                                  json={"pin": PIN}, headers=customer), 409) == "approval_expired"
    assert rows(engine)[0] == before[0] + 1
    # a cross-border wallet order cannot wait (its rate lock would end first): refused whole
    assert error_code(_order(client, key, (payer, ""), lines, mandate=None, fx_quote="quo_x"),
                      400) == "order_payment_needs_consent"


def test_a_negative_seller_balance_is_recovered_from_its_direct_settlements(
    client: TestClient, keys: Keys, app_context: AppContext, clock: FixedClock
) -> None:
    """The seller was paid out, then its share was returned: it owes on its recovery account.
    Its next settlement, of its own direct payments, repays that before paying out."""
    host, key, s = _market(client, keys, app_context)
    seller = s["a"]
    _verify(client, keys, seller)
    ok(client.post(f"/v1/merchants/{seller}/payout_accounts", headers=keys.platform, json={
        "currency": "INR", "holder_name": "Asha Books", "account_number": "001234567890",
        "bank_code": "HDFC0000123", "country": "IN"}))
    payer = _payer(client, keys, app_context, host)
    made = ok(_order(client, key, payer, [(seller, 600_00)]))
    ok(client.post(f"/v1/marketplace_orders/{made['id']}/confirm_delivery", headers=key))
    clock.advance(timedelta(days=1))
    ok(client.post("/v1/settlements", json={"date": "2026-04-02"}, headers=keys.platform))
    (share,) = made["shares"]
    ok(client.post(f"/v1/marketplace_shares/{share['id']}/returns", json={}, headers=key))
    owed = -balance(app_context, f"acct_{seller}_INR_recovery")
    assert owed == share["net_minor"]  # all of it: the seller had been paid out
    # the seller's own shop takes a direct payment; its settlement repays the recovery first
    direct = pay(client, keys.platform, wallet(client, keys, 1_000_00), 1_000_00,
                 merchant_id=seller)
    clock.advance(timedelta(days=1))
    run = ok(client.post("/v1/settlements", json={"date": "2026-04-03"}, headers=keys.platform))
    (result,) = [r for r in run["results"] if r["merchant"] == seller]
    batch = ok(client.get(f"/v1/settlements/{result['settlement']}", headers=keys.platform))
    direct_net = 1_000_00 - direct["fee_minor"]
    assert (batch["loan_sweep_minor"], batch["payout_minor"]) == (owed, direct_net - owed)
    assert balance(app_context, f"acct_{seller}_INR_recovery") == 0
