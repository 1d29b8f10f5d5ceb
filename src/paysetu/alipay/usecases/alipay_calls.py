"""What every gateway method shares: the verified call, trade lookups, and paysetu's refusals
translated into Alipay's codes.

A method runs inside the gateway's one transaction (:mod:`paysetu.alipay.usecases.alipay_gateway`):
it acts as the app's merchant (a merchant :class:`Principal`), so paysetu's own scoping rules
apply unchanged, and anything it raises rolls everything back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from paysetu.access.rules.principals import Principal, Role
from paysetu.alipay.rules.errors import AlipayError, AlipayRefused
from paysetu.alipay.rules.gateway import (
    DEFAULT_CURRENCY,
    CommonParams,
    TradeStatus,
    format_amount,
    format_time,
    out_no,
    rate_text,
    trade_status,
)
from paysetu.alipay.rules.records import AlipayApp, AlipayTrade
from paysetu.alipay.usecases import alipay_notifications
from paysetu.alipay.usecases.ports import AlipayContext, AlipayPolicy, AlipayUnitOfWork
from paysetu.kernel.invariants import InvariantViolation
from paysetu.ledger.rules.errors import PaysetuError
from paysetu.payments.rules.errors import PaymentStatus
from paysetu.payments.rules.fx_errors import FxStatus
from paysetu.payments.rules.fx_quotes import inverse_rate
from paysetu.payments.rules.payments import Payment
from paysetu.wallets.rules.errors import WalletStatus

_TRANSLATED: tuple[tuple[Any, AlipayError], ...] = (
    (PaymentStatus.EXCEEDS_AVAILABLE_BALANCE, AlipayError.BUYER_BALANCE_NOT_ENOUGH),
    (WalletStatus.EXCEEDS_AVAILABLE_BALANCE, AlipayError.BUYER_BALANCE_NOT_ENOUGH),
    (PaymentStatus.REFUND_EXCEEDS_CAPTURED, AlipayError.REFUND_AMT_NOT_EQUAL_TOTAL),
    (FxStatus.RATE_UNAVAILABLE, AlipayError.EXCHANGE_RATE_UNAVAILABLE),
    (FxStatus.RATE_STALE, AlipayError.EXCHANGE_RATE_UNAVAILABLE),
)
"""paysetu codes with an Alipay counterpart (compared by identity: codes of different enums
may share a value). Any other refusal is ``ACQ.INVALID_PARAMETER`` with paysetu's message, or
``ACQ.SYSTEM_ERROR`` when it is transient."""


def translated(error: PaysetuError) -> AlipayRefused:
    """A paysetu refusal met inside a gateway method, in Alipay's terms."""
    for code, alipay in _TRANSLATED:
        if error.code is code:
            return AlipayRefused(alipay, error.message)
    if error.code.transient:
        return AlipayRefused(AlipayError.SYSTEM_ERROR, error.message)
    return AlipayRefused(AlipayError.INVALID_PARAMETER, error.message)


@dataclass(frozen=True, slots=True)
class GatewayCall:
    """A request whose app, signature, timestamp and freshness were verified.

    Attributes:
        base_url: The gateway's own origin (``http://host:port/``), for URLs it hands out.
    """

    ctx: AlipayContext
    uow: AlipayUnitOfWork
    policy: AlipayPolicy
    app: AlipayApp
    common: CommonParams
    biz: dict[str, Any]
    base_url: str

    @property
    def merchant(self) -> Principal:
        return merchant_caller(self.app)


def merchant_caller(app: AlipayApp) -> Principal:
    """The app's merchant, as the caller of paysetu's payment services."""
    return Principal(f"alipay_{app.id}", Role.MERCHANT, app.merchant_id, False)


@dataclass(frozen=True, slots=True)
class TradeView:
    """A trade with its paysetu payment (if any) and the Alipay status they give."""

    trade: AlipayTrade
    payment: Payment | None

    @property
    def status(self) -> TradeStatus:
        p = self.payment
        return trade_status(
            closed=self.trade.closed_at is not None,
            payment_status=None if p is None else p.status.value,
            captured_minor=0 if p is None else p.amount_captured_minor,
            refunded_minor=0 if p is None else p.amount_refunded_minor,
        )


def view(uow: AlipayUnitOfWork, trade: AlipayTrade, *, for_update: bool = False) -> TradeView:
    if trade.payment_id is None:
        return TradeView(trade, None)
    payment = uow.payments.get(trade.payment_id, for_update=for_update)
    if payment is None:
        raise InvariantViolation("a trade's payment exists (foreign key)")
    return TradeView(trade, payment)


def linked(ctx: AlipayContext, uow: AlipayUnitOfWork, app: AlipayApp,
           trade: AlipayTrade) -> AlipayTrade:
    """A page/wap trade whose checkout session was paid takes that session's payment (once,
    under the trade's row lock) and queues its ``TRADE_SUCCESS`` notification."""
    if trade.payment_id is not None or trade.checkout_session_id is None:
        return trade
    locked = uow.alipay.find_trade(app.id, out_trade_no=None, trade_no=trade.id,
                                   for_update=True)
    session = uow.checkout_sessions.get(trade.checkout_session_id)
    if locked is None or locked.payment_id is not None or session is None \
            or session.payment_id is None:
        return locked or trade
    uow.alipay.set_trade_payment(trade.id, session.payment_id)
    paid = replace(locked, payment_id=session.payment_id)
    notify_paid(ctx, uow, app, paid)
    return paid


def find_trade(call: GatewayCall, *, for_update: bool = False) -> TradeView:
    """The trade ``biz_content`` names by ``out_trade_no`` and/or ``trade_no`` (a page/wap
    trade paid on its checkout page is linked to that payment first: :func:`linked`)."""
    out_trade_no = out_no(call.biz, "out_trade_no", required=False)
    trade_no = call.biz.get("trade_no")
    if trade_no is not None and (not isinstance(trade_no, str) or len(trade_no) > 64
                                 or "\x00" in trade_no):
        raise AlipayRefused(AlipayError.INVALID_PARAMETER, "trade_no is not valid.")
    if out_trade_no is None and not trade_no:
        raise AlipayRefused(AlipayError.INVALID_PARAMETER,
                            "out_trade_no or trade_no is required.")
    trade = call.uow.alipay.find_trade(call.app.id, out_trade_no=out_trade_no,
                                       trade_no=trade_no or None, for_update=for_update)
    if trade is None:
        raise AlipayRefused(AlipayError.TRADE_NOT_EXIST)
    return view(call.uow, linked(call.ctx, call.uow, call.app, trade), for_update=for_update)


def payment_fields(
    uow: AlipayUnitOfWork, policy: AlipayPolicy, trade_view: TradeView
) -> dict[str, str]:
    """What a paid trade adds to a query answer: buyer, amounts, time, and the FX terms."""
    trade, payment = trade_view.trade, trade_view.payment
    fields: dict[str, str] = {}
    if trade.currency != DEFAULT_CURRENCY:
        fields |= {"trans_currency": trade.currency, "settle_currency": trade.currency}
    if payment is None or payment.amount_captured_minor == 0:
        return fields
    total = format_amount(trade.amount_minor, trade.currency)
    fields |= {"buyer_user_id": payment.customer_id, "receipt_amount": total,
               "buyer_pay_amount": total}
    charges, _ = uow.ledger.find_entries(
        metadata={"kind": "payment", "payment": payment.id}, limit=1, starting_after=None)
    if charges:
        fields["send_pay_date"] = format_time(charges[0].created_at, policy.timezone)
    if payment.fx_quote_id is not None:
        quote = uow.fx_quotes.get(payment.fx_quote_id)
        if quote is None:
            raise InvariantViolation("a payment's quote exists (foreign key)")
        terms = quote.terms
        pay_amount = format_amount(terms.sell_amount_minor, terms.sell_currency)
        fields |= {
            "pay_currency": terms.sell_currency, "pay_amount": pay_amount,
            "buyer_pay_amount": pay_amount, "settle_amount": total,
            "trans_pay_rate": rate_text(inverse_rate(terms.customer_rate)),
            "settle_trans_rate": "1",
            "trans_currency": trade.currency, "settle_currency": trade.currency,
        }
    return fields


def notify_paid(
    ctx: AlipayContext, uow: AlipayUnitOfWork, app: AlipayApp, trade: AlipayTrade
) -> None:
    """Queue ``TRADE_SUCCESS`` for a trade just paid."""
    if ctx.alipay is None:
        return
    paid = payment_fields(uow, ctx.alipay.for_app(app), view(uow, trade))
    fields = {k: v for k, v in paid.items() if k not in ("buyer_user_id", "send_pay_date")}
    fields |= {
        "buyer_id": paid.get("buyer_user_id", ""),
        "gmt_payment": paid.get("send_pay_date", ""),
    }
    alipay_notifications.enqueue(ctx, uow, app, trade, TradeStatus.TRADE_SUCCESS, fields)
