"""The wallet's pages for the Alipay-compatible gateway: the pay page of a precreated trade
(what the ``qr_code`` of ``alipay.trade.precreate`` opens, ``/wallet/pay/alipay/{trade_no}``)
and the customer's one-time payment code to show at a till (``/wallet/pay-code``).

The amount is the trade's, fixed. The customer signs in (mobile number and one-time code, if
not yet) and approves with the PIN; paying is the customers' one use case
(:mod:`paysetu.customers.usecases.wallet_pay`): the PIN checked in its own transaction, then
in one transaction its count cleared and the trade paid from the customer's own wallet
(consent ``customer``; through an FX quote when the wallet's currency is not the trade's:
the customer's wallet in the trade's currency first, else the INR one) with the merchant's
``TRADE_SUCCESS`` notification queued. The customer then sees the wallet's receipt.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, Response

from paysetu.alipay.usecases import alipay_buyers
from paysetu.alipay.usecases.ports import WalletAlipayContext, WalletAlipayUnitOfWork
from paysetu.customers.api.deps import Pins
from paysetu.customers.pages.pay_common import pay_values
from paysetu.customers.pages.wallet_kit import page as wallet_page
from paysetu.customers.pages.wallet_kit import signed_in
from paysetu.customers.rules.pay_links import PAY_PATH
from paysetu.customers.usecases import wallet_pay
from paysetu.kernel.ports import TransientConflictError
from paysetu.ledger.rules.errors import PaysetuError
from paysetu.payments.rules.errors import PaymentRejected
from paysetu.shell.http.context import app_context
from paysetu.shell.http.error_mapping import http_status
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.pages.auth import Form
from paysetu.shell.pages.qr import qr_svg
from paysetu.shell.pages.rendering import redirect
from paysetu.wallets.rules.wallets import Wallet

router = APIRouter(include_in_schema=False)
Context = Annotated[WalletAlipayContext, Depends(app_context)]
BUSY = "The payment service is busy; nothing was charged. Please try again."
FALLBACK_CURRENCY = "INR"


def _path(trade_no: str) -> str:
    return f"{PAY_PATH}alipay/{quote(trade_no, safe='')}"


def _wallet(uow: WalletAlipayUnitOfWork, customer_id: str, currency: str) -> Wallet:
    try:
        return wallet_pay.paying_wallet(uow, customer_id, currency)
    except PaymentRejected:
        return wallet_pay.paying_wallet(uow, customer_id, FALLBACK_CURRENCY)


def _page(request: Request, context: Context, trade_no: str, *,
          error: PaysetuError | None = None, page_error: str | None = None,
          status_code: int = 200) -> Response:
    try:
        with context.reader() as uow:
            trade, payee, paid_by = alipay_buyers.trade_to_pay(uow, trade_no)
    except PaysetuError as refusal:
        return wallet_page(request, context, "pay_scan.html", {"error": refusal},
                           status_code=http_status(refusal))
    customer = signed_in(request, context)
    if paid_by is not None and customer is not None and paid_by == customer.customer_id:
        return redirect(f"/wallet/pay/receipt/{quote(trade.payment_id or '', safe='')}")
    values = pay_values(request, context, payee=payee, action=_path(trade.id),
                        currency=trade.currency, amount_minor=trade.amount_minor,
                        description=trade.subject or None)
    values |= {"error": error, "page_error": page_error, "already_paid": paid_by is not None}
    return wallet_page(request, context, "pay.html", values, status_code=status_code)


@router.get("/wallet/pay/alipay/{trade_no}", response_class=HTMLResponse)
def wallet_pay_trade(request: Request, trade_no: str, context: Context) -> Response:
    return _page(request, context, trade_no)


@router.post("/wallet/pay/alipay/{trade_no}", response_class=HTMLResponse)
def wallet_pay_trade_submit(
    request: Request, trade_no: str, context: Context, hasher: Pins, form: Form
) -> Response:
    customer = signed_in(request, context)
    if customer is None:
        return redirect(_path(trade_no))
    try:
        with context.reader() as uow:  # refusals that need no PIN first
            trade, _, _ = alipay_buyers.trade_to_pay(uow, trade_no)
            _wallet(uow, customer.customer_id, trade.currency)
        wallet_pay.check_pin(context, hasher, customer.customer_id, form.text("pin"))
        with context.uow_factory() as uow:
            wallet_pay.approved(context, uow, customer.customer_id)
            wallet = _wallet(uow, customer.customer_id, trade.currency)
            payment = alipay_buyers.customer_pays_trade(context, uow, trade_no, wallet)
            uow.commit()
    except PaysetuError as error:
        return _page(request, context, trade_no, error=error, status_code=http_status(error))
    except TransientConflictError:
        return _page(request, context, trade_no, page_error=BUSY, status_code=503)
    return redirect(f"/wallet/pay/receipt/{quote(str(payment['id']), safe='')}")


PAY_CODE_PATH = "/wallet/pay-code"


@router.get(PAY_CODE_PATH, response_class=HTMLResponse)
def wallet_pay_code(request: Request, context: Context) -> Response:
    """Ask for a payment code (the wallet's currency and the PIN)."""
    if signed_in(request, context) is None:
        return redirect("/wallet")
    return wallet_page(request, context, "pay_code.html", {})


@router.post(PAY_CODE_PATH, response_class=HTMLResponse)
def wallet_pay_code_issue(
    request: Request, context: Context, hasher: Pins, form: Form
) -> Response:
    """Show a fresh one-time code (digits and QR code) for the till to scan, once."""
    customer = signed_in(request, context)
    if customer is None:
        return redirect("/wallet")
    try:
        code = alipay_buyers.customer_payment_code(
            context, hasher, customer.customer_id, form.text("currency") or "INR",
            form.text("pin"))
    except PaysetuError as error:
        return wallet_page(request, context, "pay_code.html", {"error": error},
                           status_code=http_status(error))
    return wallet_page(request, context, "pay_code.html", {
        "code": code, "code_qr": qr_svg(str(code["code"]), label="Your payment code")})
