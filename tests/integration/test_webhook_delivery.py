"""Webhook delivery end to end: outbox -> worker -> a real local receiver, on real PostgreSQL.

The worker is driven one cycle at a time with a clock the test moves (no sleeping): retries
wait for their backoff, every attempt is recorded, the receiver verifies signatures with the
package's helper and processes each event once, and an unreachable endpoint never touches the
payment whose event it could not deliver.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from paysetu.access.rules.principals import Principal, Role
from paysetu.app.context import AppContext
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.app.worker import JobResult, run_cycle, run_maintenance
from paysetu.cli.app import app as cli
from paysetu.cli.worker import work
from paysetu.events.rules.targets import LOOPBACK_NETWORKS
from paysetu.events.rules.webhooks import (
    ATTEMPTS_MAX,
    RETRY_DELAY_BASE_S,
    RETRY_DELAY_MAX_S,
    Delivery,
    DeliveryAttempt,
    DeliveryStatus,
)
from paysetu.events.stores.webhook_sender import HttpWebhookSender, RecordingWebhookSender
from paysetu.events.usecases.delivery import DeliverySettings, deliver_due
from paysetu.events.usecases.events import emit, event_object
from paysetu.events.usecases.ports import WebhookTargets
from paysetu.kernel.clock import FixedClock, SystemClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.pagination import PageRequest
from paysetu.kernel.secrets import SystemSecrets
from paysetu.payments.usecases import merchants, payments
from paysetu.payments.usecases import webhook_endpoints as webhooks
from paysetu.wallets.usecases import wallets
from paysetu.webhooks import SIGNATURE_HEADER, SignatureVerificationError, verify_signature
from tests.integration.webhook_receiver import dead_url, running_receiver

LOCAL_RECEIVERS = WebhookTargets(LOOPBACK_NETWORKS)
"""The receivers run on this machine: loopback is allowed explicitly."""
PLATFORM = Principal("key_platform", Role.PLATFORM, None, False)


@pytest.fixture
def context(engine: sa.Engine, clock: FixedClock) -> AppContext:
    return AppContext(lambda: PostgresUnitOfWork(engine), clock, UlidIds(), SystemSecrets(),
                      webhook_targets=LOCAL_RECEIVERS)


def _unix(clock: FixedClock | SystemClock) -> Callable[[], int]:
    return lambda: int(clock.now().timestamp())


def _merchant(ctx: AppContext) -> str:
    with ctx.uow_factory() as uow:
        merchant = merchants.create_merchant(ctx, uow, "Chai Point", "IN", "INR", 200, 0, {})
        uow.commit()
    return str(merchant["id"])


def _endpoint(ctx: AppContext, merchant: str, url: str) -> dict[str, Any]:
    with ctx.uow_factory() as uow:
        endpoint = webhooks.create_endpoint(ctx, uow, PLATFORM, url, ["*"], None, merchant)
        uow.commit()
    return endpoint


def _emit(ctx: AppContext, merchant: str, amount_minor: int = 100) -> str:
    with ctx.uow_factory() as uow:
        event = emit(ctx, uow, merchant, "payment.succeeded",
                     {"id": "pay_1", "object": "payment", "amount_minor": amount_minor})
        uow.commit()
    return event.id


def _deliveries(ctx: AppContext, endpoint_id: str) -> list[Delivery]:
    with ctx.uow_factory() as uow:
        return uow.webhooks.list_deliveries(endpoint_id, PageRequest(limit=100))[0]


def _codes(delivery: Delivery) -> list[tuple[int | None, str | None]]:
    return [(a.status_code, a.error) for a in delivery.attempts]


def test_retries_after_two_500s_then_the_event_is_processed_once(
    context: AppContext, clock: FixedClock
) -> None:
    with running_receiver(_unix(clock), failures=2) as receiver:
        merchant = _merchant(context)
        endpoint = _endpoint(context, merchant, receiver.url)
        receiver.secret = endpoint["secret"]
        event_id = _emit(context, merchant)
        sender = HttpWebhookSender(timeout_s=5, allowed_networks=LOOPBACK_NETWORKS)
        first = deliver_due(context, sender)
        assert (first.succeeded, first.retrying, first.failed) == (0, 1, 0)
        assert receiver.got_one.wait(timeout=5)
        assert deliver_due(context, sender).attempted == 0, "not due before its backoff"
        clock.advance(timedelta(seconds=RETRY_DELAY_BASE_S / 2 - 1))
        assert deliver_due(context, sender).attempted == 0, "backoff is at least half the base"
        clock.advance(timedelta(seconds=RETRY_DELAY_BASE_S))
        assert deliver_due(context, sender).retrying == 1
        clock.advance(timedelta(seconds=2 * RETRY_DELAY_BASE_S))
        assert deliver_due(context, sender).succeeded == 1
        clock.advance(timedelta(seconds=RETRY_DELAY_MAX_S * 2))
        assert deliver_due(context, sender).attempted == 0, "a delivered event is not resent"
        sender.close()

    assert [r.status for r in receiver.requests] == [500, 500, 200]
    assert receiver.process_count == 1
    with context.uow_factory() as uow:
        stored = uow.events.get(event_id)
    assert stored is not None
    assert receiver.processed == {event_id: event_object(stored)}
    assert len({r.body for r in receiver.requests}) == 1, "every attempt sends the same bytes"
    assert len({r.signature for r in receiver.requests}) == 3, "each is signed when sent"
    (delivery,) = _deliveries(context, endpoint["id"])
    assert delivery.status is DeliveryStatus.SUCCEEDED
    assert delivery.next_attempt_at is None
    assert _codes(delivery) == [(500, "HTTP 500"), (500, "HTTP 500"), (200, None)]
    times = [a.attempted_at for a in delivery.attempts]
    assert times == sorted(times)
    assert len(set(times)) == 3
    assert all(a.duration_ms >= 0 for a in delivery.attempts)


def test_verification_refuses_tampering_wrong_secrets_stale_and_malformed_headers(
    context: AppContext, clock: FixedClock
) -> None:
    with running_receiver(_unix(clock)) as receiver:
        merchant = _merchant(context)
        secret = _endpoint(context, merchant, receiver.url)["secret"]
        receiver.secret = secret
        event_id = _emit(context, merchant, amount_minor=100)
        sender = HttpWebhookSender(timeout_s=5, allowed_networks=LOOPBACK_NETWORKS)
        assert deliver_due(context, sender).succeeded == 1
        genuine = receiver.requests[0]
        tampered = genuine.body.replace(b'"amount_minor":100', b'"amount_minor":900')
        assert tampered != genuine.body
        forged = httpx.post(receiver.url, content=tampered,
                            headers={SIGNATURE_HEADER: genuine.signature})
        assert forged.status_code == 400
        assert receiver.requests[-1].refusal == "signature_mismatch"
        assert list(receiver.processed) == [event_id]

    now = _unix(clock)()
    body, header = genuine.body, genuine.signature
    assert verify_signature(body, header, secret, now=now)["id"] == event_id
    assert verify_signature(body, f"{header},v1={'0' * 64}", secret, now=now)["id"] == event_id
    assert verify_signature(body, header, secret, tolerance_s=600, now=now + 500)["id"] == event_id
    refusals = [
        (tampered, header, secret, now, "signature_mismatch"),
        (body, header, "whsec_someone_elses", now, "signature_mismatch"),
        (body, header.replace(f"t={now}", f"t={now + 1}"), secret, now, "signature_mismatch"),
        (body, header, secret, now + 301, "timestamp_outside_tolerance"),
        (body, header, secret, now - 301, "timestamp_outside_tolerance"),
        (body, header.split(",")[1], secret, now, "header_malformed"),
        (body, f"t=soon,{header.split(',')[1]}", secret, now, "header_malformed"),
        (body, f"t={now}", secret, now, "header_malformed"),
        (body, "", secret, now, "header_malformed"),
    ]
    for payload, signature, key, at, reason in refusals:
        with pytest.raises(SignatureVerificationError) as refused:
            verify_signature(payload, signature, key, now=at)
        assert refused.value.reason == reason, (signature, at)


def _funded_wallet(ctx: AppContext) -> str:
    with ctx.uow_factory() as uow:
        customer = wallets.create_customer(ctx, uow, "Asha", None, "minimum", {})
        wallet = wallets.create_wallet(ctx, uow, customer["id"], "INR")
        wallets.top_up(ctx, uow, wallet["id"], 5000_00, "INR", {})
        uow.commit()
    return str(wallet["id"])


def _pay(ctx: AppContext, merchant: str, wallet: str, **options: Any) -> dict[str, Any]:
    """An operator debit (these tests are about webhooks, not the customer's consent)."""
    command = payments.CreatePayment(1000_00, "INR", wallet, merchant=merchant, confirm=True,
                                     operator_reason="test: operator debit", **options)
    with ctx.uow_factory() as uow:
        payment = payments.create_payment(ctx, uow, PLATFORM, command)
        uow.commit()
    return payment


def test_a_dead_endpoint_is_retried_and_never_blocks_or_undoes_the_payment(
    context: AppContext, clock: FixedClock
) -> None:
    merchant = _merchant(context)
    endpoint = _endpoint(context, merchant, dead_url())
    wallet = _funded_wallet(context)
    paid = _pay(context, merchant, wallet)
    assert paid["status"] == "succeeded"
    with context.uow_factory() as holding:  # a worker mid-claim holds the outbox rows...
        now = clock.now()
        assert holding.webhooks.claim_due(now, now + timedelta(minutes=5), 100)
        second = _pay(context, merchant, wallet)  # ...and payments go on regardless
    with HttpWebhookSender(timeout_s=5, allowed_networks=LOOPBACK_NETWORKS) as sender:
        report = deliver_due(context, sender)
        assert report.attempted == report.retrying >= 4
        clock.advance(timedelta(seconds=RETRY_DELAY_BASE_S))
        assert deliver_due(context, sender).retrying == report.retrying
    deliveries = _deliveries(context, endpoint["id"])
    assert {d.event_type for d in deliveries} >= {"payment.created", "payment.succeeded"}
    assert len(deliveries) == report.attempted
    for delivery in deliveries:
        assert delivery.status is DeliveryStatus.PENDING
        assert len(delivery.attempts) == 2
        assert all(a.status_code is None and "Connect" in (a.error or "")
                   for a in delivery.attempts)
    with context.uow_factory() as uow:
        for payment in (paid, second):
            stored = uow.payments.get(payment["id"])
            assert stored is not None
            assert stored.status == "succeeded"
    with context.uow_factory() as uow:
        assert uow.ledger.audit().passed


def test_a_delivery_fails_after_the_last_attempt(context: AppContext, clock: FixedClock) -> None:
    merchant = _merchant(context)
    endpoint = _endpoint(context, merchant, "https://merchant.example/hooks")
    _emit(context, merchant)
    sender = RecordingWebhookSender(script=[503] * ATTEMPTS_MAX)
    for attempt in range(1, ATTEMPTS_MAX + 1):
        report = deliver_due(context, sender)
        expected = (0, 1) if attempt == ATTEMPTS_MAX else (1, 0)
        assert (report.retrying, report.failed) == expected, attempt
        sent = sender.sent[-1]
        verify_signature(sent.body, sent.headers[SIGNATURE_HEADER], endpoint["secret"],
                         now=_unix(clock)())
        clock.advance(timedelta(seconds=RETRY_DELAY_MAX_S))
    assert deliver_due(context, sender).attempted == 0
    (delivery,) = _deliveries(context, endpoint["id"])
    assert delivery.status is DeliveryStatus.FAILED
    assert _codes(delivery) == [(503, "HTTP 503")] * ATTEMPTS_MAX


def test_concurrent_workers_claim_disjoint_deliveries(
    context: AppContext, clock: FixedClock
) -> None:
    merchant = _merchant(context)
    _endpoint(context, merchant, "https://merchant.example/hooks")
    for amount in range(5):
        _emit(context, merchant, amount)
    now, lease = clock.now(), clock.now() + timedelta(minutes=5)
    with context.uow_factory() as first:
        held = first.webhooks.claim_due(now, lease, 2)
        with context.uow_factory() as second:
            rest = second.webhooks.claim_due(now, lease, 10)
            second.commit()
    assert len(held) == 2
    assert len(rest) == 3
    assert not {j.delivery_id for j in held} & {j.delivery_id for j in rest}
    with context.uow_factory() as third:  # the first worker rolled back: its rows are free
        again = third.webhooks.claim_due(now, lease, 10)
    assert {j.delivery_id for j in again} == {j.delivery_id for j in held}
    assert {j.attempt for j in again} == {1}


def test_a_lost_worker_is_covered_after_its_lease_and_the_receiver_dedupes(
    context: AppContext, clock: FixedClock
) -> None:
    settings = DeliverySettings()

    class LostAfterSending(HttpWebhookSender):
        def send(self, url: str, body: bytes, headers: dict[str, str]) -> Any:
            super().send(url, body, headers)
            raise RuntimeError("worker killed before recording")

    with running_receiver(_unix(clock)) as receiver:
        merchant = _merchant(context)
        endpoint = _endpoint(context, merchant, receiver.url)
        receiver.secret = endpoint["secret"]
        event_id = _emit(context, merchant)
        lost_sender = LostAfterSending(timeout_s=5, allowed_networks=LOOPBACK_NETWORKS)
        with lost_sender as lost, pytest.raises(RuntimeError):
            deliver_due(context, lost, settings)
        with HttpWebhookSender(timeout_s=5, allowed_networks=LOOPBACK_NETWORKS) as sender:
            assert deliver_due(context, sender, settings).attempted == 0, "still leased"
            clock.advance(timedelta(seconds=settings.lease_s + 1))
            assert deliver_due(context, sender, settings).succeeded == 1
    assert [r.status for r in receiver.requests] == [200, 200]
    assert receiver.process_count == 1
    assert list(receiver.processed) == [event_id]
    (delivery,) = _deliveries(context, endpoint["id"])
    assert delivery.status is DeliveryStatus.SUCCEEDED
    assert _codes(delivery) == [(200, None)]


def test_a_stale_worker_cannot_overwrite_a_newer_claim(
    context: AppContext, clock: FixedClock
) -> None:
    merchant = _merchant(context)
    endpoint = _endpoint(context, merchant, "https://merchant.example/hooks")
    _emit(context, merchant)
    with context.uow_factory() as uow:
        (stale,) = uow.webhooks.claim_due(clock.now(), clock.now(), 10)
        uow.commit()
    clock.advance(timedelta(seconds=1))
    with context.uow_factory() as uow:
        (current,) = uow.webhooks.claim_due(clock.now(), clock.now(), 10)
        ok = DeliveryAttempt(clock.now(), 200, None, 5)
        assert current.attempt == stale.attempt + 1
        assert not uow.webhooks.record_attempt(stale, ok, DeliveryStatus.SUCCEEDED, clock.now())
        assert uow.webhooks.record_attempt(current, ok, DeliveryStatus.SUCCEEDED, clock.now())
        uow.commit()
    (delivery,) = _deliveries(context, endpoint["id"])
    assert delivery.status is DeliveryStatus.SUCCEEDED
    assert len(delivery.attempts) == 2


def test_the_cycle_runs_maintenance_jobs_then_delivers_their_events(
    context: AppContext, clock: FixedClock
) -> None:
    merchant = _merchant(context)
    _endpoint(context, merchant, "https://merchant.example/hooks")
    authorised = _pay(context, merchant, _funded_wallet(context), capture_method="manual")
    assert authorised["status"] == "requires_capture"
    sender = RecordingWebhookSender()
    run_cycle(context, sender)
    sent_before = len(sender.sent)
    clock.advance(timedelta(seconds=context.policy.authorization_timeout_s + 1))
    report = run_cycle(context, sender)
    by_name = {j.name: j for j in report.jobs}
    assert by_name["expire_authorizations"] == JobResult("expire_authorizations", 1)
    assert all(j.error is None for j in report.jobs)
    assert report.deliveries.succeeded == len(sender.sent) - sent_before >= 1
    assert b'"type":"payment.canceled"' in sender.sent[-1].body

    def broken(_: AppContext) -> int:
        raise RuntimeError("boom")

    results = run_maintenance(context, (("broken", broken), ("fine", lambda _: 3)))
    assert results == [JobResult("broken", error="RuntimeError: boom"), JobResult("fine", 3)]


def test_the_worker_loop_polls_until_stopped(context: AppContext) -> None:
    delivered = threading.Event()

    class Signalling(RecordingWebhookSender):
        def send(self, url: str, body: bytes, headers: dict[str, str]) -> Any:
            result = super().send(url, body, headers)
            delivered.set()
            return result

    stop = threading.Event()
    sender = Signalling()
    loop = threading.Thread(target=work, args=(context, sender, DeliverySettings()),
                            kwargs={"once": False, "poll_s": 0.05, "stop": stop})
    loop.start()
    try:
        merchant = _merchant(context)
        _endpoint(context, merchant, "https://merchant.example/hooks")
        _emit(context, merchant)
        assert delivered.wait(timeout=30)
    finally:
        stop.set()
        loop.join(timeout=30)
    assert not loop.is_alive()
    assert len(sender.sent) == 1


@pytest.fixture
def root_logging() -> Iterator[None]:
    """``paysetu worker`` configures the root logger (JSON lines); put pytest's back after."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        yield
    finally:
        for handler in list(root.handlers):
            root.removeHandler(handler)
        for handler in handlers:
            root.addHandler(handler)
        root.setLevel(level)
        logging.captureWarnings(False)


@pytest.mark.usefixtures("root_logging")
def test_paysetu_worker_once_delivers_with_the_system_clock(
    engine: sa.Engine, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    system = SystemClock()
    ctx = AppContext(lambda: PostgresUnitOfWork(engine), system, UlidIds(), SystemSecrets(),
                     webhook_targets=LOCAL_RECEIVERS)
    with running_receiver(_unix(system)) as receiver:
        merchant = _merchant(ctx)
        receiver.secret = _endpoint(ctx, merchant, receiver.url)["secret"]
        event_id = _emit(ctx, merchant)
        monkeypatch.setenv("PAYSETU_DATABASE_URL", database_url)
        monkeypatch.setenv("PAYSETU_WEBHOOK_ALLOWED_NETWORKS", "127.0.0.0/8,::1/128")
        result = CliRunner().invoke(cli, ["worker", "--once"])
        assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    lines = [line for line in lines if line["logger"] == "paysetu.worker"]
    assert [line["message"] for line in lines] == ["worker.started", "worker.cycle"]
    assert lines[1]["deliveries"] == {"succeeded": 1, "retrying": 0, "failed": 0}
    assert list(receiver.processed) == [event_id]
    assert receiver.requests[0].status == 200
