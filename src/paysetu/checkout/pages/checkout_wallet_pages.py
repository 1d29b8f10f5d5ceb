"""Pay a checkout session from a paysetu wallet: the checkout page's "Pay with paysetu
wallet" option and what its dynamic QR code opens (``/wallet/pay/checkout/{session}``).

The page lives under ``/wallet/`` so the customer's session cookie reaches it; a customer who
is not signed in signs in with the mobile number and a one-time code and comes back here. The
amount is the session's, fixed. Paying is the customers' one use case
(:mod:`paysetu.customers.usecases.wallet_pay`): the PIN checked first (its own transaction,
locked after three wrong ones), then in one transaction the PIN's count cleared, the session
paid from the customer's own wallet in its currency (else their INR wallet, through a quote
locked at that moment; consent ``customer``) and completed,
and the Alipay gateway told (``checkout_paid``): so a page-pay trade paid this way notifies
its merchant as any other. The buyer then lands on the checkout's receipt, which sends them
back to the merchant.
"""

from __future__ import annotations

from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from paysetu.checkout.api.deps import WalletContext
from paysetu.checkout.rules.errors import CheckoutRejected, CheckoutStatus
from paysetu.checkout.rules.sessions import CheckoutState
from paysetu.checkout.usecases import checkout_buyer
from paysetu.checkout.usecases.checkout_buyer import CheckoutView
from paysetu.checkout.usecases.ports import WalletCheckoutUnitOfWork
from paysetu.customers.api.deps import Pins
from paysetu.customers.pages.pay_common import pay_values, public_base
from paysetu.customers.pages.wallet_kit import page as wallet_page
from paysetu.customers.pages.wallet_kit import signed_in
from paysetu.customers.rules.pay_links import PAY_PATH, pay_url
from paysetu.customers.usecases import wallet_pay
from paysetu.kernel.phones import masked
from paysetu.kernel.ports import TransientConflictError
from paysetu.ledger.rules.errors import PaysetuError
from paysetu.payments.rules.errors import PaymentRejected
from paysetu.shell.http.error_mapping import http_status
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.pages.auth import Form, page_not_found
from paysetu.shell.pages.qr import qr_svg
from paysetu.shell.pages.rendering import redirect
from paysetu.wallets.rules.wallets import Wallet

router = APIRouter(include_in_schema=False)
FALLBACK_CURRENCY = "INR"
BUSY = "The payment service is busy; nothing was charged. Please try again."


def wallet_pay_path(session_id: str) -> str:
    return f"{PAY_PATH}checkout/{quote(session_id, safe='')}"


def wallet_option(request: Request, context: WalletContext, session_id: str) -> dict[str, object]:
    """What the checkout page shows of the wallet option: the link, and the dynamic QR code
    (its payload: this server's ``/wallet/pay/checkout/{session}``) for a phone to scan."""
    url = pay_url(public_base(request, context), wallet_pay_path(session_id))
    return {"wallet_pay_path": wallet_pay_path(session_id), "wallet_pay_url": url,
            "wallet_qr": qr_svg(url, label="QR code to pay this checkout from a paysetu wallet")}


def _wallet(uow: WalletCheckoutUnitOfWork, customer_id: str, currency: str) -> Wallet:
    """The customer's wallet in the session's currency, else their INR one (through a quote)."""
    try:
        return wallet_pay.paying_wallet(uow, customer_id, currency)
    except PaymentRejected:
        return wallet_pay.paying_wallet(uow, customer_id, FALLBACK_CURRENCY)


def _view(context: WalletContext, session_id: str) -> CheckoutView:
    try:
        with context.reader() as uow:
            return checkout_buyer.buyer_view(context, uow, session_id)
    except CheckoutRejected as refusal:
        if refusal.code is CheckoutStatus.CHECKOUT_SESSION_NOT_FOUND:
            raise page_not_found() from None
        raise


def _page(request: Request, context: WalletContext, view: CheckoutView, *,
          error: PaysetuError | None = None, page_error: str | None = None,
          status_code: int = 200) -> Response:
    session = view.session
    values = pay_values(request, context, payee=view.merchant_name,
                        action=wallet_pay_path(session.id), currency=session.currency,
                        amount_minor=session.amount_minor, description=session.description)
    values |= {"error": error, "page_error": page_error}
    return wallet_page(request, context, "pay.html", values, status_code=status_code)


@router.get("/wallet/pay/checkout/{session_id}", response_class=HTMLResponse)
def wallet_pay_checkout(request: Request, session_id: str, context: WalletContext) -> Response:
    view = _view(context, session_id)
    if view.state is not CheckoutState.OPEN:
        return redirect(f"/checkout/{quote(session_id, safe='')}")
    return _page(request, context, view)


@router.post("/wallet/pay/checkout/{session_id}", response_class=HTMLResponse)
def wallet_pay_checkout_submit(
    request: Request, session_id: str, context: WalletContext, hasher: Pins, form: Form
) -> Response:
    customer = signed_in(request, context)
    if customer is None:
        return redirect(wallet_pay_path(session_id))
    view = _view(context, session_id)
    receipt = f"/checkout/{quote(session_id, safe='')}"
    if view.state is not CheckoutState.OPEN:
        return redirect(receipt)
    try:
        with context.reader() as uow:  # refusals that need no PIN first
            _wallet(uow, customer.customer_id, view.session.currency)
        wallet_pay.check_pin(context, hasher, customer.customer_id, form.text("pin"))
        with context.uow_factory() as uow:
            wallet_pay.approved(context, uow, customer.customer_id)
            wallet = _wallet(uow, customer.customer_id, view.session.currency)
            phone = uow.customer_auth.customer_phone(customer.customer_id)
            checkout_buyer.pay_session_from_wallet(
                context, uow, session_id, wallet, masked(phone) if phone else wallet.id,
                public_base=public_base(request, context))
            uow.commit()
    except PaysetuError as error:
        return _page(request, context, view, error=error, status_code=http_status(error))
    except TransientConflictError:
        return _page(request, context, view, page_error=BUSY, status_code=503)
    return redirect(receipt)
