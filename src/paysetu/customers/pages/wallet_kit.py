"""What every wallet app page module shares: rendering a ``wallet/`` template with the
pre-login CSRF cookie and the wallet's headers, and the signed-in customer (None when the
``paysetu_customer`` cookie holds no live session).

Signed-out visitors of a page that needs a customer are sent to ``/wallet`` (the sign-in).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from paysetu.customers.api.deps import CUSTOMER_COOKIE
from paysetu.customers.rules.errors import CustomerRejected
from paysetu.customers.rules.identity import CustomerSession
from paysetu.customers.usecases import sign_in
from paysetu.customers.usecases.ports import CustomersContext
from paysetu.ledger.rules.errors import PaysetuError
from paysetu.shell.http.error_mapping import retry_after
from paysetu.shell.pages.auth import ensure_login_csrf, set_login_csrf_cookie
from paysetu.shell.pages.page_terms import KIND_WORDS, KYC_TIERS
from paysetu.shell.pages.rendering import render

HEADERS = {"Cache-Control": "no-store", "Referrer-Policy": "same-origin"}


def page(request: Request, context: CustomersContext, template: str, values: dict[str, Any],
         *, status_code: int = 200) -> Response:
    """``wallet/<template>`` with ``values``; sets the form token cookie when it is new."""
    new_token = ensure_login_csrf(request, context)
    response = render(request, f"wallet/{template}", {
        "kind_words": KIND_WORDS, "kyc_words": KYC_TIERS, **values},
        status_code=status_code)
    response.headers.update(HEADERS)
    error = values.get("error")
    wait = retry_after(error) if isinstance(error, PaysetuError) else None
    if wait is not None:  # a throttle refusal says when to try again, as the API does
        response.headers["Retry-After"] = str(wait)
    if new_token is not None:
        set_login_csrf_cookie(request, response, new_token)
    return response


def signed_in(request: Request, context: CustomersContext) -> CustomerSession | None:
    """The customer of this request's wallet cookie, or None."""
    try:
        return sign_in.current_session(context, request.cookies.get(CUSTOMER_COOKIE))
    except CustomerRejected:
        return None


@dataclass(frozen=True, slots=True)
class FormProblem:
    """A form the page itself refuses before any use case runs (an amount it cannot read):
    shown like a refusal, with a code of :data:`ERROR_WORDS`."""

    code: str
    message: str
