"""Who is signed in, what they may see, and the CSRF check of every posted form.

Use these as FastAPI dependencies in a page's signature:

* ``MerchantSession`` / ``LenderSession`` / ``AdminSession``: the signed-in user of that role.
  Signed out: a redirect to ``/login?next=<this page>``. Signed in with another role: 404, as an
  object of another owner is (a page never confirms that something exists for someone else).
* ``OptionalSession``: the session or None (public pages such as the hosted checkout).
* ``Form``: the posted form, after its ``csrf_token`` field was checked against the session's
  token (or, before login, against the login cookie: double submit). A missing or wrong token
  answers 403 with a readable page and changes nothing. Every POST route takes it.

The session cookie is HttpOnly and SameSite=Lax (Secure when the request came over HTTPS); it
holds a random token whose SHA-256 is the session's key in the database.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from paysetu.access.rules.principals import Principal, Role
from paysetu.access.rules.web_errors import WebStatus
from paysetu.access.rules.web_users import SESSION_TTL, WebRole, WebSession
from paysetu.access.usecases import web_users
from paysetu.access.usecases.ports import AccessContext
from paysetu.access.usecases.web_users import PasswordHasher
from paysetu.shell.http.context import app_context

SESSION_COOKIE = "paysetu_session"
LOGIN_CSRF_COOKIE = "paysetu_login_csrf"


class PageError(Exception):
    """A page that cannot be shown: rendered as ``error.html`` with ``status_code``."""

    def __init__(self, status_code: int, title: str, message: str) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.title = title
        self.message = message


def page_not_found() -> PageError:
    return PageError(404, "Not found", "There is no such page, or it is not yours to see.")


def csrf_rejected() -> PageError:
    """A POST whose form did not carry this browser's CSRF token: 403, nothing changed."""
    return PageError(403, "Form expired or forged", WebStatus.CSRF_TOKEN_INVALID.summary)


class LoginRequired(Exception):
    """The page needs a signed-in user; the handler redirects to the login page."""

    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


def passwords(request: Request) -> PasswordHasher:
    hasher: PasswordHasher = request.app.state.passwords
    return hasher


def optional_session(
    request: Request, context: Annotated[AccessContext, Depends(app_context)]
) -> WebSession | None:
    session = web_users.current_session(context, request.cookies.get(SESSION_COOKIE))
    request.state.web_session = session
    return session


def _role_session(role: WebRole) -> Callable[..., WebSession]:
    def signed_in_as(
        request: Request, session: Annotated[WebSession | None, Depends(optional_session)]
    ) -> WebSession:
        if session is None:
            where = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            raise LoginRequired(where)
        if session.user.role is not role:
            raise page_not_found()
        return session

    return signed_in_as


def principal_of(session: WebSession) -> Principal:
    """The API principal a signed-in user acts as, so pages reuse the services' scoping."""
    user = session.user
    role, owner = {
        WebRole.MERCHANT: (Role.MERCHANT, user.merchant_id),
        WebRole.LENDER: (Role.LENDER, user.lender_id),
        WebRole.ADMIN: (Role.PLATFORM, None),
    }[user.role]
    return Principal(f"web:{user.id}", role, owner, livemode=False)


def safe_next(path: str | None, default: str) -> str:
    """``path`` if it is a path of this site (no open redirect to another host), else default."""
    if path and path.startswith("/") and not path.startswith("//") and "\\" not in path:
        return path
    return default


def home_of(role: WebRole) -> str:
    return {WebRole.MERCHANT: "/dashboard", WebRole.LENDER: "/lender",
            WebRole.ADMIN: "/admin"}[role]


@dataclass(frozen=True, slots=True)
class PostedForm:
    """A form whose CSRF token was checked; :meth:`text` reads one field as text."""

    data: FormData

    def text(self, name: str) -> str:
        value = self.data.get(name)
        return value.strip() if isinstance(value, str) else ""


async def posted_form(
    request: Request, session: Annotated[WebSession | None, Depends(optional_session)]
) -> PostedForm:
    data = await request.form()
    sent = data.get("csrf_token")
    expected = session.csrf_token if session is not None else request.cookies.get(
        LOGIN_CSRF_COOKIE)
    if not isinstance(sent, str) or not expected or not hmac.compare_digest(
            sent.encode(), expected.encode()):
        raise csrf_rejected()
    return PostedForm(data)


def set_session_cookie(request: Request, response: Response, token: str) -> None:
    response.set_cookie(
        SESSION_COOKIE, token, max_age=int(SESSION_TTL.total_seconds()), httponly=True,
        samesite="lax", secure=request.url.scheme == "https", path="/")


def ensure_login_csrf(request: Request, context: AccessContext) -> str | None:
    """The pre-login CSRF token; returns a new one to set as cookie when the browser has none."""
    token = request.cookies.get(LOGIN_CSRF_COOKIE)
    if token:
        request.state.login_csrf = token
        return None
    token = context.secrets.token(32)
    request.state.login_csrf = token
    return token


def set_login_csrf_cookie(request: Request, response: Response, token: str) -> None:
    response.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="lax",
                        secure=request.url.scheme == "https", path="/")


OptionalSession = Annotated[WebSession | None, Depends(optional_session)]
MerchantSession = Annotated[WebSession, Depends(_role_session(WebRole.MERCHANT))]
LenderSession = Annotated[WebSession, Depends(_role_session(WebRole.LENDER))]
AdminSession = Annotated[WebSession, Depends(_role_session(WebRole.ADMIN))]
Form = Annotated[PostedForm, Depends(posted_form)]
Passwords = Annotated[PasswordHasher, Depends(passwords)]
