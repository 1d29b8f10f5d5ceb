"""``paysetu worker``: deliver webhooks from the outbox and run the periodic jobs.

Run as many workers as needed (they claim disjoint rows); ``--once`` does one cycle and exits,
for cron and tests. Otherwise a cycle starts every ``--poll-s`` seconds while the last one found
nothing to do, immediately while there is work, until SIGINT or SIGTERM (the cycle in progress
finishes first). Each cycle that did something logs one line (JSON, through
:func:`paysetu.app.logs.configure_logging`, whose filter scrubs secrets).
"""

from __future__ import annotations

import logging
import signal
import threading
from types import FrameType
from typing import Annotated

import typer

from paysetu.app.context import AppContext
from paysetu.app.logs import configure_logging
from paysetu.app.worker import CycleReport, run_cycle
from paysetu.cli.runtime import runtime
from paysetu.config import Settings
from paysetu.events.stores.webhook_sender import HttpWebhookSender
from paysetu.events.usecases.delivery import DeliverySettings
from paysetu.events.usecases.ports import WebhookSender

log = logging.getLogger("paysetu.worker")


def _log_cycle(report: CycleReport) -> None:
    if report.idle:
        return
    deliveries = report.deliveries
    fields = {
        "deliveries": {"succeeded": deliveries.succeeded, "retrying": deliveries.retrying,
                       "failed": deliveries.failed},
        "jobs": {j.name: {"changed": j.changed, "error": j.error} for j in report.jobs},
    }
    level = logging.WARNING if any(j.error for j in report.jobs) else logging.INFO
    log.log(level, "worker.cycle", extra=fields)


def _stop_on_signals(stop: threading.Event) -> None:
    def handle(signum: int, _frame: FrameType | None) -> None:
        log.info("worker.stopping", extra={"signal": signal.Signals(signum).name})
        stop.set()

    signal.signal(signal.SIGINT, handle)
    signal.signal(signal.SIGTERM, handle)


def work(
    context: AppContext, sender: WebhookSender, settings: DeliverySettings, *, once: bool,
    poll_s: float, stop: threading.Event,
) -> None:
    """Run cycles until ``stop`` is set (or one, with ``once``).

    A failed cycle (the database went away, say) is logged and retried after ``poll_s``; with
    ``once`` it propagates, so cron sees the failure.
    """
    while not stop.is_set():
        try:
            report = run_cycle(context, sender, settings)
        except Exception:
            if once:
                raise
            log.exception("worker.cycle_failed")
            report = None
        if report is not None:
            _log_cycle(report)
        if once:
            return
        if report is None or report.idle:
            stop.wait(poll_s)


def worker(
    once: Annotated[bool, typer.Option("--once", help="Run one cycle and exit.")] = False,
    batch_size: Annotated[int, typer.Option(min=1, max=500, help="Deliveries per claim.")] = 10,
    timeout_s: Annotated[float, typer.Option(min=1, max=60, help="HTTP timeout.")] = 10.0,
    poll_s: Annotated[float, typer.Option(min=0.05, max=60, help="Idle poll interval.")] = 1.0,
) -> None:
    """Deliver webhooks (signed, retried with backoff) and run the periodic jobs."""
    app_settings = Settings()
    configure_logging(app_settings.log_level)
    settings = DeliverySettings(batch_size=batch_size, send_timeout_s=timeout_s)
    stop = threading.Event()
    if not once:
        _stop_on_signals(stop)
    with runtime(app_settings) as rt, HttpWebhookSender(
            timeout_s=timeout_s, allowed_networks=app_settings.webhook_allowed_networks
    ) as sender:
        log.info("worker.started", extra={"once": once, "batch_size": batch_size})
        work(rt.context, sender, settings, once=once, poll_s=poll_s, stop=stop)
