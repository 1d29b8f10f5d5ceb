"""The request guard: NUL characters and oversize bodies are refused before anything runs.

PostgreSQL ``text`` and ``jsonb`` cannot hold NUL, so before the guard such input reached a
query and failed there (500). Now every operation of the OpenAPI document answers 400
``parameter_invalid`` naming the parameter, whether the NUL is in a path parameter, a query
parameter or a JSON string (values and keys, at any depth), and nothing is written.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, MutableMapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi.testclient import TestClient

from paysetu.app.context import AppContext
from paysetu.app.http.guard import BODY_SIZE_MAX
from paysetu.kernel.pagination import PageRequest
from tests.api.conftest import Keys
from tests.api.payment_setup import merchant, wallet

NUL = "\x00"


def _operations(client: TestClient) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in client.get("/openapi.json").json()["paths"].items():
        for method, operation in item.items():
            yield method.upper(), path, operation


def _refusal(response: Any) -> str | None:
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert set(error) == {"type", "code", "message", "param", "request_id"}
    assert error["code"] == "parameter_invalid", error
    return error["param"]  # type: ignore[no-any-return]


def _event_count(context: AppContext) -> int:
    with context.uow_factory() as uow:
        events, _ = uow.events.list_page(None, None, PageRequest(limit=100))
    return len(events)


def test_a_nul_in_any_path_parameter_is_refused_naming_it(
    client: TestClient, keys: Keys
) -> None:
    checked = 0
    for method, path, operation in _operations(client):
        for parameter in operation.get("parameters", []):
            if parameter["in"] != "path":
                continue
            url = path.replace("{" + parameter["name"] + "}", "id%00x")
            url = url.replace("{", "").replace("}", "")  # any other parameter: a plain value
            response = client.request(method, url, headers=keys.platform, json={})
            assert _refusal(response) == parameter["name"], (method, path)
            checked += 1
    assert checked >= 15


def test_a_nul_in_any_query_parameter_is_refused_naming_it(
    client: TestClient, keys: Keys
) -> None:
    checked = 0
    for method, path, operation in _operations(client):
        if method != "GET" or "{" in path:
            continue
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "query":
                response = client.get(path, params={parameter["name"]: f"a{NUL}"},
                                      headers=keys.platform)
                assert _refusal(response) == parameter["name"], (path, parameter["name"])
                checked += 1
    assert checked >= 20
    unknown = client.get("/v1/payments", params={f"x{NUL}": "1"}, headers=keys.platform)
    assert _refusal(unknown) == "x"


def test_a_nul_in_any_json_string_is_refused_naming_the_field_and_nothing_is_written(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    shop = merchant(client, keys)
    payer = wallet(client, keys, 100_00)
    before = _event_count(app_context)
    base = {"amount_minor": 1_00, "currency": "INR", "wallet": payer, "merchant": shop}
    cases: list[tuple[str, dict[str, Any], str]] = [
        ("/v1/customers", {"name": f"A{NUL}"}, "name"),
        ("/v1/customers", {"name": "A", "metadata": {f"k{NUL}": "v"}}, "metadata"),
        ("/v1/customers", {"name": "A", "metadata": {"k": f"v{NUL}"}}, "metadata.k"),
        ("/v1/payments", {**base, "wallet": f"wal_{NUL}"}, "wallet"),
        ("/v1/payments", {**base, "description": f"a{NUL}b"}, "description"),
        ("/v1/refunds", {"payment": f"pay_{NUL}"}, "payment"),
        ("/v1/webhook_endpoints", {"url": "https://x.example", "merchant": shop,
                                   "enabled_events": ["*", f"payment.{NUL}"]},
         "enabled_events[1]"),
        ("/v1/merchants", {"legal_name": "Chai", "country": "IN", "settlement_currency": "INR",
                           "metadata": {"nested": f"{NUL}"}}, "metadata.nested"),
        (f"/v1/wallets/{payer}/top_ups", {"amount_minor": 1, "currency": f"INR{NUL}"},
         "currency"),
    ]
    for path, body, param in cases:
        assert _refusal(client.post(path, json=body, headers=keys.platform)) == param, path
    # Before authentication too: the input is refused whoever sends it.
    assert _refusal(client.post("/v1/customers", json={"name": NUL})) == "name"
    assert _event_count(app_context) == before


def test_escaped_backslashes_are_not_nul(client: TestClient, keys: Keys) -> None:
    response = client.post("/v1/customers", content=b'{"name": "A\\\\u0000"}',
                           headers={**keys.platform, "Content-Type": "application/json"})
    assert response.status_code == 200, response.text
    assert response.json()["name"] == "A\\u0000"


def test_an_oversize_body_is_refused_declared_or_streamed(client: TestClient, keys: Keys) -> None:
    body = b'{"name": "' + b"a" * BODY_SIZE_MAX + b'"}'
    headers = {**keys.platform, "Content-Type": "application/json"}
    declared = client.post("/v1/customers", content=body, headers=headers)
    streamed = client.post("/v1/customers", content=iter([body[:1000], body[1000:]]),
                           headers=headers)
    for response in (declared, streamed):
        assert response.status_code == 400, response.text
        assert response.json()["error"]["code"] == "body_too_large"
        assert response.headers["Request-Id"] == response.json()["error"]["request_id"]
    assert client.get("/v1/customers", headers=keys.platform).json()["data"] == []


def test_a_query_parameter_not_taken_or_given_twice_is_refused(
    client: TestClient, keys: Keys
) -> None:
    response = client.get("/v1/payments", params={"limit": 5, "colour": "red"},
                          headers=keys.platform)
    assert response.status_code == 400, response.text
    assert (response.json()["error"]["code"], response.json()["error"]["param"]) == (
        "parameter_unknown", "colour")
    events = client.get("/v1/events", params={"type": "payment.succeeded"}, headers=keys.platform)
    assert events.status_code == 200, events.text  # declared under its alias
    twice = client.get("/v1/payments?status=succeeded&status=canceled", headers=keys.platform)
    assert twice.status_code == 400, twice.text
    assert (twice.json()["error"]["code"], twice.json()["error"]["param"]) == (
        "parameter_invalid", "status")


def test_a_content_length_that_is_not_an_ascii_number_is_refused(
    client: TestClient, keys: Keys
) -> None:
    """A superscript two (latin-1 0xB2) passes ``str.isdigit`` but not ``int``: it once made
    the guard fail with a 500. Sent straight to the ASGI app, as no HTTP client would."""
    answer: list[MutableMapping[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"{}", "more_body": False}

    async def send(message: MutableMapping[str, Any]) -> None:
        answer.append(message)

    async def call() -> None:
        await client.app(scope, receive, send)

    headers = [(name.lower().encode(), value.encode()) for name, value in keys.platform.items()]
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "POST", "scheme": "http", "path": "/v1/customers", "raw_path":
             b"/v1/customers", "query_string": b"", "root_path": "", "server": ("t", 80),
             "client": ("127.0.0.1", 1), "headers": [
                 *headers, (b"content-type", b"application/json"),
                 (b"content-length", "\u00b2".encode("latin-1"))]}
    with ThreadPoolExecutor(1) as thread:  # its own event loop, off the main thread
        thread.submit(asyncio.run, call()).result()
    start = next(m for m in answer if m["type"] == "http.response.start")
    assert start["status"] == 400
    assert client.get("/v1/customers", headers=keys.platform).json()["data"] == []
