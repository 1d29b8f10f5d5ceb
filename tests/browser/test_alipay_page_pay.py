"""``alipay.trade.page.pay`` in a real browser, driven by the published SDK, unmodified.

The shop's code builds the signed URL with ``python-alipay-sdk`` (only ``_gateway`` points at
the test server), Chromium follows it to paysetu's hosted checkout, the buyer pays by
(simulated) card, and the receipt's link takes the browser back through the gateway to the
shop's own return page, whose query the SDK's ``verify()`` accepts. The shop hears of the
payment by notification as soon as it is paid, before the buyer comes back; afterwards the
SDK's ``alipay.trade.query`` says ``TRADE_SUCCESS`` and the ledger audit passes
(``conftest.audit_after``). Run at desktop and at phone width, with screenshots of each step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import Page, expect

from paysetu.alipay.usecases import alipay_notifications
from paysetu.alipay.usecases.ports import AlipayPolicy
from tests.browser import alipay_kit
from tests.browser.alipay_kit import MerchantSite
from tests.browser.conftest import LiveServer
from tests.browser.shop import merchant_balance, ok, open_shop

Shot = Callable[[Page, str], Path]
CARD = "4242 4242 4242 4242"
PRICE = "2499.00"
PRICE_MINOR = 2_499_00


@pytest.fixture
def alipay_policy(tmp_path: Path) -> Iterator[AlipayPolicy]:
    """This module's servers run the gateway (the other browser tests' do not)."""
    with alipay_kit.gateway_policy(tmp_path) as policy:
        yield policy


@pytest.fixture
def site() -> Iterator[MerchantSite]:
    with alipay_kit.merchant_site() as running:
        yield running


def _page_pay(server: LiveServer, site: MerchantSite, page: Page, shot: Shot,
              out_trade_no: str) -> dict[str, str]:
    """One buyer's whole trip; the parameters the shop's return page received."""
    assert site.client is not None
    query = site.client.api_alipay_trade_page_pay(
        "Assam tea, 2 kg", out_trade_no, PRICE, return_url=site.return_url,
        trans_currency="INR", settle_currency="INR")
    page.goto(f"{server.url}/gateway.do?{query}")
    page.wait_for_url(f"{server.url}/checkout/cs_*")  # the gateway's 302, followed
    expect(page.get_by_test_id("price")).to_have_text("₹2,499.00")
    shot(page, "alipay-page-pay-checkout")

    page.get_by_label("Card number").fill(CARD)
    page.get_by_test_id("pay").click()
    expect(page.get_by_test_id("paid-amount")).to_have_text("₹2,499.00")
    shot(page, "alipay-page-pay-receipt")

    delivered = alipay_notifications.deliver_due(server.context)
    assert delivered == 1, "TRADE_SUCCESS is queued with the payment, before the buyer returns"
    form, verified = site.notifications[-1]
    assert (form["trade_status"], form["out_trade_no"], form["total_amount"], verified) == (
        "TRADE_SUCCESS", out_trade_no, PRICE, True)

    page.get_by_test_id("return").click()
    expect(page.get_by_test_id("verdict")).to_have_text("Payment verified")
    expect(page.get_by_test_id("order")).to_have_text(out_trade_no)
    shot(page, "alipay-page-pay-return")
    assert page.url.startswith(f"{site.url}{alipay_kit.RETURN_PATH}?shop=chai&")
    params, verified_by_site = site.returns[-1]
    assert params == dict(parse_qsl(urlsplit(page.url).query, keep_blank_values=True))
    assert verified_by_site, "the shop's page accepted it"
    assert site.verified(params)
    assert not site.verified({**params, "total_amount": "0.01"})
    return params


def test_page_pay_with_the_unmodified_sdk_from_checkout_back_to_the_shop(
    live_server: LiveServer, site: MerchantSite, desktop: Page, phone: Page, shot: Shot,
) -> None:
    alipay_kit.align_clock(live_server)
    shop = open_shop(live_server, "Chai Point", "owner@chai.example")
    site.client = alipay_kit.register_app(live_server, shop, site.notify_url)
    before = merchant_balance(live_server, shop)["available_minor"]

    for page, out_trade_no in ((desktop, "CP-1001"), (phone, "CP-1002")):
        params = _page_pay(live_server, site, page, shot, out_trade_no)
        assert (params["method"], params["out_trade_no"], params["total_amount"],
                params["seller_id"], params["shop"]) == (
            "alipay.trade.page.pay.return", out_trade_no, PRICE, shop.merchant_id, "chai")
        answer = site.client.api_alipay_trade_query(out_trade_no=out_trade_no)
        assert (answer["code"], answer["trade_status"], answer["trade_no"]) == (
            "10000", "TRADE_SUCCESS", params["trade_no"])
        assert answer["receipt_amount"] == PRICE
        with live_server.api() as api:
            payments = ok(api.get("/v1/payments", headers=shop.merchant_key))["data"]
        paid = [p for p in payments if p["metadata"].get("checkout_session")
                and p["amount_captured_minor"] == PRICE_MINOR]
        assert len(paid) == (1 if out_trade_no == "CP-1001" else 2)

    assert len(site.notifications) == 2, "one TRADE_SUCCESS per trade: returns add none"
    assert alipay_notifications.deliver_due(live_server.context) == 0
    fee_minor = PRICE_MINOR * 2 // 100  # the shop's 2% fee plan
    after = merchant_balance(live_server, shop)["available_minor"]
    assert after - before == 2 * (PRICE_MINOR - fee_minor)
