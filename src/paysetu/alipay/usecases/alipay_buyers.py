"""The buyer's side of the gateway: payment codes and paying a trade from a wallet.

- A one-time payment code for a wallet: the barcode a buyer's wallet app shows at a till; the
  merchant's ``alipay.trade.pay`` (``auth_code``) charges that wallet. The customer asks for it
  from their own session, with the PIN (``POST /v1/customer/alipay_payment_codes``, the
  wallet's "Show my payment code"); only its SHA-256 is stored; it works once, within
  :data:`~paysetu.alipay.rules.gateway.PAYMENT_CODE_TTL_S`.
- Paying a trade from a wallet: what the wallet's pay page does after a precreated trade's QR
  code was scanned (:func:`customer_pays_trade`, the customer signed in and gave the PIN), or
  the wallet operator with a recorded reason (:func:`pay_trade`, the platform key). It creates
  (or confirms) the trade's paysetu payment and queues the ``TRADE_SUCCESS`` notification.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

from paysetu.alipay.rules.app_errors import AlipayAppRejected, AlipayAppStatus
from paysetu.alipay.rules.errors import AlipayRefused
from paysetu.alipay.rules.gateway import PAYMENT_CODE_TTL_S, payment_code_from
from paysetu.alipay.rules.records import AlipayTrade
from paysetu.alipay.usecases import alipay_trades
from paysetu.alipay.usecases.alipay_apps import gateway_policy
from paysetu.alipay.usecases.alipay_calls import view
from paysetu.alipay.usecases.ports import AlipayContext, AlipayUnitOfWork, WalletAlipayContext
from paysetu.customers.usecases import wallet_pay
from paysetu.customers.usecases.ports import PinHasher
from paysetu.kernel.invariants import InvariantViolation
from paysetu.kernel.timestamps import timestamp
from paysetu.payments.rules.mandates import masked_payee
from paysetu.payments.usecases.checks import storable
from paysetu.payments.usecases.objects import payment_object
from paysetu.wallets.rules.errors import WalletRejected, WalletStatus
from paysetu.wallets.rules.wallets import Wallet
from paysetu.wallets.usecases.wallets import get_wallet


def _wallet(uow: AlipayUnitOfWork, wallet_id: str) -> Wallet:
    if not storable(wallet_id):
        raise WalletRejected(WalletStatus.WALLET_NOT_FOUND, param="wallet")
    return get_wallet(uow, wallet_id)


def issue_payment_code(ctx: AlipayContext, uow: AlipayUnitOfWork, wallet_id: str) -> dict[str, Any]:
    """A fresh one-time payment code for the wallet (shown to the buyer, never stored)."""
    gateway_policy(ctx)
    wallet = _wallet(uow, wallet_id)
    code = payment_code_from(ctx.secrets.salt())
    now = ctx.clock.now()
    expires_at = now + timedelta(seconds=PAYMENT_CODE_TTL_S)
    uow.alipay.insert_payment_code(hashlib.sha256(code.encode()).digest(), wallet.id,
                                   expires_at, now)
    return {"object": "alipay_payment_code", "code": code, "wallet": wallet.id,
            "expires_at": timestamp(expires_at)}


def pay_trade(
    ctx: AlipayContext, uow: AlipayUnitOfWork, trade_no: str, wallet_id: str,
    operator_reason: str,
) -> dict[str, Any]:
    """The wallet operator pays the trade ``trade_no`` from the wallet, with its stated reason
    (recorded on the payment, its events and its ledger entries as an operator debit); the
    paysetu payment."""
    gateway_policy(ctx)
    trade = None
    if storable(trade_no) and len(trade_no) <= 64:
        trade = uow.alipay.find_trade(None, out_trade_no=None, trade_no=trade_no,
                                      for_update=True)
    if trade is None:
        raise AlipayAppRejected(AlipayAppStatus.ALIPAY_TRADE_NOT_FOUND, param="trade_no")
    wallet = _wallet(uow, wallet_id)
    app = uow.alipay.get_app(trade.app_id)
    if app is None:
        raise InvariantViolation("a trade's app exists (foreign key)")
    try:
        paid = alipay_trades.pay_from_wallet(ctx, uow, app, view(uow, trade, for_update=True),
                                             wallet, operator_reason)
    except AlipayRefused as refusal:
        raise AlipayAppRejected(AlipayAppStatus.ALIPAY_TRADE_NOT_PAYABLE, refusal.detail,
                                "trade_no") from None
    payment = uow.payments.get(paid.payment_id or "")
    if payment is None:
        raise InvariantViolation("a paid trade has its payment")
    return payment_object(payment)


def trade_to_pay(uow: AlipayUnitOfWork, trade_no: str) -> tuple[AlipayTrade, str, str | None]:
    """A trade as the wallet's pay page shows it: the trade, its merchant's masked name and the
    customer paying it, if paid (404 ``alipay_trade_not_found`` for none, or one paid on a
    checkout page, which has its own)."""
    trade = None
    if storable(trade_no) and len(trade_no) <= 64:
        trade = uow.alipay.find_trade(None, out_trade_no=None, trade_no=trade_no)
    if trade is None or trade.checkout_session_id is not None:
        raise AlipayAppRejected(AlipayAppStatus.ALIPAY_TRADE_NOT_FOUND, param="trade_no")
    app = uow.alipay.get_app(trade.app_id)
    merchant = None if app is None else uow.merchants.get(app.merchant_id)
    payment = None if trade.payment_id is None else uow.payments.get(trade.payment_id)
    paid_by = payment.customer_id if payment is not None and payment.status.value in (
        "succeeded", "requires_capture") else None
    return trade, "?" if merchant is None else masked_payee(merchant.legal_name), paid_by


def customer_pays_trade(
    ctx: AlipayContext, uow: AlipayUnitOfWork, trade_no: str, wallet: Wallet
) -> dict[str, Any]:
    """The signed-in customer (PIN checked by the caller) pays the trade from their ``wallet``:
    consent ``customer``; the paysetu payment."""
    gateway_policy(ctx)
    trade = None
    if storable(trade_no) and len(trade_no) <= 64:
        trade = uow.alipay.find_trade(None, out_trade_no=None, trade_no=trade_no,
                                      for_update=True)
    if trade is None:
        raise AlipayAppRejected(AlipayAppStatus.ALIPAY_TRADE_NOT_FOUND, param="trade_no")
    app = uow.alipay.get_app(trade.app_id)
    if app is None:
        raise InvariantViolation("a trade's app exists (foreign key)")
    try:
        paid = alipay_trades.pay_from_wallet(ctx, uow, app, view(uow, trade, for_update=True),
                                             wallet, customer_approved=True)
    except AlipayRefused as refusal:
        raise AlipayAppRejected(AlipayAppStatus.ALIPAY_TRADE_NOT_PAYABLE, refusal.detail,
                                "trade_no") from None
    payment = uow.payments.get(paid.payment_id or "")
    if payment is None:
        raise InvariantViolation("a paid trade has its payment")
    return payment_object(payment)


def customer_payment_code(
    ctx: WalletAlipayContext, hasher: PinHasher, customer_id: str, currency: str, pin: str
) -> dict[str, Any]:
    """A payment code for the signed-in customer's own wallet in ``currency``, after the PIN
    (a code spends money at a till: it is as good as an approval)."""
    gateway_policy(ctx)
    with ctx.reader() as uow:
        wallet_pay.paying_wallet(uow, customer_id, currency)
    wallet_pay.check_pin(ctx, hasher, customer_id, pin)
    with ctx.uow_factory() as uow:
        wallet_pay.approved(ctx, uow, customer_id)
        code = issue_payment_code(ctx, uow, wallet_pay.paying_wallet(uow, customer_id,
                                                                     currency).id)
        uow.commit()
    return code
