"""``close``, ``cancel``, ``refund`` and ``fastpay.refund.query``: ending and reversing trades.

Closing cancels the trade's paysetu payment while it waits for the buyer (an unpaid precreated
trade has none: the trade is marked closed). Cancelling closes an unpaid trade and refunds a
paid one in full. Refunds are paysetu refunds of the trade's payment, partial and repeated,
keyed by ``out_request_no`` (default: the ``out_trade_no``): the same number with the same
amount returns the refund already made (``fund_change`` ``N``), with another amount it is
``ACQ.CONTEXT_INCONSISTENT``; more than is left is ``ACQ.REFUND_AMT_NOT_EQUAL_TOTAL``.
``refund_reason`` becomes the paysetu refund's ``reason``.
"""

from __future__ import annotations

from typing import Any

from paysetu.alipay.rules.errors import AlipayError, AlipayRefused
from paysetu.alipay.rules.gateway import (
    TradeStatus,
    format_amount,
    format_time,
    out_no,
    parse_amount,
    text_field,
)
from paysetu.alipay.usecases import alipay_notifications
from paysetu.alipay.usecases.alipay_calls import GatewayCall, TradeView, find_trade, view
from paysetu.alipay.usecases.ports import AlipayUnitOfWork
from paysetu.checkout.usecases import checkout
from paysetu.kernel.invariants import InvariantViolation
from paysetu.payments.rules.payments import PaymentState, Refund, RefundState
from paysetu.payments.usecases import payments, refunds


def _ids(trade_view: TradeView) -> dict[str, Any]:
    return {"trade_no": trade_view.trade.id, "out_trade_no": trade_view.trade.out_trade_no}


def _close_unpaid(call: GatewayCall, trade_view: TradeView) -> None:
    payment, session = trade_view.payment, trade_view.trade.checkout_session_id
    if payment is not None and payment.status is PaymentState.REQUIRES_CONFIRMATION:
        payments.cancel_payment(call.ctx, call.uow, call.merchant, payment.id, "abandoned")
    else:
        if session is not None:  # the hosted page can no longer take the buyer's money
            checkout.expire_session(call.ctx, call.uow, call.merchant, session, call.base_url)
        call.uow.alipay.close_trade(trade_view.trade.id, call.ctx.clock.now())
    alipay_notifications.enqueue(
        call.ctx, call.uow, call.app, trade_view.trade, TradeStatus.TRADE_CLOSED,
        {"gmt_close": format_time(call.ctx.clock.now(), call.policy.timezone)})


def close(call: GatewayCall) -> dict[str, Any]:
    """Close a trade the buyer has not paid."""
    trade_view = find_trade(call, for_update=True)
    status = trade_view.status
    if status is TradeStatus.TRADE_CLOSED:
        raise AlipayRefused(AlipayError.TRADE_HAS_CLOSE)
    if status is TradeStatus.TRADE_SUCCESS:
        raise AlipayRefused(AlipayError.TRADE_STATUS_ERROR,
                            "A paid trade is not closed: refund or cancel it.")
    _close_unpaid(call, trade_view)
    return _ids(trade_view)


def cancel(call: GatewayCall) -> dict[str, Any]:
    """Undo a trade whatever its state: close it unpaid, refund it in full if paid."""
    trade_view = find_trade(call, for_update=True)
    status = trade_view.status
    action = "close"
    if status is TradeStatus.WAIT_BUYER_PAY:
        _close_unpaid(call, trade_view)
    elif status is TradeStatus.TRADE_SUCCESS and trade_view.payment is not None:
        _refund(call, trade_view, trade_view.trade.out_trade_no,
                trade_view.payment.refundable_minor)
        action = "refund"
    return {**_ids(trade_view), "retry_flag": "N", "action": action}


def _refund(call: GatewayCall, trade_view: TradeView, out_request_no: str,
            amount_minor: int, reason: str | None = None) -> Refund:
    payment = trade_view.payment
    if payment is None:
        raise InvariantViolation("only a paid trade is refunded")
    created = refunds.create_refund(
        call.ctx, call.uow, call.merchant, payment.id, amount_minor,
        reason, {"alipay_trade": trade_view.trade.id, "out_request_no": out_request_no})
    call.uow.alipay.insert_refund(trade_view.trade.id, out_request_no, str(created["id"]),
                                  call.ctx.clock.now())
    refund = call.uow.refunds.get(str(created["id"]))
    if refund is None:
        raise InvariantViolation("the refund just created exists")
    after = view(call.uow, trade_view.trade)
    refunded = 0 if after.payment is None else after.payment.amount_refunded_minor
    alipay_notifications.enqueue(call.ctx, call.uow, call.app, trade_view.trade, after.status, {
        "out_biz_no": out_request_no,
        "refund_fee": format_amount(refunded, trade_view.trade.currency),
        "gmt_refund": format_time(refund.created_at, call.policy.timezone),
    })
    return refund


def _refund_answer(call: GatewayCall, trade_view: TradeView, refund: Refund,
                   fund_change: bool) -> dict[str, Any]:
    after = view(call.uow, trade_view.trade)
    refunded = 0 if after.payment is None else after.payment.amount_refunded_minor
    currency = trade_view.trade.currency
    return {
        **_ids(trade_view), "fund_change": "Y" if fund_change else "N",
        "refund_fee": format_amount(refunded, currency),
        "send_back_fee": format_amount(refund.amount_minor, currency),
        "gmt_refund_pay": format_time(refund.created_at, call.policy.timezone),
        "buyer_user_id": "" if after.payment is None else after.payment.customer_id,
    }


def _existing(uow: AlipayUnitOfWork, trade_view: TradeView, out_request_no: str) -> Refund | None:
    refund_id = uow.alipay.find_refund(trade_view.trade.id, out_request_no)
    if refund_id is None:
        return None
    refund = uow.refunds.get(refund_id)
    if refund is None:
        raise InvariantViolation("a linked refund exists (foreign key)")
    return refund


def refund(call: GatewayCall) -> dict[str, Any]:
    """Refund part or all of a paid trade, once per ``out_request_no``."""
    trade_view = find_trade(call, for_update=True)
    trade = trade_view.trade
    amount = parse_amount(
        None if call.biz.get("refund_amount") is None else str(call.biz["refund_amount"]),
        trade.currency, "refund_amount")
    out_request_no = out_no(call.biz, "out_request_no", required=False) or trade.out_trade_no
    existing = _existing(call.uow, trade_view, out_request_no)
    if existing is not None:
        if existing.amount_minor != amount:
            raise AlipayRefused(AlipayError.CONTEXT_INCONSISTENT,
                                "out_request_no was used before with another refund_amount.")
        return _refund_answer(call, trade_view, existing, fund_change=False)
    if trade_view.payment is None or trade_view.payment.amount_captured_minor == 0:
        error = (AlipayError.TRADE_HAS_CLOSE if trade_view.status is TradeStatus.TRADE_CLOSED
                 else AlipayError.TRADE_NOT_ALLOW_REFUND)
        raise AlipayRefused(error)
    reason = text_field(call.biz, "refund_reason", required=False)
    made = _refund(call, trade_view, out_request_no, amount, reason)
    return _refund_answer(call, trade_view, made, fund_change=made.status is RefundState.SUCCEEDED)


def refund_query(call: GatewayCall) -> dict[str, Any]:
    """One refund of a trade, by ``out_request_no``; none yet: the ids alone (Alipay's way)."""
    trade_view = find_trade(call)
    out_request_no = out_no(call.biz, "out_request_no") or ""
    answer = {**_ids(trade_view), "out_request_no": out_request_no}
    existing = _existing(call.uow, trade_view, out_request_no)
    if existing is None:
        return answer
    currency = trade_view.trade.currency
    answer |= {
        "total_amount": format_amount(trade_view.trade.amount_minor, currency),
        "refund_amount": format_amount(existing.amount_minor, currency),
        "refund_status": ("REFUND_SUCCESS" if existing.status is RefundState.SUCCEEDED
                          else "REFUND_PROCESSING"),
        "gmt_refund_pay": format_time(existing.created_at, call.policy.timezone),
    }
    return answer
