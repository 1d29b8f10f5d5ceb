"""Registering a webhook or notification URL that points inside the network is refused over
HTTP with the URL's code and nothing written (issue 15, item 1): webhook endpoints, an Alipay
app's ``notify_url``, and a gateway request's own ``notify_url``.

The deployment here allows no network (production's default) and resolves names from a table,
so no DNS query or connection leaves the test.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from fastapi.testclient import TestClient

from paysetu.app.context import AppContext
from paysetu.app.http.app import create_app
from paysetu.events.usecases.ports import WebhookTargets
from tests.api.alipay_setup import app_body, precreate_query
from tests.api.conftest import Keys
from tests.api.payment_setup import merchant

ATTACKS = [
    "http://169.254.169.254/latest/meta-data/",
    "http://127.0.0.1:5432/",
    "http://[::1]/",
    "http://10.0.0.1/",
    "http://2130706433/",
    "http://0x7f000001/",
    "http://[::ffff:169.254.169.254]/",
    "http://metadata.example/",
    "http://nowhere.example/",
]


class TableResolver:
    def resolve(self, host: str, port: int) -> tuple[str, ...]:
        return {"metadata.example": ("169.254.169.254",),
                "shop.example": ("93.184.215.14",)}.get(host, ())


@pytest.fixture
def public_only(app_context: AppContext) -> Iterator[tuple[TestClient, AppContext]]:
    context = replace(app_context, webhook_targets=WebhookTargets((), TableResolver()))
    with TestClient(create_app(context)) as client:
        yield client, context


def _error(response: Any) -> tuple[int, str, str | None]:
    error = response.json()["error"]
    return response.status_code, error["code"], error["param"]


def test_webhook_endpoints_inside_the_network_are_refused_and_nothing_is_written(
    public_only: tuple[TestClient, AppContext], keys: Keys,
) -> None:
    client, _context = public_only
    shop = merchant(client, keys)
    live_style = "https://127.0.0.1:5432/"
    for url in [*ATTACKS, live_style]:
        response = client.post("/v1/webhook_endpoints", headers=keys.platform, json={
            "url": url, "enabled_events": ["*"], "merchant": shop})
        assert _error(response) == (400, "webhook_url_invalid", "url"), url
    listed = client.get("/v1/webhook_endpoints", headers=keys.platform).json()["data"]
    assert listed == []
    created = client.post("/v1/webhook_endpoints", headers=keys.platform, json={
        "url": "https://shop.example/hooks", "enabled_events": ["*"], "merchant": shop})
    assert created.status_code == 200, created.text


def test_alipay_notify_urls_inside_the_network_are_refused(
    public_only: tuple[TestClient, AppContext], keys: Keys,
) -> None:
    client, context = public_only
    shop = merchant(client, keys)
    for url in ATTACKS:
        response = client.post("/v1/alipay_apps", headers=keys.platform,
                               json={**app_body(shop), "notify_url": url})
        assert _error(response) == (400, "notify_url_invalid", "notify_url"), url
    assert client.get("/v1/alipay_apps", headers=keys.platform).json()["data"] == []
    app = client.post("/v1/alipay_apps", headers=keys.platform, json=app_body(shop)).json()
    query = precreate_query(app, "A-1", context.clock.now(),
                            notify_url="http://169.254.169.254/latest/meta-data/")
    answer = client.get(f"/gateway.do?{query}").json()["alipay_trade_precreate_response"]
    assert answer["sub_code"] == "ACQ.INVALID_PARAMETER", answer
    assert "notify_url" in answer["sub_msg"]
    accepted = precreate_query(app, "A-2", context.clock.now(),
                               notify_url="https://shop.example/notify")
    ok = client.get(f"/gateway.do?{accepted}").json()["alipay_trade_precreate_response"]
    assert ok["code"] == "10000", ok
