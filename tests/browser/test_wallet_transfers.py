"""Send and request money in Chromium, at 360 px, in Hindi: Meera asks Ravi for money and Ravi
pays it with his PIN; then Ravi sends Meera money after seeing her masked name."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import Browser, Page, expect

from paysetu.customers.usecases import pins
from paysetu.customers.usecases.sms import recent_messages
from paysetu.shell.pages.i18n import translations
from tests.browser.conftest import FAST_PASSWORDS, TIMEOUT_MS, LiveServer
from tests.browser.shop import ok

MEERA, RAVI = "+919000000001", "+919000000002"
PIN = "2580"
_ = translations("hi").gettext


def _customer(server: LiveServer, name: str, phone: str, funds_minor: int) -> str:
    """A full-KYC customer with an INR wallet and a PIN: the wallet's id."""
    with server.api() as api:
        customer = ok(api.post("/v1/customers", headers=server.platform_key(), json={
            "name": name, "kyc_tier": "full", "phone": phone}))
        wallet = ok(api.post("/v1/wallets", headers=server.platform_key(),
                             json={"customer": customer["id"], "currency": "INR"}))
        if funds_minor:
            ok(api.post(f"/v1/wallets/{wallet['id']}/top_ups", headers=server.platform_key(),
                        json={"amount_minor": funds_minor, "currency": "INR"}))
    pins.set_pin(server.context, FAST_PASSWORDS, customer["id"], PIN, None)
    return str(wallet["id"])


@contextmanager
def _hindi_phone(browser: Browser, server: LiveServer) -> Iterator[Page]:
    context = browser.new_context(base_url=server.url, viewport={"width": 360, "height": 740},
                                  locale="hi-IN", timezone_id="UTC")
    context.set_default_timeout(TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()


def _sign_in(page: Page, server: LiveServer, phone: str) -> None:
    page.goto("/wallet")
    page.get_by_label(_("Mobile number")).fill(phone)
    page.get_by_role("button", name=_("Send me a code")).click()
    page.get_by_label(_("Code")).wait_for()
    code = next(m for m in recent_messages(server.context) if m.phone_e164 == phone).body[:6]
    page.get_by_label(_("Code")).fill(code)
    page.get_by_role("button", name=_("Sign in")).click()
    page.wait_for_url("**/wallet/home")


def _fits(page: Page) -> None:
    """No horizontal scroll at 360 px; every button and field is at least 44 px tall."""
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    heights = page.evaluate("[...document.querySelectorAll('.p2p button, .p2p input:not("
                            "[type=hidden])')].map(e => e.getBoundingClientRect().height)")
    assert heights
    assert min(heights) >= 44


def test_request_pay_and_send_in_hindi_on_a_phone(
    browser: Browser, live_server: LiveServer
) -> None:
    meera_wallet = _customer(live_server, "Meera Sharma", MEERA, 0)
    ravi_wallet = _customer(live_server, "Ravi Kumar", RAVI, 1_000_00)
    with _hindi_phone(browser, live_server) as meera, _hindi_phone(browser, live_server) as ravi:
        _journey(live_server, meera, ravi)
    with live_server.api() as api:
        balances = [ok(api.get(f"/v1/wallets/{w}", headers=live_server.platform_key()))
                    ["balance_minor"] for w in (meera_wallet, ravi_wallet)]
    assert balances == [170_00, 830_00]


def _journey(live_server: LiveServer, meera: Page, ravi: Page) -> None:
    _sign_in(meera, live_server, MEERA)
    _sign_in(ravi, live_server, RAVI)

    meera.goto("/wallet/requests")
    meera.get_by_label(_("Mobile number of the person")).fill("90000 00002")
    meera.get_by_label(_("Amount in rupees")).fill("120")
    meera.get_by_label(_("Note (optional)")).fill("Dinner")
    meera.get_by_role("button", name=_("Send the request")).click()
    expect(meera.get_by_test_id("done")).to_have_text(_("Request sent."))
    _fits(meera)

    ravi.goto("/wallet/requests")
    asked = ravi.get_by_test_id("incoming-request")
    expect(asked.get_by_role("heading")).to_have_text(
        _("%(requester)s asks you for %(amount)s") % {"requester": "Meera S***",
                                                       "amount": "₹120.00"})
    asked.get_by_label(_("Payment PIN")).fill(PIN)
    asked.get_by_role("button", name=_("Pay"), exact=True).click()
    expect(ravi.get_by_test_id("done")).to_have_text(_("Paid."))
    _fits(ravi)

    ravi.goto("/wallet/send")
    ravi.get_by_label(_("Mobile number of the person")).fill("9000000002")  # his own
    ravi.get_by_label(_("Amount in rupees")).fill("50")
    ravi.get_by_role("button", name=_("Continue")).click()
    expect(ravi.get_by_test_id("error")).to_have_text(
        _("This is your own number: send to someone else.") + " (payee_is_self)")
    ravi.get_by_label(_("Mobile number of the person")).fill("9000000001")
    ravi.get_by_label(_("Amount in rupees")).fill("50")
    ravi.get_by_role("button", name=_("Continue")).click()
    expect(ravi.get_by_test_id("payee-name")).to_have_text("Meera S***")
    ravi.get_by_label(_("Payment PIN")).fill(PIN)
    ravi.get_by_role("button", name=_("Pay"), exact=True).click()
    expect(ravi.get_by_test_id("sent")).to_have_text(
        _("You sent %(amount)s to %(payee)s.") % {"amount": "₹50.00", "payee": "Meera S***"})
    _fits(ravi)

    meera.goto("/wallet/notifications")
    told = meera.get_by_test_id("notification")
    expect(told).to_have_count(2)  # Ravi's two sends (his payment of her request, then his own)
    expect(told.first).to_have_attribute("data-kind", "money_received")
    expect(told.first).to_contain_text(
        _("%(payee)s sent you %(amount)s") % {"payee": "Ravi K***", "amount": "₹50.00"})
    expect(meera.get_by_test_id("unread-count")).to_have_attribute("data-unread", "2")
    meera.get_by_role("button", name=_("Mark all as seen")).click()
    expect(meera.get_by_test_id("unread-count")).to_have_attribute("data-unread", "0")
    assert meera.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
