"""The customer's mandates (``/wallet/mandates``): each with the debits made under it; pause,
revoke or refuse without the PIN, approve or resume with it (stopping money is never harder
than letting it go)."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.customers.api.deps import Context, Pins
from paysetu.customers.pages.wallet_kit import page, signed_in
from paysetu.customers.rules.identity import CustomerSession
from paysetu.customers.usecases import approvals, wallet_app
from paysetu.ledger.rules.errors import PaysetuError
from paysetu.shell.http.error_mapping import http_status
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.pages.auth import Form
from paysetu.shell.pages.page_terms import N_
from paysetu.shell.pages.rendering import redirect

router = APIRouter(include_in_schema=False)
DONE = {
    "approve": N_("Mandate approved."), "refuse": N_("Mandate refused."),
    "pause": N_("Mandate paused."), "resume": N_("Mandate resumed."),
    "revoke": N_("Mandate revoked: no more debits under it."),
}


def _mandates(request: Request, context: Context, customer: CustomerSession, *,
              error: PaysetuError | None = None, status_code: int = 200) -> Response:
    return page(request, context, "mandates.html", {
        "mandates": wallet_app.mandates_with_debits(context, customer.customer_id),
        "error": error}, status_code=status_code)


@router.get("/wallet/mandates", response_class=HTMLResponse)
def wallet_mandates(request: Request, context: Context) -> Response:
    customer = signed_in(request, context)
    if customer is None:
        return redirect("/wallet")
    return _mandates(request, context, customer)


@router.post("/wallet/mandates/{mandate_id}", response_class=HTMLResponse)
def wallet_answer_mandate(
    request: Request, mandate_id: str, context: Context, hasher: Pins, form: Form
) -> Response:
    customer = signed_in(request, context)
    if customer is None:
        return redirect("/wallet")
    action = form.text("action")
    try:
        if action not in DONE:
            raise RequestRejected(RequestStatus.PARAMETER_INVALID, "Unknown action.", "action")
        approvals.act_on_mandate(context, hasher, customer.customer_id, mandate_id, action,
                                 form.text("pin") or None)
    except PaysetuError as error:
        return _mandates(request, context, customer, error=error,
                         status_code=http_status(error))
    return redirect(f"/wallet/mandates#{mandate_id}", flash=DONE[action])
