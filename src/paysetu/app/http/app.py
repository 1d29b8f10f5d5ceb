"""The FastAPI application: routers, error rendering, the request guard, observability.

Every refusal leaves as Stripe's error object with a code from the closed enums; FastAPI's own
validation errors and unknown routes are translated into the same shape, so a client never
sees two error formats, and the OpenAPI document says so (:mod:`.openapi`).

Middleware, outermost first: the request observer (logs and metrics, sees every response),
then the request guard (request id, body size), then the sign-in gate (``POST /login`` only in
a free slot, :mod:`paysetu.app.pages.sign_in_gate`); every route first refuses NUL characters and
unknown query parameters (:func:`.guard.check_parameters`).
"""

from __future__ import annotations

import sqlalchemy as sa
from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException as StarletteHTTPException

from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.alipay.api import alipay_apps, alipay_gateway, customer_payment_codes
from paysetu.app.context import AppContext
from paysetu.app.http.docs_pages import install_docs_pages
from paysetu.app.http.guard import RequestGuard, check_parameters, error_response
from paysetu.app.http.observability import install_observability
from paysetu.app.http.openapi import install_error_docs
from paysetu.app.pages.install import install_web
from paysetu.app.pages.sign_in_gate import SignInGate
from paysetu.app.read_routing import ReadRouting
from paysetu.checkout.api import checkout_sessions
from paysetu.customers.api import customer, customer_notifications, customer_payments, transfers
from paysetu.ledger.rules.errors import PaysetuError
from paysetu.lending.api import (
    credit_line_applications,
    credit_lines,
    lenders,
    lending_close_days,
    loan_applications,
    loans,
    refinance_claims,
)
from paysetu.marketplace.api import marketplaces
from paysetu.marketplace.api import orders as marketplace_orders
from paysetu.payments.api import (
    balance_transactions,
    events,
    fx,
    mandates,
    merchants,
    payments,
    refunds,
)
from paysetu.payments.api import webhook_endpoints as webhooks
from paysetu.settlement.api import payout_accounts, reconciliations, settlements
from paysetu.shell.http.rate_limit import RateLimiter
from paysetu.shell.http.routing import ThreadPoolRoute
from paysetu.shell.http.validation import rejection_from_errors
from paysetu.wallets.api import customers, wallets


def _error_response(request: Request, error: PaysetuError) -> JSONResponse:
    return error_response(error, str(getattr(request.state, "request_id", "req_unknown")))


def operation_id(route: APIRoute) -> str:
    """The route function's name (``create_payment``), unique across the API: generated
    clients name their functions after it (FastAPI's default appends the path and method)."""
    return route.name


def create_app(context: AppContext, rate_limiter: RateLimiter | None = None) -> FastAPI:
    """The API, bound to ``context`` (built by :mod:`paysetu.bootstrap`); with a
    ``rate_limiter`` (:func:`.rate_limit.from_settings`), each API key is limited by it."""
    app = FastAPI(
        title="paysetu API",
        version="1",
        description="Wallets, merchants, payments, refunds and webhooks on a double-entry ledger.",
        dependencies=[Depends(check_parameters)],
        generate_unique_id_function=operation_id,
        docs_url=None,  # FastAPI's pages load from a CDN: install_docs_pages serves them locally
        redoc_url=None,
        # paysetu's own observer logs and counts every request (observability.py); FastAPI's
        # OpenTelemetry hooks would only ask, on every request, whether a provider is set.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.router.route_class = ThreadPoolRoute  # the app's own routes, as every router's
    app.state.context = context
    app.state.rate_limiter = rate_limiter
    app.add_middleware(SignInGate)  # innermost: the guard and the observer see its 429s
    app.add_middleware(RequestGuard)
    app.add_middleware(ReadRouting)  # marks the list reads a standby may answer
    install_observability(app, context)  # added last: outermost, sees every response

    @app.exception_handler(PaysetuError)
    async def refused(request: Request, error: PaysetuError) -> JSONResponse:
        return _error_response(request, error)

    @app.exception_handler(sa.exc.OperationalError)
    async def database_down(request: Request, _error: sa.exc.OperationalError) -> JSONResponse:
        # A crashed or restarting database: transient, nothing was committed (503, retry).
        response = _error_response(request, RequestRejected(RequestStatus.DATABASE_UNAVAILABLE))
        response.headers["Retry-After"] = "1"
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        return _error_response(request, rejection_from_errors(error.errors()))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        if error.status_code == 400:  # FastAPI could not read the body the guard let through
            return _error_response(request, RequestRejected(RequestStatus.BODY_NOT_JSON))
        return _error_response(request, RequestRejected(
            RequestStatus.RESOURCE_MISSING, f"No route {request.method} {request.url.path}."))

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    for router in (customers.router, wallets.router, merchants.router, webhooks.router,
                   events.router, payments.router, refunds.router,
                   balance_transactions.router, fx.router, mandates.router, customer.router,
                   customer_payments.router, customer_notifications.router, transfers.router):
        app.include_router(router, prefix="/v1")
    app.include_router(reconciliations.router, prefix="/v1")
    for router in (settlements.router, payout_accounts.router):
        app.include_router(router, prefix="/v1")
    for router in (lenders.router, loan_applications.router, loans.router,
                   lending_close_days.router, refinance_claims.router,
                   credit_lines.router, credit_line_applications.router):
        app.include_router(router, prefix="/v1")
    app.include_router(checkout_sessions.router, prefix="/v1")
    for router in (marketplaces.router, marketplace_orders.router):
        app.include_router(router, prefix="/v1")
    app.include_router(alipay_apps.router, prefix="/v1")
    app.include_router(customer_payment_codes.router, prefix="/v1")
    app.include_router(alipay_gateway.router)  # Alipay's protocol: outside the OpenAPI document
    install_web(app)  # the web pages: outside the OpenAPI document
    install_docs_pages(app)
    install_error_docs(app)
    return app
