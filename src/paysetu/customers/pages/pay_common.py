"""What every wallet pay page shares (the merchant's, the checkout's, the gateway's trade's):
the signed-in customer from the ``paysetu_customer`` cookie, the page rendering (no-store,
pre-login CSRF token, ``Retry-After`` on a throttle), this server's public address for the
QR codes, and the pay form's values.

The pay pages live under ``/wallet/pay/`` so that the customer's cookie (path ``/wallet``)
reaches them; a customer who is not signed in gets the sign-in form, which comes back to the
page (``next``) once the code is right.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import Response

from paysetu.customers.api.deps import CUSTOMER_COOKIE
from paysetu.customers.pages.wallet_pages import HEADERS
from paysetu.customers.rules.errors import CustomerRejected
from paysetu.customers.rules.identity import CustomerSession
from paysetu.customers.usecases import sign_in
from paysetu.customers.usecases.ports import CustomersContext
from paysetu.ledger.rules.errors import PaysetuError
from paysetu.shell.http.error_mapping import retry_after
from paysetu.shell.pages.auth import ensure_login_csrf, set_login_csrf_cookie
from paysetu.shell.pages.rendering import render


def signed_in(request: Request, context: CustomersContext) -> CustomerSession | None:
    try:
        return sign_in.current_session(context, request.cookies.get(CUSTOMER_COOKIE))
    except CustomerRejected:
        return None


def public_base(request: Request, context: CustomersContext) -> str:
    """This server's public origin (``PAYSETU_PUBLIC_BASE_URL``; unset: the request's own)."""
    return (context.customers.public_base_url or str(request.base_url)).rstrip("/")


def wallet_page(request: Request, context: CustomersContext, template: str,
                values: dict[str, Any], *, status_code: int = 200) -> Response:
    """``wallet/<template>`` with the wallet pages' headers and CSRF cookie."""
    new_token = ensure_login_csrf(request, context)
    response = render(request, f"wallet/{template}", values, status_code=status_code)
    response.headers.update(HEADERS)
    error = values.get("error")
    wait = retry_after(error) if isinstance(error, PaysetuError) else None
    if wait is not None:
        response.headers["Retry-After"] = str(wait)
    if new_token is not None:
        set_login_csrf_cookie(request, response, new_token)
    return response


def pay_values(request: Request, context: CustomersContext, *, payee: str, action: str,
               currency: str, amount_minor: int | None, description: str | None = None,
               ) -> dict[str, Any]:
    """The pay form's values: who is paid, how much (None: the customer types it), where the
    form goes, a fresh request key (a double submit pays once), and the sign-in's way back."""
    return {
        "payee": payee, "action": action, "currency": currency, "amount_minor": amount_minor,
        "description": description, "request_key": context.ids.new_id("wpr"),
        "signed_in": signed_in(request, context) is not None,
        "next": request.url.path + (f"?{request.url.query}" if request.url.query else ""),
    }
