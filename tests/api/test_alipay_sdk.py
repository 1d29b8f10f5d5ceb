"""The published python-alipay-sdk, unmodified, against a live paysetu server.

Only ``_gateway`` is set on the SDK. Each test gets a fresh database, a server on a free
loopback port and a merchant whose Alipay app was registered through ``/v1/alipay_apps``;
buyers pay through paysetu's own wallet API. After every test the ledger audit passes
(``tests/api/conftest.py``) and every gateway trade is a paysetu payment, except one closed
before any buyer came (:func:`gw`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qsl, unquote_plus, urlsplit
from zoneinfo import ZoneInfo

import httpx
import pytest
import sqlalchemy as sa
from alipay import AliPay

from paysetu.access.rules.principals import Role
from paysetu.access.usecases import api_keys as access
from paysetu.alipay.stores.notifier import HttpAlipayNotifier
from paysetu.alipay.stores.rsa_keys import PlatformKeyFile
from paysetu.alipay.usecases import alipay_gateway, alipay_notifications
from paysetu.alipay.usecases.ports import AlipayPolicy
from paysetu.app.context import AppContext
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.checkout.rules.errors import CheckoutRejected
from paysetu.checkout.rules.sessions import return_url_for
from paysetu.checkout.usecases import checkout_buyer
from paysetu.config import Settings
from paysetu.customers.usecases.sms import recent_messages
from paysetu.events.rules.targets import LOOPBACK_NETWORKS
from paysetu.events.usecases.ports import WebhookTargets
from paysetu.kernel.clock import SystemClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets
from paysetu.payments.rules.fx_quotes import inverse_rate
from paysetu.payments.rules.payments import Consent
from paysetu.payments.usecases import fx_rates, merchants
from paysetu.payments.usecases.ports import PaymentsPolicy
from paysetu.wallets.usecases import wallets
from tests.api.alipay_setup import (
    Receiver,
    key_pair,
    live_server,
    local_zone,
    running_receiver,
    sdk,
)


@dataclass
class Gateway:
    """One test's server, merchant, app and SDK client."""

    url: str
    context: AppContext
    engine: sa.Engine
    merchant: str
    app_id: str
    platform_public_key: str
    platform: dict[str, str]
    client: AliPay
    receiver: Receiver

    def sdk(self, **options: Any) -> AliPay:
        return sdk(self.app_id, self.platform_public_key, f"{self.url}/gateway.do", **options)

    def buyer(self, currency: str, amount_minor: int,
              phone: str | None = None) -> tuple[str, str]:
        """A full-KYC customer with a funded wallet: (customer, wallet)."""
        with self.context.uow_factory() as uow:
            customer = wallets.create_customer(self.context, uow, "Li Wei", None, "full", {},
                                               phone=phone)
            wallet = wallets.create_wallet(self.context, uow, customer["id"], currency)
            wallets.top_up(self.context, uow, wallet["id"], amount_minor, currency, {})
            uow.commit()
        return str(customer["id"]), str(wallet["id"])

    def pay(self, trade_no: str, wallet: str) -> httpx.Response:
        return httpx.post(f"{self.url}/v1/alipay_trades/{trade_no}/pay",
                          json={"wallet": wallet, "operator_reason": "The buyer's app paid"},
                          headers=self.platform)

    def rows(self, sql: str, **params: Any) -> list[Any]:
        with self.engine.connect() as connection:
            return list(connection.execute(sa.text(sql), params))

    def notify(self) -> int:
        return alipay_notifications.deliver_due(self.context)


@pytest.fixture
def gw(engine: sa.Engine, alipay_keys: PlatformKeyFile) -> Iterator[Gateway]:
    notifier = HttpAlipayNotifier(timeout_s=10, allowed_networks=LOOPBACK_NETWORKS)
    context = AppContext(
        uow_factory=lambda: PostgresUnitOfWork(engine), clock=SystemClock(), ids=UlidIds(),
        secrets=SystemSecrets(), policy=PaymentsPolicy(),
        read_factory=lambda: PostgresUnitOfWork(engine, autocommit=True),
        alipay=AlipayPolicy(alipay_keys, notifier, local_zone()),
        webhook_targets=WebhookTargets(LOOPBACK_NETWORKS),  # the shop's site runs here
    )
    today = context.clock.now().date().isoformat()
    with context.uow_factory() as uow:
        merchant = merchants.create_merchant(context, uow, "Jade Tea House", "IN", "CNY", 200, 0,
                                             {})
        fx_rates.load_rates(context, uow, "base_currency,quote_currency,rate,as_of\n"
                            f"CNY,INR,11.7,{today}\n")
        uow.commit()
    platform = access.create_key(context, Role.PLATFORM, None, livemode=False)
    mine = access.create_key(context, Role.MERCHANT, merchant["id"], livemode=False)
    with running_receiver() as receiver, live_server(context) as url:
        app = httpx.post(f"{url}/v1/alipay_apps", headers={
            "Authorization": f"Bearer {mine.secret}"}, json={
            "public_key": key_pair("merchant").public_pem, "notify_url": receiver.url})
        assert app.status_code == 200, app.text
        registered = app.json()
        client = sdk(registered["id"], registered["platform_public_key"], f"{url}/gateway.do")
        receiver.verifier = client
        yield Gateway(url, context, engine, str(merchant["id"]), registered["id"],
                      registered["platform_public_key"],
                      {"Authorization": f"Bearer {platform.secret}"}, client, receiver)
    notifier.close()
    with engine.connect() as connection:
        orphans = connection.execute(sa.text(
            "SELECT count(*) FROM alipay_trades WHERE payment_id IS NULL AND closed_at IS NULL"
        )).scalar_one()
    assert orphans == 0, "every gateway trade is a paysetu payment (or closed before a buyer)"


def _seconds_ago(seconds: int) -> str:
    """An SDK-style timestamp (local time, no zone) a few seconds back: a distinct request."""
    return (datetime.now() - timedelta(seconds=seconds)).strftime("%Y-%m-%d %H:%M:%S")


def _ok(answer: dict[str, Any]) -> dict[str, Any]:
    assert answer["code"] == "10000", answer
    return answer


def _refused(answer: dict[str, Any], code: str, sub_code: str) -> None:
    assert (answer["code"], answer.get("sub_code")) == (code, sub_code), answer


def _payment(gw: Gateway, trade_no: str) -> Any:
    (row,) = gw.rows("SELECT p.* FROM alipay_trades t JOIN payments p ON p.id = t.payment_id"
                     " WHERE t.id = :id", id=trade_no)
    return row


def test_precreate_paid_from_a_wallet_then_refunded_twice_and_notified(gw: Gateway) -> None:
    created = _ok(gw.client.api_alipay_trade_precreate("Oolong tea", "T-1001", "88.88"))
    qr_code = created["qr_code"]
    assert qr_code.startswith(gw.url)
    trade_no = qr_code.rsplit("/", 1)[-1]
    assert _ok(gw.client.api_alipay_trade_query(out_trade_no="T-1001"))["trade_status"] == \
        "WAIT_BUYER_PAY"
    buyer, wallet = gw.buyer("CNY", 100_00)
    silent = httpx.post(f"{gw.url}/v1/alipay_trades/{trade_no}/pay", json={"wallet": wallet},
                        headers=gw.platform)
    assert (silent.status_code, silent.json()["error"]["param"]) == (400, "operator_reason")
    paid = gw.pay(trade_no, wallet)
    assert paid.status_code == 200, paid.text
    assert (paid.json()["status"], paid.json()["consent"], paid.json()["operator_reason"]) == (
        "succeeded", "operator", "The buyer's app paid")
    query = _ok(gw.client.api_alipay_trade_query(out_trade_no="T-1001"))
    assert (query["trade_status"], query["total_amount"], query["trade_no"],
            query["buyer_user_id"]) == ("TRADE_SUCCESS", "88.88", trade_no, buyer)

    first = _ok(gw.client.api_alipay_trade_refund("10.00", out_trade_no="T-1001",
                                                  out_request_no="R-1"))
    assert (first["fund_change"], first["refund_fee"]) == ("Y", "10.00")
    second = _ok(gw.client.api_alipay_trade_refund("20.50", trade_no=trade_no,
                                                   out_request_no="R-2"))
    assert (second["fund_change"], second["refund_fee"]) == ("Y", "30.50")
    again = _ok(gw.client.server_api("alipay.trade.refund", {
        "refund_amount": "10.00", "out_trade_no": "T-1001", "out_request_no": "R-1"},
        timestamp=_seconds_ago(5)))  # a retry (the same second would be a replay)
    assert (again["fund_change"], again["refund_fee"]) == ("N", "30.50"), "idempotent"
    _refused(gw.client.api_alipay_trade_refund("11.00", out_trade_no="T-1001",
                                               out_request_no="R-1"),
             "40004", "ACQ.CONTEXT_INCONSISTENT")
    looked_up = _ok(gw.client.api_alipay_trade_fastpay_refund_query("R-2", out_trade_no="T-1001"))
    assert (looked_up["refund_amount"], looked_up["refund_status"]) == ("20.50", "REFUND_SUCCESS")
    missing = _ok(gw.client.api_alipay_trade_fastpay_refund_query("R-9", trade_no=trade_no))
    assert "refund_amount" not in missing
    _refused(gw.client.api_alipay_trade_refund("58.39", out_trade_no="T-1001",
                                               out_request_no="R-3"),
             "40004", "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL")
    payment = _payment(gw, trade_no)
    assert (payment.amount_captured_minor, payment.amount_refunded_minor) == (88_88, 30_50)
    assert len(gw.rows("SELECT * FROM refunds WHERE payment_id = :p", p=payment.id)) == 2

    assert gw.notify() == 3
    assert [verified for _, verified in gw.receiver.received] == [True] * 3
    statuses = [(f["trade_status"], f.get("refund_fee")) for f, _ in gw.receiver.received]
    assert statuses == [("TRADE_SUCCESS", None), ("TRADE_SUCCESS", "10.00"),
                        ("TRADE_SUCCESS", "30.50")]
    form = dict(gw.receiver.received[0][0])
    assert (form["out_trade_no"], form["total_amount"], form["app_id"]) == (
        "T-1001", "88.88", gw.app_id)
    signature = form.pop("sign")
    assert gw.client.verify(dict(form), signature)
    assert not gw.client.verify({**form, "total_amount": "0.01"}, signature), "tampered"
    assert gw.notify() == 0, "acknowledged notifications are not resent"


def test_create_close_cancel_and_states(gw: Gateway) -> None:
    buyer, wallet = gw.buyer("CNY", 500_00)
    created = _ok(gw.client.server_api("alipay.trade.create", {
        "out_trade_no": "C-1", "total_amount": "15.00", "subject": "Green tea",
        "buyer_id": buyer}))
    assert created["out_trade_no"] == "C-1"
    assert _ok(gw.client.api_alipay_trade_query(out_trade_no="C-1"))["trade_status"] == \
        "WAIT_BUYER_PAY"
    _ok(gw.client.api_alipay_trade_close(out_trade_no="C-1"))
    assert _ok(gw.client.api_alipay_trade_query(out_trade_no="C-1"))["trade_status"] == \
        "TRADE_CLOSED"
    _refused(gw.client.api_alipay_trade_close(trade_no=created["trade_no"]),
             "40004", "ACQ.TRADE_HAS_CLOSE")
    assert _payment(gw, created["trade_no"]).status == "canceled"
    refused_pay = gw.pay(created["trade_no"], wallet)
    assert refused_pay.status_code == 409, refused_pay.text

    _ok(gw.client.server_api("alipay.trade.create", {
        "out_trade_no": "C-2", "total_amount": "16.00", "subject": "Black tea",
        "buyer_id": buyer}))
    cancel = _ok(gw.client.api_alipay_trade_cancel(out_trade_no="C-2"))
    assert (cancel["action"], cancel["retry_flag"]) == ("close", "N")

    created = _ok(gw.client.server_api("alipay.trade.create", {
        "out_trade_no": "C-3", "total_amount": "17.00", "subject": "White tea",
        "buyer_id": buyer}))
    assert gw.pay(created["trade_no"], wallet).status_code == 200
    _refused(gw.client.api_alipay_trade_close(out_trade_no="C-3"),
             "40004", "ACQ.TRADE_STATUS_ERROR")
    refunded = _ok(gw.client.api_alipay_trade_cancel(out_trade_no="C-3"))
    assert refunded["action"] == "refund"
    assert _ok(gw.client.api_alipay_trade_query(out_trade_no="C-3"))["trade_status"] == \
        "TRADE_CLOSED"
    assert _payment(gw, created["trade_no"]).amount_refunded_minor == 17_00
    gw.notify()
    statuses = [(f["out_trade_no"], f["trade_status"]) for f, ok in gw.receiver.received if ok]
    assert statuses == [("C-1", "WAIT_BUYER_PAY"), ("C-1", "TRADE_CLOSED"),
                        ("C-2", "WAIT_BUYER_PAY"), ("C-2", "TRADE_CLOSED"),
                        ("C-3", "WAIT_BUYER_PAY"), ("C-3", "TRADE_SUCCESS"),
                        ("C-3", "TRADE_CLOSED")]


def _signed_in_customer(gw: Gateway, phone: str) -> dict[str, str]:
    """The customer of ``phone`` signed in, with the PIN ``4826`` set: the session's headers."""
    assert httpx.post(f"{gw.url}/v1/customer/sign_in_codes", json={"phone": phone}).is_success
    code = next(m for m in recent_messages(gw.context) if m.phone_e164 == phone).body.split()[0]
    token = httpx.post(f"{gw.url}/v1/customer/sessions",
                       json={"phone": phone, "code": code}).json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    assert httpx.post(f"{gw.url}/v1/customer/pin", json={"pin": "4826"},
                      headers=headers).is_success
    return headers


def test_barcode_payment_with_a_one_time_code(gw: Gateway) -> None:
    buyer, wallet = gw.buyer("CNY", 50_00, phone="+919876588801")
    customer = _signed_in_customer(gw, "+919876588801")
    codes = f"{gw.url}/v1/customer/alipay_payment_codes"
    assert httpx.post(codes, json={"pin": "4826"}, headers=gw.platform).status_code == 401
    wrong = httpx.post(codes, json={"pin": "0000"}, headers=customer)
    assert wrong.json()["error"]["code"] == "pin_incorrect"
    issued = httpx.post(codes, json={"pin": "4826"}, headers=customer)
    assert issued.status_code == 200, issued.text
    assert issued.json()["wallet"] == wallet
    code = issued.json()["code"]
    assert len(code) == 18
    assert code.startswith("28")
    paid = _ok(gw.client.api_alipay_trade_pay("B-1", "bar_code", code, "Milk tea",
                                              total_amount="12.00"))
    assert (paid["total_amount"], paid["buyer_user_id"], paid["buyer_pay_amount"]) == (
        "12.00", buyer, "12.00")
    assert "gmt_payment" in paid
    _refused(gw.client.api_alipay_trade_pay("B-2", "bar_code", code, "Milk tea",
                                            total_amount="12.00"),
             "40004", "ACQ.PAYMENT_AUTH_CODE_INVALID")
    second = httpx.post(codes, json={"pin": "4826"}, headers=customer).json()["code"]
    _refused(gw.client.api_alipay_trade_pay("B-3", "bar_code", second, "Big order",
                                            total_amount="100.00"),
             "40004", "ACQ.BUYER_BALANCE_NOT_ENOUGH")
    assert gw.rows("SELECT * FROM alipay_trades WHERE out_trade_no IN ('B-2', 'B-3')") == []
    assert _payment(gw, paid["trade_no"]).status == "succeeded"


def test_transfer_pays_a_wallet_from_the_merchant_balance(gw: Gateway) -> None:
    buyer, wallet = gw.buyer("CNY", 200_00)
    trade = _ok(gw.client.server_api("alipay.trade.create", {
        "out_trade_no": "F-1", "total_amount": "100.00", "subject": "Tea set",
        "buyer_id": buyer}))
    assert gw.pay(trade["trade_no"], wallet).status_code == 200
    payee, payee_wallet = gw.buyer("CNY", 1_00)
    biz = {"out_biz_no": "P-1", "trans_amount": "30.00", "product_code": "TRANS_ACCOUNT_NO_PWD",
           "biz_scene": "DIRECT_TRANSFER",
           "payee_info": {"identity": payee, "identity_type": "ALIPAY_USER_ID"}}
    sent = _ok(gw.client.server_api("alipay.fund.trans.uni.transfer", biz))
    assert (sent["status"], sent["out_biz_no"], sent["trans_amount"]) == ("SUCCESS", "P-1",
                                                                         "30.00")
    with gw.context.uow_factory() as uow:
        credited = uow.wallets.get(payee_wallet)
    assert credited is not None
    assert credited.balance_minor == 31_00
    too_much = {**biz, "out_biz_no": "P-2", "trans_amount": "1000.00"}
    _refused(gw.client.server_api("alipay.fund.trans.uni.transfer", too_much),
             "40004", "PAYER_BALANCE_NOT_ENOUGH")
    nobody = {**biz, "out_biz_no": "P-3", "payee_info": {"identity": "cus_nobody"}}
    _refused(gw.client.server_api("alipay.fund.trans.uni.transfer", nobody),
             "40004", "PAYEE_NOT_EXIST")
    assert len(gw.rows("SELECT * FROM alipay_transfers")) == 1


def test_a_trade_priced_in_inr_is_paid_in_cny_through_a_quote(gw: Gateway) -> None:
    created = _ok(gw.client.api_alipay_trade_precreate(
        "Darjeeling", "X-1", "1000.00", trans_currency="INR", settle_currency="INR"))
    trade_no = created["qr_code"].rsplit("/", 1)[-1]
    _, wallet = gw.buyer("CNY", 500_00)
    assert gw.pay(trade_no, wallet).status_code == 200
    query = _ok(gw.client.api_alipay_trade_query(trade_no=trade_no))
    payment = _payment(gw, trade_no)
    (quote,) = gw.rows("SELECT * FROM fx_quotes WHERE id = :id", id=payment.fx_quote_id)
    assert (payment.amount_minor, payment.currency) == (1000_00, "INR")
    assert (query["trans_currency"], query["settle_currency"], query["pay_currency"]) == (
        "INR", "INR", "CNY")
    assert query["total_amount"] == query["settle_amount"] == "1000.00"
    assert Decimal(query["pay_amount"]) * 100 == quote.sell_amount_minor
    # Alipay: trans_pay_rate is the trans currency's price in the pay currency (CNY per INR
    # here, about 1/11.7), like settle_trans_rate is the settle currency's in trans units.
    rate = Decimal(query["trans_pay_rate"])
    assert rate == inverse_rate(quote.customer_rate)
    assert abs(Decimal(query["total_amount"]) * rate - Decimal(query["pay_amount"])) < Decimal(
        "0.01")
    with gw.context.uow_factory() as uow:
        payer = uow.wallets.get(wallet)
    assert payer is not None
    assert payer.balance_minor == 500_00 - quote.sell_amount_minor


@pytest.mark.parametrize("amount", ["88.888", "0", "0.00", "-1.00", "abc", "1e3", ""])
def test_bad_amounts_are_refused_and_write_nothing(gw: Gateway, amount: str) -> None:
    _refused(gw.client.api_alipay_trade_precreate("Tea", "A-1", amount),
             "40004", "ACQ.INVALID_PARAMETER")
    assert gw.rows("SELECT * FROM alipay_trades") == []


def test_out_trade_no_reuse_signature_timestamp_refusals_and_replays(gw: Gateway) -> None:
    first = _ok(gw.client.api_alipay_trade_precreate("Tea", "D-1", "5.00"))
    retried = _ok(gw.client.server_api("alipay.trade.precreate", {
        "out_trade_no": "D-1", "total_amount": "5.00", "subject": "Tea"},
        timestamp=_seconds_ago(5)))
    assert retried["qr_code"] == first["qr_code"], "same content: the same trade"
    _refused(gw.client.api_alipay_trade_precreate("Tea", "D-1", "6.00"),
             "40004", "ACQ.CONTEXT_INCONSISTENT")

    forger = gw.sdk(keys="someone else")
    _refused(forger.api_alipay_trade_precreate("Tea", "D-2", "5.00"),
             "40002", "isv.invalid-signature")
    stranger = sdk("2026999999999999", gw.platform_public_key, f"{gw.url}/gateway.do")
    _refused(stranger.api_alipay_trade_query(out_trade_no="D-1"), "40002", "isv.invalid-app-id")
    _refused(gw.client.server_api("alipay.trade.precreate", {
        "out_trade_no": "D-3", "total_amount": "5.00", "subject": "Tea"},
        timestamp="2020-01-01 00:00:00"), "40002", "isv.invalid-timestamp")
    _refused(gw.client.server_api("alipay.trade.nonsense", {}), "40002", "isv.invalid-method")

    signed = gw.client.sign_data(gw.client.build_body("alipay.trade.precreate", {
        "out_trade_no": "D-4", "total_amount": "5.00", "subject": "Tea"}))
    url = f"{gw.url}/gateway.do?{signed}"
    first_text = httpx.get(url).text
    _ok(gw.client._verify_and_return_sync_response(first_text, "alipay_trade_precreate_response"))
    replayed = httpx.get(url).text
    assert replayed == first_text, "an identical replay gets the original answer"
    trades = gw.rows("SELECT out_trade_no FROM alipay_trades ORDER BY out_trade_no")
    assert [t.out_trade_no for t in trades] == ["D-1", "D-4"]
    buyer_wallet = gw.buyer("CNY", 20_00)[1]
    for trade in gw.rows("SELECT id FROM alipay_trades"):
        assert gw.pay(trade.id, buyer_wallet).status_code == 200


def test_rsa_clients_and_form_posts_are_answered(gw: Gateway) -> None:
    old = gw.sdk(sign_type="RSA")
    created = _ok(old.api_alipay_trade_precreate("Tea", "S-1", "3.00"))
    form = dict(item.split("=", 1) for item in old.sign_data(old.build_body(
        "alipay.trade.query", {"out_trade_no": "S-1"})).split("&"))
    answer = httpx.post(f"{gw.url}/gateway.do", data={k: unquote_plus(v) for k, v in form.items()})
    queried = old._verify_and_return_sync_response(answer.text, "alipay_trade_query_response")
    assert _ok(queried)["trade_status"] == "WAIT_BUYER_PAY"
    trade_no = created["qr_code"].rsplit("/", 1)[-1]
    assert gw.pay(trade_no, gw.buyer("CNY", 5_00)[1]).status_code == 200


def _pay_on_the_page(gw: Gateway, session_id: str) -> str:
    """What the hosted page's form does: pay the session by card; the page's next URL."""
    with gw.context.uow_factory() as uow:
        paid = checkout_buyer.pay_session(gw.context, uow, session_id, checkout_buyer.PayCheckout(
            "CNY", None, "card", card_number="4242 4242 4242 4242"), public_base=gw.url)
        uow.commit()
    return return_url_for(paid.session)


def test_page_pay_goes_to_the_hosted_checkout_and_back_with_signed_parameters(
    gw: Gateway,
) -> None:
    shop_return = "http://127.0.0.1:9/shop/done?order=W-1"
    query = gw.client.api_alipay_trade_page_pay("Gift box", "W-1", "25.00",
                                                return_url=shop_return)
    landed = httpx.get(f"{gw.url}/gateway.do?{query}")
    assert landed.status_code == 302, landed.text
    checkout_page = landed.headers["location"]
    assert checkout_page.startswith(f"{gw.url}/checkout/cs_")
    reloaded = httpx.get(f"{gw.url}/gateway.do?{query}")
    assert reloaded.headers["location"] == checkout_page, "a reload reopens the same trade"
    back = httpx.get(_pay_on_the_page(gw, checkout_page.rsplit("/", 1)[-1]))
    assert back.status_code == 302, back.text
    merchant_page = back.headers["location"]
    assert merchant_page.startswith("http://127.0.0.1:9/shop/done?order=W-1&")
    params = dict(parse_qsl(merchant_page.split("?", 1)[1]))
    signature = params.pop("sign")
    assert gw.client.verify(dict(params), signature), "the merchant's own order=W-1 included"
    assert (params["out_trade_no"], params["total_amount"], params["method"]) == (
        "W-1", "25.00", "alipay.trade.page.pay.return")
    assert not gw.client.verify({**params, "total_amount": "0.01"}, signature)
    query_answer = _ok(gw.client.api_alipay_trade_query(out_trade_no="W-1"))
    assert query_answer["trade_status"] == "TRADE_SUCCESS"
    assert _payment(gw, params["trade_no"]).amount_captured_minor == 25_00
    assert gw.notify() == 1
    ((form, verified),) = gw.receiver.received
    assert (form["trade_status"], form["out_trade_no"], verified) == ("TRADE_SUCCESS", "W-1",
                                                                       True)


def _open_page_trade(gw: Gateway, out_trade_no: str, amount: str) -> tuple[str, str]:
    """A page-pay trade opened by the browser's visit: (trade_no, checkout session id)."""
    query = gw.client.api_alipay_trade_page_pay("Tea set", out_trade_no, amount,
                                                return_url="http://127.0.0.1:9/done")
    landed = httpx.get(f"{gw.url}/gateway.do?{query}")
    assert landed.status_code == 302, landed.text
    (trade,) = gw.rows("SELECT id FROM alipay_trades WHERE out_trade_no = :n", n=out_trade_no)
    return str(trade.id), landed.headers["location"].rsplit("/", 1)[-1]


def test_page_pay_notifies_when_paid_even_if_the_buyer_never_returns(gw: Gateway) -> None:
    trade_no, session_id = _open_page_trade(gw, "W-3", "12.00")
    _pay_on_the_page(gw, session_id)  # the buyer closes the tab: no return, no query
    (trade,) = gw.rows("SELECT payment_id FROM alipay_trades WHERE id = :t", t=trade_no)
    assert trade.payment_id is not None, "linked in the transaction that paid the session"
    assert gw.notify() == 1
    ((form, verified),) = gw.receiver.received
    assert (form["trade_status"], form["out_trade_no"], form["buyer_pay_amount"], verified) == (
        "TRADE_SUCCESS", "W-3", "12.00", True)
    assert form["gmt_payment"]
    assert form["buyer_id"].startswith("cus_")
    assert _ok(gw.client.api_alipay_trade_query(out_trade_no="W-3"))["trade_status"] == \
        "TRADE_SUCCESS"
    assert httpx.get(f"{gw.url}/alipay/return/{trade_no}").status_code == 302
    assert gw.notify() == 0, "the return and the query link nothing twice"


def test_a_session_naming_someone_elses_trade_in_its_metadata_pays_only_itself(
    gw: Gateway,
) -> None:
    trade_no, _ = _open_page_trade(gw, "W-5", "30.00")
    forged = httpx.post(f"{gw.url}/v1/checkout_sessions", headers=gw.platform, json={
        "amount_minor": 1_00, "currency": "CNY", "return_url": "http://127.0.0.1:9/x",
        "merchant": gw.merchant, "metadata": {"alipay_trade": trade_no}})
    assert forged.status_code == 200, forged.text
    _pay_on_the_page(gw, forged.json()["id"])
    (trade,) = gw.rows("SELECT payment_id FROM alipay_trades WHERE id = :t", t=trade_no)
    assert trade.payment_id is None, "the trade names its own session, not this one"
    assert gw.notify() == 0
    _ok(gw.client.api_alipay_trade_close(out_trade_no="W-5"))


def test_wap_pay_closed_before_paying_expires_its_checkout(gw: Gateway) -> None:
    query = gw.client.api_alipay_trade_wap_pay("Tea", "W-2", "9.00",
                                               return_url="http://127.0.0.1:9/done")
    landed = httpx.get(f"{gw.url}/gateway.do?{query}")
    assert landed.status_code == 302, landed.text
    session_id = landed.headers["location"].rsplit("/", 1)[-1]
    _ok(gw.client.api_alipay_trade_close(out_trade_no="W-2"))
    assert _ok(gw.client.api_alipay_trade_query(out_trade_no="W-2"))["trade_status"] == \
        "TRADE_CLOSED"
    with pytest.raises(CheckoutRejected):
        _pay_on_the_page(gw, session_id)
    (trade,) = gw.rows("SELECT * FROM alipay_trades WHERE out_trade_no = 'W-2'")
    assert trade.payment_id is None
    assert trade.closed_at is not None, "closed before any buyer: the one trade without payment"


def test_a_refund_resent_within_the_same_second_gets_the_original_answer(gw: Gateway) -> None:
    """A lost response: the merchant resends the very same signed refund (the SDK's timestamp
    has whole seconds, its signature is deterministic) and learns the refund happened."""
    created = _ok(gw.client.api_alipay_trade_precreate("Oolong", "S-1", "40.00"))
    trade_no = created["qr_code"].rsplit("/", 1)[-1]
    assert gw.pay(trade_no, gw.buyer("CNY", 100_00)[1]).status_code == 200
    signed = gw.client.sign_data(gw.client.build_body("alipay.trade.refund", {
        "out_trade_no": "S-1", "refund_amount": "15.00", "out_request_no": "R-1",
        "refund_reason": "茶叶受潮 damp leaves"}))
    url = f"{gw.url}/gateway.do?{signed}"
    first = httpx.get(url).text
    again = httpx.get(url).text
    assert again == first
    answer = _ok(gw.client._verify_and_return_sync_response(again, "alipay_trade_refund_response"))
    assert (answer["fund_change"], answer["refund_fee"]) == ("Y", "15.00")
    (refund,) = gw.rows("SELECT r.* FROM refunds r JOIN payments p ON p.id = r.payment_id"
                        " JOIN alipay_trades t ON t.payment_id = p.id WHERE t.id = :id",
                        id=trade_no)
    assert (refund.amount_minor, refund.reason) == (15_00, "茶叶受潮 damp leaves")
    (seen,) = gw.rows("SELECT * FROM alipay_seen_requests WHERE response_text LIKE '%15.00%'")
    assert seen.response_text in first


def test_an_app_in_asia_shanghai_time_is_answered(gw: Gateway) -> None:
    """The zone is the app's (default: the deployment's, Asia/Shanghai unless configured)."""
    assert Settings.model_fields["alipay_timezone"].default == "Asia/Shanghai"
    mine = access.create_key(gw.context, Role.MERCHANT, gw.merchant, livemode=False)
    registered = httpx.post(f"{gw.url}/v1/alipay_apps", headers={
        "Authorization": f"Bearer {mine.secret}"}, json={
        "public_key": key_pair("merchant").public_pem, "timezone": "Asia/Shanghai"}).json()
    assert registered["timezone"] == "Asia/Shanghai"
    client = sdk(registered["id"], registered["platform_public_key"], f"{gw.url}/gateway.do")
    shanghai = datetime.now(ZoneInfo("Asia/Shanghai")).strftime("%Y-%m-%d %H:%M:%S")
    biz = {"out_trade_no": "Z-1", "total_amount": "5.00", "subject": "Tea"}
    created = _ok(client.server_api("alipay.trade.precreate", biz, timestamp=shanghai))
    kiritimati = datetime.now(ZoneInfo("Pacific/Kiritimati")).strftime("%Y-%m-%d %H:%M:%S")
    _refused(client.server_api("alipay.trade.precreate", {**biz, "out_trade_no": "Z-2"},
                               timestamp=kiritimati), "40002", "isv.invalid-timestamp")
    bad = httpx.post(f"{gw.url}/v1/alipay_apps", headers={
        "Authorization": f"Bearer {mine.secret}"}, json={
        "public_key": key_pair("merchant").public_pem, "timezone": "Mars/Olympus"})
    assert (bad.status_code, bad.json()["error"]["code"]) == (400, "timezone_invalid")
    assert gw.pay(created["qr_code"].rsplit("/", 1)[-1], gw.buyer("CNY", 5_00)[1]).status_code \
        == 200


def test_a_refused_page_pay_shows_the_buyer_an_error_page(gw: Gateway) -> None:
    query = gw.client.api_alipay_trade_page_pay("Tea set", "E-1", "12.345",
                                                return_url="http://127.0.0.1:9/done")
    landed = httpx.get(f"{gw.url}/gateway.do?{query}")
    assert landed.status_code == 400
    assert landed.headers["content-type"].startswith("text/html")
    assert "This payment could not start" in landed.text
    assert "ACQ.INVALID_PARAMETER" in landed.text
    assert gw.rows("SELECT * FROM alipay_trades") == []


def test_the_qr_code_names_the_configured_public_host(gw: Gateway) -> None:
    """Behind a proxy the request's host is the internal one: the configured origin wins."""
    signed = gw.client.sign_data(gw.client.build_body("alipay.trade.precreate", {
        "out_trade_no": "Q-1", "total_amount": "5.00", "subject": "Tea"}))
    params = dict(parse_qsl(signed, keep_blank_values=True))
    assert gw.context.alipay is not None
    public = replace(gw.context.alipay, public_base_url="https://pay.example.com/")
    answered = alipay_gateway.answer(gw.context, public, params, "http://10.0.0.7:8000/")
    verified = _ok(gw.client._verify_and_return_sync_response(
        answered.body, "alipay_trade_precreate_response"))
    (trade,) = gw.rows("SELECT id FROM alipay_trades WHERE out_trade_no = 'Q-1'")
    assert verified["qr_code"] == f"https://pay.example.com/wallet/pay/alipay/{trade.id}"
    assert gw.pay(trade.id, gw.buyer("CNY", 5_00)[1]).status_code == 200


def test_a_precreated_trades_qr_code_is_paid_on_the_wallets_page(gw: Gateway) -> None:
    """The ``qr_code`` opens the wallet's pay page (amount fixed); the signed-in customer pays
    with the PIN from their INR wallet (through a quote), consent ``customer``; the merchant
    is notified ``TRADE_SUCCESS``."""
    gw.buyer("INR", 500_00, phone="+919876588802")
    token = _signed_in_customer(gw, "+919876588802")["Authorization"].split()[1]
    created = _ok(gw.client.api_alipay_trade_precreate("Oolong tea", "Q-1", "8.00"))
    path = urlsplit(created["qr_code"]).path
    assert path.startswith("/wallet/pay/alipay/")
    with httpx.Client(base_url=gw.url, cookies={"paysetu_customer": token}) as phone:
        page = phone.get(path)
        assert page.status_code == 200
        assert "¥8.00" in page.text or "CN¥8.00" in page.text
        form = {"csrf_token": phone.cookies["paysetu_login_csrf"], "pin": "4826"}
        paid = phone.post(path, data=form)
        assert paid.status_code == 303, paid.text
        receipt = phone.get(paid.headers["location"])
        assert 'data-testid="receipt-heading">Paid<' in receipt.text
        again = phone.get(path)
        assert again.status_code == 303  # the payer's own trade: the receipt
    queried = _ok(gw.client.api_alipay_trade_query(out_trade_no="Q-1"))
    assert queried["trade_status"] == "TRADE_SUCCESS"
    payment = _payment(gw, queried["trade_no"])
    assert (payment.consent, payment.currency, payment.amount_minor) == (
        Consent.CUSTOMER, "CNY", 8_00)
    assert payment.fx_quote_id is not None
    assert gw.notify() == 1


def test_page_pay_offers_the_wallet_and_an_inr_wallet_pays_a_cny_trade(gw: Gateway) -> None:
    """``alipay.trade.page.pay`` lands on the hosted checkout, whose wallet option pays the
    trade from the signed-in customer's INR wallet through a quote; ``TRADE_SUCCESS``."""
    gw.buyer("INR", 500_00, phone="+919876588803")
    token = _signed_in_customer(gw, "+919876588803")["Authorization"].split()[1]
    trade_no, session_id = _open_page_trade(gw, "W-9", "12.00")
    checkout = httpx.get(f"{gw.url}/checkout/{session_id}")
    assert f'href="/wallet/pay/checkout/{session_id}"' in checkout.text
    with httpx.Client(base_url=gw.url, cookies={"paysetu_customer": token}) as phone:
        page = phone.get(f"/wallet/pay/checkout/{session_id}")
        assert 'data-testid="fx-note"' in page.text
        paid = phone.post(f"/wallet/pay/checkout/{session_id}", data={
            "csrf_token": phone.cookies["paysetu_login_csrf"], "pin": "4826"})
        assert (paid.status_code, paid.headers["location"]) == (303, f"/checkout/{session_id}")
    payment = _payment(gw, trade_no)
    assert (payment.consent, payment.currency, payment.amount_minor) == (
        Consent.CUSTOMER, "CNY", 12_00)
    assert payment.fx_quote_id is not None
    assert gw.notify() == 1
    ((form, verified),) = gw.receiver.received
    assert (form["trade_status"], form["out_trade_no"], verified) == ("TRADE_SUCCESS", "W-9",
                                                                       True)
