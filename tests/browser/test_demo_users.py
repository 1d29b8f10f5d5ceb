"""The demo's web users: made once, one per merchant plus a lender and an admin, and usable."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from paysetu.access.usecases import web_users
from paysetu.demo.web import DEMO_PASSWORD, ensure_demo_web_users, web_banner
from tests.browser.conftest import LiveServer, sign_in
from tests.browser.shop import open_shop


def test_demo_sign_ins_open_each_home_page(live_server: LiveServer, desktop: Page) -> None:
    shop = open_shop(live_server, "Chai Point", "owner@chai.example")
    logins = ensure_demo_web_users(live_server.context, [shop.merchant_id])
    again = ensure_demo_web_users(live_server.context, [shop.merchant_id])
    assert again == logins
    assert [login.email for login in logins] == [
        "chai-point@merchants.example", "credit@lenders.example", "admin@paysetu.example"]
    assert len(web_users.list_users(live_server.context)) == 4  # with open_shop's own user
    lines = web_banner(live_server.url, logins)
    assert lines[0] == f"dashboard: {live_server.url}/login  (demo password for every " \
        f"sign-in below: {DEMO_PASSWORD})"

    for login, heading in zip(logins, ("Chai Point", "Application queue", "Merchants"),
                              strict=True):
        sign_in(desktop, login.email, DEMO_PASSWORD)
        expect(desktop).to_have_url(f"{live_server.url}{login.home}")
        expect(desktop.get_by_role("heading", level=1)).to_have_text(heading)
        desktop.get_by_role("button", name="Sign out").click()
        expect(desktop.get_by_test_id("flash")).to_have_text("You are signed out.")
