"""The hosted checkout in a real browser: a CNY buyer pays an INR merchant, quotes expire on the
server's injected clock, double submits make one payment, and the page fits a 375 px phone.

Sessions are created the way a merchant's code creates them (the API, with its key); amounts
are checked against the quote the API reports, balances against the merchant's API object. The
ledger audit runs after every test (``conftest.audit_after``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from paysetu.ledger.usecases.service import LedgerService
from paysetu.shell.pages.money_format import format_money_minor
from tests.browser.conftest import LiveServer
from tests.browser.shop import Shop, merchant_balance, ok, open_shop

Shot = Callable[[Page, str], Path]
PRICE_INR = 2_499_00
FEE_INR = 49_98  # 2% of the price, the shop's fee plan
CARD = "4242 4242 4242 4242"
QUOTE_ID = re.compile(r"^quo_")


def _session(server: LiveServer, shop: Shop, **fields: Any) -> dict[str, Any]:
    body = {"amount_minor": PRICE_INR, "currency": "INR", "description": "Kanjivaram silk saree",
            "client_reference": "A-17", "return_url": f"{server.url}/healthz?shop=silks",
            "cancel_url": f"{server.url}/healthz?cancelled=1", **fields}
    with server.api() as api:
        return ok(api.post("/v1/checkout_sessions", json=body, headers=shop.merchant_key))


def _api_get(server: LiveServer, shop: Shop, path: str) -> dict[str, Any]:
    with server.api() as api:
        return ok(api.get(path, headers=shop.merchant_key))


def _choose(page: Page, currency: str) -> str:
    """Pick the currency, ask for the price, and return the locked quote's id."""
    page.get_by_label("Currency", exact=True).select_option(currency)
    page.get_by_role("button", name="Show the price").click()
    quote = page.get_by_test_id("quote")
    expect(quote).to_have_attribute("data-quote", QUOTE_ID)
    return str(quote.get_attribute("data-quote"))


def _pay_by_card(page: Page, card: str = CARD) -> None:
    page.get_by_label("Card number").fill(card)
    page.get_by_test_id("pay").click()


def _no_horizontal_scroll(page: Page) -> None:
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert page.viewport_size is not None
    assert width <= page.viewport_size["width"], width


def test_cny_buyer_pays_an_inr_merchant_end_to_end(
    live_server: LiveServer, desktop: Page, shot: Shot, ledger: LedgerService
) -> None:
    shop = open_shop(live_server, "Kanchipuram Silks", "owner@silks.example")
    before = merchant_balance(live_server, shop)["available_minor"]
    session = _session(live_server, shop)
    assert session["url"] == f"{live_server.url}/checkout/{session['id']}"
    desktop.goto(session["url"])
    expect(desktop.get_by_test_id("price")).to_have_text("₹2,499.00")
    expect(desktop.get_by_test_id("pay")).to_have_text("Pay ₹2,499.00")
    shot(desktop, "checkout")

    quote_id = _choose(desktop, "CNY")
    quote = _api_get(live_server, shop, f"/v1/fx_quotes/{quote_id}")
    assert (quote["sell_currency"], quote["buy_currency"], quote["buy_amount_minor"]) == (
        "CNY", "INR", PRICE_INR)
    buyer_pays = format_money_minor(quote["sell_amount_minor"], "CNY")
    expect(desktop.get_by_test_id("pay-amount")).to_have_text(buyer_pays)
    expect(desktop.get_by_test_id("rate")).to_contain_text("1 CNY = ")
    expect(desktop.get_by_test_id("quote-timer")).to_be_visible()
    expect(desktop.get_by_test_id("pay")).to_have_text(f"Pay {buyer_pays}")
    shot(desktop, "checkout-quote")

    _pay_by_card(desktop)
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Payment received")
    expect(desktop.get_by_test_id("paid-amount")).to_have_text(buyer_pays)
    expect(desktop.get_by_test_id("receipt-source")).to_have_text("Card •••• 4242")
    shot(desktop, "checkout-receipt")

    paid = _api_get(live_server, shop, f"/v1/checkout_sessions/{session['id']}")
    assert (paid["status"], paid["fx_quote"], paid["presentment_currency"]) == (
        "complete", quote_id, "CNY")
    payment = _api_get(live_server, shop, f"/v1/payments/{paid['payment']}")
    assert (payment["status"], payment["amount_minor"], payment["currency"]) == (
        "succeeded", PRICE_INR, "INR")
    assert (payment["presentment_amount_minor"], payment["fx_quote"]) == (
        quote["sell_amount_minor"], quote_id)
    after = merchant_balance(live_server, shop)["available_minor"]
    assert after - before == PRICE_INR - FEE_INR
    report = ledger.audit()
    assert report.passed, report.findings

    desktop.get_by_test_id("return").click()
    desktop.wait_for_url(f"**/healthz?shop=silks&checkout_session={session['id']}")


def test_the_page_fits_a_phone_and_upi_pays_in_the_price_currency(
    live_server: LiveServer, phone: Page, shot: Shot
) -> None:
    shop = open_shop(live_server, "Kanchipuram Silks", "owner@silks.example")
    session = _session(live_server, shop)
    phone.goto(session["url"])
    expect(phone.get_by_label("Card number")).to_be_visible()
    expect(phone.get_by_label("UPI id")).to_be_hidden()
    _choose(phone, "USD")
    _no_horizontal_scroll(phone)
    shot(phone, "checkout")

    phone.get_by_label("Currency", exact=True).select_option("INR")
    phone.get_by_role("button", name="Show the price").click()
    expect(phone.get_by_test_id("pay")).to_have_text("Pay ₹2,499.00")
    phone.get_by_label("UPI", exact=True).check()
    phone.get_by_label("UPI id").fill("declined@okbank")
    phone.get_by_test_id("pay").click()
    error = phone.get_by_role("alert").filter(has_text="declined")
    expect(error).to_have_attribute("data-code", "source_declined")
    expect(phone.get_by_label("UPI id")).to_have_attribute("aria-invalid", "true")
    shot(phone, "checkout-declined")

    phone.get_by_label("UPI id").fill("asha@okbank")
    phone.get_by_test_id("pay").click()
    expect(phone.get_by_test_id("paid-amount")).to_have_text("₹2,499.00")
    expect(phone.get_by_test_id("receipt-source")).to_have_text("UPI asha@okbank")
    _no_horizontal_scroll(phone)
    shot(phone, "checkout-receipt")


def test_an_expired_quote_is_refused_and_visibly_requoted(
    live_server: LiveServer, desktop: Page, shot: Shot
) -> None:
    shop = open_shop(live_server, "Kanchipuram Silks", "owner@silks.example")
    session = _session(live_server, shop)
    desktop.goto(session["url"])
    first = _choose(desktop, "CNY")
    live_server.clock.advance(timedelta(minutes=15))  # the server's clock: the lock has ended

    desktop.get_by_label("Card number").fill(CARD)
    desktop.get_by_test_id("pay").click()  # the page still counts down; the server refuses
    expect(desktop.get_by_test_id("pay-error")).to_have_attribute("data-code", "quote_expired")
    expect(desktop.get_by_test_id("quote-expired")).to_be_visible()
    expect(desktop.get_by_test_id("pay")).to_be_disabled()
    desktop.goto(session["url"])  # rendered from the server's state, not the refusal
    expect(desktop.get_by_test_id("pay-error")).to_have_count(0)
    expect(desktop.get_by_test_id("quote-expired")).to_be_visible()
    expect(desktop.get_by_test_id("quote-timer")).to_be_hidden()
    shot(desktop, "checkout-quote-expired")

    desktop.get_by_role("button", name="Get a new rate").click()
    expect(desktop.get_by_test_id("flash")).to_contain_text("New rate locked: you pay CN¥")
    second = desktop.get_by_test_id("quote").get_attribute("data-quote")
    assert second is not None
    assert second != first
    expect(desktop.get_by_test_id("quote-timer")).to_be_visible()
    quote = _api_get(live_server, shop, f"/v1/fx_quotes/{second}")
    _pay_by_card(desktop)
    expect(desktop.get_by_test_id("paid-amount")).to_have_text(
        format_money_minor(quote["sell_amount_minor"], "CNY"))
    assert _api_get(live_server, shop, f"/v1/fx_quotes/{first}")["status"] == "expired"


def test_double_click_two_tabs_and_back_button_make_one_payment(
    live_server: LiveServer, desktop: Page
) -> None:
    shop = open_shop(live_server, "Kanchipuram Silks", "owner@silks.example")
    session = _session(live_server, shop)
    second_tab = desktop.context.new_page()
    for tab in (desktop, second_tab):
        tab.goto(session["url"])
        tab.get_by_label("Card number").fill(CARD)

    desktop.get_by_test_id("pay").dblclick()
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Payment received")
    expect(desktop.get_by_text("Payment received")).to_have_count(1)  # no flash saying it again
    second_tab.get_by_test_id("pay").click()
    expect(second_tab.get_by_test_id("flash")).to_have_text(
        "This checkout was already paid; here is its receipt.")
    expect(second_tab.get_by_test_id("receipt")).to_be_visible()
    desktop.go_back()
    expect(desktop.get_by_test_id("receipt")).to_be_visible()

    payments = _api_get(live_server, shop, "/v1/payments?limit=100")["data"]
    mine = [p for p in payments if p["metadata"].get("checkout_session") == session["id"]]
    assert len(mine) == 1
    assert _api_get(live_server, shop, f"/v1/checkout_sessions/{session['id']}")["payment"] == (
        mine[0]["id"])


def test_an_expired_session_says_so_and_charges_nothing(
    live_server: LiveServer, desktop: Page, shot: Shot
) -> None:
    shop = open_shop(live_server, "Kanchipuram Silks", "owner@silks.example")
    session = _session(live_server, shop)
    desktop.goto(session["url"])
    desktop.get_by_label("Card number").fill(CARD)
    live_server.clock.advance(timedelta(minutes=30))
    desktop.get_by_test_id("pay").click()
    expect(desktop.get_by_test_id("expired")).to_be_visible()
    expect(desktop.get_by_role("link", name="Return to Kanchipuram Silks")).to_have_attribute(
        "href", f"{live_server.url}/healthz?cancelled=1")
    shot(desktop, "checkout-expired")
    assert _api_get(live_server, shop, f"/v1/checkout_sessions/{session['id']}")["payment"] is None
