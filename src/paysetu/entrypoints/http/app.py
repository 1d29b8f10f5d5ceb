"""The FastAPI application: routers, error rendering, request ids, body size limit.

Every refusal leaves as Stripe's error object with a code from the closed enums; FastAPI's own
validation errors and unknown routes are translated into the same shape, so a client never
sees two error formats.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from ulid import ULID

from paysetu.domain.errors import PaysetuError
from paysetu.domain.payment_errors import RequestRejected, RequestStatus
from paysetu.entrypoints.error_mapping import error_body, http_status
from paysetu.entrypoints.http.observability import install_observability
from paysetu.entrypoints.http.routes import (
    balance_transactions,
    customers,
    events,
    merchants,
    payments,
    refunds,
    wallets,
    webhooks,
)
from paysetu.entrypoints.http.validation import rejection_from_errors
from paysetu.services.context import AppContext

BODY_SIZE_MAX = 64 * 1024


def _error_response(request: Request, error: PaysetuError) -> JSONResponse:
    request_id = str(getattr(request.state, "request_id", "req_unknown"))
    headers = {"Request-Id": request_id}
    if error.code is RequestStatus.RATE_LIMITED and error.param:
        headers["Retry-After"] = error.param
    return JSONResponse(dict(error_body(error, request_id)), status_code=http_status(error),
                        headers=headers)


async def _request_envelope(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    request.state.request_id = f"req_{ULID()}"
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > BODY_SIZE_MAX):
        return _error_response(request, RequestRejected(
            RequestStatus.BODY_TOO_LARGE, f"Bodies are at most {BODY_SIZE_MAX} bytes."))
    response = await call_next(request)
    response.headers["Request-Id"] = request.state.request_id
    return response


def create_app(context: AppContext) -> FastAPI:
    """The API, bound to ``context`` (built by :mod:`paysetu.bootstrap`)."""
    app = FastAPI(
        title="paysetu API",
        version="1",
        description="Wallets, merchants, payments, refunds and webhooks on a double-entry ledger.",
    )
    app.state.context = context
    app.middleware("http")(_request_envelope)
    install_observability(app, context)  # after the envelope: outermost, sees all

    @app.exception_handler(PaysetuError)
    async def refused(request: Request, error: PaysetuError) -> JSONResponse:
        return _error_response(request, error)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        return _error_response(request, rejection_from_errors(error.errors()))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        return _error_response(request, RequestRejected(
            RequestStatus.RESOURCE_MISSING, f"No route {request.method} {request.url.path}."))

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    for router in (customers.router, wallets.router, merchants.router, webhooks.router,
                   events.router, payments.router, refunds.router,
                   balance_transactions.router):
        app.include_router(router, prefix="/v1")
    return app
