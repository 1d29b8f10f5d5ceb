"""Scan to pay in Chromium, as a phone would: the merchant's QR code is read from a screenshot
with a real decoder (zxing-cpp), the phone (360 px wide) opens the decoded URL, signs in with
the texted code, types the amount (or sees it fixed) and approves with the PIN; the checkout's
"Pay with paysetu wallet" option from the desktop."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Browser, Page, expect

from paysetu.customers.usecases.sms import recent_messages
from paysetu.demo.customers import PHONE, PIN, DemoCustomer, ensure_demo_customer
from paysetu.demo.shop import DemoShop
from tests.browser.conftest import TIMEOUT_MS, LiveServer, sign_in
from tests.browser.shop import Shop, ok, open_shop

NARROW = {"width": 360, "height": 740}


@pytest.fixture
def handset(browser: Browser, live_server: LiveServer) -> Iterator[Page]:
    """A 360 px wide phone with its own cookies (the customer's, not the merchant's)."""
    context = browser.new_context(viewport=NARROW, locale="en-IN",  # type: ignore[arg-type]
                                  timezone_id="UTC", is_mobile=True, has_touch=True)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()


def _shop_with_customer(server: LiveServer, tmp_path: Path) -> Shop:
    shop, _meera = _shop_and_meera(server, tmp_path)
    return shop


def _shop_and_meera(server: LiveServer, tmp_path: Path) -> tuple[Shop, DemoCustomer]:
    shop = open_shop(server, "Chai Point", "owner@chai.example")
    meera = ensure_demo_customer(server.context, tmp_path,
                                 DemoShop("cus_unused", shop.wallet_id, shop.merchant_id))
    return shop, meera


def _balance(server: LiveServer, wallet_id: str) -> int:
    with server.api() as api:
        wallet = ok(api.get(f"/v1/wallets/{wallet_id}", headers=server.platform_key()))
    return int(wallet["balance_minor"])


def _decoded(page: Page) -> str:
    """The text of the QR code on the page, read from a PNG screenshot like a camera would."""
    png = page.get_by_test_id("qr-code").screenshot()
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)).convert("L"))
    assert [r.format for r in found] == [zxingcpp.BarcodeFormat.QRCode]
    return str(found[0].text)


def _sign_in_on_the_pay_page(page: Page, server: LiveServer) -> None:
    page.get_by_label("Mobile number").fill(PHONE)
    page.get_by_role("button", name="Send me a code").click()
    expect(page.get_by_text("We sent a 6-digit code")).to_be_visible()
    code = next(m for m in recent_messages(server.context) if m.phone_e164 == PHONE).body[:6]
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Sign in").click()


def _fits_the_screen(page: Page) -> None:
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= NARROW["width"], f"scrolls sideways: {width} px"


def _payments(server: LiveServer, shop: Shop) -> list[dict[str, Any]]:
    with server.api() as api:
        return list(ok(api.get("/v1/payments", headers=shop.merchant_key))["data"])


def test_the_phone_scans_the_counter_qr_types_the_amount_and_pays(
    live_server: LiveServer, desktop: Page, handset: Page, tmp_path: Path
) -> None:
    shop, meera = _shop_and_meera(live_server, tmp_path)
    earlier = {p["id"] for p in _payments(live_server, shop)}  # the demo's own history
    balance_before = _balance(live_server, meera.wallet_id)
    sign_in(desktop, shop.email)
    desktop.goto("/dashboard/qr")
    url = _decoded(desktop)
    assert url == f"{live_server.url}/wallet/pay/{shop.merchant_id}"
    expect(desktop.get_by_test_id("qr-deep-link")).to_have_text(
        f"paysetu://pay?merchant={shop.merchant_id}")
    handset.goto(url)
    expect(handset.get_by_test_id("payee")).to_have_text("Pay Chai P***")
    _sign_in_on_the_pay_page(handset, live_server)
    expect(handset).to_have_url(url)
    _fits_the_screen(handset)
    handset.get_by_label("Amount (INR)").fill("45.50")
    handset.get_by_label("Payment PIN").fill("0000")
    handset.get_by_role("button", name="Pay now").click()
    expect(handset.get_by_test_id("error")).to_have_text("The PIN is wrong. (pin_incorrect)")
    handset.get_by_label("Amount (INR)").fill("45.50")
    handset.get_by_label("Payment PIN").fill(PIN)
    handset.get_by_role("button", name="Pay now").click()
    expect(handset.get_by_test_id("receipt-heading")).to_have_text("Paid")
    expect(handset.get_by_test_id("receipt-amount")).to_have_text("₹45.50")
    expect(handset.get_by_test_id("receipt-payee")).to_have_text("Chai P***")
    _fits_the_screen(handset)
    paid = [p for p in _payments(live_server, shop)
            if p["status"] == "succeeded" and p["id"] not in earlier]
    assert [(p["amount_minor"], p["consent"]) for p in paid] == [(45_50, "customer")]
    with live_server.api() as api:
        customer = ok(api.get(f"/v1/payments/{paid[0]['id']}",
                              headers=live_server.platform_key()))["customer"]
    assert customer == meera.customer_id
    assert _balance(live_server, meera.wallet_id) == balance_before - 45_50


def test_the_checkout_qr_opens_the_wallet_with_the_amount_fixed(
    live_server: LiveServer, desktop: Page, handset: Page, tmp_path: Path
) -> None:
    shop = _shop_with_customer(live_server, tmp_path)
    with live_server.api() as api:
        session = ok(api.post("/v1/checkout_sessions", headers=shop.merchant_key, json={
            "amount_minor": 349_00, "currency": "INR", "description": "Masala chai, 1 kg",
            "return_url": f"{live_server.url}/healthz?shop=chai"}))
    desktop.goto(f"/checkout/{session['id']}")
    url = _decoded(desktop)
    assert url == f"{live_server.url}/wallet/pay/checkout/{session['id']}"
    handset.goto(url)
    expect(handset.get_by_test_id("pay-amount")).to_have_text("₹349.00")
    _sign_in_on_the_pay_page(handset, live_server)
    expect(handset).to_have_url(url)
    expect(handset.get_by_label("Amount (INR)")).to_have_count(0)  # fixed: nothing to type
    _fits_the_screen(handset)
    handset.get_by_label("Payment PIN").fill(PIN)
    handset.get_by_role("button", name="Pay now").click()
    expect(handset).to_have_url(f"{live_server.url}/checkout/{session['id']}")
    expect(handset.get_by_test_id("receipt-source")).to_have_text("paysetu wallet +91********01")
    desktop.reload()  # the shop's screen shows the receipt too
    expect(desktop.get_by_test_id("receipt-source")).to_contain_text("paysetu wallet")
    with live_server.api() as api:
        done = ok(api.get(f"/v1/checkout_sessions/{session['id']}", headers=shop.merchant_key))
    assert done["status"] == "complete"
    (paid,) = [p for p in _payments(live_server, shop) if p["id"] == done["payment"]]
    assert (paid["status"], paid["consent"], paid["amount_minor"]) == (
        "succeeded", "customer", 349_00)


def test_the_checkout_page_offers_the_wallet_next_to_card_and_upi(
    live_server: LiveServer, desktop: Page, tmp_path: Path
) -> None:
    shop = _shop_with_customer(live_server, tmp_path)
    with live_server.api() as api:
        session = ok(api.post("/v1/checkout_sessions", headers=shop.merchant_key, json={
            "amount_minor": 99_00, "currency": "INR",
            "return_url": f"{live_server.url}/healthz?shop=chai"}))
    desktop.goto(f"/checkout/{session['id']}")
    expect(desktop.get_by_label("Card number")).to_be_visible()  # the simulated sources stay
    desktop.get_by_test_id("wallet-pay-link").click()
    _sign_in_on_the_pay_page(desktop, live_server)
    expect(desktop.get_by_test_id("pay-amount")).to_have_text("₹99.00")
    desktop.get_by_label("Payment PIN").fill(PIN)
    desktop.get_by_role("button", name="Pay now").click()
    expect(desktop.get_by_role("heading", name="Payment received")).to_be_visible()
    expect(desktop.get_by_test_id("receipt-source")).to_contain_text("paysetu wallet")
