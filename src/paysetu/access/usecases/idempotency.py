"""Stripe's ``Idempotency-Key`` semantics around any write use case.

The stored response is written in the same database transaction as the effect: either both
commit or neither does. A transaction-scoped advisory lock on (API key, idempotency key) makes
a concurrent duplicate fail fast with ``idempotency_key_in_use`` (409) instead of waiting.

* same key, same request (method, path, body hash): the first response is replayed;
* same key, different request: ``idempotency_key_reused``;
* a refusal that is not transient (a bad parameter, a wrong state) is stored and replayed like a
  success; a transient one (insufficient funds, a limit) is not stored, so a retry with the same
  key runs again once the situation has changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from paysetu.access.rules.principals import Principal
from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.access.usecases.ports import AccessContext, AccessUnitOfWork
from paysetu.kernel.ports import TransientConflictError
from paysetu.ledger.rules.errors import PaysetuError

RETRIES_MAX = 8


@dataclass(frozen=True, slots=True)
class ApiResponse:
    status: int
    body: Any


@dataclass(frozen=True, slots=True)
class RequestFingerprint:
    """What makes two requests "the same" for an idempotency key."""

    method: str
    path: str
    body_hash: str


@dataclass(frozen=True, slots=True)
class _Stored:
    request_method: str
    request_path: str
    request_hash: str
    status: int
    body: Any


def _replay_or_refuse(
    uow: AccessUnitOfWork, principal: Principal, key: str, request: RequestFingerprint
) -> ApiResponse | None:
    locked, stored = uow.idempotency.lock_and_get(principal.api_key_id, key)
    if not locked:
        raise RequestRejected(RequestStatus.IDEMPOTENCY_KEY_IN_USE, param="Idempotency-Key")
    if stored is None:
        return None
    if (stored.request_method, stored.request_path, stored.request_hash) != (
        request.method, request.path, request.body_hash,
    ):
        raise RequestRejected(RequestStatus.IDEMPOTENCY_KEY_REUSED, param="Idempotency-Key")
    return ApiResponse(stored.status, stored.body)


def _attempt(
    ctx: AccessContext,
    principal: Principal,
    key: str | None,
    request: RequestFingerprint,
    work: Callable[[AccessUnitOfWork], ApiResponse],
    refusal_response: Callable[[PaysetuError], ApiResponse],
) -> tuple[ApiResponse, bool]:
    with ctx.uow_factory() as uow:
        if key is None:
            response = work(uow)
            uow.commit()
            return response, False
        replay = _replay_or_refuse(uow, principal, key, request)
        if replay is not None:
            return replay, True
        try:
            with uow.savepoint():
                response = work(uow)
        except PaysetuError as refusal:
            if refusal.code.transient:
                raise
            response = refusal_response(refusal)
        stored = _Stored(request.method, request.path, request.body_hash, response.status,
                         response.body)
        uow.idempotency.save(principal.api_key_id, key, stored, ctx.clock.now())
        uow.commit()
        return response, False


def execute(
    ctx: AccessContext,
    principal: Principal,
    key: str | None,
    request: RequestFingerprint,
    work: Callable[[AccessUnitOfWork], ApiResponse],
    refusal_response: Callable[[PaysetuError], ApiResponse],
) -> tuple[ApiResponse, bool]:
    """Run ``work`` once per idempotency key; returns the response and whether it was replayed.

    Refusals propagate as exceptions unless stored under a key; then the stored refusal is
    returned as a response (``refusal_response`` renders it), now and on every replay.
    """
    if key is not None and not (1 <= len(key) <= 255 and key.isprintable()):
        raise RequestRejected(RequestStatus.IDEMPOTENCY_KEY_INVALID, param="Idempotency-Key")
    for attempt in range(RETRIES_MAX):
        try:
            return _attempt(ctx, principal, key, request, work, refusal_response)
        except TransientConflictError:
            if attempt == RETRIES_MAX - 1:
                raise
    raise AssertionError("unreachable")  # pragma: no cover
