"""Credit line application pages: the merchant applies on the dashboard; the lender reads the
advice (underwriting and drawing power, explained) and sanctions or declines in the console.

Everything goes through :mod:`paysetu.lending.usecases.credit_line_applications` as the
signed-in merchant or lender (the API's scoping: another's application is the 404 page); a
refusal is shown next to its field with its code.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from paysetu.access.rules.principals import Principal
from paysetu.kernel.pagination import PageRequest
from paysetu.ledger.rules.errors import PaysetuError
from paysetu.lending.api.credit_lines import review_date
from paysetu.lending.api.deps import Context
from paysetu.lending.pages.dashboard_loans import parse_amount
from paysetu.lending.pages.lender import parse_optional_amount, parse_rate_bps
from paysetu.lending.rules.loans import LoanCategory
from paysetu.lending.usecases import credit_line_applications as applications
from paysetu.lending.usecases import lending
from paysetu.lending.usecases.ports import LendingUnitOfWork
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.pages.actions import FieldError, visible_or_404, write
from paysetu.shell.pages.auth import Form, LenderSession, MerchantSession, principal_of
from paysetu.shell.pages.rendering import redirect, render

router = APIRouter(include_in_schema=False)
CURRENCY = "INR"
"""The dashboard's applications are in rupees (the PMMY categories' bands)."""
APPLY_FIELDS = {"lender": "lender", "category": "category", "limit_minor": "limit",
                "purpose": "purpose"}
APPROVE_FIELDS = {"rate_bps": "rate", "review_due": "review_due", "limit_minor": "limit",
                  "reason": "reason"}


def _apply_page(request: Request, context: Context, *, typed: dict[str, str] | None = None,
                error: FieldError | None = None) -> Response:
    with context.uow_factory() as uow:
        lenders, _ = uow.lending.list_lenders(None, PageRequest(limit=100))
    return render(request, "dashboard/credit_line_apply.html", {
        "lenders": [x for x in lenders if not x.apex], "categories": list(LoanCategory),
        "typed": typed or {}, "error": error}, status_code=error.status if error else 200)


@router.get("/dashboard/credit-lines/apply", response_class=HTMLResponse)
def apply_form(request: Request, context: Context, _session: MerchantSession) -> Response:
    return _apply_page(request, context)


@router.post("/dashboard/credit-lines/apply", response_class=HTMLResponse)
def apply(request: Request, context: Context, session: MerchantSession, form: Form) -> Response:
    caller = principal_of(session)
    typed = {name: form.text(name) for name in ("lender", "category", "limit", "purpose")}

    def work(uow: LendingUnitOfWork) -> dict[str, Any]:
        return applications.apply_for_line(context, uow, caller, applications.ApplyForLine(
            typed["lender"], typed["category"], CURRENCY,
            parse_amount(typed["limit"], CURRENCY, "limit_minor"), typed["purpose"]))

    try:
        made = write(context, caller, "POST /dashboard/credit-lines/apply", work)
    except PaysetuError as refusal:
        return _apply_page(request, context, typed=typed,
                           error=FieldError.of(refusal, APPLY_FIELDS))
    return redirect("/dashboard/loans", flash=f"Credit line application {made['id']} is "
                    f"submitted (advice: {made['advice']['decision']}).")


def _decision_page(request: Request, context: Context, caller: Principal, application_id: str,
                   *, error: FieldError | None = None,
                   typed: dict[str, str] | None = None) -> Response:
    with visible_or_404(), context.uow_factory() as uow:
        application = applications.get_application(uow, caller, application_id)
        names = lending.borrower_names(uow, caller, [application])
    return render(request, "lender/credit_line_application.html", {
        "application": application, "names": names, "error": error, "typed": typed or {},
    }, status_code=error.status if error else 200)


@router.get("/lender/credit-line-applications/{application_id}", response_class=HTMLResponse)
def application_detail(request: Request, application_id: str, context: Context,
                       session: LenderSession) -> Response:
    return _decision_page(request, context, principal_of(session), application_id)


@router.post("/lender/credit-line-applications/{application_id}/approve",
             response_class=HTMLResponse)
def approve(request: Request, application_id: str, context: Context, session: LenderSession,
            form: Form) -> Response:
    caller = principal_of(session)
    typed = {name: form.text(name) for name in ("rate", "review_due", "limit", "reason")}

    def work(uow: LendingUnitOfWork) -> dict[str, Any]:
        currency = applications.get_application(uow, caller, application_id)["currency"]
        terms = applications.SanctionTerms(
            parse_rate_bps(typed["rate"]), review_date(typed["review_due"]),
            parse_optional_amount(typed["limit"], currency), typed["reason"] or None)
        return applications.approve(context, uow, caller, application_id, terms)

    try:
        with visible_or_404():
            made = write(context, caller, f"POST {request.url.path}", work)
    except PaysetuError as refusal:
        return _decision_page(request, context, caller, application_id, typed=typed,
                              error=FieldError.of(refusal, APPROVE_FIELDS))
    return redirect(f"/lender/credit-lines/{made['credit_line']}",
                    flash=f"Sanctioned {application_id}: line {made['credit_line']}.")


@router.post("/lender/credit-line-applications/{application_id}/reject",
             response_class=HTMLResponse)
def reject(request: Request, application_id: str, context: Context, session: LenderSession,
           form: Form) -> Response:
    caller = principal_of(session)
    reason = form.text("reject_reason")
    try:
        with visible_or_404():
            write(context, caller, f"POST {request.url.path}",
                  lambda uow: applications.reject(context, uow, caller, application_id, reason))
    except PaysetuError as refusal:
        return _decision_page(request, context, caller, application_id,
                              typed={"reject_reason": reason},
                              error=FieldError.of(refusal, {"reason": "reject_reason"}))
    return redirect("/lender", flash=f"Declined {application_id}.")
