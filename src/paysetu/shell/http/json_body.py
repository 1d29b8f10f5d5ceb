"""Strict reading of JSON request bodies, before any route or use case sees them.

Python's ``json`` accepts more than the database and the response writer can carry, and
FastAPI turns what it cannot parse into a bare HTTP 400 (which became "No route"). So every
JSON body is read here first, once, and refused with a code when it is:

- not UTF-8, not JSON, or using ``NaN``/``Infinity`` (not JSON either): ``body_not_json``;
- nested deeper than :data:`DEPTH_MAX`, or holding an integer of more than
  :data:`INTEGER_DIGITS_MAX` digits (no field takes one; PostgreSQL's ``bigint`` ends at 19):
  ``parameter_invalid``;
- naming a key twice in one object (``{"amount_minor": 1, "amount_minor": 9}``; "the last one
  wins" would let two readers of one request see different values): ``parameter_invalid``;
- holding a NUL (``\\u0000``, which PostgreSQL ``text`` and ``jsonb`` cannot store) or a lone
  UTF-16 surrogate (``\\ud800``, which no UTF-8 writer can encode, so the database driver or
  the response would fail) in any string or key: ``parameter_invalid`` naming the field's path
  (``metadata.note``, ``enabled_events[0]``).
"""

from __future__ import annotations

import json
from typing import Any

from paysetu.access.rules.request_errors import RequestRejected, RequestStatus

DEPTH_MAX = 32
INTEGER_DIGITS_MAX = 19
NUL = "\x00"


def nul_refusal(param: str | None) -> RequestRejected:
    """``parameter_invalid`` for a NUL in ``param`` (or somewhere in the request)."""
    where = f"{param} contains" if param else "The request contains"
    message = f"{where} a NUL character (\\u0000), which is never valid."
    return RequestRejected(RequestStatus.PARAMETER_INVALID, message, param)


def _not_json(why: str) -> RequestRejected:
    return RequestRejected(RequestStatus.BODY_NOT_JSON, f"The request body {why}.")


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    document: dict[str, Any] = {}
    for key, value in pairs:
        if key in document:
            raise RequestRejected(
                RequestStatus.PARAMETER_INVALID, f"{key[:100]!r} is given more than once.",
                key[:100])
        document[key] = value
    return document


def _integer(text: str) -> int:
    if len(text.lstrip("-")) > INTEGER_DIGITS_MAX:
        raise RequestRejected(
            RequestStatus.PARAMETER_INVALID,
            f"An integer in the body has more than {INTEGER_DIGITS_MAX} digits.")
    return int(text)


def _constant(name: str) -> Any:
    raise _not_json(f"uses {name}, which is not JSON")


def _string_problem(text: str, path: str) -> RequestRejected | None:
    if NUL in text:
        return nul_refusal(path or None)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        where = f"{path} contains" if path else "The request contains"
        return RequestRejected(
            RequestStatus.PARAMETER_INVALID,
            f"{where} a lone UTF-16 surrogate (such as \\ud800), which is not a character.",
            path or None)
    return None


def _walk(document: Any) -> RequestRejected | None:
    """The first string, key or depth problem, in document order."""
    pending: list[tuple[Any, str, int]] = [(document, "", 1)]
    while pending:
        value, path, depth = pending.pop()
        if depth > DEPTH_MAX:
            return RequestRejected(RequestStatus.PARAMETER_INVALID,
                                   f"The body is nested deeper than {DEPTH_MAX} levels.",
                                   path or None)
        children: list[tuple[Any, str, int]] = []
        if isinstance(value, str):
            problem = _string_problem(value, path)
            if problem is not None:
                return problem
        elif isinstance(value, dict):
            for key, item in value.items():
                problem = _string_problem(key, path or "body")
                if problem is not None:
                    return problem
                children.append((item, f"{path}.{key}" if path else key, depth + 1))
        elif isinstance(value, list):
            children = [(item, f"{path}[{i}]", depth + 1) for i, item in enumerate(value)]
        pending.extend(reversed(children))
    return None


def json_body_problem(body: bytes) -> RequestRejected | None:
    """Why ``body`` may not reach a route, or None (an empty body is the route's to judge)."""
    if not body.strip():
        return None
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return _not_json("is not valid UTF-8")
    try:
        document = json.loads(text, object_pairs_hook=_object, parse_int=_integer,
                              parse_constant=_constant)
    except RequestRejected as refused:  # raised by the hooks above, mid-parse
        return refused
    except RecursionError:
        return RequestRejected(RequestStatus.PARAMETER_INVALID,
                               f"The body is nested deeper than {DEPTH_MAX} levels.")
    except ValueError:
        return _not_json("is not valid JSON")
    return _walk(document)
