"""What the wallet app's browser tests share: Meera (the demo customer, with her history, a
live mandate and a payment waiting), a browser page in a language and width, and the sign-in
as a person does it (the code read from the SMS outbox, as from a phone)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from paysetu.customers.usecases.sms import recent_messages
from paysetu.demo.customers import PHONE, DemoCustomer, ensure_demo_customer
from paysetu.demo.shop import DemoShop
from paysetu.shell.pages.i18n import translations
from tests.browser.conftest import TIMEOUT_MS, LiveServer
from tests.browser.shop import open_shop

NARROW = {"width": 360, "height": 740}
WIDE = {"width": 1280, "height": 800}
ACCEPT = {"en": "en-IN,en;q=0.9", "hi": "hi-IN,hi;q=0.9,en;q=0.5"}


def meera(server: LiveServer, data_dir: Path) -> DemoCustomer:
    """The demo customer, paying the demo's "Chai Point" shop."""
    shop = open_shop(server, "Chai Point", "owner@chai.example")
    return ensure_demo_customer(server.context, data_dir,
                                DemoShop("cus_unused", shop.wallet_id, shop.merchant_id))


def words(language: str) -> Callable[[str], str]:
    """The page text of ``language`` for an English text (what a person reads on the page)."""
    return translations(language).gettext


@contextmanager
def wallet_page(browser: Browser, server: LiveServer, language: str,
                viewport: dict[str, int]) -> Iterator[Page]:
    """A fresh browser (no cookies) whose ``Accept-Language`` asks for ``language``."""
    context = browser.new_context(
        base_url=server.url, viewport=viewport,  # type: ignore[arg-type]
        locale="hi-IN" if language == "hi" else "en-IN", timezone_id="UTC",
        extra_http_headers={"Accept-Language": ACCEPT[language]}, accept_downloads=True)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()


def sign_in(page: Page, server: LiveServer, language: str, *, remember: bool = False,
            phone: str = PHONE) -> None:
    """Mobile number, the texted code, optionally "keep me signed in"; waits for the home."""
    t = words(language)
    page.goto("/wallet")
    page.get_by_label(t("Mobile number")).fill(phone)
    page.get_by_role("button", name=t("Send me a code")).click()
    expect(page.get_by_label(t("Code"), exact=True)).to_be_visible()
    code = next(m for m in recent_messages(server.context) if m.phone_e164 == phone).body[:6]
    page.get_by_label(t("Code"), exact=True).fill(code)
    if remember:
        page.get_by_label(t("Keep me signed in on this phone")).check()
    page.get_by_role("button", name=t("Sign in"), exact=True).click()
    page.wait_for_url("**/wallet/home")


def fits_width(page: Page) -> bool:
    """No horizontal scroll: the page is no wider than the window."""
    return bool(page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
