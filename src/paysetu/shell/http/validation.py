"""FastAPI's validation errors, reported with paysetu's closed codes and Stripe's shape."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from paysetu.access.rules.request_errors import RequestRejected, RequestStatus

_BODY_NOT_OBJECT = {"json_invalid", "model_attributes_type", "dict_type", "model_type"}


def _param(location: Sequence[Any]) -> str | None:
    parts = [str(p) for p in location if p not in ("body", "query", "path", "header")]
    if not parts:
        return None
    text = parts[0]
    for part in parts[1:]:
        text += f"[{part}]" if part.isdigit() else f".{part}"
    return text


def rejection_from_errors(errors: Sequence[Any]) -> RequestRejected:
    """The first validation error as a :class:`RequestRejected` naming the field."""
    first = errors[0] if errors else {"type": "value_error", "loc": ()}
    kind = str(first.get("type", ""))
    location = first.get("loc", ())
    param = _param(location)
    if kind == "json_invalid" or (kind in _BODY_NOT_OBJECT and param is None):
        return RequestRejected(RequestStatus.BODY_NOT_JSON)
    if kind == "missing":
        return RequestRejected(RequestStatus.PARAMETER_MISSING, f"{param} is required.", param)
    if kind == "extra_forbidden":
        return RequestRejected(
            RequestStatus.PARAMETER_UNKNOWN, f"{param} is not a field of this request.", param
        )
    message = str(first.get("msg", "Invalid value."))
    return RequestRejected(RequestStatus.PARAMETER_INVALID, f"{param}: {message}", param)
