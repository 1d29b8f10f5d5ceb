"""JSON bodies that Python's parser accepts but nothing downstream can carry, or that it
rejects, are 400 with a code, before routing, with nothing written (issue 15, item 4).

Before: a lone surrogate (``"\\ud800"``) in a string gave a 500 and a dropped connection;
invalid UTF-8, huge integers and deep nesting came back as 404 "No route"; a repeated key was
accepted, the last one winning.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from fastapi.testclient import TestClient

from tests.api.conftest import Keys
from tests.api.payment_setup import merchant, wallet
from tests.api.test_hostile_strings import _body, _operations

SURROGATES = ["\ud800", "a\udfffb", "\udbff"]
JSON = {"Content-Type": "application/json"}


def _row_counts(engine: sa.Engine) -> dict[str, int]:
    with engine.connect() as connection:
        tables = connection.execute(sa.text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars().all()
        return {t: int(connection.execute(sa.text(f'SELECT count(*) FROM "{t}"')).scalar_one())
                for t in tables}


def _error(response: Any) -> tuple[int, str]:
    return response.status_code, response.json()["error"]["code"]


def test_a_lone_surrogate_in_any_string_field_is_400_naming_it_and_nothing_is_written(
    client: TestClient, keys: Keys, engine: sa.Engine,
) -> None:
    shop = merchant(client, keys)
    payer = wallet(client, keys, 100_00)
    before = _row_counts(engine)
    fields = 0
    for method, path, spec in _operations(client):
        url = path.replace("{merchant_id}", shop).replace("{wallet_id}", payer)
        template = _body(spec["schema"], spec["components"], "plain")
        for name, value in template.items():
            if value != "plain":
                continue
            for text in SURROGATES:
                body = json.dumps({**template, name: text}).encode()  # escaped: \\ud800
                response = client.request(method, url, content=body,
                                          headers={**keys.platform, **JSON})
                assert _error(response) == (400, "parameter_invalid"), (path, name, response.text)
                assert response.json()["error"]["param"] == name
                assert "surrogate" in response.json()["error"]["message"]
            fields += 1
    assert fields >= 12
    nested = json.dumps({"name": "A", "metadata": {"note": "\udc00"}}).encode()
    response = client.post("/v1/customers", content=nested, headers={**keys.platform, **JSON})
    assert response.json()["error"]["param"] == "metadata.note"
    assert _row_counts(engine) == before


def test_bodies_the_parser_rejects_are_400_with_a_code_not_404(
    client: TestClient, keys: Keys, engine: sa.Engine,
) -> None:
    before = _row_counts(engine)
    cases = [
        (b'{"name": "A\xff\xfe"}', "body_not_json"),
        (b'\xef\xbb\xbf{"name": "A"}', "body_not_json"),
        (b'{"name": "A"', "body_not_json"),
        (b'{"name": "A", "metadata": {"n": NaN}}', "body_not_json"),
        (b'{"name": "A", "metadata": {"n": Infinity}}', "body_not_json"),
        (b'{"amount_minor": ' + b"9" * 5000 + b', "currency": "INR"}', "parameter_invalid"),
        (b'{"amount_minor": 99999999999999999999, "currency": "INR"}', "parameter_invalid"),
        (b'{"name": "A", "metadata": ' + b"[" * 5000 + b"]" * 5000 + b"}", "parameter_invalid"),
        (b'{"name": "A", "metadata": ' + b'{"a":' * 40 + b"1" + b"}" * 40 + b"}",
         "parameter_invalid"),
    ]
    for path in ("/v1/customers", "/v1/payments", "/v1/merchants"):
        for body, code in cases:
            response = client.post(path, content=body, headers={**keys.platform, **JSON})
            assert _error(response) == (400, code), (path, body[:60], response.text)
    unauthenticated = client.post("/v1/customers", content=b'{"name": "\xc0"}', headers=JSON)
    assert _error(unauthenticated) == (400, "body_not_json")
    assert _row_counts(engine) == before


def test_a_key_given_twice_is_refused_naming_it(
    client: TestClient, keys: Keys, engine: sa.Engine,
) -> None:
    shop = merchant(client, keys)
    payer = wallet(client, keys, 100_00)
    before = _row_counts(engine)
    body = (f'{{"amount_minor": 100, "currency": "INR", "wallet": "{payer}", '
            f'"merchant": "{shop}", "amount_minor": 9000}}').encode()
    response = client.post("/v1/payments", content=body, headers={**keys.platform, **JSON})
    assert _error(response) == (400, "parameter_invalid")
    assert response.json()["error"]["param"] == "amount_minor"
    nested = b'{"name": "A", "metadata": {"k": "1", "k": "2"}}'
    response = client.post("/v1/customers", content=nested, headers={**keys.platform, **JSON})
    assert _error(response) == (400, "parameter_invalid")
    assert _row_counts(engine) == before
    ordinary = client.post("/v1/customers", content=b'{"name": "A", "metadata": {"k": "1"}}',
                           headers={**keys.platform, **JSON})
    assert ordinary.status_code == 200, ordinary.text
