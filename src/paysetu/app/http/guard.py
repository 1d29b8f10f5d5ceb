"""The request guard: what every request must satisfy before any use case runs.

:class:`RequestGuard` is plain ASGI middleware (no per-request task or stream wrapping) that
gives the request its id (``req_<ULID>``, in ``request.state.request_id`` and the ``Request-Id``
response header), refuses a body over its route's limit (:func:`body_size_max`), declared
(``Content-Length``) or streamed, with ``body_too_large``, and reads every JSON body strictly
(:mod:`paysetu.shell.http.json_body`: invalid UTF-8, deep nesting, huge integers, repeated keys,
NUL and lone surrogates are refused with a code before routing, so nothing is written).

:func:`check_parameters`, a dependency of every route, refuses the NUL character in a path or
query parameter (``param`` names it): PostgreSQL ``text`` and ``jsonb`` cannot hold NUL, so
without this check such a value fails deep in a query as a server error; here it is
``parameter_invalid`` before anything is read or written. It also refuses a query parameter the
route does not take (``parameter_unknown``), as Stripe does, and one given twice.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from ulid import ULID

from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.ledger.rules.errors import PaysetuError
from paysetu.shell.http.error_mapping import error_body, http_status, retry_after
from paysetu.shell.http.json_body import NUL, json_body_problem, nul_refusal

BODY_SIZE_MAX = 64 * 1024
BODY_SIZE_MAX_BY_PATH: dict[str, int] = {"/v1/reconciliations": 10 * 1024 * 1024 + 64 * 1024,
                                         "/wallet/scan": 5 * 1024 * 1024 + 64 * 1024}
"""Routes that take uploads (bank statements: 10 MiB plus room for a JSON envelope; a photo
of a QR code: 5 MiB and the form around it)."""
_DECLARED_QUERY = "_paysetu_query_names"
"""Attribute caching a route's declared query parameters (routes are not hashable)."""


def error_response(error: PaysetuError, request_id: str) -> JSONResponse:
    """Stripe's error object for ``error``, with the ``Request-Id`` header, and ``Retry-After``
    (whole seconds) for every refusal that says how long to wait: an API key's rate limit, a
    customer's sign-in throttle or PIN lock (any ``retry_after_s`` an error carries)."""
    headers = {"Request-Id": request_id}
    wait = retry_after(error)
    if wait is not None:
        headers["Retry-After"] = str(wait)
    return JSONResponse(dict(error_body(error, request_id)), status_code=http_status(error),
                        headers=headers)


def _too_large(limit: int = BODY_SIZE_MAX) -> RequestRejected:
    return RequestRejected(RequestStatus.BODY_TOO_LARGE, f"Bodies are at most {limit} bytes.")


def body_size_max(scope: Scope) -> int:
    """The body size limit of the request's path."""
    return BODY_SIZE_MAX_BY_PATH.get(str(scope.get("path", "")), BODY_SIZE_MAX)


def query_parameter_with_nul(query_string: bytes) -> str | None:
    """The first query parameter whose name or value holds a NUL (``%00``), if any."""
    if b"%00" not in query_string and b"\x00" not in query_string:
        return None
    for name, value in parse_qsl(query_string.decode("latin-1"), keep_blank_values=True):
        if NUL in name or NUL in value:
            return name.replace(NUL, "") or "query"
    return None


async def _read_body(receive: Receive, limit: int) -> list[Message] | None:
    """The messages that carry the whole body; None once it passes ``limit`` bytes."""
    messages: list[Message] = []
    size = 0
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            break
        size += len(message.get("body", b""))
        if size > limit:
            return None
        if not message.get("more_body", False):
            break
    return messages


def _replaying(messages: list[Message], receive: Receive) -> Receive:
    """A ``receive`` that hands out the buffered messages first, then the real ones."""
    pending = list(messages)

    async def replay() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replay


class RequestGuard:
    """ASGI middleware: the request id, and the body size limit."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = f"req_{ULID()}"
        scope.setdefault("state", {})["request_id"] = request_id
        refusal, receive = await self._check(scope, receive)
        if refusal is not None:
            await error_response(refusal, request_id)(scope, receive, send)
            return

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)["Request-Id"] = request_id
            await send(message)

        await self.app(scope, receive, send_with_id)

    async def _check(
        self, scope: Scope, receive: Receive
    ) -> tuple[RequestRejected | None, Receive]:
        declared = _content_length(scope)
        limit = body_size_max(scope)
        if declared is not None and (not (declared.isascii() and declared.isdigit())
                                     or int(declared) > limit):
            return _too_large(limit), receive
        if scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return None, receive
        messages = await _read_body(receive, limit)
        if messages is None:
            return _too_large(limit), receive
        body = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.request")
        if _is_json(scope, body):
            return json_body_problem(body), _replaying(messages, receive)
        return None, _replaying(messages, receive)


def declared_query_names(route: Any) -> frozenset[str]:
    """The query parameters ``route`` (or any of its dependencies) declares."""
    cached: frozenset[str] | None = getattr(route, _DECLARED_QUERY, None)
    if cached is None:
        names: set[str] = set()
        pending = [getattr(route, "dependant", None)]
        while pending:
            dependant = pending.pop()
            if dependant is not None:
                names.update(field.alias for field in dependant.query_params)
                pending.extend(dependant.dependencies)
        cached = frozenset(names)
        if route is not None:
            setattr(route, _DECLARED_QUERY, cached)
    return cached


async def check_parameters(request: Request) -> None:
    """App-wide dependency: refuse a NUL anywhere, and query parameters the route does not take.

    Runs after routing (so it can name the path parameter and knows the route's parameters)
    and before every other dependency (authentication, the body's validation), on every route.
    An unknown query parameter is ``parameter_unknown``, as an unknown body field is; one given
    twice is ``parameter_invalid`` (no parameter takes a list, and "the last one wins" would
    silently drop a filter). Routes left out of the OpenAPI document (the web pages, health)
    are not the API: their query strings are not checked here.
    """
    for name, value in request.path_params.items():
        if NUL in str(value):
            raise nul_refusal(name)
    query = request.scope.get("query_string", b"")
    param = query_parameter_with_nul(query)
    if param is not None:
        raise nul_refusal(param)
    if query and getattr(request.scope.get("route"), "include_in_schema", True):
        _check_query_names(request)  # web pages (outside the schema) take what browsers send


def _check_query_names(request: Request) -> None:
    params = request.query_params
    unknown = set(params) - declared_query_names(request.scope.get("route"))
    if unknown:
        name = min(unknown)
        raise RequestRejected(RequestStatus.PARAMETER_UNKNOWN,
                              f"{name} is not a parameter of this request.", name)
    if len(params) != len(params.multi_items()):
        name = min(n for n in params if len(params.getlist(n)) > 1)
        raise RequestRejected(RequestStatus.PARAMETER_INVALID,
                              f"{name} is given more than once.", name)


def _header(scope: Scope, wanted: bytes) -> str | None:
    for name, value in scope["headers"]:
        if name == wanted:
            return str(value.decode("latin-1"))
    return None


def _content_length(scope: Scope) -> str | None:
    return _header(scope, b"content-length")


def _is_json(scope: Scope, body: bytes) -> bool:
    """Whether the route will read the body as JSON: FastAPI does for a JSON media type, and
    for none at all on the API's paths (the pages and the gateway post forms) when the body is
    JSON's shape. A raw upload without a content type (``POST /v1/reconciliations?format=csv``)
    is the route's to read: a JSON route that gets one refuses it as ``body_not_json`` too."""
    content_type = _header(scope, b"content-type")
    if content_type is None:
        looks_like_json = body.lstrip(b" \t\r\n")[:1] in (b"{", b"[")
        return str(scope.get("path", "")).startswith("/v1/") and looks_like_json
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or media.endswith("+json")
