"""The buyer's side of the gateway, as the wallet operator (the platform key) runs it.

- A one-time payment code for a wallet: the barcode a buyer's wallet app shows at a till; the
  merchant's ``alipay.trade.pay`` (``auth_code``) charges that wallet. Only its SHA-256 is
  stored; it works once, within :data:`~paysetu.alipay.rules.gateway.PAYMENT_CODE_TTL_S`.
- Paying a trade from a wallet: what the wallet app does after scanning a precreated trade's QR
  code (or to confirm a trade created for this buyer). It creates (or confirms) the trade's
  paysetu payment and queues the ``TRADE_SUCCESS`` notification.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

from paysetu.alipay.rules.app_errors import AlipayAppRejected, AlipayAppStatus
from paysetu.alipay.rules.errors import AlipayRefused
from paysetu.alipay.rules.gateway import PAYMENT_CODE_TTL_S, payment_code_from
from paysetu.alipay.usecases import alipay_trades
from paysetu.alipay.usecases.alipay_apps import gateway_policy
from paysetu.alipay.usecases.alipay_calls import view
from paysetu.alipay.usecases.ports import AlipayContext, AlipayUnitOfWork
from paysetu.kernel.invariants import InvariantViolation
from paysetu.kernel.timestamps import timestamp
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
