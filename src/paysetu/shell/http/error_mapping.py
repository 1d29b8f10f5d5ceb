"""How an expected rejection is presented over HTTP: a status and Stripe's error body.

Entrypoints never look at individual codes to pick a status: each code carries an
:class:`~paysetu.ledger.rules.errors.ErrorCategory`, and the category decides. A new code therefore
needs no change here, and a new category fails the meta tests until it is mapped.

=================  ======  =========================  ==========================================
category           status  ``type``                   why
=================  ======  =========================  ==========================================
invalid_request    400     ``invalid_request_error``  Stripe's type and status for a bad request.
unauthenticated    401     ``invalid_request_error``  Stripe answers a bad API key so.
declined           402     ``declined_error``         See below.
not_found          404     ``invalid_request_error``  Stripe answers ``resource_missing`` so.
conflict           409     ``invalid_request_error``  Stripe reports state clashes (already
                                                      captured) as invalid requests.
rate_limited       429     ``invalid_request_error``  Stripe answers ``rate_limit`` so.
unavailable        503     ``api_error``              Stripe's type for "retry later".
=================  ======  =========================  ==========================================

Two codes keep Stripe's ``idempotency_error`` type whatever their category
(:data:`TYPE_OVERRIDES`): an ``Idempotency-Key`` reused with another request, and one whose
first request is still in progress.

``declined_error`` is paysetu's one addition to Stripe's vocabulary. Stripe's 402 type is
``card_error``, but paysetu's declines are balance and limit rules on ledger accounts (a wallet
without funds, a wallet over its RBI limit), not card declines, and a client that shows "your
card was declined" would mislead. The status stays 402, so Stripe's client libraries, which pick
their exception class from the status, still raise their "declined" exception.

The body always has all five keys; ``param`` is ``null`` when no single input is at fault.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TypedDict

from paysetu.access.rules.request_errors import RequestStatus
from paysetu.ledger.rules.errors import ErrorCategory, ErrorCode, PaysetuError

HTTP_STATUS: Mapping[ErrorCategory, int] = MappingProxyType(
    {
        ErrorCategory.INVALID: 400,
        ErrorCategory.UNAUTHENTICATED: 401,
        ErrorCategory.DECLINED: 402,
        ErrorCategory.NOT_FOUND: 404,
        ErrorCategory.CONFLICT: 409,
        ErrorCategory.RATE_LIMITED: 429,
        ErrorCategory.UNAVAILABLE: 503,
    }
)
"""HTTP status of every error category."""

ERROR_TYPE: Mapping[ErrorCategory, str] = MappingProxyType(
    {
        ErrorCategory.INVALID: "invalid_request_error",
        ErrorCategory.UNAUTHENTICATED: "invalid_request_error",
        ErrorCategory.DECLINED: "declined_error",
        ErrorCategory.NOT_FOUND: "invalid_request_error",
        ErrorCategory.CONFLICT: "invalid_request_error",
        ErrorCategory.RATE_LIMITED: "invalid_request_error",
        ErrorCategory.UNAVAILABLE: "api_error",
    }
)
"""Stripe-style ``error.type`` of every error category."""

TYPE_OVERRIDES: tuple[tuple[ErrorCode, str], ...] = (
    (RequestStatus.IDEMPOTENCY_KEY_REUSED, "idempotency_error"),
    (RequestStatus.IDEMPOTENCY_KEY_IN_USE, "idempotency_error"),
)
"""Codes whose ``type`` is not their category's, as in Stripe. A tuple, not a dict: codes of
different enums with the same value compare (and hash) equal, and must not be confused."""


class ErrorDetail(TypedDict):
    """The inside of Stripe's error body."""

    type: str
    code: str
    message: str
    param: str | None
    request_id: str


class ErrorBody(TypedDict):
    """Stripe's error body: ``{"error": {...}}``."""

    error: ErrorDetail


def http_status(error: PaysetuError) -> int:
    """The HTTP status for ``error``, from its code's category."""
    return HTTP_STATUS[error.code.category]


def retry_after(error: PaysetuError) -> int | None:
    """The whole seconds a throttled caller should wait (at least 1), for the ``Retry-After``
    header, when the refusal says (an API key's rate limit, a sign-in throttle, a PIN lock:
    each carries ``retry_after_s``); None for every other refusal."""
    wait = getattr(error, "retry_after_s", None)
    return max(1, wait) if isinstance(wait, int) else None


def error_type(code: ErrorCode) -> str:
    """The ``type`` of the error body for ``code``: its override, else its category's."""
    for overridden, type_ in TYPE_OVERRIDES:
        if overridden is code:
            return type_
    return ERROR_TYPE[code.category]


def error_body(error: PaysetuError, request_id: str) -> ErrorBody:
    """Stripe's error body for ``error``, e.g. for a wallet without funds::

    {"error": {"type": "declined_error", "code": "exceeds_credits",
               "message": "A debit would take an account flagged ...",
               "param": "postings", "request_id": "req_..."}}
    """
    return {
        "error": {
            "type": error_type(error.code),
            "code": error.code.value,
            "message": error.message,
            "param": error.param,
            "request_id": request_id,
        }
    }
