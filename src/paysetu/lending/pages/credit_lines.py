"""Credit-line pages: the merchant's lines (limit, drawing power, draw, repay, statement) on the
dashboard, and the lender's lines (utilisation, drawing power, out-of-order days, and the
write-off of an NPA line with its reason) in the console.

Everything goes through :mod:`paysetu.lending.usecases.credit_lines` as the signed-in merchant
or lender, so the scoping is the API's: another's line is the 404 page; a refusal (a draw over
the drawing power, a suspended line, a repayment above what is owed) is shown next to its
field with its code.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from paysetu.access.rules.principals import Principal
from paysetu.kernel.pagination import PageRequest
from paysetu.ledger.rules.errors import PaysetuError
from paysetu.lending.api.deps import Context
from paysetu.lending.pages.dashboard_loans import parse_amount
from paysetu.lending.usecases import credit_line_write_off, credit_lines
from paysetu.lending.usecases.ports import LendingUnitOfWork
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.pages.actions import FieldError, visible_or_404, write
from paysetu.shell.pages.auth import Form, LenderSession, MerchantSession, principal_of
from paysetu.shell.pages.money_format import format_money_minor
from paysetu.shell.pages.rendering import redirect, render

router = APIRouter(include_in_schema=False)
LIST_LIMIT = 100
FIELDS = {"amount_minor": "amount", "payee": "payee"}


def lines_of(context: Context, caller: Principal) -> list[dict[str, Any]]:
    with context.uow_factory() as uow:
        lines, _ = credit_lines.list_lines(context, uow, caller, PageRequest(limit=LIST_LIMIT))
    return lines


def _line_page(request: Request, context: Context, caller: Principal, line_id: str,
               template: str, *, error: FieldError | None = None, form: str = "",
               typed: dict[str, str] | None = None) -> Response:
    with visible_or_404(), context.uow_factory() as uow:
        line = credit_lines.get_line(context, uow, caller, line_id)
        movements, _ = credit_lines.statement(uow, caller, line_id, PageRequest(limit=100))
    return render(request, template, {
        "line": line, "movements": movements, "error": error, "form": form,
        "typed": typed or {}}, status_code=error.status if error else 200)


@router.get("/dashboard/credit-lines/{line_id}", response_class=HTMLResponse)
def merchant_line(request: Request, line_id: str, context: Context,
                  session: MerchantSession) -> Response:
    return _line_page(request, context, principal_of(session), line_id,
                      "dashboard/credit_line.html")


def _move(request: Request, line_id: str, context: Context, session: MerchantSession,
          form: Form, kind: str) -> Response:
    caller = principal_of(session)
    typed = {"amount": form.text("amount"), "payee": form.text("payee")}
    with visible_or_404(), context.uow_factory() as uow:
        currency = credit_lines.get_line(context, uow, caller, line_id)["currency"]

    def work(uow: LendingUnitOfWork) -> dict[str, Any]:
        amount = parse_amount(typed["amount"], currency)
        if kind == "draw":
            return credit_lines.draw(context, uow, caller, line_id, amount,
                                     typed["payee"] or None)
        return credit_lines.repay(context, uow, caller, line_id, amount)

    try:
        made = write(context, caller, f"POST {request.url.path}", work)
    except PaysetuError as refusal:
        return _line_page(request, context, caller, line_id, "dashboard/credit_line.html",
                          error=FieldError.of(refusal, FIELDS), form=kind, typed=typed)
    done = "Drew" if kind == "draw" else "Repaid"
    amount = format_money_minor(made["amount_minor"], made["currency"])
    return redirect(f"/dashboard/credit-lines/{line_id}", flash=f"{done} {amount}.")


@router.post("/dashboard/credit-lines/{line_id}/draws", response_class=HTMLResponse)
def draw(request: Request, line_id: str, context: Context, session: MerchantSession,
         form: Form) -> Response:
    return _move(request, line_id, context, session, form, "draw")


@router.post("/dashboard/credit-lines/{line_id}/repayments", response_class=HTMLResponse)
def repay(request: Request, line_id: str, context: Context, session: MerchantSession,
          form: Form) -> Response:
    return _move(request, line_id, context, session, form, "repay")


@router.get("/lender/credit-lines", response_class=HTMLResponse)
def lender_lines(request: Request, context: Context, session: LenderSession) -> Response:
    return render(request, "lender/credit_lines.html",
                  {"lines": lines_of(context, principal_of(session))})


@router.get("/lender/credit-lines/{line_id}", response_class=HTMLResponse)
def lender_line(request: Request, line_id: str, context: Context,
                session: LenderSession) -> Response:
    return _line_page(request, context, principal_of(session), line_id,
                      "lender/credit_line.html")


@router.post("/lender/credit-lines/{line_id}/write-off", response_class=HTMLResponse)
def write_off(request: Request, line_id: str, context: Context, session: LenderSession,
              form: Form) -> Response:
    """The lender writes an NPA line off with its reason (a refusal is shown on the form)."""
    caller = principal_of(session)
    reason = form.text("reason")
    try:
        with visible_or_404():
            write(context, caller, f"POST {request.url.path}",
                  lambda uow: credit_line_write_off.write_off_line(context, uow, caller,
                                                                   line_id, reason))
    except PaysetuError as refusal:
        return _line_page(request, context, caller, line_id, "lender/credit_line.html",
                          error=FieldError.of(refusal, {"reason": "reason"}), form="write_off",
                          typed={"reason": reason})
    return redirect(f"/lender/credit-lines/{line_id}", flash=f"Wrote off {line_id}.")
