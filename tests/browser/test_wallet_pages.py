"""The customer's wallet pages in Chromium: sign in with the texted code, approve a merchant's
payment with the PIN (a wrong PIN first), pause a mandate (on the mandates page); a new
customer sets a PIN first, then lands on the home, or back on the pay page the sign-in
started from."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from paysetu.customers.usecases.sms import recent_messages
from paysetu.demo.customers import PHONE, PIN, ensure_demo_customer
from paysetu.demo.shop import DemoShop
from tests.browser.conftest import LiveServer
from tests.browser.shop import ok, open_shop


def _sign_in(page: Page, server: LiveServer, phone: str) -> None:
    page.goto(f"{server.url}/wallet")
    page.get_by_label("Mobile number").fill(phone)
    page.get_by_role("button", name="Send me a code").click()
    expect(page.get_by_text("We sent a 6-digit code")).to_be_visible()
    code = next(m for m in recent_messages(server.context) if m.phone_e164 == phone).body[:6]
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Sign in").click()


def test_a_customer_approves_a_payment_and_pauses_a_mandate(
    live_server: LiveServer, desktop: Page, tmp_path: Path
) -> None:
    shop = open_shop(live_server, "Chai Point", "owner@chai.example")
    ensure_demo_customer(live_server.context, tmp_path,
                         DemoShop("cus_unused", shop.wallet_id, shop.merchant_id))
    _sign_in(desktop, live_server, PHONE)
    expect(desktop).to_have_url(f"{live_server.url}/wallet/home")
    desktop.goto("/wallet/approvals")
    approval = desktop.get_by_test_id("approval")
    expect(approval.get_by_role("heading")).to_have_text("Chai P*** asks for ₹180.00")
    approval.get_by_label("Payment PIN").fill("0000")
    approval.get_by_role("button", name="Approve and pay").click()
    expect(desktop.get_by_test_id("error")).to_have_text("The PIN is wrong. (pin_incorrect)")
    desktop.get_by_test_id("approval").get_by_label("Payment PIN").fill(PIN)
    desktop.get_by_test_id("approval").get_by_role("button", name="Approve and pay").click()
    expect(desktop.get_by_test_id("flash")).to_have_text("Paid.")
    expect(desktop.get_by_test_id("nothing-pending")).to_be_visible()
    with live_server.api() as api:
        payments = ok(api.get("/v1/payments", headers=shop.merchant_key))["data"]
    assert [(p["status"], p["consent"]) for p in payments
            if p["amount_minor"] == 180_00] == [("succeeded", "customer")]
    desktop.goto("/wallet/mandates")
    mandate = desktop.get_by_test_id("mandate")
    expect(mandate.get_by_test_id("mandate-status")).to_have_text("active")
    mandate.get_by_role("button", name="Pause").click()
    expect(desktop.get_by_test_id("flash")).to_have_text("Mandate paused.")
    expect(desktop.get_by_test_id("mandate-status")).to_have_text("paused")


def test_a_new_customer_sets_a_pin_after_the_first_sign_in(
    live_server: LiveServer, desktop: Page
) -> None:
    phone = "+919876577701"
    with live_server.api() as api:
        ok(api.post("/v1/customers", headers=live_server.platform_key(),
                    json={"name": "Ravi", "phone": phone}))
    _sign_in(desktop, live_server, phone)
    expect(desktop).to_have_url(f"{live_server.url}/wallet/pin")
    desktop.get_by_label("PIN", exact=True).fill("135790")
    desktop.get_by_label("PIN again").fill("135790")
    desktop.get_by_role("button", name="Save PIN").click()
    expect(desktop.get_by_test_id("flash")).to_have_text("Your payment PIN is set.")
    expect(desktop).to_have_url(f"{live_server.url}/wallet/home")


def test_a_new_customer_signing_in_on_a_pay_page_sets_a_pin_and_comes_back_to_it(
    live_server: LiveServer, desktop: Page
) -> None:
    shop = open_shop(live_server, "Chai Point", "owner@chai.example")
    phone = "+919876577702"
    with live_server.api() as api:
        ok(api.post("/v1/customers", headers=live_server.platform_key(),
                    json={"name": "Asha", "phone": phone}))
    pay_page = f"{live_server.url}/wallet/pay/{shop.merchant_id}"
    desktop.goto(pay_page)
    desktop.get_by_label("Mobile number").fill(phone)
    desktop.get_by_role("button", name="Send me a code").click()
    expect(desktop.get_by_text("We sent a 6-digit code")).to_be_visible()
    code = next(m for m in recent_messages(live_server.context) if m.phone_e164 == phone).body[:6]
    desktop.get_by_label("Code").fill(code)
    desktop.get_by_role("button", name="Sign in").click()
    expect(desktop).to_have_url(
        f"{live_server.url}/wallet/pin?next=%2Fwallet%2Fpay%2F{shop.merchant_id}")
    desktop.get_by_label("PIN", exact=True).fill("135790")
    desktop.get_by_label("PIN again").fill("246801")
    desktop.get_by_role("button", name="Save PIN").click()
    expect(desktop.get_by_test_id("error")).to_have_text("The two PINs differ.")
    desktop.get_by_label("PIN", exact=True).fill("135790")
    desktop.get_by_label("PIN again").fill("135790")
    desktop.get_by_role("button", name="Save PIN").click()
    expect(desktop.get_by_test_id("flash")).to_have_text("Your payment PIN is set.")
    expect(desktop).to_have_url(pay_page)
    expect(desktop.get_by_test_id("payee")).to_have_text("Pay Chai P***")
