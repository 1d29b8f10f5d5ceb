"""The OpenAPI document says what the API really answers: Stripe's error object, never 422.

FastAPI documents a 422 ``HTTPValidationError`` for every route with parameters, but paysetu
reports validation failures as 400 with its own error object (:mod:`.validation`). This module
replaces those entries with the error responses each operation can give, one schema per HTTP
status whose ``code`` enumerates exactly the codes of that status's category, so a client (or
schemathesis) can check any refusal against the document:

======  =======================  ==================================================
status  schema                   when
======  =======================  ==================================================
400     ``InvalidRequestError``  every operation: a parameter, body, cursor or key
401     ``AuthenticationError``  every operation: no key, an unknown or revoked key
402     ``DeclinedError``        writes: funds or a limit refused it
404     ``NotFoundError``        every operation: no such object, or not the caller's
409     ``ConflictError``        writes: the object's state, or a concurrent request
======  =======================  ==================================================
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI

from paysetu.app.error_codes import ALL_CODE_ENUMS
from paysetu.kernel.error_base import ErrorCategory
from paysetu.shell.http.error_mapping import HTTP_STATUS, error_type

_SCHEMA_NAMES: dict[ErrorCategory, tuple[str, str]] = {
    ErrorCategory.INVALID: ("InvalidRequestError", "The request is invalid; nothing was written."),
    ErrorCategory.UNAUTHENTICATED: ("AuthenticationError", "No API key, or not a valid one."),
    ErrorCategory.DECLINED: ("DeclinedError", "Valid, but refused: funds or a limit."),
    ErrorCategory.NOT_FOUND: (
        "NotFoundError", "No such object, or it belongs to someone else."),
    ErrorCategory.CONFLICT: (
        "ConflictError", "The object's state does not allow it, or a duplicate is in flight."),
}
READ_ERRORS = (ErrorCategory.INVALID, ErrorCategory.UNAUTHENTICATED, ErrorCategory.NOT_FOUND)
WRITE_ERRORS = (*READ_ERRORS, ErrorCategory.DECLINED, ErrorCategory.CONFLICT)
_FASTAPI_VALIDATION_SCHEMAS = ("HTTPValidationError", "ValidationError")


def error_schema(category: ErrorCategory) -> dict[str, Any]:
    """Stripe's error object whose ``type`` and ``code`` are those of ``category``'s codes."""
    codes = [code for enum in ALL_CODE_ENUMS for code in enum if code.category is category]
    return {
        "title": _SCHEMA_NAMES[category][0],
        "type": "object",
        "required": ["error"],
        "additionalProperties": False,
        "properties": {"error": {
            "type": "object",
            "required": ["type", "code", "message", "param", "request_id"],
            "additionalProperties": False,
            "properties": {
                "type": {"type": "string", "enum": sorted({error_type(c) for c in codes})},
                "code": {"type": "string", "enum": sorted({c.value for c in codes})},
                "message": {"type": "string"},
                "param": {"anyOf": [{"type": "string"}, {"type": "null"}],
                          "description": "The input at fault (`metadata.note`), if one is."},
                "request_id": {"type": "string", "pattern": "^req_"},
            },
        }},
    }


def _error_response(category: ErrorCategory) -> dict[str, Any]:
    name, description = _SCHEMA_NAMES[category]
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}},
    }


def document_errors(schema: dict[str, Any]) -> dict[str, Any]:
    """Replace FastAPI's 422 entries by paysetu's error responses (idempotent, in place)."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for name in _FASTAPI_VALIDATION_SCHEMAS:
        components.pop(name, None)
    for category, (name, _) in _SCHEMA_NAMES.items():
        components[name] = error_schema(category)
    for item in schema.get("paths", {}).values():
        for method, operation in item.items():
            responses = operation.setdefault("responses", {})
            responses.pop("422", None)
            for category in READ_ERRORS if method == "get" else WRITE_ERRORS:
                responses[str(HTTP_STATUS[category])] = _error_response(category)
            operation["responses"] = dict(sorted(responses.items()))
    return schema


def install_error_docs(app: FastAPI) -> None:
    """Make ``app.openapi()`` (and ``/openapi.json``) document paysetu's error responses."""
    generate: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        return document_errors(generate())

    app.openapi = openapi  # type: ignore[method-assign]
