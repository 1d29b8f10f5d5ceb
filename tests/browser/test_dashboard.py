"""The merchant dashboard in a real browser: payments from the API, a partial refund, scoping."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from paysetu.kernel.pagination import PageRequest
from tests.browser.conftest import LiveServer, sign_in
from tests.browser.shop import merchant_balance, open_shop, pay

Shot = Callable[[Page, str], Path]


def test_a_payment_made_through_the_api_shows_on_the_dashboard(
    live_server: LiveServer, desktop: Page, shot: Shot
) -> None:
    shop = open_shop(live_server, "Chai Point", "owner@chai.example")
    payment = pay(live_server, shop, 1_25_000_00, "Wedding order")
    sign_in(desktop, shop.email)
    # 1,25,000.00 less the 2% fee (2,500.00) is available
    expect(desktop.get_by_test_id("available-INR")).to_have_text("₹1,22,500.00")
    expect(desktop.get_by_test_id("payments-table")).to_contain_text("₹1,25,000.00")
    expect(desktop.get_by_test_id("volume-INR")).to_contain_text("₹1,25,000.00 captured")
    shot(desktop, "dashboard-overview")

    desktop.get_by_role("link", name="Payments", exact=True).click()
    desktop.get_by_label("Search id or description").fill("wedding")
    desktop.get_by_label("Status").select_option("succeeded")
    desktop.get_by_role("button", name="Filter").click()
    row = desktop.get_by_test_id("payments-table").get_by_role("link", name=payment["id"])
    expect(row).to_be_visible()
    shot(desktop, "dashboard-payments")
    desktop.get_by_label("Search id or description").fill("no such order")
    desktop.get_by_role("button", name="Filter").click()
    expect(desktop.get_by_test_id("payments-table")).to_contain_text("No payments.")
    desktop.get_by_label("From (UTC day)").fill("2026-04-02")
    desktop.get_by_label("To (UTC day)").fill("2026-04-01")
    desktop.get_by_role("button", name="Filter").click()
    expect(desktop.locator("#to-error")).to_have_text("The first day comes before the last.")


def test_a_partial_refund_from_the_dashboard(
    live_server: LiveServer, desktop: Page, phone: Page, shot: Shot
) -> None:
    shop = open_shop(live_server, "Chai Point", "owner@chai.example")
    payment = pay(live_server, shop, 10_000_00, "Tea for the office")
    before = merchant_balance(live_server, shop)
    sign_in(desktop, shop.email)
    desktop.goto(f"/dashboard/payments/{payment['id']}")
    expect(desktop.get_by_test_id("payment-amount")).to_have_text("₹10,000.00")
    amount = desktop.get_by_label("Amount (INR)")
    expect(amount).to_have_value("")  # never pre-filled with the full amount

    amount.fill("10000.005")  # more decimals than INR has: refused next to the field
    desktop.get_by_role("button", name="Review the refund").click()
    expect(desktop.locator("#amount-error")).to_contain_text("INR allows 2")
    expect(amount).to_have_attribute("aria-invalid", "true")
    amount.fill("20000")  # more than was captured: the service's refusal, next to the field
    desktop.get_by_role("button", name="Review the refund").click()
    expect(desktop.locator("#amount-error")).to_have_attribute(
        "data-code", "refund_exceeds_captured")
    shot(desktop, "dashboard-refund-error")

    amount.fill("2500.50")
    desktop.get_by_label("Reason (optional)").fill("Two cups spilt")
    desktop.get_by_role("button", name="Review the refund").click()
    # the confirmation step: the amount in money format and the payment; nothing refunded yet
    expect(desktop.get_by_test_id("confirm-amount")).to_have_text("₹2,500.50")
    expect(desktop.get_by_test_id("confirm-payment")).to_have_text(payment["id"])
    expect(desktop.get_by_role("button", name="Confirm refund of ₹2,500.50")).to_be_visible()
    assert merchant_balance(live_server, shop) == before
    shot(desktop, "dashboard-refund-confirm")
    with desktop.expect_navigation():  # submitted twice (a double click): posted once
        dropped = desktop.locator("form[action$='/refunds']").evaluate(
            "form => { const seen = [];"
            " document.addEventListener('submit', e => seen.push(e.defaultPrevented));"
            " form.requestSubmit(); form.requestSubmit(); return seen; }")
    assert dropped == [False, True]
    expect(desktop.get_by_test_id("flash")).to_contain_text("Refunded ₹2,500.50")
    expect(desktop.get_by_test_id("payment-refunded")).to_have_text("₹2,500.50")
    expect(desktop.get_by_test_id("refunds-table")).to_contain_text("Two cups spilt")
    expect(desktop.get_by_label("Amount (INR)")).to_have_value("")
    expect(desktop.get_by_text("Up to ₹7,499.50 can still be refunded.")).to_be_visible()
    shot(desktop, "dashboard-payment")

    after = merchant_balance(live_server, shop)
    assert after["available_minor"] == before["available_minor"] - 2_500_50
    with live_server.context.uow_factory() as uow:
        (made,), _ = uow.refunds.list_page(shop.merchant_id, payment["id"], PageRequest(10))
        # exactly one refund: the double submit posted once
        entry = uow.ledger.get_entry(str(made.entry_id))
    assert made.amount_minor == 2_500_50
    assert made.reason == "Two cups spilt"
    assert sum(p.amount_minor for p in entry.postings if p.direction.value == "debit") \
        == 2_500_50

    sign_in(phone, shop.email)
    phone.goto(f"/dashboard/payments/{payment['id']}")
    expect(phone.get_by_test_id("payment-refunded")).to_have_text("₹2,500.50")
    shot(phone, "dashboard-payment")


def test_another_merchants_payment_is_not_found(
    live_server: LiveServer, desktop: Page, shot: Shot
) -> None:
    first = open_shop(live_server, "Chai Point", "owner@chai.example")
    second = open_shop(live_server, "Dosa Corner", "owner@dosa.example")
    payment = pay(live_server, first, 500_00, "Masala chai")
    sign_in(desktop, second.email)
    response = desktop.goto(f"/dashboard/payments/{payment['id']}")
    assert response is not None
    assert response.status == 404
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Not found")
    shot(desktop, "not-found")
    response = desktop.goto(f"/dashboard/payments/{payment['id']}/refunds")
    assert response is not None
    assert response.status in (404, 405)
    missing = desktop.request.post(f"/dashboard/payments/{payment['id']}/refunds",
                                   form={"amount": "1.00", "csrf_token": "x"})
    assert missing.status == 403  # a forged post is refused before anything is looked up
    desktop.goto("/dashboard/payments")
    expect(desktop.get_by_test_id("payments-table")).to_contain_text("No payments.")
    assert merchant_balance(live_server, first)["available_minor"] == 490_00
