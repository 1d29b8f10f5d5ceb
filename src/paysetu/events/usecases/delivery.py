"""The delivery worker's use cases: send due webhooks from the outbox, run periodic jobs.

Each delivery takes three short steps, none of which holds a database transaction open while
the network is used:

1. claim: one transaction takes a small batch of due rows (``FOR UPDATE SKIP LOCKED``, so
   workers never share a row), counts the attempt and leases the rows past the send timeout;
2. send: sign the event with the endpoint's secret and POST it (no transaction open);
3. record: one transaction logs the attempt and moves the delivery on (succeeded on 2xx,
   otherwise retried later with backoff, or failed after the last attempt).

The payment or other change that emitted the event committed long before: a slow, failing or
unreachable endpoint can delay only its own deliveries.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta

from paysetu.events.rules.events import Event
from paysetu.events.rules.webhooks import (
    SIGNATURE_HEADER,
    DeliveryAttempt,
    DeliveryJob,
    DeliveryStatus,
    jitter_unit,
    outcome_status,
    retry_delay_s,
    signature_header,
)
from paysetu.events.usecases.events import event_object
from paysetu.events.usecases.ports import EventsContext, WebhookSender

USER_AGENT = "paysetu-webhooks/1"

@dataclass(frozen=True, slots=True)
class DeliverySettings:
    """How the worker claims and sends.

    Attributes:
        batch_size: Deliveries claimed per transaction; small, so several workers share the load.
        send_timeout_s: The HTTP timeout of one attempt (the sender applies it).
        max_batches: Batches per call of :func:`deliver_due`, so one call always ends.
    """

    batch_size: int = 10
    send_timeout_s: float = 10.0
    max_batches: int = 1000

    @property
    def lease_s(self) -> float:
        """How long a claim holds its rows: the whole batch may time out, plus a margin."""
        return self.batch_size * (self.send_timeout_s + 5) + 30


@dataclass(slots=True)
class DeliveryReport:
    """What one call of :func:`deliver_due` did: deliveries by the status they ended in."""

    succeeded: int = 0
    retrying: int = 0
    failed: int = 0

    @property
    def attempted(self) -> int:
        return self.succeeded + self.retrying + self.failed


def event_payload(event: Event) -> bytes:
    """The exact bytes sent (and signed): the event's API form as compact JSON."""
    return json.dumps(event_object(event), separators=(",", ":"), ensure_ascii=False).encode()


def claim(ctx: EventsContext, settings: DeliverySettings) -> list[DeliveryJob]:
    """Claim a batch of due deliveries in a short transaction of its own."""
    with ctx.uow_factory() as uow:
        now = ctx.clock.now()
        jobs = uow.webhooks.claim_due(
            now, now + timedelta(seconds=settings.lease_s), settings.batch_size
        )
        uow.commit()
    return jobs


def deliver(ctx: EventsContext, sender: WebhookSender, job: DeliveryJob) -> DeliveryStatus:
    """Sign and send one claimed delivery, then record the attempt and its outcome."""
    body = event_payload(job.event)
    sent_at = ctx.clock.now()
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        SIGNATURE_HEADER: signature_header(job.secret, int(sent_at.timestamp()), body),
    }
    result = sender.send(job.url, body, headers)
    attempt = DeliveryAttempt(sent_at, result.status_code, result.error, result.duration_ms)
    status = outcome_status(attempt, job.attempt)
    now = ctx.clock.now()
    next_attempt_at = now
    if status is DeliveryStatus.PENDING:
        delay = retry_delay_s(job.attempt, jitter_unit(job.delivery_id, job.attempt))
        next_attempt_at = now + timedelta(seconds=delay)
    with ctx.uow_factory() as uow:
        uow.webhooks.record_attempt(job, attempt, status, next_attempt_at)
        uow.commit()
    return status


def deliver_due(
    ctx: EventsContext, sender: WebhookSender, settings: DeliverySettings | None = None
) -> DeliveryReport:
    """Deliver everything due now, batch by batch, until nothing due is left unclaimed."""
    settings = settings or DeliverySettings()
    report = DeliveryReport()
    for _ in range(settings.max_batches):
        jobs = claim(ctx, settings)
        if not jobs:
            break
        for job in jobs:
            status = deliver(ctx, sender, job)
            if status is DeliveryStatus.SUCCEEDED:
                report.succeeded += 1
            elif status is DeliveryStatus.FAILED:
                report.failed += 1
            else:
                report.retrying += 1
    return report
