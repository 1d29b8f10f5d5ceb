"""Signing in and out, the login throttle, and CSRF rejection, in a real browser."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.conftest import PASSWORD, LiveServer, sign_in
from tests.browser.shop import open_shop

Shot = Callable[[Page, str], Path]


def test_wrong_password_is_refused_next_to_the_form(
    live_server: LiveServer, desktop: Page, shot: Shot
) -> None:
    shop = open_shop(live_server, "Chai Point", "owner@chai.example")
    desktop.goto("/dashboard")
    expect(desktop).to_have_url(f"{live_server.url}/login?next=/dashboard")
    desktop.get_by_label("Email").fill(shop.email)
    desktop.get_by_label("Password").fill("not the password")
    desktop.get_by_role("button", name="Sign in").click()
    error = desktop.get_by_role("alert")
    expect(error).to_have_attribute("data-code", "login_failed")
    expect(error).to_contain_text("The email or the password is wrong.")
    expect(desktop.get_by_label("Email")).to_have_value(shop.email)
    shot(desktop, "login-failed")

    desktop.get_by_label("Password").fill(PASSWORD)
    desktop.get_by_role("button", name="Sign in").click()
    expect(desktop).to_have_url(f"{live_server.url}/dashboard")
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Chai Point")


def test_repeated_failures_lock_the_login_with_a_retry_after(
    live_server: LiveServer, desktop: Page
) -> None:
    shop = open_shop(live_server, "Chai Point", "owner@chai.example")
    for _ in range(5):
        with live_server.api() as api:
            page = api.get("/login")
            token = page.cookies["paysetu_login_csrf"]
            refused = api.post("/login", data={"email": shop.email, "password": "wrong" * 3,
                                               "csrf_token": token})
        assert refused.status_code == 401
    sign_in_attempt = desktop
    sign_in_attempt.goto("/login")
    sign_in_attempt.get_by_label("Email").fill(shop.email)
    sign_in_attempt.get_by_label("Password").fill(PASSWORD)
    with sign_in_attempt.expect_response("**/login") as response:
        sign_in_attempt.get_by_role("button", name="Sign in").click()
    assert response.value.status == 429
    assert response.value.headers["retry-after"] == "30"
    expect(sign_in_attempt.get_by_role("alert")).to_have_attribute("data-code", "login_throttled")

    live_server.clock.advance(timedelta(seconds=30))  # the lockout has passed: the right
    sign_in(sign_in_attempt, shop.email)                # password works again
    expect(sign_in_attempt).to_have_url(f"{live_server.url}/dashboard")


def test_a_post_without_the_session_csrf_token_is_refused_with_403(
    live_server: LiveServer, desktop: Page, shot: Shot
) -> None:
    shop = open_shop(live_server, "Chai Point", "owner@chai.example")
    sign_in(desktop, shop.email)
    desktop.locator("input[name=csrf_token]").first.evaluate("e => e.value = 'forged'")
    with desktop.expect_response("**/logout") as response:
        desktop.get_by_role("button", name="Sign out").click()
    assert response.value.status == 403
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Form expired or forged")
    shot(desktop, "csrf-rejected")
    desktop.goto("/dashboard")  # still signed in: the forged post changed nothing
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Chai Point")


def test_sign_out_ends_the_session(live_server: LiveServer, phone: Page) -> None:
    shop = open_shop(live_server, "Chai Point", "owner@chai.example")
    sign_in(phone, shop.email)
    phone.get_by_role("button", name="Sign out").click()
    expect(phone.get_by_test_id("flash")).to_have_text("You are signed out.")
    phone.goto("/dashboard")
    expect(phone).to_have_url(f"{live_server.url}/login?next=/dashboard")
