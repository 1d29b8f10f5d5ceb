"""A merchant applies for a loan on the dashboard and the lender approves it in the console."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from paysetu.access.rules.web_users import WebRole
from tests.browser.conftest import LiveServer, sign_in
from tests.browser.shop import ok, open_shop, pay

Shot = Callable[[Page, str], Path]


def _lender(server: LiveServer, email: str) -> str:
    with server.api() as api:
        lender = ok(api.post("/v1/lenders", headers=server.platform_key(),
                             json={"name": "Bharat Small Bank", "kind": "bank"}))["id"]
        ok(api.post(f"/v1/lenders/{lender}/funding", headers=server.platform_key(),
                    json={"amount_minor": 1_00_00_000_00, "currency": "INR"}))
    server.add_user(email, WebRole.LENDER, lender_id=lender)
    return str(lender)


def test_a_loan_applied_for_on_the_dashboard_is_approved_in_the_console(
    live_server: LiveServer, desktop: Page, phone: Page, shot: Shot
) -> None:
    shop = open_shop(live_server, "Chai Point", "owner@chai.example")
    pay(live_server, shop, 40_000_00, "Catering")
    _lender(live_server, "credit@bharat.example")

    sign_in(desktop, shop.email)
    desktop.get_by_role("link", name="Loans").click()
    expect(desktop.get_by_test_id("loan-offers")).to_contain_text("PMMY Shishu")
    shot(desktop, "dashboard-loans")
    desktop.get_by_role("link", name="Apply for PMMY Shishu").click()
    desktop.get_by_label("Amount").fill("50000.00")
    desktop.get_by_label("Tenure (number of installments)").fill("12")
    desktop.get_by_label("Purpose").fill("A second tea stall")
    desktop.get_by_role("button", name="Submit application").click()
    expect(desktop.get_by_test_id("flash")).to_contain_text("is submitted")
    expect(desktop.get_by_test_id("application-status")).to_have_text("submitted")
    expect(desktop.get_by_test_id("underwriting")).to_contain_text("decline")
    shot(desktop, "dashboard-loan-application")

    sign_in(phone, "credit@bharat.example")
    expect(phone.get_by_test_id("queue-table")).to_contain_text("₹50,000.00")
    shot(phone, "lender-queue")
    phone.get_by_test_id("queue-table").get_by_role("link").first.click()
    phone.get_by_label("Rate (% a year)").fill("30")
    phone.get_by_role("button", name="Approve").click()
    expect(phone.locator("#rate-error")).to_have_attribute("data-code", "rate_out_of_range")
    shot(phone, "lender-application")
    phone.get_by_label("Rate (% a year)").fill("14.50")
    phone.get_by_role("button", name="Approve").click()
    expect(phone.locator("#reason-error")).to_have_attribute("data-code", "reason_invalid")
    phone.get_by_label("Rate (% a year)").fill("14.50")
    phone.get_by_label(re.compile("^Reason \\(needed")).fill("Known to the branch")
    phone.get_by_role("button", name="Approve").click()
    expect(phone.get_by_test_id("flash")).to_contain_text("ready to disburse")
    phone.get_by_role("button", name="Disburse").click()
    expect(phone.get_by_test_id("flash")).to_contain_text("Disbursed")
    expect(phone.get_by_test_id("loan-outstanding")).to_have_text("₹50,000.00")
    phone.get_by_role("link", name="Portfolio", exact=True).click()
    expect(phone.get_by_test_id("portfolio-INR")).to_contain_text("₹50,000.00")
    expect(phone.get_by_test_id("portfolio-report")).to_contain_text("₹50,000.00")  # disbursed
    shot(phone, "lender-portfolio")

    desktop.goto("/dashboard/loans")
    desktop.get_by_test_id("loans-table").get_by_role("link").first.click()
    expect(desktop.get_by_test_id("schedule-table").locator("tbody tr")).to_have_count(12)
    expect(desktop.get_by_test_id("schedule-table").locator("tfoot")).to_contain_text(
        "₹50,000.00")
    shot(desktop, "dashboard-loan")
    desktop.get_by_label("Kind").select_option("prepayment")
    desktop.get_by_label("Amount (INR; not needed to close)").fill("5000")
    desktop.get_by_role("button", name="Repay").click()
    expect(desktop.get_by_test_id("flash")).to_contain_text("Repaid ₹5,000.00")
    expect(desktop.get_by_test_id("repayments-table")).to_contain_text("prepayment")

    # the merchant cannot reach the console, nor the lender the merchant's dashboard
    assert desktop.goto("/lender") is not None
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Not found")
    response = phone.goto("/dashboard")
    assert response is not None
    assert response.status == 404


def test_the_lender_declines_an_application_with_a_reason_the_merchant_sees(
    live_server: LiveServer, desktop: Page
) -> None:
    shop = open_shop(live_server, "Chai Point", "owner@chai.example")
    lender = _lender(live_server, "credit@bharat.example")
    with live_server.api() as api:
        application = ok(api.post("/v1/loan_applications", headers=shop.merchant_key, json={
            "lender": lender, "product": "lpr_pmmy_shishu", "amount_minor": 40_000_00,
            "tenure_periods": 12, "purpose": "Working capital for stock"}))
    sign_in(desktop, "credit@bharat.example")
    desktop.goto(f"/lender/applications/{application['id']}")
    desktop.get_by_role("button", name="Reject").click()
    reason = desktop.get_by_label("Reason given to the merchant")
    expect(reason).to_have_attribute("aria-invalid", "true")
    expect(desktop.locator("#reject_reason-error")).to_have_attribute(
        "data-code", "reason_invalid")
    reason.fill("Too little payment history yet")
    desktop.get_by_role("button", name="Reject").click()
    expect(desktop.get_by_test_id("flash")).to_have_text(f"Rejected {application['id']}.")
    desktop.goto(f"/lender/applications/{application['id']}")
    expect(desktop.get_by_test_id("application-status")).to_have_text("rejected")
    expect(desktop.get_by_text("Too little payment history yet")).to_be_visible()
    expect(desktop.get_by_role("button", name="Reject")).to_have_count(0)
