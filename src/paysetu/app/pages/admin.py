"""Platform admin pages: merchants with their balances, FX rates in force, reconciliation runs.

Admins act as the platform principal, so they see every merchant; these pages only read.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from paysetu.app.context import AppContext
from paysetu.kernel.pagination import PageRequest
from paysetu.payments.rules.fx_errors import FxRejected
from paysetu.payments.rules.fx_quotes import Rate
from paysetu.payments.usecases import fx_rates
from paysetu.payments.usecases.objects import merchant_object
from paysetu.settlement.usecases import reconciliation
from paysetu.shell.http.context import app_context
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.pages.actions import visible_or_404
from paysetu.shell.pages.auth import AdminSession
from paysetu.shell.pages.rendering import render

Context = Annotated[AppContext, Depends(app_context)]

router = APIRouter(include_in_schema=False)
MERCHANTS_PER_PAGE = 50
RUNS_LISTED = 50
LINES_LISTED = 200
DISPLAY_PAIRS = tuple((currency, "INR") for currency in ("CNY", "USD", "EUR", "GBP", "JPY",
                                                         "SGD", "AED", "KWD"))
"""The corridors the rates page shows: the buyer currencies of the demo, into INR."""


@router.get("/admin", response_class=HTMLResponse)
def merchant_list(
    request: Request, context: Context, _session: AdminSession,
    after: Annotated[str | None, Query()] = None,
) -> Response:
    with visible_or_404(), context.uow_factory() as uow:
        found, has_more = uow.merchants.list_page(
            None, PageRequest(limit=MERCHANTS_PER_PAGE, starting_after=after))
        merchants = [merchant_object(m, uow.merchants.balances(m.id)) for m in found]
    return render(request, "admin/merchants.html",
                  {"merchants": merchants, "has_more": has_more})


@router.get("/admin/rates", response_class=HTMLResponse)
def rates(request: Request, context: Context, _session: AdminSession) -> Response:
    in_force: list[dict[str, Any]] = []
    with context.uow_factory() as uow:
        manual, _ = fx_rates.list_rates(uow, None)
        for base, quote in DISPLAY_PAIRS:
            try:
                rate: Rate | None = fx_rates.mid_rate(context, uow, base, quote)
                problem = None
            except FxRejected as refusal:
                rate, problem = None, refusal.message
            in_force.append({"pair": f"{base}/{quote}", "rate": rate, "problem": problem,
                             "spread_bps": context.fx.spread_for(base, quote)})
    return render(request, "admin/rates.html", {
        "in_force": in_force, "manual": manual, "quote_ttl_s": context.fx.quote_ttl_s,
        "rate_max_age_days": context.fx.rate_max_age_days})


@router.get("/admin/reconciliations", response_class=HTMLResponse)
def reconciliations(request: Request, context: Context, _session: AdminSession) -> Response:
    with context.uow_factory() as uow:
        runs, _ = uow.reconciliations.list_runs(RUNS_LISTED, None)
    return render(request, "admin/reconciliations.html",
                  {"runs": [reconciliation.reconciliation_object(r) for r in runs]})


@router.get("/admin/reconciliations/{run_id}", response_class=HTMLResponse)
def reconciliation_detail(
    request: Request, run_id: str, context: Context, _session: AdminSession
) -> Response:
    with visible_or_404(), context.uow_factory() as uow:
        run = reconciliation.get_run(uow, run_id)
        results, has_more = reconciliation.list_lines(uow, run_id, None, 0, LINES_LISTED)
    return render(request, "admin/reconciliation.html", {
        "run": reconciliation.reconciliation_object(run), "has_more": has_more,
        "lines": [reconciliation.line_object(run.id, r) for r in results]})
