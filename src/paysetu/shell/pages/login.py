"""``/login`` and ``/logout``, ``/`` sending each user to their home page, and ``/language``
(the English/Hindi switch of the customer's pages)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from paysetu.access.rules.web_errors import WebRejected
from paysetu.access.usecases import web_users
from paysetu.access.usecases.ports import AccessContext
from paysetu.access.usecases.web_users import LoginThrottled
from paysetu.shell.http.context import app_context
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.pages.auth import (
    SESSION_COOKIE,
    Form,
    OptionalSession,
    Passwords,
    ensure_login_csrf,
    home_of,
    safe_next,
    set_login_csrf_cookie,
    set_session_cookie,
)
from paysetu.shell.pages.i18n import LANGUAGE_COOKIE, LANGUAGES
from paysetu.shell.pages.rendering import redirect, render

Context = Annotated[AccessContext, Depends(app_context)]

router = APIRouter(include_in_schema=False)


def _login_page(
    request: Request, context: Context, *, next_path: str, email: str = "",
    error: WebRejected | None = None, status_code: int = 200,
) -> Response:
    new_token = ensure_login_csrf(request, context)
    response = render(request, "login.html", {"next": next_path, "email": email, "error": error},
                      status_code=status_code)
    if isinstance(error, LoginThrottled):
        response.headers["Retry-After"] = str(error.retry_after_s)
    if new_token is not None:
        set_login_csrf_cookie(request, response, new_token)
    return response


@router.get("/")
def home(session: OptionalSession) -> RedirectResponse:
    return redirect(home_of(session.user.role) if session is not None else "/login")


@router.get("/login", response_class=HTMLResponse)
def login_form(
    request: Request, context: Context, session: OptionalSession,
    next: Annotated[str | None, Query()] = None,
) -> Response:
    if session is not None:
        return redirect(safe_next(next, home_of(session.user.role)))
    return _login_page(request, context, next_path=safe_next(next, ""))


@router.post("/login", response_class=HTMLResponse)
def log_in(request: Request, context: Context, hasher: Passwords, form: Form) -> Response:
    email = form.text("email")
    try:
        token, session = web_users.log_in(
            context, hasher, email=email, password=str(form.data.get("password") or ""),
            client_address=request.client.host if request.client else "-")
    except WebRejected as error:
        status = 429 if isinstance(error, LoginThrottled) else 401
        return _login_page(request, context, next_path=safe_next(form.text("next"), ""),
                           email=email, error=error, status_code=status)
    response = redirect(safe_next(form.text("next"), home_of(session.user.role)))
    set_session_cookie(request, response, token)
    return response


@router.post("/logout")
def log_out(request: Request, context: Context, _form: Form) -> Response:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        web_users.log_out(context, token)
    response = redirect("/login", flash="You are signed out.")
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


LANGUAGE_COOKIE_AGE_S = 365 * 24 * 3600


@router.get("/language")
def choose_page_language(
    to: Annotated[str, Query(max_length=8)], next_path: Annotated[
        str | None, Query(alias="next", max_length=2000)] = None,
) -> Response:
    """Saves the visitor's language for a year and goes back to the page they were on (a plain
    link, so it works without JavaScript; an unknown language keeps the current one)."""
    response = redirect(safe_next(next_path, "/wallet"))
    if to in LANGUAGES:
        response.set_cookie(LANGUAGE_COOKIE, to, max_age=LANGUAGE_COOKIE_AGE_S, httponly=True,
                            samesite="lax", path="/")
    return response
