"""The wallet's send and request pages (``/wallet/send``, ``/wallet/requests``).

Sending is two steps, as UPI apps do it: the number and amount first, then a confirmation
page that shows the payee's masked name (the look-up is counted, like the API's) and asks for
the PIN. The confirmation carries an idempotency key of its own, so a double tap or a resent
form sends once. Requests: ask a number for an amount; answer the ones asked of you (pay with
the PIN or decline); cancel your own. Outcomes come back as a ``done`` word the template
translates (the flash cookie would carry English only).
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.customers.api.deps import Context, Pins
from paysetu.customers.pages.wallet_kit import page as wallet_page
from paysetu.customers.pages.wallet_kit import signed_in as customer_of
from paysetu.customers.rules.identity import CustomerSession
from paysetu.customers.usecases import money_requests, transfers
from paysetu.kernel.money import AmountFormatError, Money
from paysetu.ledger.rules.errors import PaysetuError
from paysetu.shell.http.error_mapping import http_status
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.pages.auth import Form
from paysetu.shell.pages.rendering import redirect

router = APIRouter(include_in_schema=False)
CURRENCY = "INR"
REQUEST_ANSWERS = ("pay", "decline", "cancel")


def _amount_minor(text: str) -> int:
    try:
        return Money.parse(text.replace(",", ""), CURRENCY).amount_minor
    except AmountFormatError:
        raise RequestRejected(RequestStatus.PARAMETER_INVALID,
                              "The amount is rupees with at most 2 decimals.", "amount") from None


def _send_page(request: Request, context: Context, values: dict[str, Any], *,
               status_code: int = 200) -> Response:
    return wallet_page(request, context, "send.html", values, status_code=status_code)


@router.get("/wallet/send", response_class=HTMLResponse)
def wallet_send(request: Request, context: Context, sent: str | None = None) -> Response:
    customer = customer_of(request, context)
    if customer is None:
        return redirect("/wallet")
    done = None
    if sent:
        try:
            done = transfers.get_transfer(context, customer.customer_id, sent)
        except PaysetuError:
            done = None
    return _send_page(request, context, {"step": "details", "sent": done})


@router.post("/wallet/send/check", response_class=HTMLResponse)
def wallet_send_check(request: Request, context: Context, form: Form) -> Response:
    """Show who the number belongs to (masked) and ask for the PIN."""
    customer = customer_of(request, context)
    if customer is None:
        return redirect("/wallet")
    values = {"phone": form.text("phone"), "amount": form.text("amount"),
              "note": form.text("note")}
    try:
        amount_minor = _amount_minor(values["amount"])
        _, payee = transfers.find_payee(context, customer.customer_id, values["phone"])
    except PaysetuError as error:
        return _send_page(request, context, {"step": "details", "error": error, **values},
                          status_code=http_status(error))
    return _send_page(request, context, {
        "step": "confirm", "payee": payee, "amount_minor": amount_minor,
        "key": context.ids.new_id("snd"), **values})


@router.post("/wallet/send", response_class=HTMLResponse)
def wallet_send_money(request: Request, context: Context, hasher: Pins, form: Form) -> Response:
    customer = customer_of(request, context)
    if customer is None:
        return redirect("/wallet")
    values = {"phone": form.text("phone"), "amount": form.text("amount"),
              "note": form.text("note")}
    try:
        sent, _ = transfers.send(
            context, hasher, customer.customer_id, values["phone"],
            _amount_minor(values["amount"]), CURRENCY, values["note"] or None,
            form.text("pin"), form.text("key") or None)
    except PaysetuError as error:
        return _send_page(request, context, {"step": "details", "error": error, **values},
                          status_code=http_status(error))
    return redirect(f"/wallet/send?sent={sent['id']}")


def _requests_page(request: Request, context: Context, customer: CustomerSession,
                   values: dict[str, Any], *, status_code: int = 200) -> Response:
    listed = money_requests.recent(context, customer.customer_id)
    me = customer.customer_id
    return wallet_page(request, context, "requests.html", {
        "incoming": [r for r in listed if r["payer"] == me],
        "outgoing": [r for r in listed if r["requester"] == me], **values},
        status_code=status_code)


@router.get("/wallet/requests", response_class=HTMLResponse)
def wallet_requests(request: Request, context: Context, done: str | None = None) -> Response:
    customer = customer_of(request, context)
    if customer is None:
        return redirect("/wallet")
    return _requests_page(request, context, customer, {"done": done})


@router.post("/wallet/requests", response_class=HTMLResponse)
def wallet_request_money(request: Request, context: Context, form: Form) -> Response:
    customer = customer_of(request, context)
    if customer is None:
        return redirect("/wallet")
    values = {"phone": form.text("phone"), "amount": form.text("amount"),
              "note": form.text("note")}
    try:
        money_requests.create(context, customer.customer_id, values["phone"],
                              _amount_minor(values["amount"]), CURRENCY,
                              values["note"] or None)
    except PaysetuError as error:
        return _requests_page(request, context, customer, {"error": error, **values},
                              status_code=http_status(error))
    return redirect("/wallet/requests?done=requested")


@router.post("/wallet/requests/{request_id}", response_class=HTMLResponse)
def wallet_answer_request(
    request: Request, request_id: str, context: Context, hasher: Pins, form: Form
) -> Response:
    customer = customer_of(request, context)
    if customer is None:
        return redirect("/wallet")
    answer = form.text("answer")
    try:
        if answer not in REQUEST_ANSWERS:
            raise RequestRejected(RequestStatus.PARAMETER_INVALID, "Unknown answer.", "answer")
        if answer == "pay":
            done = money_requests.pay(context, hasher, customer.customer_id, request_id,
                                      form.text("pin"))
        else:
            done = money_requests.answer(context, customer.customer_id, request_id, answer)
    except PaysetuError as error:
        return _requests_page(request, context, customer, {"error": error},
                              status_code=http_status(error))
    return redirect(f"/wallet/requests?done={done['status']}")
