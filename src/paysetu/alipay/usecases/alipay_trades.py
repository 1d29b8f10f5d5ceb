"""Trades: ``precreate``, ``create``, ``pay`` (barcode) and ``query``, on paysetu payments.

A trade is an app's ``out_trade_no`` linked to a paysetu payment; the payment, its refunds and
the ledger are the only bookkeeping. ``create`` names the buyer (``buyer_id``: a paysetu
customer id), so its payment exists at once, ``requires_confirmation``; ``precreate`` has no
buyer yet, so its payment is created when the buyer pays (:func:`pay_from_wallet`); ``pay``
takes the buyer's one-time payment code and charges at once. A buyer whose wallet holds another
currency than the trade's pays through a paysetu FX quote (cross-border): the merchant is
credited the trade's amount, the buyer pays the quote's amount in its own currency.

The same ``out_trade_no`` with the same content returns the existing trade (a retry); with other
content it is ``ACQ.CONTEXT_INCONSISTENT``.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from paysetu.alipay.rules.errors import AlipayError, AlipayRefused
from paysetu.alipay.rules.gateway import (
    DEFAULT_CURRENCY,
    PAYMENT_CODE_PREFIX,
    SUBJECT_LENGTH_MAX,
    Method,
    TradeStatus,
    currency_field,
    format_amount,
    out_no,
    parse_amount,
    text_field,
)
from paysetu.alipay.rules.records import AlipayApp, AlipayTrade
from paysetu.alipay.usecases import alipay_notifications
from paysetu.alipay.usecases.alipay_calls import (
    GatewayCall,
    TradeView,
    find_trade,
    merchant_caller,
    notify_paid,
    payment_fields,
    view,
)
from paysetu.alipay.usecases.ports import AlipayContext, AlipayUnitOfWork
from paysetu.events.usecases.targets import target_problem
from paysetu.kernel.invariants import InvariantViolation
from paysetu.kernel.pagination import PageRequest
from paysetu.payments.usecases import fx_quotes, payments
from paysetu.wallets.rules.wallets import Wallet

QR_PATH = "wallet/pay/alipay/"
"""The QR code of a precreated trade is ``<gateway origin>/wallet/pay/alipay/<trade_no>``: any
phone camera opens the wallet's pay page for it (the amount fixed; sign in, approve with the
PIN): ``alipay/pages/alipay_wallet_pages.py``."""


def content_hash(content: dict[str, Any]) -> str:
    """A digest of what a request asked for, to tell a retry from a conflicting reuse."""
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def _check_notify_url(call: GatewayCall) -> None:
    """A request's own ``notify_url`` is held to the rules of a registered one."""
    url = call.common.notify_url
    problem = None if url is None else target_problem(
        call.ctx.webhook_targets, url, https_only=False)
    if problem is not None:
        raise AlipayRefused(AlipayError.INVALID_PARAMETER, f"notify_url: {problem}")


def _requested(call: GatewayCall, method: Method, buyer: str | None,
               return_url: str | None) -> AlipayTrade:
    biz = call.biz
    out_trade_no = out_no(biz, "out_trade_no")
    currency = currency_field(biz, "trans_currency", DEFAULT_CURRENCY)
    if currency_field(biz, "settle_currency", currency) != currency:
        raise AlipayRefused(AlipayError.INVALID_PARAMETER,
                            "settle_currency must equal trans_currency: paysetu settles a trade"
                            " in the currency it is priced in.")
    amount = parse_amount(text_field(biz, "total_amount"), currency, "total_amount")
    subject = text_field(biz, "subject") or ""
    if len(subject) > SUBJECT_LENGTH_MAX:
        raise AlipayRefused(AlipayError.INVALID_PARAMETER, "subject is too long.")
    content = {"method": method.value, "amount_minor": amount, "currency": currency,
               "subject": subject, "buyer": buyer}
    if out_trade_no is None:
        raise InvariantViolation("out_no(required=True) returns text")
    _check_notify_url(call)
    return AlipayTrade(
        id=call.ctx.ids.new_id("trd"), app_id=call.app.id, out_trade_no=out_trade_no,
        method=method.value, request_hash=content_hash(content), amount_minor=amount,
        currency=currency, subject=subject, sign_type=call.common.sign_type,
        notify_url=call.common.notify_url, payment_id=None, closed_at=None,
        created_at=call.ctx.clock.now(), return_url=return_url,
    )


def open_trade(call: GatewayCall, method: Method, buyer: str | None = None,
               return_url: str | None = None) -> tuple[AlipayTrade, bool]:
    """The new trade (True), or the existing one this request retries (False)."""
    trade = _requested(call, method, buyer, return_url)
    if call.uow.alipay.insert_trade(trade):
        return trade, True
    existing = call.uow.alipay.find_trade(call.app.id, out_trade_no=trade.out_trade_no,
                                          trade_no=None, for_update=True)
    if existing is None:
        raise InvariantViolation("a conflicting insert means the trade exists")
    if existing.request_hash != trade.request_hash:
        raise AlipayRefused(AlipayError.CONTEXT_INCONSISTENT,
                            "out_trade_no was used before with other content.")
    return existing, False


def _new_payment(ctx: AlipayContext, uow: AlipayUnitOfWork, app: AlipayApp, trade: AlipayTrade,
                 wallet: Wallet, *, confirm: bool, operator_reason: str | None = None,
                 customer_approved: bool = False) -> str:
    """Create the trade's paysetu payment from ``wallet`` (through an FX quote when the
    wallet's currency is not the trade's) and link it; its id. Confirmed at once when
    ``confirm``: by the buyer present (``customer_approved``: signed in, PIN checked), or by
    the wallet operator with ``operator_reason``."""
    caller = merchant_caller(app)
    quote = None
    if wallet.currency != trade.currency:
        quote = fx_quotes.create_quote(ctx, uow, caller, fx_quotes.CreateQuote(
            sell_currency=wallet.currency, buy_currency=trade.currency,
            buy_amount_minor=trade.amount_minor, merchant=app.merchant_id))["id"]
    created = payments.create_payment(ctx, uow, caller, payments.CreatePayment(
        amount_minor=trade.amount_minor, currency=trade.currency, wallet=wallet.id,
        merchant=app.merchant_id, description=trade.subject or None,
        metadata={"alipay_app": app.id, "alipay_trade": trade.id,
                  "out_trade_no": trade.out_trade_no},
        confirm=confirm and operator_reason is None, fx_quote=quote,
        buyer_present=confirm and operator_reason is None and not customer_approved,
        customer_approved=confirm and customer_approved))
    uow.alipay.set_trade_payment(trade.id, str(created["id"]))
    if confirm and operator_reason is not None:
        payments.confirm_payment(ctx, uow, caller, str(created["id"]),
                                 operator_reason=operator_reason)
    return str(created["id"])


def pay_from_wallet(ctx: AlipayContext, uow: AlipayUnitOfWork, app: AlipayApp,
                    trade_view: TradeView, wallet: Wallet,
                    operator_reason: str | None = None, *,
                    customer_approved: bool = False) -> AlipayTrade:
    """The buyer pays an open trade from ``wallet`` (with its payment code, or signed in with
    the PIN on the wallet's pay page: ``customer_approved``), or the wallet operator does with
    ``operator_reason`` recorded; the trade as it is now."""
    trade, payment = trade_view.trade, trade_view.payment
    status = trade_view.status
    if status is TradeStatus.TRADE_CLOSED:
        raise AlipayRefused(AlipayError.TRADE_HAS_CLOSE)
    if status is TradeStatus.TRADE_SUCCESS:
        raise AlipayRefused(AlipayError.TRADE_HAS_SUCCESS)
    if trade.checkout_session_id is not None:
        raise AlipayRefused(AlipayError.TRADE_STATUS_ERROR,
                            "This trade is paid on its hosted checkout page.")
    if payment is not None:
        if payment.wallet_id != wallet.id:
            raise AlipayRefused(AlipayError.INVALID_PARAMETER,
                                "This trade was created for another buyer.")
        payments.confirm_payment(ctx, uow, merchant_caller(app), payment.id,
                                 buyer_present=operator_reason is None and not customer_approved,
                                 operator_reason=operator_reason,
                                 customer_approved=customer_approved)
    else:
        _new_payment(ctx, uow, app, trade, wallet, confirm=True, operator_reason=operator_reason,
                     customer_approved=customer_approved)
    paid = uow.alipay.find_trade(app.id, out_trade_no=None, trade_no=trade.id)
    if paid is None:
        raise InvariantViolation("the trade being paid exists")
    notify_paid(ctx, uow, app, paid)
    return paid


def _buyer_wallet(uow: AlipayUnitOfWork, customer_id: str, currency: str) -> Wallet:
    """The buyer's wallet in the trade's currency, else its CNY wallet, else its first one."""
    wallets, _ = uow.wallets.list_page(customer_id, PageRequest(limit=100))
    for wanted in (currency, DEFAULT_CURRENCY):
        for wallet in wallets:
            if wallet.currency == wanted:
                return wallet
    if not wallets:
        raise AlipayRefused(AlipayError.BUYER_NOT_EXIST)
    return wallets[-1]


def _trade_answer(trade: AlipayTrade) -> dict[str, Any]:
    return {"out_trade_no": trade.out_trade_no, "trade_no": trade.id}


def _still_open(trade_view: TradeView) -> None:
    if trade_view.status is TradeStatus.TRADE_CLOSED:
        raise AlipayRefused(AlipayError.TRADE_HAS_CLOSE)


def precreate(call: GatewayCall) -> dict[str, Any]:
    """A trade without a buyer yet, and the QR code the buyer's wallet scans."""
    trade, _ = open_trade(call, Method.PRECREATE)
    _still_open(view(call.uow, trade))
    return {"out_trade_no": trade.out_trade_no, "qr_code": f"{call.base_url}{QR_PATH}{trade.id}"}


def create(call: GatewayCall) -> dict[str, Any]:
    """A trade for a known buyer: its paysetu payment waits for the buyer's confirmation."""
    buyer = text_field(call.biz, "buyer_id") or ""
    trade, created = open_trade(call, Method.CREATE, buyer)
    if created:
        if len(buyer) > 64 or call.uow.customers.get(buyer) is None:
            raise AlipayRefused(AlipayError.BUYER_NOT_EXIST)
        wallet = _buyer_wallet(call.uow, buyer, trade.currency)
        _new_payment(call.ctx, call.uow, call.app, trade, wallet, confirm=False)
        alipay_notifications.enqueue(call.ctx, call.uow, call.app, trade,
                                     TradeStatus.WAIT_BUYER_PAY, {})
    return _trade_answer(trade)


def pay(call: GatewayCall) -> dict[str, Any]:
    """Barcode payment: the buyer's one-time code names the wallet; charged at once."""
    scene = text_field(call.biz, "scene", required=False) or "bar_code"
    if scene not in ("bar_code", "wave_code"):
        raise AlipayRefused(AlipayError.INVALID_PARAMETER, "scene is bar_code or wave_code.")
    auth_code = text_field(call.biz, "auth_code") or ""
    trade, created = open_trade(call, Method.PAY)
    if created:
        if not (auth_code.isascii() and auth_code.isdigit()
                and auth_code.startswith(PAYMENT_CODE_PREFIX)):
            raise AlipayRefused(AlipayError.PAYMENT_AUTH_CODE_INVALID)
        digest = hashlib.sha256(auth_code.encode()).digest()
        wallet_id = call.uow.alipay.take_payment_code(digest, call.ctx.clock.now())
        wallet = None if wallet_id is None else call.uow.wallets.get(wallet_id)
        if wallet is None:
            raise AlipayRefused(AlipayError.PAYMENT_AUTH_CODE_INVALID)
        trade = pay_from_wallet(call.ctx, call.uow, call.app, view(call.uow, trade), wallet)
    trade_view = view(call.uow, trade)
    _still_open(trade_view)
    fields = payment_fields(call.uow, call.policy, trade_view)
    if "send_pay_date" in fields:
        fields["gmt_payment"] = fields.pop("send_pay_date")
    return {**_trade_answer(trade),
            "total_amount": format_amount(trade.amount_minor, trade.currency), **fields}


def query(call: GatewayCall) -> dict[str, Any]:
    """The trade's status and, once paid, the buyer, amounts and FX terms."""
    trade_view = find_trade(call)
    trade = trade_view.trade
    return {
        **_trade_answer(trade), "trade_status": trade_view.status.value,
        "total_amount": format_amount(trade.amount_minor, trade.currency),
        **payment_fields(call.uow, call.policy, trade_view),
    }
