"""The wallet app in Chromium, as Meera (the demo customer) uses it, once in English on a
360 px phone and once in Hindi at 1280 px: sign in (a session cookie, or a bounded one when she
asks to stay signed in; it survives a reload), the home (balance, KYC tier, what waits for
her), a top-up with a refusal in words then one that goes through, the history filtered to
refunds and a receipt with its refund, the monthly statement as CSV (its rows) and PDF (its
text, read with pypdf), revoking the mandate, the language switch, signing out."""

from __future__ import annotations

import csv
from io import BytesIO, StringIO
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from paysetu.customers.api.deps import CUSTOMER_COOKIE
from tests.browser.conftest import LiveServer
from tests.browser.wallet_kit import NARROW, WIDE, fits_width, meera, sign_in, wallet_page, words

OTHER = {"en": "hi", "hi": "en"}


def _cookie(page: Page) -> dict[str, object]:
    return next(dict(c) for c in page.context.cookies() if c["name"] == CUSTOMER_COOKIE)


def _home(page: Page, language: str, remember: bool) -> None:
    t = words(language)
    expires = float(str(_cookie(page)["expires"]))
    assert (expires > 0) is remember  # -1: ends with the browser
    page.reload()
    expect(page).to_have_url(f"{page.url.split('/wallet')[0]}/wallet/home")
    expect(page.locator("html")).to_have_attribute("lang", f"{language}-IN")
    expect(page.get_by_test_id("home-approvals")).to_contain_text("₹180.00")
    expect(page.get_by_test_id("balance")).to_have_text("₹2,180.00")
    expect(page.get_by_test_id("kyc-tier")).to_have_text(t("Full KYC"))
    expect(page.get_by_test_id("movement")).to_have_count(5)
    assert fits_width(page)


def _top_up(page: Page, language: str) -> None:
    t = words(language)
    page.get_by_role("link", name=t("Add money")).click()
    page.get_by_label(t("Amount in rupees")).fill("2,00,000")
    page.get_by_label(t("UPI id")).fill("meera@okbank")
    page.get_by_role("button", name=t("Add money")).click()
    error = page.get_by_test_id("error")
    expect(error).to_have_attribute("data-code", "wallet_balance_limit_exceeded")
    expect(error).to_contain_text(t("Your wallet would hold more than your KYC tier allows."))
    page.get_by_label(t("Amount in rupees")).fill("300")
    page.get_by_role("button", name=t("Add money")).click()
    expect(page.get_by_test_id("flash")).to_have_text(t("Money added to your wallet."))
    expect(page.get_by_test_id("balance")).to_have_text("₹2,480.00")


def _history(page: Page, language: str) -> None:
    t = words(language)
    page.get_by_test_id("wallet-nav").get_by_role("link", name=t("History")).click()
    page.get_by_label(t("Kind")).select_option("refund")
    page.get_by_role("button", name=t("Show"), exact=True).click()
    expect(page.get_by_test_id("movement")).to_have_count(1)
    expect(page.get_by_test_id("movement-amount")).to_have_text("+₹60.00")
    page.get_by_test_id("movement").get_by_role("link").click()
    receipt = page.get_by_test_id("receipt")
    expect(receipt.get_by_role("heading", level=1)).to_contain_text("₹260.00")
    expect(page.get_by_test_id("refund")).to_contain_text("₹60.00")
    assert fits_width(page)
    page.go_back()


def _statements(page: Page, language: str, month: str) -> None:
    t = words(language)
    page.get_by_label(t("Month"), exact=True).fill(month)
    with page.expect_download() as got:
        page.get_by_role("button", name=t("Download CSV")).click()
    rows = list(csv.DictReader(StringIO(Path(got.value.path()).read_text("utf-8"))))
    assert [(r["kind"], r["amount_minor"]) for r in rows] == [
        ("top_up", "200000"), ("top_up", "50000"), ("payment", "-12000"),
        ("payment", "-26000"), ("refund", "6000"), ("top_up", "30000")]
    assert rows[-1]["balance_after_minor"] == "248000"
    with page.expect_download() as got:
        page.get_by_role("button", name=t("Download PDF")).click()
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(
        Path(got.value.path()).read_bytes())).pages)
    assert t("paysetu wallet statement") in text
    assert "Meera Iyer" in text
    assert t("Opening balance: %(amount)s") % {"amount": "₹0.00"} in text
    assert text.rstrip().endswith("₹2,480.00")  # the closing balance


def _revoke(page: Page, language: str) -> None:
    t = words(language)
    page.get_by_test_id("wallet-nav").get_by_role("link", name=t("Mandates")).click()
    mandate = page.get_by_test_id("mandate")
    expect(mandate.get_by_test_id("mandate-status")).to_have_attribute("data-status", "active")
    mandate.get_by_role("button", name=t("Revoke")).click()
    expect(page.get_by_test_id("flash")).to_have_text(
        t("Mandate revoked: no more debits under it."))
    expect(page.get_by_test_id("mandate-status")).to_have_attribute("data-status", "revoked")
    assert fits_width(page)


@pytest.mark.parametrize(("language", "viewport", "remember"),
                         [("en", NARROW, False), ("hi", WIDE, True)], ids=["en-360", "hi-1280"])
def test_meera_uses_her_wallet(
    browser: Browser, live_server: LiveServer, tmp_path: Path, language: str,
    viewport: dict[str, int], remember: bool,
) -> None:
    meera(live_server, tmp_path)
    with wallet_page(browser, live_server, language, viewport) as page:
        sign_in(page, live_server, language, remember=remember)
        _home(page, language, remember)
        _top_up(page, language)
        _history(page, language)
        _statements(page, language, f"{live_server.clock.now():%Y-%m}")
        _revoke(page, language)
        other = OTHER[language]
        page.get_by_test_id("language-switch").get_by_role("link").click()
        expect(page.locator("html")).to_have_attribute("lang", f"{other}-IN")
        expect(page.get_by_role("heading", level=1)).to_have_text(words(other)("Mandates"))
        page.get_by_test_id("sign-out").click()
        expect(page.get_by_role("button", name=words(other)("Send me a code"))).to_be_visible()
        page.goto("/wallet/home")
        expect(page).to_have_url(f"{live_server.url}/wallet")
