"""The request's context as the customers' routes and pages see it, and the signed-in customer.

A customer session is not an API key: it travels as ``Authorization: Bearer cst_...`` (the
app of issue 17) or the ``paysetu_customer`` cookie (the wallet pages), and only the
``/v1/customer`` routes and ``/wallet`` pages accept it; an API key is refused there, and a
customer token is refused everywhere else.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from paysetu.access.stores.passwords import Argon2Passwords
from paysetu.customers.rules.identity import CustomerSession
from paysetu.customers.usecases import sign_in
from paysetu.customers.usecases.ports import CustomersContext, PinHasher
from paysetu.shell.http.context import app_context, presented_key

CUSTOMER_COOKIE = "paysetu_customer"

CUSTOMER_TOKEN = HTTPBearer(
    auto_error=False,
    scheme_name="CustomerSession",
    bearerFormat="cst_...",
    description="A customer session token from `POST /v1/customer/sessions`.",
)

Context = Annotated[CustomersContext, Depends(app_context)]

_DEFAULT_HASHER = Argon2Passwords()


def pin_hasher(request: Request) -> PinHasher:
    """The deployment's argon2id hasher (the web pages' one; tests give a fast one)."""
    hasher: PinHasher = getattr(request.app.state, "passwords", None) or _DEFAULT_HASHER
    return hasher


def session_token(request: Request) -> str | None:
    header = request.headers.get("authorization")
    return presented_key(header) if header else request.cookies.get(CUSTOMER_COOKIE)


def customer_session(
    request: Request,
    context: Context,
    _declared: Annotated[HTTPAuthorizationCredentials | None, Security(CUSTOMER_TOKEN)],
) -> CustomerSession:
    """The signed-in customer, or 401 ``customer_session_invalid``."""
    return sign_in.current_session(context, session_token(request))


def client_address(request: Request) -> str:
    return request.client.host if request.client else "-"


Customer = Annotated[CustomerSession, Depends(customer_session)]
Pins = Annotated[PinHasher, Depends(pin_hasher)]
