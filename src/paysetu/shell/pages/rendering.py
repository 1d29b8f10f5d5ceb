"""Templates and responses of the web pages: one Jinja environment, one ``render``.

Every page extends ``templates/base.html`` (header with the role's navigation, a flash area,
``<main>``); :func:`render` gives every template ``request``, ``session`` (None when signed
out), ``csrf_token`` (for the hidden field of every POST form: ``{{ csrf_field() }}``), ``nav``
and the one-shot ``flash`` message, plus the filters of :mod:`.money_format` and ``when``
(a UTC timestamp, minutes precision). Autoescaping is on for every template.

Text is written in English inside ``{{ _("...") }}`` or ``{% trans %}``; :func:`render` passes the
gettext of the page's language (:mod:`.i18n`) as ``_``/``gettext``/``ngettext``, with ``lang``
and ``language_switch`` (true on the translated pages, which show the English/Hindi switch).

A POST that succeeds answers :func:`redirect` (303, so reloading the next page never re-posts),
optionally with a flash message shown once by the next page.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from paysetu.access.rules.web_users import WebRole, WebSession
from paysetu.shell.pages.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGE_COOKIE,
    LANGUAGES,
    choose_language,
    is_translated,
    translations,
)
from paysetu.shell.pages.money_format import install_filters
from paysetu.shell.pages.page_terms import ERROR_WORDS

WEB_DIR = Path(__file__).parent
TEMPLATES = Jinja2Templates(directory=WEB_DIR / "templates")
STATIC_DIR = WEB_DIR / "static"
FLASH_COOKIE = "paysetu_flash"
FLASH_LENGTH_MAX = 300
PAGE_HEADERS = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "frame-ancestors 'none'; base-uri 'none'",
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
}
"""Every page: never cached (balances, one-time secrets, nothing left for the back button after
signing out), never framed (clickjacking), no referrer to other sites."""

NAV: dict[WebRole | None, tuple[tuple[str, str], ...]] = {
    None: (),
    WebRole.MERCHANT: (
        ("/dashboard", "Overview"), ("/dashboard/payments", "Payments"),
        ("/dashboard/qr", "QR code"),
        ("/dashboard/settlements", "Settlements"), ("/dashboard/webhooks", "Webhooks"),
        ("/dashboard/api-keys", "API keys"),
        ("/dashboard/alipay-apps", "Alipay apps"), ("/dashboard/loans", "Loans"),
        ("/dashboard/marketplace", "Marketplace"),
    ),
    WebRole.LENDER: (
        ("/lender", "Applications"), ("/lender/portfolio", "Portfolio"),
        ("/lender/refinance", "Refinance"), ("/lender/credit-lines", "Credit lines"),
    ),
    WebRole.ADMIN: (
        ("/admin", "Merchants"), ("/admin/rates", "Rates"),
        ("/admin/reconciliations", "Reconciliation"), ("/admin/disputes", "Disputes"),
    ),
}
"""The navigation of each role: ``(path, label)``; the current page is marked for screen readers."""


def format_when(moment: datetime | int | None) -> str:
    """``2026-04-01 09:30 UTC`` from a datetime or an API object's Unix time (pages show UTC,
    as the API and the ledger do)."""
    if moment is None:
        return ""
    if isinstance(moment, int):
        moment = datetime.fromtimestamp(moment, UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


install_filters(TEMPLATES.env)
TEMPLATES.env.add_extension("jinja2.ext.i18n")
TEMPLATES.env.filters["when"] = format_when


def web_session(request: Request) -> WebSession | None:
    """The session the auth dependencies found for this request (None when signed out)."""
    session: WebSession | None = getattr(request.state, "web_session", None)
    return session


def _csrf_token(request: Request) -> str:
    session = web_session(request)
    if session is not None:
        return session.csrf_token
    token: str = getattr(request.state, "login_csrf", "")
    return token


def page_language(request: Request) -> str:
    """The language of this request's page: the visitor's on translated pages, else English."""
    if not is_translated(request.url.path):
        return DEFAULT_LANGUAGE
    return choose_language(request.cookies.get(LANGUAGE_COOKIE),
                           request.headers.get("accept-language"))


def render(
    request: Request, template: str, values: dict[str, Any] | None = None, *,
    status_code: int = 200,
) -> HTMLResponse:
    """The page ``template`` with ``values`` and the common context; clears a shown flash."""
    session = web_session(request)
    token = _csrf_token(request)
    flash = unquote(request.cookies.get(FLASH_COOKIE, ""))[:FLASH_LENGTH_MAX]
    language = page_language(request)
    catalog = translations(language)
    context: dict[str, Any] = {
        "_": catalog.gettext,
        "gettext": catalog.gettext,
        "ngettext": catalog.ngettext,
        "lang": language,
        "languages": LANGUAGES,
        "language_switch": is_translated(request.url.path),
        "session": session,
        "csrf_token": token,
        "csrf_field": lambda: Markup(
            '<input type="hidden" name="csrf_token" value="{}">').format(token),
        "nav": NAV[session.user.role if session is not None else None],
        "current_path": request.url.path,
        "flash": flash,
        "error_words": ERROR_WORDS,
        **(values or {}),
    }
    response = TEMPLATES.TemplateResponse(request, template, context, status_code=status_code)
    response.headers.update(PAGE_HEADERS)
    response.headers["Content-Language"] = language
    if flash:
        response.delete_cookie(FLASH_COOKIE, path="/")
    return response


def redirect(url: str, *, flash: str | None = None) -> RedirectResponse:
    """303 See Other to ``url`` (a path of this site), with an optional one-shot message."""
    response = RedirectResponse(url, status_code=303)
    if flash:
        response.set_cookie(FLASH_COOKIE, quote(flash[:FLASH_LENGTH_MAX]), httponly=True,
                            samesite="lax", path="/")
    return response
