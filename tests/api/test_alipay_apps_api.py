"""``/v1/alipay_apps``: registration refusals, scoping, and the platform key the SDK needs."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from paysetu.app.context import AppContext
from tests.api.alipay_setup import app_body, key_pair
from tests.api.conftest import Keys
from tests.api.payment_setup import merchant


def _error(response: Any) -> tuple[int, str, str | None]:
    error = response.json()["error"]
    return response.status_code, error["code"], error["param"]


def test_register_refusals_and_scoping(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    shop, other = merchant(client, keys), merchant(client, keys)
    mine = keys.merchant(app_context, shop)
    created = client.post("/v1/alipay_apps", headers=mine, json={
        "public_key": key_pair("merchant").public_pem,
        "notify_url": "https://shop.example/alipay/notify"})
    assert created.status_code == 200, created.text
    app = created.json()
    assert (app["object"], app["merchant"], app["gateway_path"]) == ("alipay_app", shop,
                                                                      "/gateway.do")
    assert app["platform_public_key"].startswith("-----BEGIN PUBLIC KEY-----")
    assert "PRIVATE" not in created.text
    bare = "".join(key_pair("merchant").public_pem.splitlines()[1:-1])
    assert client.post("/v1/alipay_apps", headers=mine,
                       json={"public_key": bare}).json()["public_key"] == app["public_key"]

    refusals = [
        ({"public_key": "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"},
         (400, "public_key_invalid", "public_key")),
        ({**app_body(shop), "notify_url": "ftp://shop.example/notify"},
         (400, "notify_url_invalid", "notify_url")),
        ({**app_body(other)}, (404, "merchant_not_found", "merchant")),
    ]
    for body, expected in refusals:
        assert _error(client.post("/v1/alipay_apps", headers=mine, json=body)) == expected
    theirs = keys.merchant(app_context, other)
    assert _error(client.get(f"/v1/alipay_apps/{app['id']}", headers=theirs)) == (
        404, "alipay_app_not_found", "app")
    assert client.get("/v1/alipay_apps", headers=theirs).json()["data"] == []
    listed = client.get("/v1/alipay_apps", headers=keys.platform).json()["data"]
    assert app["id"] in {a["id"] for a in listed}
    assert _error(client.post("/v1/alipay_trades/trd_missing/pay", headers=keys.platform,
                              json={"wallet": "wal_missing", "operator_reason": "test"})) == (
        404, "alipay_trade_not_found", "trade_no")
