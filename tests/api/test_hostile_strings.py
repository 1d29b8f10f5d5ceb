"""Hostile strings in every string field of every JSON body: refused or stored, never a crash.

Why: schemathesis generates strings at random; this test makes sure the classics are tried on
every field of every write, and in its path's ids: SQL metacharacters, quotes and comment
markers, JSON and HTML markup, format strings, path traversal, right-to-left overrides, very
long text, lone UTF-16 surrogates (sent escaped, ``"\\ud800"``, as JSON allows). Each request
must end in a 2xx or a Stripe-style 4xx (a code from the closed enums), never a 5xx, and
afterwards the tables are all there and the ledger audit passes (``tests/api/conftest.py``).
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from paysetu.app.context import AppContext
from paysetu.app.error_codes import ALL_CODE_ENUMS
from tests.api.conftest import Keys
from tests.api.payment_setup import merchant

HOSTILE = [
    "'; DROP TABLE payments; --",
    "\" OR \"1\"=\"1",
    "Robert'); DELETE FROM ledger_entries WHERE ('1'='1",
    "%s%s%s%n{0}{}{{",
    "../../../../etc/passwd",
    "<script>alert(1)</script>",
    "\u202egnp.exe",
    "$$ LANGUAGE plpgsql; $$",
    "x" * 5000,
    "\ud800",
    "tea \udfff",
]
KNOWN_CODES = {code.value for enum in ALL_CODE_ENUMS for code in enum}


def _body(schema: dict[str, Any], components: dict[str, Any], text: str) -> dict[str, Any]:
    """Every property of the body schema: strings hostile, other types a plain valid value."""
    if "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[-1]]
    body: dict[str, Any] = {}
    for name, prop in schema.get("properties", {}).items():
        kinds = {p.get("type") for p in prop.get("anyOf", [prop])}
        if "string" in kinds:
            body[name] = text
        elif "integer" in kinds:
            body[name] = 100
        elif "boolean" in kinds:
            body[name] = False
        elif "array" in kinds:
            body[name] = [text]
        elif "object" in kinds:
            body[name] = {"note": text}
    return body


def _operations(client: TestClient) -> list[tuple[str, str, dict[str, Any]]]:
    document = client.get("/openapi.json").json()
    components = document.get("components", {}).get("schemas", {})
    found = []
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            content = operation.get("requestBody", {}).get("content", {})
            if "application/json" in content:
                found.append((method.upper(), path,
                              {"schema": content["application/json"]["schema"],
                               "components": components}))
    return found


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_strings_in_every_body_field_are_refused_or_stored(
    client: TestClient, keys: Keys, app_context: AppContext, engine: sa.Engine, text: str
) -> None:
    shop = merchant(client, keys)
    operations = _operations(client)
    assert len(operations) >= 20  # the document lists the writes
    answers: dict[int, int] = {}
    for method, path, spec in operations:
        hostile_id = quote(text[:200], safe="", errors="surrogatepass")
        url = re.sub(r"\{[^}]+\}", hostile_id, path)  # hostile ids too
        for headers in (keys.platform, keys.merchant(app_context, shop)):
            body = json.dumps(_body(spec["schema"], spec["components"], text)).encode()
            response = client.request(method, url, content=body,
                                      headers={**headers, "Content-Type": "application/json"})
            answers[response.status_code] = answers.get(response.status_code, 0) + 1
            assert response.status_code < 500, (method, path, response.text[:300])
            if response.status_code >= 400:
                assert response.json()["error"]["code"] in KNOWN_CODES, (method, path)
    assert any(status >= 400 for status in answers)
    with engine.connect() as connection:
        tables = set(connection.execute(sa.text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars())
    assert {"payments", "ledger_entries", "ledger_postings", "merchants"} <= tables
