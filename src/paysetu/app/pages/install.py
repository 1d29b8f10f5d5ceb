"""Mount the web pages on the API's FastAPI app: routers, static files, error pages.

``create_app`` calls :func:`install_web` once. Pages raise :class:`.auth.PageError` (rendered
as ``error.html`` with its status) or :class:`.auth.LoginRequired` (a redirect to the login
page); the API's own refusals keep their JSON shape.
"""

from __future__ import annotations

from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from paysetu.access.stores.passwords import Argon2Passwords
from paysetu.access.usecases.web_users import PasswordHasher
from paysetu.alipay.pages import alipay_wallet_pages, dashboard_alipay
from paysetu.app.pages import admin
from paysetu.checkout.pages import checkout_pages, checkout_wallet_pages, wallet_top_up
from paysetu.customers.pages import (
    history_pages,
    home_pages,
    mandates_pages,
    notifications_pages,
    pay_pages,
    transfer_pages,
    wallet_pages,
)
from paysetu.lending.pages import (
    credit_line_applications,
    credit_lines,
    dashboard_loans,
    lender,
)
from paysetu.marketplace.pages import admin_disputes, dashboard_marketplace
from paysetu.payments.pages import dashboard, dashboard_developers, dashboard_payments
from paysetu.settlement.pages import dashboard_settlements
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.pages import login
from paysetu.shell.pages.auth import LoginRequired, PageError
from paysetu.shell.pages.rendering import STATIC_DIR, render

PAGE_ROUTERS: tuple[APIRouter, ...] = (
    login.router, dashboard.router, dashboard_payments.router, dashboard_settlements.router,
    dashboard_developers.router, dashboard_alipay.router, dashboard_loans.router, lender.router,
    credit_line_applications.router, credit_lines.router, admin.router, checkout_pages.router,
    wallet_pages.router, pay_pages.router, checkout_wallet_pages.router,
    alipay_wallet_pages.router, home_pages.router, mandates_pages.router, history_pages.router,
    wallet_top_up.router, notifications_pages.router, transfer_pages.router,
    dashboard_marketplace.router, admin_disputes.router,
)
"""Every router of pages, in the order their paths are matched."""


def install_web(app: FastAPI, passwords: PasswordHasher | None = None) -> None:
    """Add the pages, ``/static`` and the pages' error handling to ``app``."""
    app.state.passwords = passwords or Argon2Passwords()
    for router in PAGE_ROUTERS:
        app.include_router(router, include_in_schema=False)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.exception_handler(PageError)
    async def page_error(request: Request, error: PageError) -> Response:
        return render(request, "error.html", {"error": error}, status_code=error.status_code)

    @app.exception_handler(LoginRequired)
    async def login_required(_request: Request, error: LoginRequired) -> Response:
        return RedirectResponse(f"/login?next={quote(error.next_path, safe='/')}",
                                status_code=303)
