"""Dashboard payments: the filtered table, a payment's page, and its partial refund form (the
amount typed, then a confirmation page showing it, then the refund).

The refund goes through :func:`paysetu.payments.usecases.refunds.create_refund`, the API's use
case, in one transaction; a refusal is shown next to the field its ``param`` names
(``amount_minor`` is the form's ``amount``) with the status the API would answer.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query, Request
from fastapi.responses import HTMLResponse, Response

from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.kernel.money import AmountFormatError, Money
from paysetu.kernel.pagination import PageRequest
from paysetu.ledger.rules.errors import PaysetuError
from paysetu.payments.api.deps import Context
from paysetu.payments.rules.payments import PaymentState
from paysetu.payments.usecases import payments, refunds
from paysetu.payments.usecases.dashboard import PaymentFilters, search_payments
from paysetu.payments.usecases.ports import PaymentsUnitOfWork
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.pages.actions import FieldError, visible_or_404, write
from paysetu.shell.pages.auth import Form, MerchantSession, principal_of
from paysetu.shell.pages.money_format import format_money_minor
from paysetu.shell.pages.rendering import redirect, render

router = APIRouter(include_in_schema=False)
PER_PAGE = 20
REFUND_FIELDS = {"amount_minor": "amount", "reason": "reason"}
"""The API's ``param`` names of a refund refusal -> the form's field names."""


@router.get("/dashboard/payments", response_class=HTMLResponse)
def payment_list(
    request: Request, context: Context, session: MerchantSession,
    status: Annotated[str, Query()] = "", currency: Annotated[str, Query()] = "",
    created_from: Annotated[str, Query(alias="from")] = "",
    created_to: Annotated[str, Query(alias="to")] = "",
    q: Annotated[str, Query()] = "", page: Annotated[int, Query(ge=1, le=10_000)] = 1,
) -> Response:
    filters = PaymentFilters(status.strip(), currency.strip().upper(), created_from.strip(),
                             created_to.strip(), q.strip())
    error: FieldError | None = None
    rows: list[dict[str, Any]] = []
    has_more = False
    with context.uow_factory() as uow:
        currencies = uow.web_dashboard.payment_currencies(str(session.user.merchant_id))
        try:
            rows, has_more = search_payments(uow, principal_of(session), filters, page, PER_PAGE)
        except PaysetuError as refusal:
            error = FieldError.of(refusal)
    query = {k: v for k, v in (("status", filters.status), ("currency", filters.currency),
                               ("from", filters.created_from), ("to", filters.created_to),
                               ("q", filters.text)) if v}
    return render(request, "dashboard/payments.html", {
        "payments": rows, "filters": filters, "error": error, "page": page,
        "has_more": has_more, "query": query, "currencies": currencies,
        "statuses": [s.value for s in PaymentState],
    }, status_code=error.status if error else 200)


def _payment_page(
    request: Request, context: Context, session: MerchantSession, payment_id: str, *,
    error: FieldError | None = None, typed: dict[str, str] | None = None,
) -> Response:
    caller = principal_of(session)
    with visible_or_404(), context.uow_factory() as uow:
        payment = payments.get_payment(context, uow, caller, payment_id)
        uow.commit()  # a lapsed authorisation expires when read, as in the API
        its_refunds, _ = refunds.list_refunds(uow, caller, payment_id, PageRequest(limit=100))
    return render(request, "dashboard/payment.html", {
        "payment": payment, "refunds": its_refunds, "error": error, "typed": typed or {},
        "refundable_minor": payment["amount_captured_minor"] - payment["amount_refunded_minor"],
    }, status_code=error.status if error else 200)


@router.get("/dashboard/payments/{payment_id}", response_class=HTMLResponse)
def payment_detail(
    request: Request, payment_id: str, context: Context, session: MerchantSession
) -> Response:
    return _payment_page(request, context, session, payment_id)


def _refund_amount(text: str, currency: str) -> int:
    try:
        return Money.parse(text, currency).amount_minor
    except AmountFormatError as error:
        raise RequestRejected(RequestStatus.PARAMETER_INVALID, f"{error}.",
                              "amount_minor") from None


@router.post("/dashboard/payments/{payment_id}/refunds", response_class=HTMLResponse)
def refund(
    request: Request, payment_id: str, context: Context, session: MerchantSession, form: Form
) -> Response:
    """Two steps on one address: the amount typed on the payment's page is checked and shown
    for confirmation (nothing written); the confirmation's post (``confirmed=yes``) refunds."""
    caller = principal_of(session)
    typed = {"amount": form.text("amount"), "reason": form.text("reason")}
    with visible_or_404(), context.uow_factory() as uow:
        payment = payments.get_payment(context, uow, caller, payment_id)
    if form.text("confirmed") != "yes":
        return _confirmation(request, context, session, payment, typed)

    def work(uow: PaymentsUnitOfWork) -> dict[str, Any]:
        return refunds.create_refund(context, uow, caller, payment_id,
                                     _refund_amount(typed["amount"], payment["currency"]),
                                     typed["reason"] or None, {})

    try:
        with visible_or_404():
            made = write(context, caller, f"POST {request.url.path}", work)
    except PaysetuError as refusal:
        return _payment_page(request, context, session, payment_id, typed=typed,
                             error=FieldError.of(refusal, REFUND_FIELDS))
    amount = format_money_minor(made["amount_minor"], made["currency"])
    note = (f"Refunded {amount} ({made['id']})." if made["status"] == "succeeded" else
            f"Refund {made['id']} of {amount} is pending: {made['failure_code']}.")
    return redirect(f"/dashboard/payments/{payment_id}", flash=note)


def _confirmation(
    request: Request, context: Context, session: MerchantSession, payment: dict[str, Any],
    typed: dict[str, str],
) -> Response:
    """The refund as it would be made, to confirm; a refusal goes back to the payment's page."""
    caller = principal_of(session)
    try:
        amount_minor = _refund_amount(typed["amount"], payment["currency"])
        with visible_or_404(), context.uow_factory() as uow:
            amount_minor = refunds.preview_refund(uow, caller, payment["id"], amount_minor,
                                                  typed["reason"] or None)
    except PaysetuError as refusal:
        return _payment_page(request, context, session, payment["id"], typed=typed,
                             error=FieldError.of(refusal, REFUND_FIELDS))
    return render(request, "dashboard/refund_confirm.html", {
        "payment": payment, "amount_minor": amount_minor, "reason": typed["reason"],
        "refundable_minor": payment["amount_captured_minor"] - payment["amount_refunded_minor"],
    })
