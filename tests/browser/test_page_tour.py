"""Every main page, at desktop and phone width: settlements with their files, webhooks, API
keys, and the admin pages. Screenshots go to ``test-artifacts/screenshots/``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from playwright.sync_api import Page, expect

from paysetu.access.rules.web_users import WebRole
from tests.browser.conftest import LiveServer, sign_in
from tests.browser.shop import Shop, ok, open_shop, pay

Shot = Callable[[Page, str], Path]
PAYOUT_ACCOUNT = {"currency": "INR", "holder_name": "Chai Point", "country": "IN",
                  "account_number": "001234567890", "bank_code": "HDFC0000123"}


def _settled(server: LiveServer, shop: Shop) -> str:
    """Pay the shop, register its bank account, settle the next day: the batch id."""
    pay(server, shop, 12_345_67, "Festival order")
    with server.api() as api:
        ok(api.post(f"/v1/merchants/{shop.merchant_id}/payout_accounts",
                    headers=server.platform_key(), json=PAYOUT_ACCOUNT))
        server.clock.advance(timedelta(days=1))
        run = ok(api.post("/v1/settlements", headers=server.platform_key(),
                          json={"date": "2026-04-02"}))
    (batch,) = [r["settlement"] for r in run["results"] if r["merchant"] == shop.merchant_id]
    return str(batch)


def test_settlements_webhooks_and_keys_pages(
    live_server: LiveServer, desktop: Page, phone: Page, shot: Shot
) -> None:
    shop = open_shop(live_server, "Chai Point", "owner@chai.example")
    batch = _settled(live_server, shop)
    sign_in(desktop, shop.email)
    sign_in(phone, shop.email)
    for page in (desktop, phone):
        page.goto("/dashboard/settlements")
        expect(page.get_by_test_id("settlements-table")).to_contain_text(batch)
        shot(page, "dashboard-settlements")
        page.get_by_role("link", name=batch).click()
        expect(page.get_by_test_id("settlement-files").get_by_role("link")).to_have_count(3)
        shot(page, "dashboard-settlement")
    with desktop.expect_download() as download:
        desktop.get_by_role("link", name="Payout instruction (CSV)").click()
    assert download.value.suggested_filename == f"{batch}-payout.csv"
    assert "Chai Point" in Path(download.value.path()).read_text()

    desktop.goto("/dashboard/webhooks")
    desktop.get_by_label("URL").fill("not a url")
    desktop.get_by_role("button", name="Add endpoint").click()
    expect(desktop.locator("#url-error")).to_have_attribute("data-code", "webhook_url_invalid")
    desktop.get_by_label("URL").fill("https://chai.example/hooks")
    desktop.get_by_label("Events (none chosen: all)").select_option("payment.succeeded")
    desktop.get_by_role("button", name="Add endpoint").click()
    expect(desktop.get_by_test_id("endpoint-secret")).to_contain_text("whsec_")
    shot(desktop, "dashboard-webhooks")
    desktop.get_by_test_id("endpoints-table").get_by_role("link").first.click()
    expect(desktop.get_by_test_id("deliveries-table")).to_be_visible()
    shot(desktop, "dashboard-webhook")
    phone.goto("/dashboard/webhooks")
    shot(phone, "dashboard-webhooks")

    desktop.goto("/dashboard/api-keys")
    desktop.get_by_role("button", name="Create a test-mode secret key").click()
    secret = desktop.get_by_test_id("key-secret").inner_text()
    assert secret.startswith("sk_test_")
    with live_server.api() as api:
        assert api.get("/v1/payments", headers={"Authorization": f"Bearer {secret}"}
                       ).status_code == 200
        key_id = secret.split("_")[2] + "_" + secret.split("_")[3]
        desktop.get_by_role("button", name=f"Revoke key {key_id}").click()
        expect(desktop.get_by_test_id("flash")).to_have_text(f"Key {key_id} is revoked.")
        assert api.get("/v1/payments", headers={"Authorization": f"Bearer {secret}"}
                       ).status_code == 401
    shot(desktop, "dashboard-api-keys")
    phone.goto("/dashboard/api-keys")
    shot(phone, "dashboard-api-keys")


def test_admin_pages(live_server: LiveServer, desktop: Page, phone: Page, shot: Shot) -> None:
    shop = open_shop(live_server, "Chai Point", "owner@chai.example")
    pay(live_server, shop, 2_500_00, "Snacks")
    live_server.add_user("ops@paysetu.example", WebRole.ADMIN)
    sign_in(desktop, "ops@paysetu.example")
    sign_in(phone, "ops@paysetu.example")
    for page in (desktop, phone):
        page.goto("/admin")
        expect(page.get_by_test_id("merchants-table")).to_contain_text("₹2,450.00")
        shot(page, "admin-merchants")
        page.get_by_role("link", name="Rates").click()
        expect(page.get_by_test_id("rates-table")).to_contain_text("CNY/INR")
        shot(page, "admin-rates")
        page.get_by_role("link", name="Reconciliation").click()
        expect(page.get_by_test_id("reconciliations-table")).to_be_visible()
        shot(page, "admin-reconciliations")
    assert desktop.goto(f"/dashboard/payments?q={shop.merchant_id}") is not None
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Not found")


def _loan_for(server: LiveServer, shop: Shop) -> tuple[str, str]:
    """A lender with a web user, and an approved, disbursed loan to the shop: (app, loan)."""
    platform = server.platform_key()
    with server.api() as api:
        lender = ok(api.post("/v1/lenders", headers=platform,
                             json={"name": "Bharat Small Bank", "kind": "bank"}))["id"]
        ok(api.post(f"/v1/lenders/{lender}/funding", headers=platform,
                    json={"amount_minor": 1_00_00_000_00, "currency": "INR"}))
        application = ok(api.post("/v1/loan_applications", headers=shop.merchant_key, json={
            "lender": lender, "product": "lpr_pmmy_shishu", "amount_minor": 30_000_00,
            "tenure_periods": 6, "purpose": "A new tawa"}))["id"]
        loan = ok(api.post(f"/v1/loan_applications/{application}/approve", headers=platform,
                           json={"rate_bps": 1400, "reason": "Known to the branch"}))["loan"]
        ok(api.post(f"/v1/loans/{loan}/disburse", headers=platform))
    server.add_user("credit@bharat.example", WebRole.LENDER, lender_id=lender)
    return str(application), str(loan)


def test_every_dashboard_and_console_page_at_both_widths(
    live_server: LiveServer, desktop: Page, phone: Page, shot: Shot
) -> None:
    shop = open_shop(live_server, "Chai Point", "owner@chai.example")
    for n, amount in enumerate((1_250_00, 2_75_000, 48_500_00)):
        pay(live_server, shop, amount, f"Order {n + 1}")
    payment = pay(live_server, shop, 9_999_99, "Wedding chai")
    application, loan = _loan_for(live_server, shop)
    pages = {
        "dashboard-overview": "/dashboard?days=90",
        "dashboard-payments": "/dashboard/payments",
        "dashboard-payment": f"/dashboard/payments/{payment['id']}",
        "dashboard-loans": "/dashboard/loans",
        "dashboard-loan-apply": "/dashboard/loans/apply?product=lpr_pmmy_kishore",
        "dashboard-loan-application": f"/dashboard/loans/applications/{application}",
        "dashboard-loan": f"/dashboard/loans/{loan}",
    }
    for page in (desktop, phone):
        page.goto("/login")
        shot(page, "login")
        sign_in(page, shop.email)
        for name, path in pages.items():
            page.goto(path)
            expect(page.get_by_role("heading", level=1)).to_be_visible()
            shot(page, name)
        page.get_by_role("button", name="Sign out").click()
        sign_in(page, "credit@bharat.example")
        for name, path in {"lender-queue": "/lender", "lender-portfolio": "/lender/portfolio",
                           "lender-refinance": "/lender/refinance",
                           "lender-application": f"/lender/applications/{application}",
                           "lender-loan": f"/lender/loans/{loan}"}.items():
            page.goto(path)
            expect(page.get_by_role("heading", level=1)).to_be_visible()
            shot(page, name)
        page.get_by_role("button", name="Sign out").click()
    expect(desktop.get_by_test_id("flash")).to_have_text("You are signed out.")
