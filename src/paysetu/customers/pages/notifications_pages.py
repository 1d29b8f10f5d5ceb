"""The customer's notifications (``/wallet/notifications``): debits, payments waiting for
approval, refunds and pre-debit notices, newest first, the unseen ones marked; one button marks
them all seen."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from paysetu.customers.api.deps import Context
from paysetu.customers.pages.wallet_kit import page, signed_in
from paysetu.customers.rules.notifications import link
from paysetu.customers.usecases import notifications
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.pages.auth import Form
from paysetu.shell.pages.rendering import redirect

router = APIRouter(include_in_schema=False)


@router.get("/wallet/notifications", response_class=HTMLResponse)
def wallet_notifications(request: Request, context: Context) -> Response:
    customer = signed_in(request, context)
    if customer is None:
        return redirect("/wallet")
    inbox = notifications.inbox(context, customer.customer_id)
    return page(request, context, "notifications.html", {
        "notifications": [(n, link(n)) for n in inbox.notifications], "unread": inbox.unread})


@router.post("/wallet/notifications/seen", response_class=HTMLResponse)
def wallet_notifications_seen(request: Request, context: Context, _form: Form) -> Response:
    customer = signed_in(request, context)
    if customer is None:
        return redirect("/wallet")
    notifications.mark_seen(context, customer.customer_id)
    return redirect("/wallet/notifications")
