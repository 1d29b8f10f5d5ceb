"""Per-request observation: one JSON log line and the HTTP metrics, for every request.

:class:`RequestObserver` is plain ASGI middleware, outermost in the app, so it sees every
response: routed or not, refused by the body-size check, replayed from an idempotency record,
or failed with an exception. The log line (logger ``paysetu.http``) carries::

    request_id, method, route (the path template), path, status, duration_ms,
    api_key_id (the public id of the presented key, never its secret), error_code

The error code is read from the Stripe-shaped error body itself, so it is the code the client
saw whichever layer produced it.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Response
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from paysetu.access.rules.principals import parse_key
from paysetu.app import operations
from paysetu.app.context import AppContext
from paysetu.app.http.metrics import HttpMetrics
from paysetu.shell.http.context import presented_key

ACCESS_LOG = logging.getLogger("paysetu.http")
KNOWN_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
UNMATCHED_ROUTE = "unmatched"
ERROR_BODY_MAX = 64 * 1024


@dataclass
class _ResponseSeen:
    """What went out: the status, the Request-Id header, and (for errors) the body."""

    status: int = 500
    request_id: str | None = None
    error_body: bytearray = field(default_factory=bytearray)

    def see(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.status = int(message["status"])
            self.request_id = Headers(raw=message.get("headers", [])).get("request-id")
        elif (message["type"] == "http.response.body" and self.status >= 400
              and len(self.error_body) < ERROR_BODY_MAX):
            self.error_body.extend(message.get("body", b""))

    def error_code(self) -> str | None:
        if self.status < 400:
            return None
        try:
            code = json.loads(self.error_body)["error"]["code"]
        except (ValueError, TypeError, KeyError):
            return "internal_error" if self.status >= 500 else None
        return str(code)


def route_template(scope: Scope) -> str:
    """The matched route's full path template (``/v1/customers/{customer_id}``).

    The route object knows its path within its router only, so the router prefixes are
    recovered from the request path: render the route's template with the path parameters and
    keep whatever precedes it.
    """
    template = getattr(scope.get("route"), "path_format", None)
    if not isinstance(template, str):
        return UNMATCHED_ROUTE
    try:
        concrete = template.format(**scope.get("path_params", {}))
    except (KeyError, IndexError, ValueError):
        return template
    path: str = scope["path"]
    return path.removesuffix(concrete) + template if path.endswith(concrete) else template


def _api_key_id(scope: Scope) -> str | None:
    presented = presented_key(Headers(scope=scope).get("authorization"))
    parsed = parse_key(presented) if presented else None
    return parsed[1] if parsed else None


def request_fields(scope: Scope, seen: _ResponseSeen, duration_s: float) -> dict[str, Any]:
    """The log line's fields for one finished request."""
    state = scope.get("state") or {}
    return {
        "request_id": state.get("request_id") or seen.request_id,
        "method": scope["method"],
        "route": route_template(scope),
        "path": scope["path"],
        "status": seen.status,
        "duration_ms": round(duration_s * 1000, 3),
        "api_key_id": _api_key_id(scope),
        "error_code": seen.error_code(),
    }


class RequestObserver:
    """ASGI middleware: times each HTTP request, logs it, and records it in the metrics."""

    def __init__(self, app: ASGIApp, metrics: HttpMetrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        seen = _ResponseSeen()

        async def observing_send(message: Message) -> None:
            seen.see(message)
            await send(message)

        failure: Exception | None = None
        try:
            await self.app(scope, receive, observing_send)
        except Exception as error:
            failure = error
            raise
        finally:
            self._record(scope, seen, time.perf_counter() - started, failure)

    def _record(
        self, scope: Scope, seen: _ResponseSeen, duration_s: float, failure: Exception | None
    ) -> None:
        fields = request_fields(scope, seen, duration_s)
        method = fields["method"] if fields["method"] in KNOWN_METHODS else "OTHER"
        self.metrics.observe(method, fields["route"], seen.status, duration_s)
        level = logging.ERROR if seen.status >= 500 else logging.INFO
        ACCESS_LOG.log(level, "%s %s %s", method, fields["route"], seen.status, extra=fields,
                       exc_info=failure)


def install_observability(app: FastAPI, context: AppContext) -> HttpMetrics:
    """Add the request observer (outermost) and ``GET /metrics`` (not in the OpenAPI schema)."""
    metrics = HttpMetrics(lambda: operations.snapshot(context))
    app.state.metrics = metrics
    app.add_middleware(RequestObserver, metrics=metrics)

    @app.get("/metrics", include_in_schema=False)
    def prometheus_metrics() -> Response:
        return Response(metrics.exposition(), media_type=metrics.content_type)

    return metrics
