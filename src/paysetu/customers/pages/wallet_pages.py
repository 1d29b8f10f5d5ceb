"""The customer's wallet pages (``/wallet``): sign in with a code, set the PIN, answer
payments and mandates. Small on purpose: the wallet app of issue 17 builds on the same use
cases and the ``/v1/customer`` API.

The customer session travels in its own cookie (``paysetu_customer``, HttpOnly, SameSite=Lax),
separate from the dashboard's; forms carry the pre-login double-submit CSRF token. Every POST
answers 303 (post/redirect/get); a refusal re-renders the page with its message.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.customers.api.deps import (
    CUSTOMER_COOKIE,
    Context,
    Pins,
    client_address,
    session_token,
)
from paysetu.customers.rules.errors import CustomerRejected
from paysetu.customers.rules.identity import CustomerSession
from paysetu.customers.usecases import approvals, pins, sign_in, sms
from paysetu.kernel.pagination import PageRequest
from paysetu.ledger.rules.errors import PaysetuError
from paysetu.shell.http.error_mapping import http_status
from paysetu.shell.pages.auth import Form, ensure_login_csrf, set_login_csrf_cookie
from paysetu.shell.pages.rendering import redirect, render

router = APIRouter(include_in_schema=False)
HEADERS = {"Cache-Control": "no-store", "Referrer-Policy": "same-origin"}
MANDATE_ACTIONS = ("approve", "refuse", "pause", "resume", "revoke")


def wallet_page(
    request: Request, context: Context, template: str, values: dict[str, Any], *,
    status_code: int = 200,
) -> Response:
    """A ``templates/wallet`` page, uncached, with the pre-login CSRF cookie when new."""
    new_token = ensure_login_csrf(request, context)
    response = render(request, f"wallet/{template}", values, status_code=status_code)
    response.headers.update(HEADERS)
    if new_token is not None:
        set_login_csrf_cookie(request, response, new_token)
    return response


def customer_of(request: Request, context: Context) -> CustomerSession | None:
    """The signed-in customer of the ``paysetu_customer`` cookie, or None."""
    try:
        return sign_in.current_session(context, request.cookies.get(CUSTOMER_COOKIE))
    except CustomerRejected:
        return None


@router.get("/wallet", response_class=HTMLResponse)
def wallet_sign_in(request: Request, context: Context) -> Response:
    if customer_of(request, context) is not None:
        return redirect("/wallet/approvals")
    return wallet_page(request, context, "sign_in.html", {"step": "phone"})


@router.post("/wallet/code", response_class=HTMLResponse)
def wallet_send_code(request: Request, context: Context, form: Form) -> Response:
    phone = form.text("phone")
    try:
        sent = sign_in.request_code(context, phone, client_address(request))
    except PaysetuError as error:
        return wallet_page(request, context, "sign_in.html", {"step": "phone", "error": error},
                     status_code=http_status(error))
    return wallet_page(request, context, "sign_in.html",
                 {"step": "code", "phone": phone, "masked": sent["phone"]})


@router.post("/wallet/session", response_class=HTMLResponse)
def wallet_verify_code(request: Request, context: Context, form: Form) -> Response:
    phone = form.text("phone")
    try:
        token, session = sign_in.verify_code(context, phone, form.text("code"))
    except PaysetuError as error:
        return wallet_page(request, context, "sign_in.html",
                     {"step": "code", "phone": phone, "masked": phone, "error": error},
                     status_code=http_status(error))
    target = "/wallet/approvals" if pins.has_pin(context, session.customer_id) else "/wallet/pin"
    response = redirect(target)
    response.set_cookie(CUSTOMER_COOKIE, token, max_age=context.customers.session_ttl_s,
                        httponly=True, samesite="lax", secure=request.url.scheme == "https",
                        path="/wallet")
    return response


@router.get("/wallet/pin", response_class=HTMLResponse)
def wallet_pin(request: Request, context: Context) -> Response:
    if customer_of(request, context) is None:
        return redirect("/wallet")
    return wallet_page(request, context, "pin.html", {})


@router.post("/wallet/pin", response_class=HTMLResponse)
def wallet_set_pin(request: Request, context: Context, hasher: Pins, form: Form) -> Response:
    customer = customer_of(request, context)
    if customer is None:
        return redirect("/wallet")
    if form.text("pin") != form.text("pin_again"):
        return wallet_page(request, context, "pin.html", {"mismatch": True}, status_code=400)
    try:
        pins.set_pin(context, hasher, customer.customer_id, form.text("pin"),
                     form.text("code") or None)
    except PaysetuError as error:
        return wallet_page(request, context, "pin.html", {"error": error},
                     status_code=http_status(error))
    return redirect("/wallet/approvals", flash="Your payment PIN is set.")


def _approvals(request: Request, context: Context, customer: CustomerSession, *,
               error: PaysetuError | None = None, status_code: int = 200) -> Response:
    mandates, _ = approvals.list_mandates(context, customer.customer_id, PageRequest(limit=50))
    return wallet_page(request, context, "approvals.html", {
        "pending": approvals.pending(context, customer.customer_id), "mandates": mandates,
        "error": error}, status_code=status_code)


@router.get("/wallet/approvals/{payment_id}", response_class=HTMLResponse)
def wallet_approval(payment_id: str) -> Response:
    """A payment's ``next_action`` URL: the list, scrolled to it."""
    return redirect(f"/wallet/approvals#{quote(payment_id, safe='')}")


@router.get("/wallet/approvals", response_class=HTMLResponse)
def wallet_approvals(request: Request, context: Context) -> Response:
    """Everything waiting for the customer."""
    customer = customer_of(request, context)
    if customer is None:
        return redirect("/wallet")
    return _approvals(request, context, customer)


@router.post("/wallet/approvals/{payment_id}", response_class=HTMLResponse)
def wallet_answer_payment(
    request: Request, payment_id: str, context: Context, hasher: Pins, form: Form
) -> Response:
    customer = customer_of(request, context)
    if customer is None:
        return redirect("/wallet")
    try:
        if form.text("answer") == "approve":
            approvals.approve_payment(context, hasher, customer.customer_id, payment_id,
                                      form.text("pin"))
            note = "Paid."
        else:
            approvals.refuse_payment(context, customer.customer_id, payment_id)
            note = "Refused: nothing was paid."
    except PaysetuError as error:
        return _approvals(request, context, customer, error=error,
                          status_code=http_status(error))
    return redirect("/wallet/approvals", flash=note)


@router.post("/wallet/mandates/{mandate_id}", response_class=HTMLResponse)
def wallet_answer_mandate(
    request: Request, mandate_id: str, context: Context, hasher: Pins, form: Form
) -> Response:
    customer = customer_of(request, context)
    if customer is None:
        return redirect("/wallet")
    action = form.text("action")
    try:
        if action not in MANDATE_ACTIONS:
            raise RequestRejected(RequestStatus.PARAMETER_INVALID, "Unknown action.", "action")
        mandate = approvals.act_on_mandate(context, hasher, customer.customer_id, mandate_id,
                                           action, form.text("pin") or None)
    except PaysetuError as error:
        return _approvals(request, context, customer, error=error,
                          status_code=http_status(error))
    return redirect("/wallet/approvals", flash=f"Mandate {mandate['status']}.")


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
    return wallet_page(request, context, "outbox.html", {"messages": messages})
