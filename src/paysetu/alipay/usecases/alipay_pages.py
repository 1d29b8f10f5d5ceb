"""``alipay.trade.page.pay`` and ``alipay.trade.wap.pay``: the browser pays on paysetu's hosted
checkout page and comes back to the merchant with signed parameters.

1. The merchant's site sends the browser to ``/gateway.do?<signed parameters>`` (the SDK's
   ``api_alipay_trade_page_pay`` builds that query). The gateway verifies it like any call,
   opens the trade (idempotent by ``out_trade_no``: a reload reopens the same trade) and a
   checkout session for its price (``checkout/usecases/checkout.py``), and redirects to its page.
2. The buyer pays there (card or UPI, in the price currency or another through a quote). The
   checkout calls :func:`checkout_paid` in the transaction that pays the session: the trade
   takes the session's payment (:func:`~paysetu.alipay.usecases.alipay_calls.linked`) and its
   ``TRADE_SUCCESS`` notification is queued with the payment itself, so the merchant hears of
   it promptly whether or not the buyer ever comes back.
3. The checkout page sends the browser to ``/alipay/return/<trade_no>``, which redirects it to
   the merchant's ``return_url`` with Alipay's synchronous return parameters, signed like a
   notification (the SDK's ``verify()`` accepts them). The return and a query of the trade
   link it too (a no-op once linked), for sessions paid before the hook existed.

Lock order: paying locks the session, then (in the hook) the trade; closing a page trade locks
the trade, then expires the session. The two racing is a deadlock PostgreSQL breaks by aborting
one transaction, which is answered as a transient failure with nothing written (the checkout
page's "busy, nothing was charged", the gateway's ``ACQ.SYSTEM_ERROR``).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from paysetu.alipay.rules.app_errors import AlipayAppRejected, AlipayAppStatus
from paysetu.alipay.rules.gateway import (
    Method,
    format_amount,
    format_time,
    notification_sign_content,
)
from paysetu.alipay.usecases.alipay_calls import GatewayCall, linked
from paysetu.alipay.usecases.alipay_trades import open_trade
from paysetu.alipay.usecases.ports import AlipayContext, AlipayPolicy, AlipayUnitOfWork
from paysetu.checkout.rules.sessions import CheckoutSession, check_url
from paysetu.checkout.usecases import checkout
from paysetu.kernel.invariants import InvariantViolation
from paysetu.payments.usecases.checks import storable

RETURN_PATH = "alipay/return/"
TRADE_METADATA = "alipay_trade"
"""The checkout session's metadata key naming its trade (set by :func:`page_pay`)."""
REDIRECT = "redirect"
"""The key of a browser method's answer: where the gateway sends the browser."""


def page_pay(call: GatewayCall) -> dict[str, Any]:
    """Open the trade and its checkout session; the checkout page's URL."""
    method = Method(call.common.method)
    if call.common.return_url is not None:
        check_url(call.common.return_url, "return_url")  # refused: ACQ.INVALID_PARAMETER
    trade, _ = open_trade(call, method, return_url=call.common.return_url)
    if trade.checkout_session_id is None:
        session = checkout.create_session(
            call.ctx, call.uow, call.merchant, checkout.CreateCheckoutSession(
                amount_minor=trade.amount_minor, currency=trade.currency,
                return_url=f"{call.base_url}{RETURN_PATH}{trade.id}",
                description=trade.subject or None, client_reference=None,
                metadata={"alipay_app": call.app.id, TRADE_METADATA: trade.id,
                          "out_trade_no": trade.out_trade_no}),
            call.base_url)
        call.uow.alipay.set_trade_checkout(trade.id, str(session["id"]))
        session_id = str(session["id"])
    else:
        session_id = trade.checkout_session_id
    return {REDIRECT: checkout.checkout_url(call.base_url, session_id)}


def checkout_paid(ctx: AlipayContext, uow: AlipayUnitOfWork, session: CheckoutSession) -> None:
    """The checkout's hook, in the transaction that just paid ``session``: the page/wap trade
    opened on it takes the payment and queues ``TRADE_SUCCESS``. Sessions of no trade pass
    through; the metadata is the merchant's to write, so the trade must name this session back.
    """
    trade_no = session.metadata.get(TRADE_METADATA)
    if trade_no is None or not storable(trade_no) or len(trade_no) > 64:
        return
    trade = uow.alipay.find_trade(None, out_trade_no=None, trade_no=trade_no)
    if trade is None or trade.checkout_session_id != session.id:
        return
    app = uow.alipay.get_app(trade.app_id)
    if app is None:
        raise InvariantViolation("a trade's app exists (foreign key)")
    linked(ctx, uow, app, trade)


def _signed_return(policy: AlipayPolicy, return_url: str, params: dict[str, str],
                   sign_type: str) -> str:
    """``return_url`` with ``params`` added and signed over its whole query (the merchant's own
    parameters included, which ours replace on a clash): the merchant's code hands every query
    parameter to ``verify()``, as it does with Alipay."""
    parts = urlsplit(return_url)
    query = {k: v for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in params}
    query |= params
    query["sign"] = policy.keys.sign(notification_sign_content(query), sign_type)
    return urlunsplit(parts._replace(query=urlencode(query)))


def browser_return(ctx: AlipayContext, uow: AlipayUnitOfWork, policy: AlipayPolicy,
                   trade_no: str, base_url: str) -> str:
    """Where the browser goes after the checkout page: the merchant's ``return_url`` with the
    signed return parameters (the checkout page itself when the trade named none)."""
    base_url = policy.public_base_url or base_url
    trade = None
    if storable(trade_no) and len(trade_no) <= 64:
        trade = uow.alipay.find_trade(None, out_trade_no=None, trade_no=trade_no)
    if trade is None or trade.checkout_session_id is None:
        raise AlipayAppRejected(AlipayAppStatus.ALIPAY_TRADE_NOT_FOUND, param="trade_no")
    app = uow.alipay.get_app(trade.app_id)
    if app is None:
        raise InvariantViolation("a trade's app exists (foreign key)")
    trade = linked(ctx, uow, app, trade)
    if trade.return_url is None:
        return checkout.checkout_url(base_url, trade.checkout_session_id or "")
    params = {
        "app_id": app.id, "auth_app_id": app.id, "charset": "utf-8", "version": "1.0",
        "method": f"{trade.method}.return", "seller_id": app.merchant_id,
        "out_trade_no": trade.out_trade_no, "trade_no": trade.id,
        "total_amount": format_amount(trade.amount_minor, trade.currency),
        "timestamp": format_time(ctx.clock.now(), policy.for_app(app).timezone),
        "sign_type": trade.sign_type,
    }
    return _signed_return(policy, trade.return_url, params, trade.sign_type)
