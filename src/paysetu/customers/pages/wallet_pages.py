"""The customer's wallet pages (``/wallet``): sign in with a code, set the PIN, answer
payments, sign out. The rest of the app (home, top-up, history, mandates) has its own modules.

The customer session travels in its own cookie (``paysetu_customer``, HttpOnly, SameSite=Lax,
path ``/wallet``), separate from the dashboard's. By default it is a browser-session cookie (a
shared phone forgets it when the browser closes; the server's session also ends after
``session_ttl_s``); "Keep me signed in on this phone" makes it last ``remember_ttl_s`` (7 days,
its Max-Age). Forms carry the pre-login double-submit CSRF token. Every POST answers 303
(post/redirect/get); a refusal re-renders the page with its message.
"""

from __future__ import annotations

from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from paysetu.customers.api.deps import (
    CUSTOMER_COOKIE,
    Context,
    Pins,
    client_address,
    session_token,
)
from paysetu.customers.pages.wallet_kit import page as _page
from paysetu.customers.pages.wallet_kit import signed_in as _customer
from paysetu.customers.rules.identity import CustomerSession
from paysetu.customers.usecases import approvals, pins, sign_in, sms
from paysetu.ledger.rules.errors import PaysetuError
from paysetu.shell.http.error_mapping import http_status
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.pages.auth import Form, PostedForm, safe_next
from paysetu.shell.pages.page_terms import N_
from paysetu.shell.pages.rendering import redirect

router = APIRouter(include_in_schema=False)
HOME = "/wallet/home"


@router.get("/wallet", response_class=HTMLResponse)
def wallet_sign_in(request: Request, context: Context) -> Response:
    if _customer(request, context) is not None:
        return redirect(HOME)
    return _page(request, context, "sign_in.html", {"step": "phone"})


def _pay_page(value: str | None) -> str:
    """Where a sign-in started from a pay page goes back to (only a wallet pay page)."""
    target = safe_next(value, "")
    return target if target.startswith("/wallet/pay/") else ""


def _next(form: PostedForm) -> str:
    return _pay_page(form.text("next"))


@router.post("/wallet/code", response_class=HTMLResponse)
def wallet_send_code(request: Request, context: Context, form: Form) -> Response:
    phone = form.text("phone")
    back = _next(form)
    try:
        sent = sign_in.request_code(context, phone, client_address(request))
    except PaysetuError as error:
        return _page(request, context, "sign_in.html",
                     {"step": "phone", "error": error, "next": back},
                     status_code=http_status(error))
    return _page(request, context, "sign_in.html",
                 {"step": "code", "phone": phone, "masked": sent["phone"], "next": back})


@router.post("/wallet/session", response_class=HTMLResponse)
def wallet_verify_code(request: Request, context: Context, form: Form) -> Response:
    phone = form.text("phone")
    back = _next(form)
    remember = form.text("remember") == "yes"
    try:
        token, session = sign_in.verify_code(context, phone, form.text("code"),
                                             remember=remember)
    except PaysetuError as error:
        return _page(request, context, "sign_in.html",
                     {"step": "code", "phone": phone, "masked": phone, "error": error,
                      "next": back}, status_code=http_status(error))
    if pins.has_pin(context, session.customer_id):
        target = back or HOME
    else:  # the PIN first, then back to the pay page the sign-in started from
        target = f"/wallet/pin?next={quote(back, safe='')}" if back else "/wallet/pin"
    response = redirect(target)
    response.set_cookie(CUSTOMER_COOKIE, token,
                        max_age=context.customers.remember_ttl_s if remember else None,
                        httponly=True, samesite="lax", secure=request.url.scheme == "https",
                        path="/wallet")
    return response


@router.get("/wallet/pin", response_class=HTMLResponse)
def wallet_pin(request: Request, context: Context) -> Response:
    if _customer(request, context) is None:
        return redirect("/wallet")
    return _page(request, context, "pin.html",
                 {"next": _pay_page(request.query_params.get("next"))})


@router.post("/wallet/pin", response_class=HTMLResponse)
def wallet_set_pin(request: Request, context: Context, hasher: Pins, form: Form) -> Response:
    customer = _customer(request, context)
    if customer is None:
        return redirect("/wallet")
    back = _next(form)
    if form.text("pin") != form.text("pin_again"):
        return _page(request, context, "pin.html", {"mismatch": True, "next": back},
                     status_code=400)
    try:
        pins.set_pin(context, hasher, customer.customer_id, form.text("pin"),
                     form.text("code") or None)
    except PaysetuError as error:
        return _page(request, context, "pin.html", {"error": error, "next": back},
                     status_code=http_status(error))
    return redirect(back or HOME, flash=N_("Your payment PIN is set."))


def _approvals(request: Request, context: Context, customer: CustomerSession, *,
               error: PaysetuError | None = None, status_code: int = 200) -> Response:
    return _page(request, context, "approvals.html", {
        "pending": approvals.pending(context, customer.customer_id), "error": error},
        status_code=status_code)


@router.get("/wallet/approvals/{payment_id}", response_class=HTMLResponse)
def wallet_approval(payment_id: str) -> Response:
    """A payment's ``next_action`` URL: the list, scrolled to it."""
    return redirect(f"/wallet/approvals#{quote(payment_id, safe='')}")


@router.get("/wallet/approvals", response_class=HTMLResponse)
def wallet_approvals(request: Request, context: Context) -> Response:
    """Everything waiting for the customer."""
    customer = _customer(request, context)
    if customer is None:
        return redirect("/wallet")
    return _approvals(request, context, customer)


@router.post("/wallet/approvals/{payment_id}", response_class=HTMLResponse)
def wallet_answer_payment(
    request: Request, payment_id: str, context: Context, hasher: Pins, form: Form
) -> Response:
    customer = _customer(request, context)
    if customer is None:
        return redirect("/wallet")
    try:
        if form.text("answer") == "approve":
            approvals.approve_payment(context, hasher, customer.customer_id, payment_id,
                                      form.text("pin"))
            note = N_("Paid.")
        else:
            approvals.refuse_payment(context, customer.customer_id, payment_id)
            note = N_("Refused: nothing was paid.")
    except PaysetuError as error:
        return _approvals(request, context, customer, error=error,
                          status_code=http_status(error))
    return redirect("/wallet/approvals", flash=note)


@router.post("/wallet/sign_out", response_class=HTMLResponse)
def wallet_sign_out(request: Request, context: Context, _form: Form) -> Response:
    token = session_token(request)
    if token:
        sign_in.sign_out(context, token)
    response = redirect("/wallet")
    response.delete_cookie(CUSTOMER_COOKIE, path="/wallet")
    return response


@router.get("/wallet/outbox", response_class=HTMLResponse)
def wallet_outbox(request: Request, context: Context) -> Response:
    """The demo's SMS outbox (only when ``paysetu run`` turns it on: it shows live codes)."""
    if not getattr(request.app.state, "show_sms_outbox", False):
        return redirect("/wallet")
    messages = [(m.phone_e164, m.body) for m in sms.recent_messages(context)]
    return _page(request, context, "outbox.html", {"messages": messages})
