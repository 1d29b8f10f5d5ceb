"""Checkout sessions over HTTP (merchant side) and the buyer's service calls behind the page.

The buyer's side has no API route: the hosted page calls ``services.checkout_buyer`` in one
transaction per request, exactly as these tests do. After every test the ledger audit passes.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from paysetu.app.context import AppContext
from paysetu.checkout.rules.errors import CheckoutRejected, CheckoutStatus
from paysetu.checkout.usecases import checkout_buyer
from paysetu.checkout.usecases.checkout_buyer import CheckoutView, PayCheckout
from paysetu.kernel.clock import FixedClock
from paysetu.ledger.rules.errors import PaysetuError
from paysetu.payments.rules.fx_errors import FxRejected, FxStatus
from tests.api.checkout_setup import (
    PUBLIC_BASE,
    RETURN_URL,
    checkout_context,
    inr_merchant,
    open_session,
)
from tests.api.conftest import Keys
from tests.api.payment_setup import error_code, in_transaction, ok

CARD = "4242 4242 4242 4242"
SESSION_ID = re.compile(r"^cs_[0-9A-Z]{26}_[A-Za-z0-9_-]{32}$")


@pytest.fixture
def app_context(engine: sa.Engine, clock: FixedClock) -> AppContext:
    return checkout_context(engine, clock)


def _create(client: TestClient, headers: dict[str, str], **fields: Any) -> Any:
    body = {"amount_minor": 2_499_00, "currency": "INR", "return_url": RETURN_URL, **fields}
    return client.post("/v1/checkout_sessions", json=body, headers=headers)


def _choose(context: AppContext, session_id: str, currency: str) -> CheckoutView:
    return in_transaction(context, lambda uow: checkout_buyer.choose_currency(
        context, uow, session_id, currency))


def _pay(context: AppContext, session_id: str, currency: str, quote: str | None,
         **source: str) -> CheckoutView:
    command = PayCheckout(currency, quote, source.pop("source", "card"),
                          card_number=source.get("card_number", CARD),
                          upi_id=source.get("upi_id"))
    return in_transaction(context, lambda uow: checkout_buyer.pay_session(
        context, uow, session_id, command, public_base=PUBLIC_BASE))


def _refused(work: Any) -> PaysetuError:
    with pytest.raises(PaysetuError) as caught:
        work()
    return caught.value


def _count(engine: sa.Engine, table: str) -> int:
    with engine.connect() as connection:
        return int(connection.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_merchant_creates_a_session_with_a_hosted_page_url(
    client: TestClient, keys: Keys, app_context: AppContext, clock: FixedClock
) -> None:
    shop = inr_merchant(app_context)
    headers = keys.merchant(app_context, shop)
    session = ok(_create(client, headers, description="Silk saree", client_reference="A-17",
                         metadata={"cart": "7"}))
    assert SESSION_ID.match(session["id"])
    assert session["object"] == "checkout_session"
    assert session["url"] == f"http://testserver/checkout/{session['id']}"
    assert (session["merchant"], session["status"], session["amount_minor"]) == (
        shop, "open", 2_499_00)
    assert session["expires_at"] - session["created"] == 30 * 60
    assert (session["payment"], session["fx_quote"], session["payment_source"]) == (
        None, None, None)
    assert ok(client.get(f"/v1/checkout_sessions/{session['id']}", headers=headers)) == session
    later = int((clock.now() + timedelta(hours=2)).timestamp())
    assert ok(_create(client, headers, expires_at=later))["expires_at"] == later


def test_idempotency_key_replays_the_session(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    headers = {**keys.merchant(app_context, inr_merchant(app_context)),
               "Idempotency-Key": "order-A-17"}
    first, again = ok(_create(client, headers)), _create(client, headers)
    assert ok(again) == first
    assert again.headers["Idempotent-Replayed"] == "true"
    assert error_code(_create(client, headers, amount_minor=1_00), 400) == (
        "idempotency_key_reused")


@pytest.mark.parametrize(
    ("fields", "code", "param"),
    [
        ({"currency": "XXX"}, "currency_invalid", "currency"),
        ({"amount_minor": 0}, "amount_must_be_positive", "amount_minor"),
        ({"return_url": "http://shop.example/thanks"}, "return_url_invalid", "return_url"),
        ({"return_url": "javascript:alert(1)"}, "return_url_invalid", "return_url"),
        ({"return_url": "https://user:pw@shop.example/"}, "return_url_invalid", "return_url"),
        ({"cancel_url": "/cart"}, "return_url_invalid", "cancel_url"),
        ({"client_reference": ""}, "client_reference_invalid", "client_reference"),
        ({"expires_at": 1}, "expires_at_invalid", "expires_at"),
        # More digits than any field takes: the request guard refuses it while parsing the
        # body, before any field is known (no param).
        ({"expires_at": 10**20}, "parameter_invalid", None),
        ({"metadata": {"k" * 41: "v"}}, "metadata_invalid", "metadata"),
    ],
)
def test_invalid_sessions_are_refused_with_a_code(
    client: TestClient, keys: Keys, app_context: AppContext, fields: dict[str, Any], code: str,
    param: str | None,
) -> None:
    headers = keys.merchant(app_context, inr_merchant(app_context))
    response = _create(client, headers, **fields)
    assert error_code(response, 400) == code
    assert response.json()["error"]["param"] == param


def test_loopback_return_urls_are_allowed_for_local_development(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    headers = keys.merchant(app_context, inr_merchant(app_context))
    for url in ("http://127.0.0.1:8000/done", "http://localhost/done"):
        assert ok(_create(client, headers, return_url=url))["return_url"] == url


def test_platform_names_the_merchant_and_merchants_see_only_their_own(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    a, b = inr_merchant(app_context, "A"), inr_merchant(app_context, "B")
    assert error_code(_create(client, keys.platform), 400) == "parameter_missing"
    session = ok(_create(client, keys.platform, merchant=a))
    other = keys.merchant(app_context, b)
    assert error_code(client.get(f"/v1/checkout_sessions/{session['id']}", headers=other),
                      404) == "checkout_session_not_found"
    assert error_code(client.post(f"/v1/checkout_sessions/{session['id']}/expire",
                                  headers=other), 404) == "checkout_session_not_found"
    assert error_code(_create(client, other, merchant=a), 404) == "merchant_not_found"
    assert ok(client.get("/v1/checkout_sessions", headers=other))["data"] == []
    listed = ok(client.get("/v1/checkout_sessions", headers=keys.merchant(app_context, a)))
    assert [s["id"] for s in listed["data"]] == [session["id"]]


def test_list_filters_by_status_as_read_now(
    client: TestClient, keys: Keys, app_context: AppContext, clock: FixedClock
) -> None:
    headers = keys.merchant(app_context, inr_merchant(app_context))
    early = ok(_create(client, headers))["id"]
    clock.advance(timedelta(minutes=20))
    late = ok(_create(client, headers))["id"]
    clock.advance(timedelta(minutes=15))

    def ids(status: str) -> list[str]:
        listed = ok(client.get("/v1/checkout_sessions", params={"status": status},
                               headers=headers))
        return [s["id"] for s in listed["data"]]

    assert (ids("open"), ids("expired"), ids("complete")) == ([late], [early], [])
    bad = client.get("/v1/checkout_sessions", params={"status": "paid"}, headers=headers)
    assert error_code(bad, 400) == "checkout_status_invalid"


def test_cross_border_payment_credits_the_merchant_the_price(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    shop = inr_merchant(app_context)
    session = open_session(app_context, shop, client_reference="A-17")
    quoted = _choose(app_context, session["id"], "CNY")
    assert quoted.quote is not None
    assert quoted.session.presentment_currency == "CNY"
    terms = quoted.quote.terms
    assert (terms.sell_currency, terms.buy_currency, terms.buy_amount_minor) == (
        "CNY", "INR", 2_499_00)
    assert quoted.session.presentment_amount_minor == terms.sell_amount_minor
    paid = _pay(app_context, session["id"], "CNY", quoted.quote.id)
    assert paid.newly_paid
    assert paid.payment is not None
    payment = ok(client.get(f"/v1/payments/{paid.payment.id}", headers=keys.platform))
    assert (payment["status"], payment["amount_minor"], payment["fx_quote"]) == (
        "succeeded", 2_499_00, quoted.quote.id)
    assert (payment["presentment_currency"], payment["presentment_amount_minor"]) == (
        "CNY", terms.sell_amount_minor)
    assert payment["metadata"] == {"checkout_session": session["id"], "client_reference": "A-17"}
    balances = ok(client.get(f"/v1/merchants/{shop}", headers=keys.platform))["balances"]
    assert [(b["currency"], b["available_minor"]) for b in balances] == [
        ("INR", 2_499_00 - 49_98)]
    shown = ok(client.get(f"/v1/checkout_sessions/{session['id']}",
                          headers=keys.merchant(app_context, shop)))
    assert (shown["status"], shown["payment"], shown["presentment_amount_minor"]) == (
        "complete", paid.payment.id, terms.sell_amount_minor)
    assert shown["payment_source"] == {"type": "card", "hint": "•••• 4242"}
    events = ok(client.get("/v1/events", params={"limit": 100}, headers=keys.platform))["data"]
    assert {"payment.created", "payment.succeeded"} <= {
        e["type"] for e in events if e["merchant"] == shop}


def test_paying_in_the_price_currency_needs_no_quote(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    shop = inr_merchant(app_context)
    session = open_session(app_context, shop)
    paid = _pay(app_context, session["id"], "INR", None, source="upi", upi_id="asha@okbank")
    assert paid.payment is not None
    assert paid.payment.fx_quote_id is None
    assert paid.session.source_hint == "asha@okbank"
    assert paid.session.presentment_amount_minor == 2_499_00


def test_a_paid_session_answers_with_its_receipt_and_cannot_be_expired(
    client: TestClient, keys: Keys, app_context: AppContext, engine: sa.Engine
) -> None:
    shop = inr_merchant(app_context)
    session = open_session(app_context, shop)
    first = _pay(app_context, session["id"], "INR", None)
    again = _pay(app_context, session["id"], "INR", None, card_number="5555555555554444")
    assert first.newly_paid
    assert not again.newly_paid
    assert again.session.payment_id == first.session.payment_id
    assert _count(engine, "payments") == 1
    refused = client.post(f"/v1/checkout_sessions/{session['id']}/expire",
                          headers=keys.merchant(app_context, shop))
    assert error_code(refused, 409) == "checkout_session_complete"
    requote = _refused(lambda: _choose(app_context, session["id"], "CNY"))
    assert requote.code is CheckoutStatus.CHECKOUT_SESSION_COMPLETE


def test_completing_or_expiring_a_session_is_an_event_once(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    """Stripe's ``checkout.session.completed`` / ``.expired``: the merchant's webhooks learn
    that a buyer paid (or that a session closed) without polling; a replay emits nothing."""
    shop = inr_merchant(app_context)
    merchant = keys.merchant(app_context, shop)
    paid_session = open_session(app_context, shop)
    paid = _pay(app_context, paid_session["id"], "INR", None)
    _pay(app_context, paid_session["id"], "INR", None)  # the receipt again
    closed_session = open_session(app_context, shop)
    for _ in range(2):
        ok(client.post(f"/v1/checkout_sessions/{closed_session['id']}/expire", headers=merchant))

    def events(kind: str) -> list[Any]:
        return list(ok(client.get("/v1/events", params={"type": kind}, headers=merchant))["data"])

    completed, expired = events("checkout.session.completed"), events("checkout.session.expired")
    assert [e["data"]["object"]["id"] for e in completed] == [paid_session["id"]]
    assert [e["data"]["object"]["id"] for e in expired] == [closed_session["id"]]
    session = completed[0]["data"]["object"]
    assert session == ok(client.get(f"/v1/checkout_sessions/{paid_session['id']}",
                                    headers=merchant)) | {"url": session["url"]}
    assert session["url"] == f"{PUBLIC_BASE}/checkout/{paid_session['id']}"
    assert (session["status"], session["payment"]) == ("complete", paid.session.payment_id)
    assert expired[0]["data"]["object"]["status"] == "expired"
    other = keys.merchant(app_context, inr_merchant(app_context, "Other"))
    assert ok(client.get("/v1/events", params={"type": "checkout.session.completed"},
                         headers=other))["data"] == []


def test_an_expired_quote_is_refused_and_a_new_one_pays(
    app_context: AppContext, clock: FixedClock, engine: sa.Engine
) -> None:
    session = open_session(app_context, inr_merchant(app_context))
    first = _choose(app_context, session["id"], "CNY")
    assert first.quote is not None
    assert _choose(app_context, session["id"], "CNY").quote == first.quote  # still locked
    clock.advance(timedelta(minutes=15))
    refused = _refused(lambda: _pay(app_context, session["id"], "CNY", first.quote.id))
    assert isinstance(refused, FxRejected)
    assert refused.code is FxStatus.QUOTE_EXPIRED
    assert (_count(engine, "payments"), _count(engine, "customers")) == (0, 0)
    second = _choose(app_context, session["id"], "CNY")
    assert second.quote is not None
    assert second.quote.id != first.quote.id
    assert _pay(app_context, session["id"], "CNY", second.quote.id).newly_paid


def test_an_amount_the_buyer_did_not_confirm_is_stale(app_context: AppContext) -> None:
    session = open_session(app_context, inr_merchant(app_context))
    tab_a = _choose(app_context, session["id"], "CNY")
    tab_b = _choose(app_context, session["id"], "USD")
    assert tab_a.quote is not None
    assert tab_b.quote is not None
    for currency, quote in (("CNY", tab_a.quote.id), ("INR", None), ("USD", None)):
        refused = _refused(lambda c=currency, q=quote: _pay(app_context, session["id"], c, q))
        assert refused.code is CheckoutStatus.CHECKOUT_QUOTE_STALE
    assert _pay(app_context, session["id"], "USD", tab_b.quote.id).newly_paid


@pytest.mark.parametrize(
    ("source", "code", "param"),
    [
        ({"card_number": "4242 4242 4242 4241"}, CheckoutStatus.PAYMENT_SOURCE_INVALID,
         "card_number"),
        ({"card_number": "4000 0000 0000 0002"}, CheckoutStatus.SOURCE_DECLINED, "card_number"),
        ({"source": "upi", "upi_id": "not-a-vpa"}, CheckoutStatus.PAYMENT_SOURCE_INVALID,
         "upi_id"),
        ({"source": "upi", "upi_id": "declined@okbank"}, CheckoutStatus.SOURCE_DECLINED,
         "upi_id"),
        ({"source": "cash"}, CheckoutStatus.PAYMENT_SOURCE_INVALID, "source"),
    ],
)
def test_bad_or_declined_sources_write_nothing(
    app_context: AppContext, engine: sa.Engine, source: dict[str, str], code: CheckoutStatus,
    param: str,
) -> None:
    session = open_session(app_context, inr_merchant(app_context))
    refused = _refused(lambda: _pay(app_context, session["id"], "INR", None, **source))
    assert (refused.code, refused.param) == (code, param)
    assert (_count(engine, "customers"), _count(engine, "ledger_entries")) == (0, 0)


def test_expired_sessions_cannot_be_quoted_or_paid(
    client: TestClient, keys: Keys, app_context: AppContext, clock: FixedClock
) -> None:
    shop = inr_merchant(app_context)
    by_time, by_merchant = open_session(app_context, shop), open_session(app_context, shop)
    headers = keys.merchant(app_context, shop)
    expired = ok(client.post(f"/v1/checkout_sessions/{by_merchant['id']}/expire",
                             headers=headers))
    assert expired["status"] == "expired"
    assert ok(client.post(f"/v1/checkout_sessions/{by_merchant['id']}/expire",
                          headers=headers)) == expired
    clock.advance(timedelta(minutes=30))
    for session_id in (by_time["id"], by_merchant["id"]):
        for work in (lambda s=session_id: _choose(app_context, s, "CNY"),
                     lambda s=session_id: _pay(app_context, s, "INR", None)):
            assert _refused(work).code is CheckoutStatus.CHECKOUT_SESSION_EXPIRED
    shown = ok(client.get(f"/v1/checkout_sessions/{by_time['id']}", headers=headers))
    assert shown["status"] == "expired"


def test_buyer_calls_refuse_unknown_sessions_and_currencies(app_context: AppContext) -> None:
    session = open_session(app_context, inr_merchant(app_context))
    for unknown in ("cs_nope", "cs_\x00"):
        missing = _refused(lambda u=unknown: in_transaction(
            app_context, lambda uow: checkout_buyer.buyer_view(app_context, uow, u)))
        assert missing.code is CheckoutStatus.CHECKOUT_SESSION_NOT_FOUND
    for currency in ("KWD", "cny", "XXX"):
        refused = _refused(lambda c=currency: _choose(app_context, session["id"], c))
        assert isinstance(refused, CheckoutRejected)
        assert refused.code is CheckoutStatus.PRESENTMENT_CURRENCY_UNSUPPORTED
