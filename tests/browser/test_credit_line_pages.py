"""A merchant draws on and repays its credit line on the dashboard; the lender sees it in the
console with its utilisation, drawing power and out-of-order days, and writes an NPA line off;
the line comes from the merchant's application, sanctioned by the lender against the advice."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from playwright.sync_api import Page, expect

from paysetu.access.rules.web_users import WebRole
from paysetu.lending.rules.classification import AssetClass
from tests.browser.conftest import LiveServer, sign_in
from tests.browser.shop import ok, open_shop, pay

Shot = Callable[[Page, str], Path]


def test_a_line_drawn_and_repaid_on_the_dashboard_shows_in_the_console(
    live_server: LiveServer, desktop: Page, phone: Page, shot: Shot
) -> None:
    shop = open_shop(live_server, "Chai Point", "owner@chai.example")
    pay(live_server, shop, 1_00_000_00, "Catering")  # 98,000.00 after the 2% fee
    platform = live_server.platform_key()
    with live_server.api() as api:
        lender = ok(api.post("/v1/lenders", headers=platform,
                             json={"name": "Bharat Small Bank", "kind": "bank"}))["id"]
        ok(api.post(f"/v1/lenders/{lender}/funding", headers=platform,
                    json={"amount_minor": 1_00_00_000_00, "currency": "INR"}))
        live_server.clock.advance(timedelta(days=1))
        ok(api.post("/v1/settlements", headers=platform, json={"date": "2026-04-02"}))
    live_server.add_user("credit@bharat.example", WebRole.LENDER, lender_id=lender)

    # the merchant applies; the lender reads the advice and sanctions against it, with a reason
    sign_in(desktop, shop.email)
    desktop.get_by_role("link", name="Loans").click()
    desktop.get_by_role("link", name="Apply for a credit line").click()
    desktop.get_by_label("Lender").select_option(label="Bharat Small Bank")
    desktop.get_by_label("PMMY category").select_option("shishu")
    desktop.get_by_label("Limit asked for").fill("50000.00")
    desktop.get_by_label("Purpose").fill("Milk and tea stock")
    desktop.get_by_role("button", name="Submit application").click()
    expect(desktop.get_by_test_id("flash")).to_contain_text("(advice: decline)")
    sign_in(phone, "credit@bharat.example")
    phone.get_by_test_id("line-queue-table").get_by_role("link").first.click()
    expect(phone.get_by_test_id("application-drawing-power")).to_contain_text("₹49,000.00")
    phone.get_by_label("Rate (% a year)").fill("16")
    phone.get_by_label("Review date (YYYY-MM-DD, within a year)").fill("2027-03-31")
    phone.get_by_role("button", name="Sanction").click()
    expect(phone.locator("#reason-error")).to_have_attribute("data-code", "reason_invalid")
    phone.get_by_label("Reason (needed when the limit changes, or the advice is to decline)"
                       ).fill("Regular customer of the branch")
    phone.get_by_role("button", name="Sanction").click()
    expect(phone.get_by_test_id("flash")).to_contain_text("Sanctioned")
    line = {"id": phone.url.rsplit("/", 1)[-1]}

    desktop.get_by_role("link", name="Loans").click()
    desktop.get_by_test_id("credit-lines-table").get_by_role("link").first.click()
    expect(desktop.get_by_test_id("credit-line-drawing-power")).to_have_text("₹49,000.00")
    desktop.get_by_label("Amount to draw").fill("49000.01")
    desktop.get_by_role("button", name="Draw").click()
    expect(desktop.locator("#amount-error")).to_have_attribute(
        "data-code", "draw_exceeds_drawing_power")
    desktop.get_by_label("Amount to draw").fill("20000.00")
    desktop.get_by_role("button", name="Draw").click()
    expect(desktop.get_by_test_id("flash")).to_contain_text("Drew ₹20,000.00")
    desktop.get_by_label("Amount to repay").fill("5000.00")
    desktop.get_by_role("button", name="Repay").click()
    expect(desktop.get_by_test_id("flash")).to_contain_text("Repaid ₹5,000.00")
    expect(desktop.get_by_test_id("credit-line-drawn")).to_contain_text("₹15,000.00")
    expect(desktop.get_by_test_id("credit-line-available")).to_have_text("₹34,000.00")
    expect(desktop.get_by_test_id("credit-line-statement")).to_contain_text("repayment")
    shot(desktop, "dashboard-credit-line")

    phone.get_by_role("link", name="Credit lines", exact=True).click()
    table = phone.get_by_test_id("lender-credit-lines")
    expect(table).to_contain_text("30.00%")  # 15,000 of 50,000
    expect(table).to_contain_text("₹49,000.00")
    shot(phone, "lender-credit-lines")
    table.get_by_role("link", name=line["id"]).click()
    expect(phone.get_by_test_id("credit-line-class")).to_contain_text("out of order 0 days")
    # the line turns NPA (classified directly: close of business's tests classify day by day);
    # the lender writes it off with its reason
    with live_server.context.uow_factory() as uow:
        current = uow.credit_lines.get(line["id"])
        assert current is not None
        uow.credit_lines.save(replace(current, asset_class=AssetClass.SUBSTANDARD,
                                      npa_since=live_server.clock.now().date()))
        uow.commit()
    phone.reload()
    phone.get_by_role("button", name="Write off").click()
    expect(phone.locator("#reason-error")).to_have_attribute("data-code", "reason_invalid")
    phone.get_by_label("Reason").fill("Shop shut, borrower untraceable")
    phone.get_by_role("button", name="Write off").click()
    expect(phone.get_by_test_id("flash")).to_contain_text(f"Wrote off {line['id']}")
    expect(phone.get_by_test_id("credit-line-class")).to_contain_text("loss")
    expect(phone.get_by_text("Written off: Shop shut, borrower untraceable")).to_be_visible()
