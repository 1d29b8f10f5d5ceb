"""Per-request plumbing: the app's services, the caller, the idempotency key, the body hash."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Header, Request, Security
from fastapi.responses import JSONResponse
from fastapi.security import HTTPBearer
from pydantic import BaseModel, ValidationError

from paysetu.access.rules.principals import Principal, Role
from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.access.usecases import api_keys as access
from paysetu.access.usecases.api_key_cache import ApiKeyCache
from paysetu.access.usecases.idempotency import ApiResponse, RequestFingerprint, execute
from paysetu.access.usecases.ports import AccessContext, AccessUnitOfWork
from paysetu.kernel.invariants import InvariantViolation
from paysetu.ledger.rules.errors import PaysetuError
from paysetu.shell.http.error_mapping import error_body, http_status
from paysetu.shell.http.rate_limit import RateLimiter
from paysetu.shell.http.routing import run_sync

ContextT = TypeVar("ContextT", bound=AccessContext)
"""The context a capability's routes see: its own Protocol, extending access's."""


def context_of(request: Request) -> Any:
    """The assembly's context (``AppContext``) serving ``request``."""
    return request.app.state.context


async def app_context(request: Request) -> Any:
    """The assembly's context (``AppContext``); each capability's routes declare the part they
    use (``Annotated[PaymentsContext, Depends(app_context)]``, see ``<capability>/api/deps.py``).

    The dependencies here that do no I/O are ``async``: FastAPI runs a plain ``def``
    dependency in its thread pool, a hop to another thread and back for each one on every
    request, and these run on the event loop instead."""
    return context_of(request)


def request_id(request: Request) -> str:
    return str(getattr(request.state, "request_id", "req_unknown"))


def presented_key(authorization: str | None) -> str | None:
    """The key in an ``Authorization`` header (Bearer, or Basic with the key as user name)."""
    if authorization is None:
        return None
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() == "bearer":
        return value.strip()
    if scheme.lower() == "basic":
        import base64  # noqa: PLC0415 - rare path (Stripe's curl -u style)

        try:
            return base64.b64decode(value).decode().split(":", 1)[0]
        except ValueError:
            return ""
    return ""


API_KEY_CACHE = ApiKeyCache(time.monotonic)
"""This process's API key records (:mod:`paysetu.access.usecases.api_key_cache`): a key
revoked here is refused at once, one revoked by another process within ``TTL_S``."""


class ApiKeyAuthentication(HTTPBearer):
    """The authenticated caller (``Authorization: Bearer sk_...``), or 401; past its key's
    rate limit, 429 (:mod:`.rate_limit`).

    Declared as FastAPI's bearer scheme, so the OpenAPI document names it on every route that
    takes a caller, and resolved as one dependency: the scheme itself authenticates, where a
    ``principal`` dependency on top of an ``HTTPBearer`` one cost FastAPI two resolutions on
    every request. It reads the header itself, so that Stripe's ``curl -u sk_...:`` (Basic)
    form works too.

    A key whose record this process holds (:data:`API_KEY_CACHE`) is checked on the event
    loop; only a lookup in the database goes to the thread pool.
    """

    # Answers the caller, not the bearer credentials: only FastAPI calls a scheme, and it
    # hands the routes whatever the call returns.
    async def __call__(self, request: Request) -> Principal:  # type: ignore[override]
        presented = presented_key(request.headers.get("authorization"))
        caller = access.authenticate_cached(presented, API_KEY_CACHE)
        if caller is None:
            context: AccessContext = context_of(request)
            caller = await run_sync(access.authenticate, context, presented, API_KEY_CACHE)
        limiter: RateLimiter | None = getattr(request.app.state, "rate_limiter", None)
        if limiter is not None:
            limiter.take(caller.api_key_id)
        return caller


API_KEY = ApiKeyAuthentication(
    auto_error=False,
    scheme_name="ApiKey",
    bearerFormat="sk_test_... / sk_live_...",
    description="A secret API key (`paysetu keys create`), as `Authorization: Bearer sk_...`.",
)
"""The API's one authentication dependency (``Security(API_KEY)``, see :data:`Caller`)."""


async def platform_only(caller: Annotated[Principal, Security(API_KEY)]) -> Principal:
    """Routes that operate the platform: other roles get 404, as for an object they can't see."""
    if caller.role is not Role.PLATFORM:
        raise RequestRejected(RequestStatus.RESOURCE_MISSING)
    return caller


@dataclass(frozen=True, slots=True)
class WriteRequest(Generic[ContextT]):
    """Everything a write handler needs to run a use case idempotently."""

    context: ContextT
    caller: Principal
    idempotency_key: str | None
    fingerprint: RequestFingerprint
    request_id: str
    response_model: type[BaseModel] | None = None
    """The route's declared object (``response_model=``): each body is checked against it
    before it is stored for replay, as FastAPI checks what the reads return."""

    def run(self, status: int, work: Any) -> JSONResponse:
        """Run ``work(uow) -> dict`` once per Idempotency-Key and render the response."""

        def as_response(uow: AccessUnitOfWork) -> ApiResponse:
            body = work(uow)
            if self.response_model is not None:
                try:
                    self.response_model.model_validate(body)
                except ValidationError as error:
                    raise InvariantViolation(
                        f"{self.fingerprint.method} {self.fingerprint.path} answered a body"
                        f" that is not its {self.response_model.__name__}: {error}"
                    ) from error
            return ApiResponse(status, body)

        def refusal(error: PaysetuError) -> ApiResponse:
            return ApiResponse(http_status(error), dict(error_body(error, self.request_id)))

        response, replayed = execute(
            self.context, self.caller, self.idempotency_key, self.fingerprint, as_response,
            refusal,
        )
        headers = {"Idempotent-Replayed": "true"} if replayed else {}
        if self.idempotency_key is not None:
            headers["Idempotency-Key"] = self.idempotency_key
        return JSONResponse(response.body, status_code=response.status, headers=headers)


async def write_request(
    request: Request,
    caller: Annotated[Principal, Security(API_KEY)],
    idempotency_key: Annotated[str | None, Header(alias="Idempotency-Key")] = None,
) -> WriteRequest[Any]:
    """A write's plumbing: the caller, its idempotency key and the body's hash (the context
    and the hash are read here rather than declared: each declared one costs FastAPI a
    resolution on every request)."""
    route = request.scope.get("route")
    model = getattr(route, "response_model", None)
    digest = hashlib.sha256(await request.body()).hexdigest()
    return WriteRequest(
        context_of(request), caller, idempotency_key,
        RequestFingerprint(request.method, request.url.path, digest), request_id(request),
        model if isinstance(model, type) and issubclass(model, BaseModel) else None,
    )


Caller = Annotated[Principal, Security(API_KEY)]
PlatformCaller = Annotated[Principal, Depends(platform_only)]
