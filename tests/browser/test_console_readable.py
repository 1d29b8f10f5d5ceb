"""The rough edges a new user hit on the lender console and the merchant dashboard (issue 14),
on the demo's lending story: names instead of ids, a Loans table that fits 1280 px, reasons in
money format, charts with a y-axis, a queue with an application to decide, and the demo's
approval against a "decline" advice explained."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from paysetu.access.rules.web_users import WebRole
from paysetu.demo.lending import OVERRIDE_REASON, ensure_demo_lending
from tests.browser.conftest import LiveServer, sign_in
from tests.browser.shop import open_shop, pay

Shot = Callable[[Page, str], Path]
PLAIN_AMOUNT = re.compile(r"\d+\.\d\d [A-Z]{3}")
"""An amount as a program writes it (``100000.00 INR``), not as people read it."""


def _fits(page: Page, locator: Locator) -> None:
    """``locator`` (a table's scrolling wrapper) shows everything without scrolling sideways."""
    overflow = locator.evaluate("el => el.scrollWidth - el.clientWidth")
    assert overflow <= 0, f"{overflow}px hidden to the right"


def _y_axis(axis: Locator, top: re.Pattern[str], bottom: str) -> None:
    labels = axis.locator("span")
    expect(labels).to_have_count(5)
    expect(labels.first).to_have_text(top)
    expect(labels.last).to_have_text(bottom)


def test_the_lender_console_reads_as_a_lender_expects(
    live_server: LiveServer, desktop: Page, phone: Page, shot: Shot, tmp_path: Path
) -> None:
    borrowers = [open_shop(live_server, name, email).merchant_id for name, email in (
        ("Jaipur Block Prints", "owner@jaipur.example"),
        ("Kerala Spice Co.", "owner@kerala.example"))]
    story = ensure_demo_lending(live_server.context, tmp_path, borrowers)
    assert story is not None
    live_server.add_user("credit@bharat.example", WebRole.LENDER, lender_id=story.lender_id)
    sign_in(desktop, "credit@bharat.example")

    desktop.goto("/lender/portfolio")
    loans = desktop.get_by_test_id("lender-loans-table")
    for name in ("Jaipur Block Prints", "Kerala Spice Co.", "Lucknow Chikan Works"):
        expect(loans).to_contain_text(name)
    expect(loans).not_to_contain_text("mer_")
    _fits(desktop, loans.locator(".."))
    _y_axis(desktop.get_by_test_id("history-ratios-y-axis-INR"), re.compile(r"^\d+\.00%$"),
            "0.00%")
    _y_axis(desktop.get_by_test_id("history-outstanding-y-axis-INR"),
            re.compile(r"^₹\d{1,2}(,\d\d)*,\d{3}\.\d\d$"), "₹0.00")
    shot(desktop, "lender-portfolio-demo")

    desktop.goto("/lender")  # the demo leaves one application to decide
    queue = desktop.get_by_test_id("queue-table")
    expect(queue.locator("tbody tr")).to_have_count(1)
    expect(queue).to_contain_text("Jaipur Block Prints")
    expect(queue).to_contain_text("₹45,000.00")
    assert not PLAIN_AMOUNT.search(queue.inner_text())
    shot(desktop, "lender-queue-demo")
    queue.get_by_role("link", name=str(story.pending_application_id)).click()
    advice = desktop.get_by_test_id("underwriting")
    expect(advice).to_contain_text("₹45,000.00")  # "The amount asked, ₹45,000.00, is above ..."
    text = advice.inner_text()
    assert not PLAIN_AMOUNT.search(text), text
    assert "(too_few_months)" not in text, text
    assert "month(s)" not in text, text
    expect(desktop.get_by_test_id("application-merchant")).to_contain_text("Jaipur Block Prints")
    shot(desktop, "lender-application-demo")
    desktop.get_by_label("Reason given to the merchant").fill("Let the first loan run a year")
    desktop.get_by_role("button", name="Reject").click()
    expect(desktop.get_by_test_id("flash")).to_contain_text("Rejected")

    # the demo's approval against a "decline" advice says why, where the lender looks
    decided = desktop.get_by_test_id("decided-table")
    expect(decided.locator("tbody tr")).to_have_count(4)
    lucknow = decided.locator("tr", has_text="Lucknow Chikan Works")
    expect(lucknow).to_contain_text("decline")
    expect(lucknow).to_contain_text(OVERRIDE_REASON)

    sign_in(phone, "credit@bharat.example")
    phone.goto("/lender/portfolio")
    expect(phone.get_by_test_id("lender-loans-table")).to_contain_text("Lucknow Chikan Works")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    shot(phone, "lender-portfolio-demo")


def test_dashboard_charts_have_a_y_axis_and_loan_offers_keep_their_numbers_whole(
    live_server: LiveServer, desktop: Page, shot: Shot
) -> None:
    shop = open_shop(live_server, "Chai Point", "owner@chai.example")
    pay(live_server, shop, 1_25_000_00, "Wedding order")
    sign_in(desktop, shop.email)
    _y_axis(desktop.get_by_test_id("volume-y-axis-INR"), re.compile("^₹1,25,000.00$"), "₹0.00")
    expect(desktop.get_by_test_id("volume-y-axis-INR").locator("span").nth(2)).to_have_text(
        "₹62,500.00")
    shot(desktop, "dashboard-overview-axis")

    desktop.goto("/dashboard/loans")
    amounts = desktop.get_by_test_id("loan-offers").locator(".amount")
    expect(amounts).to_have_count(8)  # from and to, of four products
    lines = amounts.evaluate_all("els => els.map(el => el.getClientRects().length)")
    assert lines == [1] * 8, lines  # no amount broken across two lines
    shot(desktop, "dashboard-loan-offers")
