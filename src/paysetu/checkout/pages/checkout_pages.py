"""The hosted checkout page ``/checkout/{session}``: choose a currency, see the locked rate, pay.

The buyer is anonymous: the session id in the URL is the credential (see
:mod:`paysetu.checkout.usecases.checkout_buyer`), and forms carry the double-submit CSRF token
of the web foundation (a SameSite cookie plus a hidden field), so another site cannot post them.

One URL shows the session in whatever state it is: the checkout while open, the receipt once
paid, a notice once expired. Every POST answers 303 back to it (post/redirect/get), so reload
and the back button never re-post; a second pay (double click, another tab) lands on the
receipt because the service answers a paid session with its receipt. A refusal re-renders the
page with the message next to the field at fault, with the API's status code.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from babel.numbers import get_currency_name
from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from paysetu.checkout.api.deps import WalletContext as Context
from paysetu.checkout.pages.checkout_wallet_pages import wallet_option
from paysetu.checkout.rules.errors import CheckoutRejected, CheckoutStatus
from paysetu.checkout.rules.sessions import PRESENTMENT_CURRENCIES, CheckoutState, return_url_for
from paysetu.checkout.usecases import checkout_buyer
from paysetu.checkout.usecases.checkout_buyer import CheckoutView, PayCheckout
from paysetu.checkout.usecases.ports import CheckoutContext
from paysetu.kernel.ports import TransientConflictError
from paysetu.ledger.rules.errors import PaysetuError
from paysetu.shell.http.error_mapping import http_status
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.pages.auth import (
    Form,
    OptionalSession,
    ensure_login_csrf,
    page_not_found,
    set_login_csrf_cookie,
)
from paysetu.shell.pages.money_format import format_money_minor
from paysetu.shell.pages.rendering import redirect, render

router = APIRouter(include_in_schema=False)
BUSY = "The payment service is busy; nothing was charged. Please try again."
PAGE_HEADERS = {"Cache-Control": "no-store", "Referrer-Policy": "same-origin"}
"""Never cached (the back button asks the server, which shows the receipt once paid), and the
URL, which is the session's credential, is not sent as the Referer to other sites."""


def _load(context: CheckoutContext, session_id: str) -> CheckoutView:
    try:
        with context.uow_factory() as uow:
            return checkout_buyer.buyer_view(context, uow, session_id)
    except CheckoutRejected as refusal:
        if refusal.code is CheckoutStatus.CHECKOUT_SESSION_NOT_FOUND:
            raise page_not_found() from None
        raise


def _rate_text(rate: Decimal) -> str:
    return format(rate.quantize(Decimal("0.000001")).normalize(), "f")


def _currencies(price_currency: str) -> list[tuple[str, str]]:
    codes = [price_currency, *(c for c in PRESENTMENT_CURRENCIES if c != price_currency)]
    return [(code, str(get_currency_name(code, locale="en_IN"))) for code in codes]


def _page_values(view: CheckoutView) -> dict[str, Any]:
    """What the checkout template shows: the order, the chosen currency, its quote, the total."""
    session, quote = view.session, view.quote
    chosen = session.presentment_currency or session.currency
    pays = (session.amount_minor, session.currency) if quote is None else (
        quote.terms.sell_amount_minor, quote.terms.sell_currency)
    return {
        "view": view, "cs": session, "merchant_name": view.merchant_name,
        "currencies": _currencies(session.currency), "chosen": chosen, "quote": quote,
        "quote_expired": view.quote_expired,
        "seconds_left": 0 if quote is None else max(
            0, int((quote.expires_at - view.now).total_seconds())),
        "rate": None if quote is None else _rate_text(quote.terms.customer_rate),
        "pay_label": format_money_minor(*pays),
        "receipt_url": return_url_for(session),
    }


def _show(request: Request, context: Context, view: CheckoutView, *,
          error: PaysetuError | None = None, error_field: str | None = None,
          page_error: str | None = None, source: dict[str, str] | None = None,
          status_code: int = 200) -> Response:
    """The page for the session's state, with an optional refusal to show next to
    ``error_field`` (default: the refusal's own ``param``)."""
    new_token = ensure_login_csrf(request, context)
    state = view.state
    if state is CheckoutState.COMPLETE:
        template, values = "checkout_receipt.html", _page_values(view)
    elif state is CheckoutState.EXPIRED:
        template, values = "checkout_expired.html", {"cs": view.session,
                                                     "merchant_name": view.merchant_name}
        status_code = 410
    else:
        template, values = "checkout_page.html", _page_values(view)
        values |= wallet_option(request, context, view.session.id)
    values |= {"error": error, "error_field": error_field or (error and error.param),
               "page_error": page_error, "source": source or {"source": "card"}}
    response = render(request, template, values, status_code=status_code)
    response.headers.update(PAGE_HEADERS)
    if new_token is not None:
        set_login_csrf_cookie(request, response, new_token)
    return response


@router.get("/checkout/{session_id}", response_class=HTMLResponse)
def checkout_page(
    request: Request, session_id: str, context: Context, _session: OptionalSession
) -> Response:
    return _show(request, context, _load(context, session_id))


def _refused(request: Request, context: Context, session_id: str, error: PaysetuError, *,
             error_field: str | None = None, source: dict[str, str] | None = None) -> Response:
    return _show(request, context, _load(context, session_id), error=error,
                 error_field=error_field, source=source, status_code=http_status(error))


@router.post("/checkout/{session_id}/currency", response_class=HTMLResponse)
def choose_currency(request: Request, session_id: str, context: Context, form: Form) -> Response:
    """Price the session in the chosen currency (a quote is locked); re-posting the same
    currency after its quote expired is the visible re-quote."""
    before = _load(context, session_id)
    try:
        with context.uow_factory() as uow:
            view = checkout_buyer.choose_currency(context, uow, session_id,
                                                  form.text("presentment_currency"))
            uow.commit()
    except PaysetuError as error:  # no rate for the currency: said next to the list
        field = "presentment_currency" if error.param is None else None
        return _refused(request, context, session_id, error, error_field=field)
    except TransientConflictError:
        return _show(request, context, before, page_error=BUSY, status_code=503)
    return redirect(f"/checkout/{session_id}", flash=_requote_note(before, view))


def _requote_note(before: CheckoutView, after: CheckoutView) -> str | None:
    """Say so when the buyer's amount changed because a new rate was locked."""
    old, new = before.quote, after.quote
    if new is None or old is None or old.id == new.id:
        return None
    if old.terms.sell_currency != new.terms.sell_currency:
        return None
    was = format_money_minor(old.terms.sell_amount_minor, old.terms.sell_currency)
    now = format_money_minor(new.terms.sell_amount_minor, new.terms.sell_currency)
    return f"New rate locked: you pay {now} (was {was})."


@router.post("/checkout/{session_id}/pay", response_class=HTMLResponse)
def pay(request: Request, session_id: str, context: Context, form: Form) -> Response:
    """Pay once; a session already paid (another tab, a double click) shows its receipt."""
    source = {name: form.text(name) for name in ("source", "card_number", "upi_id")}
    command = PayCheckout(
        presentment_currency=form.text("presentment_currency"),
        fx_quote=form.text("fx_quote") or None, source=source["source"],
        card_number=source["card_number"] or None, upi_id=source["upi_id"] or None)
    try:
        with context.uow_factory() as uow:
            view = checkout_buyer.pay_session(context, uow, session_id, command,
                                              public_base=str(request.base_url).rstrip("/"))
            uow.commit()
    except PaysetuError as error:
        source.pop("card_number")  # never echo a card number back into the page
        return _refused(request, context, session_id, error, source=source)
    except TransientConflictError:
        return _show(request, context, _load(context, session_id), page_error=BUSY,
                     status_code=503)
    # the receipt's heading already says "Payment received": a flash would say it twice
    note = None if view.newly_paid else "This checkout was already paid; here is its receipt."
    return redirect(f"/checkout/{session_id}", flash=note)
