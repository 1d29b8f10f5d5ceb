"""Every success response in ``/openapi.json`` names its object's schema (issue 14).

A route that answers JSON without ``response_model=`` is documented as an untyped object, and a
generated client gets ``Any``: each 2xx JSON response must be a ``$ref`` to a component (or an
array of them), and each component so named must be a closed object (``additionalProperties:
false``, as :class:`~paysetu.shell.http.objects.ApiObject` makes it) with its ``object`` field.
A 2xx response that is not JSON (a file) is allowed only when :data:`NOT_JSON` lists it, with
the reason. The document is built from the app as ``/openapi.json`` serves it; no database.
"""

from __future__ import annotations

from typing import Any

import pytest

from paysetu.app.http.openapi_document import openapi_document

NOT_JSON = {
    ("get", "/v1/settlements/{settlement_id}/files/{kind}"):
        "the batch's payout file or report: pain.001 XML or CSV, as an attachment",
}
"""2xx responses that are not JSON, each with why; the test fails if one no longer exists."""

JSON = "application/json"


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return openapi_document()


def _ref_name(schema: dict[str, Any]) -> str | None:
    ref = schema.get("$ref")
    prefix = "#/components/schemas/"
    return ref.removeprefix(prefix) if isinstance(ref, str) and ref.startswith(prefix) else None


def _referenced(schema: dict[str, Any]) -> list[str] | None:
    """The components a response schema is built from, or None if any part is untyped."""
    name = _ref_name(schema)
    if name is not None:
        return [name]
    if schema.get("type") == "array" and isinstance(schema.get("items"), dict):
        return _referenced(schema["items"])
    alternatives = schema.get("anyOf") or schema.get("oneOf")
    if isinstance(alternatives, list) and alternatives:
        names: list[str] = []
        for alternative in alternatives:
            found = _referenced(alternative)
            if found is None:
                return None
            names += found
        return names
    return None


def _success_responses(document: dict[str, Any]) -> list[tuple[str, str, str, dict[str, Any]]]:
    return [
        (method, path, status, response)
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
        for status, response in operation.get("responses", {}).items()
        if status.startswith("2")
    ]


def test_every_success_response_names_its_schema(document: dict[str, Any]) -> None:
    untyped, components = [], document.get("components", {}).get("schemas", {})
    for method, path, status, response in _success_responses(document):
        content = response.get("content", {})
        if JSON not in content:
            if (method, path) not in NOT_JSON:
                untyped.append(f"{method.upper()} {path} {status}: not JSON, not in NOT_JSON")
            continue
        names = _referenced(content[JSON].get("schema", {}))
        if names is None:
            untyped.append(f"{method.upper()} {path} {status}: {content[JSON].get('schema')}")
            continue
        for name in names:
            schema = components.get(name, {})
            if schema.get("type") != "object" or schema.get("additionalProperties") is not False:
                untyped.append(f"{method.upper()} {path} {status}: {name} is not a closed object")
            elif "object" not in schema.get("properties", {}):
                untyped.append(f"{method.upper()} {path} {status}: {name} has no object field")
    assert not untyped, "2xx JSON responses without a response model:\n" + "\n".join(untyped)


def test_not_json_lists_only_existing_file_responses(document: dict[str, Any]) -> None:
    files = {
        (method, path)
        for method, path, _status, response in _success_responses(document)
        if JSON not in response.get("content", {})
    }
    assert set(NOT_JSON) == files


def test_the_document_is_checked_at_all(document: dict[str, Any]) -> None:
    """The walk above sees the API's operations (a broken walk would pass vacuously)."""
    assert len(_success_responses(document)) >= 81
    assert ("post", "/v1/payments") in {(m, p) for m, p, _s, _r in _success_responses(document)}
