"""Webhook endpoints, their delivery log, and events over HTTP: secrets, scoping, validation."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from paysetu.access.rules.principals import Role
from paysetu.access.usecases import api_keys as access
from paysetu.app.context import AppContext
from paysetu.events.stores.webhook_sender import RecordingWebhookSender
from paysetu.events.usecases.delivery import deliver_due
from paysetu.events.usecases.events import emit
from tests.api.conftest import Keys

RECEIVER = "https://merchant.example/hooks/paysetu"


def _merchant(client: TestClient, keys: Keys, name: str = "Chai Point") -> str:
    r = client.post("/v1/merchants", json={"legal_name": name, "country": "IN",
                                            "settlement_currency": "INR"}, headers=keys.platform)
    assert r.status_code == 200, r.text
    return str(r.json()["id"])


def _emit(context: AppContext, merchant: str | None, event_type: str, n: int = 1) -> list[str]:
    """Events as the services emit them: in a committed transaction, outbox rows included."""
    ids = []
    with context.uow_factory() as uow:
        for i in range(n):
            event = emit(context, uow, merchant, event_type,
                         {"id": f"pay_test_{i}", "object": "payment", "amount_minor": 100 + i})
            ids.append(event.id)
        uow.commit()
    return ids


def _create(client: TestClient, headers: dict[str, str], **body: Any) -> dict[str, Any]:
    r = client.post("/v1/webhook_endpoints", json={"url": RECEIVER, "enabled_events": ["*"],
                                                   **body}, headers=headers)
    assert r.status_code == 200, r.text
    result: dict[str, Any] = r.json()
    return result


def _error(response: Any) -> tuple[int, str, str | None]:
    error = response.json()["error"]
    assert set(error) == {"type", "code", "message", "param", "request_id"}
    return response.status_code, error["code"], error["param"]


def test_the_secret_is_shown_only_at_creation(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    merchant = _merchant(client, keys)
    own = keys.merchant(app_context, merchant)
    created = _create(client, own, enabled_events=["payment.succeeded", "refund.created"],
                      description="orders service")
    assert created["id"].startswith("we_")
    assert created["secret"].startswith("whsec_")
    assert len(created["secret"]) > 40
    assert created["merchant"] == merchant
    assert created["status"] == "enabled"
    assert created["enabled_events"] == ["payment.succeeded", "refund.created"]
    fetched = client.get(f"/v1/webhook_endpoints/{created['id']}", headers=own).json()
    assert "secret" not in fetched
    assert fetched == {k: v for k, v in created.items() if k != "secret"}
    listed = client.get("/v1/webhook_endpoints", headers=own).json()
    assert listed["object"] == "list"
    assert listed["has_more"] is False
    assert [e["id"] for e in listed["data"]] == [created["id"]]
    assert all("secret" not in e for e in listed["data"])
    by_platform = client.get(f"/v1/webhook_endpoints/{created['id']}", headers=keys.platform)
    assert by_platform.status_code == 200
    assert "secret" not in by_platform.json()


def test_platform_names_the_merchant(client: TestClient, keys: Keys) -> None:
    merchant = _merchant(client, keys)
    r = client.post("/v1/webhook_endpoints", json={"url": RECEIVER, "enabled_events": ["*"]},
                    headers=keys.platform)
    assert _error(r) == (400, "parameter_missing", "merchant")
    created = _create(client, keys.platform, merchant=merchant)
    assert created["merchant"] == merchant
    r = client.post("/v1/webhook_endpoints", json={"url": RECEIVER, "enabled_events": ["*"],
                                                   "merchant": "mer_nope"}, headers=keys.platform)
    assert _error(r) == (404, "merchant_not_found", "merchant")


def test_endpoints_and_events_are_scoped_to_their_merchant(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    alpha, beta = _merchant(client, keys, "Alpha"), _merchant(client, keys, "Beta")
    alpha_key, beta_key = keys.merchant(app_context, alpha), keys.merchant(app_context, beta)
    endpoint = _create(client, alpha_key)["id"]
    for method, path in [("GET", f"/v1/webhook_endpoints/{endpoint}"),
                         ("DELETE", f"/v1/webhook_endpoints/{endpoint}"),
                         ("GET", f"/v1/webhook_endpoints/{endpoint}/deliveries"),
                         ("GET", "/v1/webhook_endpoints/we_missing")]:
        r = client.request(method, path, headers=beta_key)
        assert _error(r) == (404, "webhook_endpoint_not_found", "id"), (method, path)
    assert client.get("/v1/webhook_endpoints", headers=beta_key).json()["data"] == []
    r = client.post("/v1/webhook_endpoints", json={"url": RECEIVER, "enabled_events": ["*"],
                                                   "merchant": alpha}, headers=beta_key)
    assert _error(r) == (404, "merchant_not_found", "merchant")
    assert _create(client, alpha_key, merchant=alpha)["merchant"] == alpha

    (alpha_event,) = _emit(app_context, alpha, "payment.succeeded")
    (platform_event,) = _emit(app_context, None, "customer.created")
    assert client.get(f"/v1/events/{alpha_event}", headers=alpha_key).status_code == 200
    for event in (alpha_event, platform_event, "evt_missing"):
        assert _error(client.get(f"/v1/events/{event}", headers=beta_key)) == (
            404, "resource_missing", "id")
    assert _error(client.get(f"/v1/events/{platform_event}", headers=alpha_key))[0] == 404
    assert client.get(f"/v1/events/{platform_event}", headers=keys.platform).status_code == 200
    beta_events = client.get("/v1/events", headers=beta_key).json()["data"]
    assert [e["type"] for e in beta_events] == ["merchant.created"]
    alpha_events = client.get("/v1/events", headers=alpha_key).json()["data"]
    assert {e["merchant"] for e in alpha_events} == {alpha}
    platform_ids = {e["id"] for e in client.get("/v1/events?limit=100",
                                                headers=keys.platform).json()["data"]}
    assert {alpha_event, platform_event} <= platform_ids
    lender = access.create_key(app_context, Role.LENDER, "lnd_1", livemode=False)
    lender_key = {"Authorization": f"Bearer {lender.secret}"}
    for path in ("/v1/webhook_endpoints", f"/v1/webhook_endpoints/{endpoint}", "/v1/events",
                 f"/v1/events/{alpha_event}"):
        assert _error(client.get(path, headers=lender_key))[:2] == (404, "resource_missing"), path


def test_invalid_endpoints_are_refused_and_nothing_is_written(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    own = keys.merchant(app_context, _merchant(client, keys))
    bad_urls = ["", "merchant.example/hooks", "/hooks", "ftp://merchant.example/x", "http://",
                "https://user:pw@merchant.example/x", "https://merchant.example/a b",
                "https://merchant.example:0/x", "https://merchant.example:99999/x",
                "https://merchant.example/#frag", "https://merchant.example/" + "x" * 2048]
    for url in bad_urls:
        r = client.post("/v1/webhook_endpoints", json={"url": url, "enabled_events": ["*"]},
                        headers=own)
        assert _error(r) == (400, "webhook_url_invalid", "url"), url
    cases: list[tuple[dict[str, Any], tuple[int, str, str | None]]] = [
        ({"enabled_events": []}, (400, "webhook_event_type_invalid", "enabled_events")),
        ({"enabled_events": ["payment.succeeded", "payment.nope"]},
         (400, "webhook_event_type_invalid", "enabled_events[1]")),
        ({"enabled_events": "*"}, (400, "parameter_invalid", "enabled_events")),
        ({"enabled_events": ["*"], "description": "x" * 501},
         (400, "parameter_invalid", "description")),
        ({"enabled_events": ["*"], "secret": "whsec_mine"}, (400, "parameter_unknown", "secret")),
        ({}, (400, "parameter_missing", "enabled_events")),
    ]
    for body, expected in cases:
        r = client.post("/v1/webhook_endpoints", json={"url": RECEIVER, **body}, headers=own)
        assert _error(r) == expected, body
    assert client.get("/v1/webhook_endpoints", headers=own).json()["data"] == []


def test_live_mode_endpoints_need_https(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    merchant = _merchant(client, keys)
    live = access.create_key(app_context, Role.MERCHANT, merchant, livemode=True)
    headers = {"Authorization": f"Bearer {live.secret}"}
    r = client.post("/v1/webhook_endpoints", headers=headers,
                    json={"url": "http://merchant.example/hooks", "enabled_events": ["*"]})
    assert _error(r) == (400, "webhook_url_invalid", "url")
    assert _create(client, headers)["url"] == RECEIVER
    test_key = keys.merchant(app_context, merchant)
    plain = _create(client, test_key, url="http://127.0.0.1:8080/hooks")
    assert plain["url"] == "http://127.0.0.1:8080/hooks"


def test_creation_is_idempotent(client: TestClient, keys: Keys, app_context: AppContext) -> None:
    own = {**keys.merchant(app_context, _merchant(client, keys)), "Idempotency-Key": "we-1"}
    body = {"url": RECEIVER, "enabled_events": ["*"]}
    first = client.post("/v1/webhook_endpoints", json=body, headers=own)
    second = client.post("/v1/webhook_endpoints", json=body, headers=own)
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    assert second.headers["Idempotent-Replayed"] == "true"
    other = client.post("/v1/webhook_endpoints", headers=own,
                        json={**body, "enabled_events": ["refund.created"]})
    assert _error(other) == (400, "idempotency_key_reused", "Idempotency-Key")
    assert len(client.get("/v1/webhook_endpoints", headers=own).json()["data"]) == 1


def test_events_list_filter_and_pages(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    merchant = _merchant(client, keys)
    own = keys.merchant(app_context, merchant)
    succeeded = _emit(app_context, merchant, "payment.succeeded", n=3)
    (failed,) = _emit(app_context, merchant, "payment.failed")
    event = client.get(f"/v1/events/{failed}", headers=own).json()
    assert set(event) == {"id", "object", "type", "merchant", "created", "data"}
    assert event["object"] == "event"
    assert event["type"] == "payment.failed"
    assert event["data"]["object"]["object"] == "payment"
    assert isinstance(event["created"], int)

    page = client.get("/v1/events?type=payment.succeeded&limit=2", headers=own).json()
    assert [e["id"] for e in page["data"]] == succeeded[::-1][:2]
    assert page["has_more"] is True
    rest = client.get(f"/v1/events?type=payment.succeeded&limit=2"
                      f"&starting_after={page['data'][-1]['id']}", headers=own).json()
    assert [e["id"] for e in rest["data"]] == [succeeded[0]]
    assert rest["has_more"] is False
    back = client.get(f"/v1/events?type=payment.succeeded&limit=1&ending_before={succeeded[0]}",
                      headers=own).json()
    assert [e["id"] for e in back["data"]] == [succeeded[1]]
    assert back["has_more"] is True
    everything = client.get("/v1/events", headers=own).json()["data"]
    assert [e["id"] for e in everything][:4] == [failed, *succeeded[::-1]]
    r = client.get("/v1/events?type=payment.nope", headers=own)
    assert _error(r) == (400, "parameter_invalid", "type")
    assert _error(client.get("/v1/events?limit=0", headers=own)) == (
        400, "parameter_invalid", "limit")


def test_deliveries_are_queued_per_subscription_and_delete_stops_them(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    merchant = _merchant(client, keys)
    own = keys.merchant(app_context, merchant)
    endpoint = _create(client, own, enabled_events=["payment.succeeded"],
                       url=f"{RECEIVER}/orders")["id"]
    everything = _create(client, own)["id"]
    (wanted,) = _emit(app_context, merchant, "payment.succeeded")
    _emit(app_context, merchant, "payment.failed")
    _emit(app_context, None, "customer.created")
    log = client.get(f"/v1/webhook_endpoints/{endpoint}/deliveries", headers=own).json()
    assert [(d["event"], d["event_type"], d["status"], d["attempts"]) for d in log["data"]] == [
        (wanted, "payment.succeeded", "pending", [])]
    assert log["data"][0]["next_attempt_at"] is not None
    assert len(client.get(f"/v1/webhook_endpoints/{everything}/deliveries",
                          headers=own).json()["data"]) == 2

    disabled = client.delete(f"/v1/webhook_endpoints/{endpoint}", headers=own)
    assert disabled.status_code == 200, disabled.text
    assert disabled.json()["status"] == "disabled"
    assert "secret" not in disabled.json()
    again = client.delete(f"/v1/webhook_endpoints/{endpoint}", headers=own)
    assert again.status_code == 200
    assert again.json() == disabled.json()
    _emit(app_context, merchant, "payment.succeeded")
    log = client.get(f"/v1/webhook_endpoints/{endpoint}/deliveries", headers=own).json()
    assert [(d["event"], d["status"], d["next_attempt_at"]) for d in log["data"]] == [
        (wanted, "canceled", None)]

    sender = RecordingWebhookSender()
    report = deliver_due(app_context, sender)
    assert report.succeeded == 3
    assert {r.url for r in sender.sent} == {RECEIVER}, "nothing goes to the disabled endpoint"
    statuses = [d["status"] for d in client.get(
        f"/v1/webhook_endpoints/{everything}/deliveries", headers=own).json()["data"]]
    assert statuses == ["succeeded"] * 3
