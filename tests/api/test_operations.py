"""Operations over HTTP: /healthz, Prometheus /metrics, and JSON request logs without secrets."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from paysetu.access.rules.principals import Role, parse_key
from paysetu.access.usecases import api_keys as access
from paysetu.app.context import AppContext
from paysetu.app.http.app import create_app
from paysetu.app.logs import REDACTED, json_handler
from paysetu.payments.usecases import merchants
from paysetu.wallets.usecases import wallets
from tests.api.conftest import Keys

SECRET_KEY = "sk_live_key_01JQ0000000000000000000000_" + "s3cr3t" * 8
WEBHOOK_SECRET = "whsec_" + "Zm9vYmFy" * 5


def _samples(client: TestClient) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def _labels(**labels: str) -> frozenset[tuple[str, str]]:
    return frozenset(labels.items())


@dataclass
class LogCapture:
    stream: io.StringIO

    def lines(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.stream.getvalue().splitlines()]

    def requests(self) -> list[dict[str, Any]]:
        return [line for line in self.lines() if line["logger"] == "paysetu.http"]


@pytest.fixture
def logs(caplog: pytest.LogCaptureFixture) -> Iterator[LogCapture]:
    """The production JSON handler (with its redaction filter) on the root logger."""
    capture = LogCapture(io.StringIO())
    handler = json_handler(capture.stream)
    root = logging.getLogger()
    root.addHandler(handler)
    caplog.set_level(logging.INFO)
    try:
        yield capture
    finally:
        root.removeHandler(handler)


def test_healthz_answers_and_operations_routes_are_not_in_the_schema(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    paths = client.get("/openapi.json").json()["paths"]
    assert "/healthz" not in paths
    assert "/metrics" not in paths
    assert "/v1/customers" in paths


def test_metrics_count_requests_by_route_template_and_time_them(
    client: TestClient, keys: Keys
) -> None:
    created = client.post("/v1/customers", json={"name": "Asha", "kyc_tier": "full"},
                          headers=keys.platform)
    assert created.status_code == 200
    for _ in range(2):
        assert client.get(f"/v1/customers/{created.json()['id']}",
                          headers=keys.platform).status_code == 200
    assert client.get("/v1/customers/cus_missing", headers=keys.platform).status_code == 404
    assert client.get("/v1/nowhere", headers=keys.platform).status_code == 404
    assert client.get("/v1/customers").status_code == 401

    samples = _samples(client)
    requests = "paysetu_http_requests_total"
    template = "/v1/customers/{customer_id}"
    assert samples[(requests, _labels(method="POST", route="/v1/customers", status="200"))] == 1
    assert samples[(requests, _labels(method="GET", route=template, status="200"))] == 2
    assert samples[(requests, _labels(method="GET", route=template, status="404"))] == 1
    assert samples[(requests, _labels(method="GET", route="unmatched", status="404"))] == 1
    assert samples[(requests, _labels(method="GET", route="/v1/customers", status="401"))] == 1
    latency = "paysetu_http_request_duration_seconds"
    assert samples[(f"{latency}_count", _labels(method="GET", route=template))] == 3
    assert samples[(f"{latency}_bucket", _labels(method="GET", route=template, le="+Inf"))] == 3
    assert samples[(f"{latency}_sum", _labels(method="GET", route=template))] > 0
    assert samples[("paysetu_database_up", _labels())] == 1


def _insert_payment(engine: sa.Engine, payment_id: str, status: str, ids: dict[str, str]) -> None:
    now = datetime(2026, 4, 1, 9, 30, tzinfo=UTC)
    with engine.begin() as connection:
        connection.execute(
            sa.text(
                "INSERT INTO payments (id, merchant_id, customer_id, wallet_id, amount_minor,"
                " currency, capture_method, escrow, status, created_at, updated_at) VALUES"
                " (:id, :merchant, :customer, :wallet, 100, 'INR', 'manual', false, :status,"
                " :now, :now)"
            ),
            {"id": payment_id, "status": status, "now": now, **ids},
        )


def _shop(app_context: AppContext) -> dict[str, str]:
    with app_context.uow_factory() as uow:
        customer = wallets.create_customer(app_context, uow, "Asha", None, "full", {})
        wallet = wallets.create_wallet(app_context, uow, customer["id"], "INR")
        wallets.top_up(app_context, uow, wallet["id"], 1_000_00, "INR", {})
        merchant = merchants.create_merchant(app_context, uow, "Chai Point", "IN", "INR", 200, 0,
                                             {})
        uow.commit()
    return {"customer": customer["id"], "wallet": wallet["id"], "merchant": merchant["id"]}


def test_metrics_gauge_payments_by_status_and_ledger_totals_at_scrape_time(
    client: TestClient, app_context: AppContext, engine: sa.Engine
) -> None:
    before = _samples(client)
    assert before[("paysetu_payments", _labels(status="succeeded"))] == 0
    ids = _shop(app_context)
    for number, status in enumerate(["succeeded", "succeeded", "requires_capture", "canceled"]):
        _insert_payment(engine, f"pay_test_{number}", status, ids)

    samples = _samples(client)
    assert samples[("paysetu_payments", _labels(status="succeeded"))] == 2
    assert samples[("paysetu_payments", _labels(status="requires_capture"))] == 1
    assert samples[("paysetu_payments", _labels(status="canceled"))] == 1
    assert samples[("paysetu_payments", _labels(status="failed"))] == 0
    assert samples[("paysetu_ledger_posted_minor", _labels(currency="INR"))] == 1_000_00
    assert samples[("paysetu_ledger_pending_minor", _labels(currency="INR"))] == 0
    assert samples[("paysetu_ledger_accounts", _labels(currency="INR"))] >= 5


def test_each_app_has_its_own_registry(app_context: AppContext) -> None:
    first, second = create_app(app_context), create_app(app_context)
    assert first.state.metrics.registry is not second.state.metrics.registry
    with TestClient(first) as client:
        client.get("/healthz")
    with TestClient(second) as client:
        samples = _samples(client)
    assert ("paysetu_http_requests_total",
            _labels(method="GET", route="/healthz", status="200")) not in samples


def test_a_request_logs_one_json_line_with_its_key_id_and_never_the_secret(
    client: TestClient, app_context: AppContext, logs: LogCapture
) -> None:
    issued = access.create_key(app_context, Role.PLATFORM, None, livemode=False)
    parsed = parse_key(issued.secret)
    assert parsed is not None
    secret_part = parsed[2]
    assert len(secret_part) >= 32, "the leak checks below need the whole random secret"

    ok = client.get("/v1/customers", headers={"Authorization": f"Bearer {issued.secret}"})
    bad = client.get("/v1/customers",
                     headers={"Authorization": f"Bearer {issued.secret[:-4]}xxxx"})

    first, second = logs.requests()
    assert first["request_id"] == ok.headers["Request-Id"]
    assert first["method"] == "GET"
    assert first["route"] == "/v1/customers"
    assert first["status"] == 200
    assert first["api_key_id"] == issued.record.id
    assert first["error_code"] is None
    assert isinstance(first["duration_ms"], float)
    assert first["level"] == "info"
    assert second["request_id"] == bad.headers["Request-Id"]
    assert (second["status"], second["error_code"]) == (401, "api_key_invalid")
    assert second["api_key_id"] == issued.record.id
    text = logs.stream.getvalue()
    assert secret_part not in text
    assert secret_part[:-4] not in text


def test_an_unhandled_error_is_logged_with_its_traceback_and_counted(
    app_context: AppContext, logs: LogCapture
) -> None:
    app = create_app(app_context)

    @app.get("/v1/boom")
    def boom() -> None:
        raise RuntimeError(f"exploded near {SECRET_KEY}")

    with TestClient(app, raise_server_exceptions=False) as client:
        assert client.get("/v1/boom").status_code == 500
        samples = _samples(client)

    (line,) = [line for line in logs.requests() if line["route"] == "/v1/boom"]
    assert (line["level"], line["status"], line["error_code"]) == ("error", 500, "internal_error")
    assert line["request_id"].startswith("req_")
    assert "RuntimeError: exploded near" in line["exception"]
    assert "s3cr3t" not in logs.stream.getvalue()
    assert samples[("paysetu_http_requests_total",
                    _labels(method="GET", route="/v1/boom", status="500"))] == 1


def test_secrets_in_any_message_extra_field_or_traceback_are_redacted(logs: LogCapture) -> None:
    log = logging.getLogger("paysetu.test")
    log.warning("retrying with %s and %s", SECRET_KEY, WEBHOOK_SECRET,
                extra={"headers": {"Authorization": "Bearer opaque-token-1"},
                       "note": "Authorization: Basic b3BhcXVlLXRva2VuLTI="})
    try:
        raise ValueError(f"bad key {SECRET_KEY}")
    except ValueError:
        log.exception("failed")

    warning, failure = logs.lines()
    text = logs.stream.getvalue()
    for secret in ("s3cr3t", "Zm9vYmFy", "opaque-token-1", "b3BhcXVlLXRva2VuLTI="):
        assert secret not in text
    assert warning["message"] == (
        f"retrying with sk_live_key_01JQ0000000000000000000000_{REDACTED} and whsec_{REDACTED}"
    )
    assert warning["headers"] == {"Authorization": REDACTED}
    assert warning["note"] == f"Authorization: {REDACTED}"
    assert "ValueError: bad key sk_live_key_01JQ0000000000000000000000_" in failure["exception"]
