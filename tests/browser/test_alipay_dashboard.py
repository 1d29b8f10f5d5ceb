"""The dashboard's Alipay apps page in a real browser: register an app, then configure the
published SDK, unmodified, with exactly what the page shows.

A merchant pastes its app's public key (PEM, as a textarea submits it: CRLF line ends) and a
notify URL; a bad key is refused next to its field, with the text kept. The page then shows the
app id, the gateway URL and the platform public key, and an SDK built from those three texts
calls the gateway and verifies its signed answer. Another merchant sees only its own apps.
On a server without the gateway the page says so, and a post registers nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from paysetu.alipay.usecases.ports import AlipayPolicy
from tests.api.alipay_setup import key_pair, sdk
from tests.browser import alipay_kit
from tests.browser.conftest import LiveServer, sign_in
from tests.browser.shop import ok, open_shop

Shot = Callable[[Page, str], Path]
NOTIFY_URL = "http://127.0.0.1:9/alipay/notify"


@pytest.fixture
def alipay_policy(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[AlipayPolicy | None]:
    """This module's servers run the gateway, unless a test asks for ``"off"`` (indirect)."""
    if getattr(request, "param", "on") == "off":
        yield None
        return
    with alipay_kit.gateway_policy(tmp_path) as policy:
        yield policy


def _register(page: Page, public_key: str, notify_url: str = "") -> None:
    page.get_by_label("App public key (PEM)").fill(public_key)
    page.get_by_label("Notify URL (optional)").fill(notify_url)
    page.get_by_role("button", name="Register app").click()


def test_a_merchant_registers_an_app_and_the_sdk_works_with_what_the_page_shows(
    live_server: LiveServer, desktop: Page, phone: Page, shot: Shot,
) -> None:
    alipay_kit.align_clock(live_server)
    shop = open_shop(live_server, "Chai Point", "owner@chai.example")
    other = open_shop(live_server, "Dosa Corner", "owner@dosa.example")
    sign_in(desktop, shop.email)
    desktop.get_by_role("link", name="Alipay apps").click()
    expect(desktop.get_by_role("heading", name="Alipay apps", level=1)).to_be_visible()
    expect(desktop.get_by_test_id("apps-table")).to_contain_text("No apps yet.")

    _register(desktop, "-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----",
              NOTIFY_URL)
    refusal = desktop.locator("#public_key-error")
    expect(refusal).to_have_attribute("data-code", "public_key_invalid")
    expect(desktop.get_by_label("App public key (PEM)")).to_have_attribute("aria-invalid", "true")
    expect(desktop.get_by_label("Notify URL (optional)")).to_have_value(NOTIFY_URL)

    _register(desktop, key_pair("dashboard").public_pem, NOTIFY_URL)
    expect(desktop.get_by_role("status")).to_contain_text("is registered")
    app_id = desktop.get_by_test_id("app-id").inner_text()
    assert len(app_id) == 16, app_id
    assert app_id.isdigit(), app_id
    expect(desktop.get_by_test_id("sdk-app-id")).to_have_text(app_id)
    expect(desktop.get_by_test_id("apps-table")).to_contain_text(NOTIFY_URL)
    shot(desktop, "dashboard-alipay-apps")

    platform_key = desktop.get_by_test_id("platform-key").inner_text()
    gateway_url = desktop.get_by_test_id("gateway-url").inner_text()
    assert gateway_url == f"{live_server.url}/gateway.do"
    with live_server.api() as api:
        app = ok(api.get(f"/v1/alipay_apps/{app_id}", headers=shop.merchant_key))
    assert (app["merchant"], app["notify_url"]) == (shop.merchant_id, NOTIFY_URL)
    assert platform_key.strip() == app["platform_public_key"].strip()
    client = sdk(app_id, platform_key, gateway_url, keys="dashboard")
    answer = client.api_alipay_trade_query(out_trade_no="NO-SUCH-ORDER")  # verified by the SDK
    assert (answer["code"], answer["sub_code"]) == ("40004", "ACQ.TRADE_NOT_EXIST")

    sign_in(phone, other.email)
    phone.goto("/dashboard/alipay-apps")
    expect(phone.get_by_test_id("apps-table")).to_contain_text("No apps yet.")
    _register(phone, key_pair("dashboard").public_pem)
    expect(phone.get_by_role("status")).to_contain_text("is registered")
    expect(phone.get_by_test_id("app-id")).to_have_count(1)
    expect(phone.get_by_test_id("app-id")).not_to_have_text(app_id)
    expect(phone.get_by_test_id("apps-table")).to_contain_text("—")
    width = phone.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 375, width
    shot(phone, "dashboard-alipay-apps")


@pytest.mark.parametrize("alipay_policy", ["off"], indirect=True)
def test_without_the_gateway_the_page_says_so_and_registers_nothing(
    live_server: LiveServer, desktop: Page,
) -> None:
    shop = open_shop(live_server, "Chai Point", "owner@chai.example")
    sign_in(desktop, shop.email)
    desktop.goto("/dashboard/alipay-apps")
    expect(desktop.get_by_test_id("gateway-off")).to_be_visible()
    expect(desktop.get_by_role("button", name="Register app")).to_have_count(0)
    token = desktop.locator('input[name="csrf_token"]').first.input_value()
    posted = desktop.request.post("/dashboard/alipay-apps", form={
        "csrf_token": token, "public_key": key_pair("dashboard").public_pem})
    assert posted.status == 503, posted.status
    assert 'data-code="alipay_gateway_disabled"' in posted.text()
    with live_server.api() as api:
        listed = ok(api.get("/v1/alipay_apps", headers=shop.merchant_key))
    assert listed["data"] == []
