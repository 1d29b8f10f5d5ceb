"""The lender console: the application queue with the underwriting advice, approve or reject,
the portfolio's numbers and its history charts, refinance claims, and a loan's page (disburse
an approved loan).

Everything runs through the lending services as the signed-in lender (a lender principal), so
a lender sees only applications addressed to it and its own loans; anything else is the 404
page. The advice stored with an application is shown with every reason; the lender decides.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from fastapi import Query, Request
from fastapi.responses import HTMLResponse, Response

from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.kernel.money import AmountFormatError, Money
from paysetu.kernel.pagination import PageRequest
from paysetu.ledger.rules.errors import PaysetuError
from paysetu.lending.api.deps import Context
from paysetu.lending.pages.portfolio import portfolio_summary, recent_months
from paysetu.lending.pages.portfolio_charts import category_charts, ratio_charts
from paysetu.lending.usecases import (
    credit_line_applications,
    lending,
    loan_applications,
    loan_portfolio,
    loan_portfolio_history,
    loan_refinance,
    loan_repayments,
    loans,
)
from paysetu.lending.usecases.ports import LendingUnitOfWork
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.pages.actions import FieldError, visible_or_404, write
from paysetu.shell.pages.auth import Form, LenderSession, principal_of
from paysetu.shell.pages.rendering import redirect, render

router = APIRouter(include_in_schema=False)
QUEUE_LIMIT = 100
PORTFOLIO_LIMIT = 100
REPORT_MONTHS = 6
HISTORY_DAYS = 180
"""The charts show the book at each of the last 180 business days closed."""
APPROVE_FIELDS = {"rate_bps": "rate", "amount_minor": "amount", "tenure_periods": "tenure",
                  "reason": "reason"}


@router.get("/lender", response_class=HTMLResponse)
def queue(request: Request, context: Context, session: LenderSession) -> Response:
    caller = principal_of(session)
    with context.uow_factory() as uow:
        waiting, _ = loan_applications.list_applications(uow, caller, "submitted",
                                                         PageRequest(limit=QUEUE_LIMIT))
        decided, _ = loan_applications.list_applications(uow, caller, None,
                                                         PageRequest(limit=QUEUE_LIMIT))
        lines_waiting, _ = credit_line_applications.list_applications(
            uow, caller, "submitted", PageRequest(limit=QUEUE_LIMIT))
        names = lending.borrower_names(uow, caller, [*waiting, *decided, *lines_waiting])
    return render(request, "lender/queue.html", {
        "waiting": waiting, "decided": [a for a in decided if a["status"] != "submitted"],
        "lines_waiting": lines_waiting, "names": names})


def _application_page(
    request: Request, context: Context, session: LenderSession, application_id: str, *,
    error: FieldError | None = None, typed: dict[str, str] | None = None,
) -> Response:
    caller = principal_of(session)
    with visible_or_404(), context.uow_factory() as uow:
        application = loan_applications.get_application(uow, caller, application_id)
        names = lending.borrower_names(uow, caller, [application])
    return render(request, "lender/application.html", {
        "application": application, "names": names, "error": error, "typed": typed or {},
    }, status_code=error.status if error else 200)


@router.get("/lender/applications/{application_id}", response_class=HTMLResponse)
def application_detail(
    request: Request, application_id: str, context: Context, session: LenderSession
) -> Response:
    return _application_page(request, context, session, application_id)


def parse_rate_bps(text: str) -> int:
    """``"14.25"`` (percent a year, at most 2 decimals) -> 1425 basis points."""
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite() or value != value.quantize(Decimal("0.01")) or value < 0:
        raise RequestRejected(RequestStatus.PARAMETER_INVALID,
                              "A rate is a percentage with at most 2 decimals.", "rate_bps")
    return int(value * 100)


def parse_optional_amount(text: str, currency: str) -> int | None:
    if not text:
        return None
    try:
        return Money.parse(text, currency).amount_minor
    except AmountFormatError as error:
        raise RequestRejected(RequestStatus.PARAMETER_INVALID, f"{error}.",
                              "amount_minor") from None


def _optional_count(text: str) -> int | None:
    if not text:
        return None
    if not (text.isascii() and text.isdigit() and len(text) <= 6):
        raise RequestRejected(RequestStatus.PARAMETER_INVALID, "A whole number is needed.",
                              "tenure_periods")
    return int(text)


@router.post("/lender/applications/{application_id}/approve", response_class=HTMLResponse)
def approve(
    request: Request, application_id: str, context: Context, session: LenderSession,
    form: Form,
) -> Response:
    caller = principal_of(session)
    typed = {name: form.text(name) for name in ("rate", "amount", "tenure", "reason")}

    def work(uow: LendingUnitOfWork) -> dict[str, Any]:
        currency = loan_applications.get_application(uow, caller, application_id)["currency"]
        terms = loan_applications.ApproveApplication(
            rate_bps=parse_rate_bps(typed["rate"]),
            amount_minor=parse_optional_amount(typed["amount"], currency),
            tenure_periods=_optional_count(typed["tenure"]), reason=typed["reason"] or None)
        return loan_applications.approve_application(context, uow, caller, application_id,
                                                     terms)

    try:
        with visible_or_404():
            made = write(context, caller, f"POST {request.url.path}", work)
    except PaysetuError as refusal:
        return _application_page(request, context, session, application_id, typed=typed,
                                 error=FieldError.of(refusal, APPROVE_FIELDS))
    return redirect(f"/lender/loans/{made['loan']}",
                    flash=f"Approved {application_id}: loan {made['loan']} is ready to disburse.")


@router.post("/lender/applications/{application_id}/reject", response_class=HTMLResponse)
def reject(
    request: Request, application_id: str, context: Context, session: LenderSession,
    form: Form,
) -> Response:
    caller = principal_of(session)
    reason = form.text("reject_reason")
    try:
        with visible_or_404():
            write(context, caller, f"POST {request.url.path}",
                  lambda uow: loan_applications.reject_application(
                      context, uow, caller, application_id, reason))
    except PaysetuError as refusal:
        return _application_page(request, context, session, application_id,
                                 typed={"reject_reason": reason},
                                 error=FieldError.of(refusal, {"reason": "reject_reason"}))
    return redirect("/lender", flash=f"Rejected {application_id}.")


@router.get("/lender/portfolio", response_class=HTMLResponse)
def portfolio(
    request: Request, context: Context, session: LenderSession,
    month: Annotated[str, Query()] = "",
) -> Response:
    caller = principal_of(session)
    months = recent_months(context.clock.now().date(), REPORT_MONTHS)
    chosen = month if month in months else months[0]
    with context.uow_factory() as uow:
        its_loans, has_more = loans.list_loans(context, uow, caller, None,
                                               PageRequest(limit=PORTFOLIO_LIMIT))
        report = loan_portfolio.portfolio_report(context, uow, caller, chosen)
        history = loan_portfolio_history.recent_rows(uow, caller, HISTORY_DAYS)
        names = lending.borrower_names(uow, caller, its_loans)
    return render(request, "lender/portfolio.html", {
        "loans": its_loans, "has_more": has_more, "names": names,
        "summary": portfolio_summary(its_loans),
        "report": report, "months": months, "month": chosen,
        "category_charts": category_charts(history), "ratio_charts": ratio_charts(history),
        "history_days": HISTORY_DAYS})


@router.get("/lender/refinance", response_class=HTMLResponse)
def refinance_claims(request: Request, context: Context, session: LenderSession) -> Response:
    """The lender's refinance claims on the apex: the share claimed and what is still owed."""
    with context.uow_factory() as uow:
        claims, has_more = loan_refinance.list_claims(uow, principal_of(session),
                                                      PageRequest(limit=PORTFOLIO_LIMIT))
    return render(request, "lender/refinance.html", {"claims": claims, "has_more": has_more})


@router.get("/lender/loans/{loan_id}", response_class=HTMLResponse)
def loan_detail(
    request: Request, loan_id: str, context: Context, session: LenderSession
) -> Response:
    caller = principal_of(session)
    with visible_or_404(), context.uow_factory() as uow:
        loan = loans.get_loan(context, uow, caller, loan_id)
        schedule = loans.get_schedule(context, uow, caller, loan_id)
        repayments, _ = loan_repayments.list_repayments(uow, caller, loan_id,
                                                        PageRequest(limit=100))
        names = lending.borrower_names(uow, caller, [loan])
    return render(request, "lender/loan.html", {"loan": loan, "schedule": schedule,
                                                "repayments": repayments, "names": names})


@router.post("/lender/loans/{loan_id}/disburse")
def disburse(
    loan_id: str, context: Context, session: LenderSession, _form: Form
) -> Response:
    caller = principal_of(session)
    try:
        with visible_or_404():
            write(context, caller, f"POST /lender/loans/{loan_id}/disburse",
                  lambda uow: loans.disburse_loan(context, uow, caller, loan_id))
    except PaysetuError as refusal:
        return redirect(f"/lender/loans/{loan_id}", flash=f"Not disbursed: {refusal.message}")
    return redirect(f"/lender/loans/{loan_id}", flash=f"Disbursed {loan_id}.")
