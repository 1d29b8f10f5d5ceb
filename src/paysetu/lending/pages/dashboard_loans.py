"""Dashboard loans: offers (the active products and the lenders), the application form, the
merchant's applications, loans and credit lines, a loan's schedule, repayments and repayment
form (a credit line's page is :mod:`.credit_lines`).

Everything goes through the lending services as the signed-in merchant (a merchant principal),
so the scoping is the API's: another merchant's loan or application is the 404 page. The
underwriting advice stored with each application is shown with its reasons.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query, Request
from fastapi.responses import HTMLResponse, Response

from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.kernel.money import AmountFormatError, Money
from paysetu.kernel.pagination import PageRequest
from paysetu.ledger.rules.errors import PaysetuError
from paysetu.lending.api.deps import Context
from paysetu.lending.usecases import (
    credit_line_applications,
    credit_lines,
    lending,
    loan_applications,
    loan_repayments,
    loans,
)
from paysetu.lending.usecases.objects import lender_object
from paysetu.lending.usecases.ports import LendingUnitOfWork
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.pages.actions import FieldError, visible_or_404, write
from paysetu.shell.pages.auth import Form, MerchantSession, principal_of
from paysetu.shell.pages.money_format import format_money_minor
from paysetu.shell.pages.rendering import redirect, render

router = APIRouter(include_in_schema=False)
LIST_LIMIT = 50
APPLY_FIELDS = {"amount_minor": "amount", "tenure_periods": "tenure", "purpose": "purpose",
                "lender": "lender", "product": "product"}
REPAY_FIELDS = {"amount_minor": "amount", "type": "type"}


def _offers(uow: LendingUnitOfWork) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Active products and the lenders that lend (never the apex refinancer)."""
    products = [p for p in lending.list_products(uow) if p["active"]]
    lenders, _ = uow.lending.list_lenders(None, PageRequest(limit=100))
    return products, [lender_object(x, []) for x in lenders if not x.apex]


@router.get("/dashboard/loans", response_class=HTMLResponse)
def loans_overview(request: Request, context: Context, session: MerchantSession) -> Response:
    caller = principal_of(session)
    with context.uow_factory() as uow:
        products, lenders = _offers(uow)
        applications, _ = loan_applications.list_applications(
            uow, caller, None, PageRequest(limit=LIST_LIMIT))
        its_loans, _ = loans.list_loans(context, uow, caller, None,
                                        PageRequest(limit=LIST_LIMIT))
        its_lines, _ = credit_lines.list_lines(context, uow, caller,
                                               PageRequest(limit=LIST_LIMIT))
        line_applications, _ = credit_line_applications.list_applications(
            uow, caller, None, PageRequest(limit=LIST_LIMIT))
    return render(request, "dashboard/loans.html", {
        "products": products, "lenders": lenders, "applications": applications,
        "loans": its_loans, "credit_lines": its_lines,
        "line_applications": line_applications})


def parse_amount(text: str, currency: str, param: str = "amount_minor") -> int:
    try:
        return Money.parse(text, currency).amount_minor
    except AmountFormatError as error:
        raise RequestRejected(RequestStatus.PARAMETER_INVALID, f"{error}.", param) from None


def _whole_number(text: str, param: str) -> int:
    if not (text.isascii() and text.isdigit() and len(text) <= 6):
        raise RequestRejected(RequestStatus.PARAMETER_INVALID, "A whole number is needed.",
                              param)
    return int(text)


def _apply_page(
    request: Request, context: Context, *, typed: dict[str, str],
    error: FieldError | None = None,
) -> Response:
    with context.uow_factory() as uow:
        products, lenders = _offers(uow)
    return render(request, "dashboard/loan_apply.html", {
        "products": products, "lenders": lenders, "typed": typed, "error": error,
    }, status_code=error.status if error else 200)


@router.get("/dashboard/loans/apply", response_class=HTMLResponse)
def apply_form(
    request: Request, context: Context, _session: MerchantSession,
    product: Annotated[str, Query()] = "",
) -> Response:
    return _apply_page(request, context, typed={"product": product})


@router.post("/dashboard/loans/apply", response_class=HTMLResponse)
def apply(request: Request, context: Context, session: MerchantSession, form: Form) -> Response:
    caller = principal_of(session)
    typed = {name: form.text(name) for name in ("lender", "product", "amount", "tenure",
                                                 "purpose")}

    def work(uow: LendingUnitOfWork) -> dict[str, Any]:
        product = lending.get_product(uow, typed["product"])
        command = loan_applications.ApplyForLoan(
            lender=typed["lender"], product=typed["product"],
            amount_minor=parse_amount(typed["amount"], product["currency"]),
            tenure_periods=_whole_number(typed["tenure"], "tenure_periods"),
            purpose=typed["purpose"])
        return loan_applications.apply_for_loan(context, uow, caller, command)

    try:
        made = write(context, caller, "POST /dashboard/loans/apply", work)
    except PaysetuError as refusal:
        return _apply_page(request, context, typed=typed,
                           error=FieldError.of(refusal, APPLY_FIELDS))
    advice = made["underwriting"].get("decision", "")
    return redirect(f"/dashboard/loans/applications/{made['id']}",
                    flash=f"Application {made['id']} is submitted (advice: {advice}).")


@router.get("/dashboard/loans/applications/{application_id}", response_class=HTMLResponse)
def application_detail(
    request: Request, application_id: str, context: Context, session: MerchantSession
) -> Response:
    with visible_or_404(), context.uow_factory() as uow:
        application = loan_applications.get_application(uow, principal_of(session),
                                                        application_id)
    return render(request, "dashboard/loan_application.html", {"application": application})


def _loan_page(
    request: Request, context: Context, session: MerchantSession, loan_id: str, *,
    error: FieldError | None = None, typed: dict[str, str] | None = None,
) -> Response:
    caller = principal_of(session)
    with visible_or_404(), context.uow_factory() as uow:
        loan = loans.get_loan(context, uow, caller, loan_id)
        schedule = loans.get_schedule(context, uow, caller, loan_id)
        repayments, _ = loan_repayments.list_repayments(uow, caller, loan_id,
                                                        PageRequest(limit=100))
    return render(request, "dashboard/loan.html", {
        "loan": loan, "schedule": schedule, "repayments": repayments, "error": error,
        "typed": typed or {}}, status_code=error.status if error else 200)


@router.get("/dashboard/loans/{loan_id}", response_class=HTMLResponse)
def loan_detail(
    request: Request, loan_id: str, context: Context, session: MerchantSession
) -> Response:
    return _loan_page(request, context, session, loan_id)


@router.post("/dashboard/loans/{loan_id}/repayments", response_class=HTMLResponse)
def repay(
    request: Request, loan_id: str, context: Context, session: MerchantSession, form: Form
) -> Response:
    caller = principal_of(session)
    typed = {"type": form.text("type"), "amount": form.text("amount")}
    with visible_or_404(), context.uow_factory() as uow:
        currency = loans.get_loan(context, uow, caller, loan_id)["currency"]

    def work(uow: LendingUnitOfWork) -> dict[str, Any]:
        amount = None if typed["type"] == "foreclosure" else parse_amount(typed["amount"], currency)
        return loan_repayments.repay_loan(context, uow, caller, loan_id, typed["type"], amount)

    try:
        with visible_or_404():
            made = write(context, caller, f"POST {request.url.path}", work)
    except PaysetuError as refusal:
        return _loan_page(request, context, session, loan_id, typed=typed,
                          error=FieldError.of(refusal, REPAY_FIELDS))
    paid = format_money_minor(made["amount_minor"], made["currency"])
    return redirect(f"/dashboard/loans/{loan_id}", flash=f"Repaid {paid} ({made['id']}).")
