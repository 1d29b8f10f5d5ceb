"""The customer's history (``/wallet/history``, filtered by dates, merchant and kind), a
payment's receipt with its refunds (``/wallet/payments/{id}``: another customer's is 404) and
the monthly statement (``/wallet/statement?month=YYYY-MM&format=csv|pdf``; the PDF in the
page's language)."""

from __future__ import annotations

from datetime import timedelta

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from paysetu.customers.api.deps import Context
from paysetu.customers.pages.statement_files import statement_csv, statement_pdf
from paysetu.customers.pages.wallet_kit import page, signed_in
from paysetu.customers.rules.movements import (
    KINDS,
    HistoryFilter,
    day_start,
    parse_day,
    parse_month,
)
from paysetu.customers.usecases import wallet_app
from paysetu.ledger.rules.errors import PaysetuError
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.pages.auth import page_not_found
from paysetu.shell.pages.rendering import page_language, redirect

router = APIRouter(include_in_schema=False)


@router.get("/wallet/history", response_class=HTMLResponse)
def wallet_history(request: Request, context: Context, since: str = "", until: str = "",
                   merchant: str = "", kind: str = "", before: str = "") -> Response:
    customer = signed_in(request, context)
    if customer is None:
        return redirect("/wallet")
    first, last = parse_day(since), parse_day(until)
    where = HistoryFilter(
        since=None if first is None else day_start(first),
        until=None if last is None else day_start(last) + timedelta(days=1),
        merchant_id=merchant or None, kind=kind if kind in KINDS else None,
        before_posting=int(before) if before.isascii() and before.isdigit() and len(before) <= 18
        else None)
    shown = {"since": "" if first is None else first.isoformat(),
             "until": "" if last is None else last.isoformat(),
             "merchant": merchant, "kind": where.kind or ""}
    return page(request, context, "history.html", {
        "history": wallet_app.history(context, customer.customer_id, where),
        "filters": shown, "kinds": KINDS, "month": f"{context.clock.now():%Y-%m}"})


@router.get("/wallet/payments/{payment_id}", response_class=HTMLResponse)
def wallet_receipt(request: Request, payment_id: str, context: Context) -> Response:
    customer = signed_in(request, context)
    if customer is None:
        return redirect("/wallet")
    try:
        receipt = wallet_app.receipt(context, customer.customer_id, payment_id)
    except PaysetuError:
        raise page_not_found() from None
    return page(request, context, "receipt.html", {"receipt": receipt})


@router.get("/wallet/statement")
def wallet_statement(request: Request, context: Context, month: str = "",
                     format: str = "pdf") -> Response:
    customer = signed_in(request, context)
    if customer is None:
        return redirect("/wallet")
    bounds = parse_month(month)
    if bounds is None or format not in ("pdf", "csv"):
        raise page_not_found()
    statement = wallet_app.statement(context, customer.customer_id, *bounds)
    name = f"paysetu-statement-{month}.{format}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"',
               "Cache-Control": "no-store"}
    if format == "csv":
        return Response(statement_csv(statement), media_type="text/csv; charset=utf-8",
                        headers=headers)
    return Response(statement_pdf(statement, page_language(request)),
                    media_type="application/pdf", headers=headers)
