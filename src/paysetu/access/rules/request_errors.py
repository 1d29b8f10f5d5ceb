"""Refusals of a request as such, whatever it asks: authentication, parameters, idempotency, limits.

Every capability's routes and use cases raise these; they sit with access, below them all.
"""

from __future__ import annotations

from paysetu.ledger.rules.errors import ErrorCategory, ErrorCode, PaysetuError

_I = ErrorCategory.INVALID
_N = ErrorCategory.NOT_FOUND
_C = ErrorCategory.CONFLICT
_A = ErrorCategory.UNAUTHENTICATED
_R = ErrorCategory.RATE_LIMITED
_U = ErrorCategory.UNAVAILABLE


class RequestStatus(ErrorCode):
    """Why a request was refused before any use case ran."""

    API_KEY_MISSING = (
        "api_key_missing",
        False,
        _A,
        "No API key: send `Authorization: Bearer sk_...`.",
    )
    API_KEY_INVALID = ("api_key_invalid", False, _A, "The API key is not one this platform issued.")
    API_KEY_REVOKED = ("api_key_revoked", False, _A, "The API key was revoked.")
    RATE_LIMITED = (
        "rate_limited",
        True,
        _R,
        "Too many requests for this API key; see Retry-After.",
    )
    BODY_TOO_LARGE = ("body_too_large", False, _I, "The request body is larger than allowed.")
    BODY_NOT_JSON = ("body_not_json", False, _I, "The request body is not a JSON object.")
    PARAMETER_UNKNOWN = (
        "parameter_unknown",
        False,
        _I,
        "The request has a field this route does not take.",
    )
    PARAMETER_MISSING = ("parameter_missing", False, _I, "A required field is missing.")
    PARAMETER_INVALID = (
        "parameter_invalid",
        False,
        _I,
        "A field has the wrong type or an invalid value.",
    )
    IDEMPOTENCY_KEY_INVALID = (
        "idempotency_key_invalid",
        False,
        _I,
        "An Idempotency-Key is 1-255 printable characters.",
    )
    IDEMPOTENCY_KEY_IN_USE = (
        "idempotency_key_in_use",
        True,
        _C,
        "A request with this Idempotency-Key is still in progress.",
    )
    IDEMPOTENCY_KEY_REUSED = (
        "idempotency_key_reused",
        False,
        _I,
        "This Idempotency-Key was used with a different request (method, path or body).",
    )
    RESOURCE_MISSING = (
        "resource_missing",
        False,
        _N,
        "No such object, or it belongs to someone else.",
    )
    CURSOR_INVALID = (
        "cursor_invalid",
        False,
        _I,
        "starting_after / ending_before name no object of this list.",
    )
    DATABASE_UNAVAILABLE = (
        "database_unavailable",
        True,
        _U,
        "The database cannot be reached right now; retry (with the same Idempotency-Key).",
    )


class RequestRejected(PaysetuError):
    """Authentication, body, parameter, idempotency or rate-limit refusal; nothing was written."""
