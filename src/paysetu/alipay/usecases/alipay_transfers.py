"""``alipay.fund.trans.uni.transfer``: a payout from the merchant's balance to a buyer's wallet.

One balanced ledger entry moves the amount from the merchant's available balance to the wallet
(a merchant that cannot cover it is refused ``PAYER_BALANCE_NOT_ENOUGH``; a wallet that would
pass its KYC tier's limit, ``EXCEED_LIMIT_SM_AMOUNT``). The payee is
``payee_info.identity``: a paysetu wallet id, or a customer id (its wallet in the transfer's
currency: ``trans_currency``, CNY by default). ``out_biz_no`` makes it idempotent per app.
"""

from __future__ import annotations

from typing import Any

from paysetu.alipay.rules.errors import AlipayError, AlipayRefused
from paysetu.alipay.rules.gateway import (
    DEFAULT_CURRENCY,
    currency_field,
    format_amount,
    format_time,
    out_no,
    parse_amount,
    text_field,
)
from paysetu.alipay.rules.records import AlipayTransfer
from paysetu.alipay.usecases.alipay_calls import GatewayCall
from paysetu.alipay.usecases.alipay_trades import content_hash
from paysetu.alipay.usecases.ports import AlipayUnitOfWork
from paysetu.kernel.pagination import PageRequest
from paysetu.ledger.rules.errors import CreateEntryStatus, EntryRejected
from paysetu.payments.usecases.merchants import merchant_accounts
from paysetu.wallets.rules.errors import WalletRejected
from paysetu.wallets.rules.wallets import Wallet, transfer_entry
from paysetu.wallets.usecases.wallets import check_balance_limit

IDENTITY_TYPES = ("ALIPAY_USER_ID", "ALIPAY_LOGON_ID")


def _payee(uow: AlipayUnitOfWork, identity: str, currency: str) -> Wallet:
    if len(identity) > 64:
        raise AlipayRefused(AlipayError.PAYEE_NOT_EXIST)
    wallet = uow.wallets.get(identity) if identity.startswith("wal_") else None
    if wallet is None:
        wallets, _ = uow.wallets.list_page(identity, PageRequest(limit=100))
        wallet = next((w for w in wallets if w.currency == currency), None)
    if wallet is None or wallet.currency != currency:
        raise AlipayRefused(AlipayError.PAYEE_NOT_EXIST)
    return wallet


def _answer(call: GatewayCall, transfer: AlipayTransfer) -> dict[str, Any]:
    return {
        "out_biz_no": transfer.out_biz_no, "order_id": transfer.id,
        "pay_fund_order_id": transfer.entry_id, "status": "SUCCESS",
        "trans_date": format_time(transfer.created_at, call.policy.timezone),
        "trans_amount": format_amount(transfer.amount_minor, transfer.currency),
    }


def transfer(call: GatewayCall) -> dict[str, Any]:
    """Pay ``trans_amount`` from the merchant's balance into the payee's wallet."""
    biz = call.biz
    out_biz_no = out_no(biz, "out_biz_no") or ""
    currency = currency_field(biz, "trans_currency", DEFAULT_CURRENCY)
    amount = parse_amount(text_field(biz, "trans_amount"), currency, "trans_amount")
    payee = biz.get("payee_info")
    if not isinstance(payee, dict):
        raise AlipayRefused(AlipayError.INVALID_PARAMETER, "payee_info is required.")
    identity = text_field(payee, "identity") or ""
    if (text_field(payee, "identity_type", required=False) or IDENTITY_TYPES[0]) not in \
            IDENTITY_TYPES:
        raise AlipayRefused(AlipayError.INVALID_PARAMETER, "identity_type is ALIPAY_USER_ID.")
    request_hash = content_hash({"amount_minor": amount, "currency": currency,
                                 "identity": identity})
    existing = call.uow.alipay.find_transfer(call.app.id, out_biz_no)
    if existing is not None:
        if existing.request_hash != request_hash:
            raise AlipayRefused(AlipayError.CONTEXT_INCONSISTENT,
                                "out_biz_no was used before with other content.")
        return _answer(call, existing)
    wallet = _payee(call.uow, identity, currency)
    ctx = call.ctx
    accounts = merchant_accounts(ctx, call.uow, call.app.merchant_id, currency)
    entry_id = ctx.ids.new_id("je")
    meta = {"kind": "alipay_transfer", "merchant": call.app.merchant_id, "wallet": wallet.id,
            "alipay_app": call.app.id, "out_biz_no": out_biz_no}
    try:
        call.uow.ledger.apply([transfer_entry(entry_id, accounts.available, wallet.account_id,
                                              amount, currency, meta)], ctx.clock.now())
    except EntryRejected as rejection:
        if rejection.code is CreateEntryStatus.EXCEEDS_CREDITS:
            raise AlipayRefused(AlipayError.PAYER_BALANCE_NOT_ENOUGH) from None
        raise
    try:
        check_balance_limit(ctx, call.uow, wallet.id)
    except WalletRejected:
        raise AlipayRefused(AlipayError.PAYEE_LIMIT_EXCEEDED) from None
    made = AlipayTransfer(ctx.ids.new_id("trf"), call.app.id, out_biz_no, request_hash,
                          wallet.id, amount, currency, entry_id, ctx.clock.now())
    call.uow.alipay.insert_transfer(made)
    return _answer(call, made)
