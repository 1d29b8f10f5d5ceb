"""Prometheus metrics for one app: its own registry, HTTP counters, and platform state.

Each app gets its own :class:`~prometheus_client.CollectorRegistry` (never the global one), so
tests that build many apps never collide. Exposed at ``GET /metrics`` in the text format:

- ``paysetu_http_requests_total{method, route, status}``: requests handled, by route template.
- ``paysetu_http_request_duration_seconds{method, route}``: latency histogram.
- ``paysetu_payments{status}``: payments in each status, counted from the table at scrape time.
- ``paysetu_ledger_accounts{currency}``, ``paysetu_ledger_posted_minor{currency}``,
  ``paysetu_ledger_pending_minor{currency}``: ledger size and debit volume (equal to credits).
- ``paysetu_database_up``: 1 if the scrape-time queries succeeded, else 0.
- ``process_*``: the server process's CPU, memory and file descriptors.

``prometheus_client`` is imported when an app is built, not with this module: importing it
imports :mod:`wsgiref`, which copies the whole environment, and nothing here may read the
environment at import time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from paysetu.app.operations import OperationsSnapshot

if TYPE_CHECKING:
    from prometheus_client import CollectorRegistry
    from prometheus_client.core import GaugeMetricFamily, Metric

LATENCY_BUCKETS_S = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
_log = logging.getLogger(__name__)


class PlatformStateCollector:
    """Gauges read from the database on each scrape (a failed read reports the database down)."""

    def __init__(self, read: Callable[[], OperationsSnapshot]) -> None:
        self._read = read

    @staticmethod
    def _families() -> dict[str, GaugeMetricFamily]:
        from prometheus_client.core import GaugeMetricFamily  # noqa: PLC0415 - see above

        return {
            "up": GaugeMetricFamily(
                "paysetu_database_up", "1 if the scrape-time database queries succeeded."),
            "payments": GaugeMetricFamily(
                "paysetu_payments", "Payments by current status.", labels=["status"]),
            "accounts": GaugeMetricFamily(
                "paysetu_ledger_accounts", "Ledger accounts per currency.", labels=["currency"]),
            "posted": GaugeMetricFamily(
                "paysetu_ledger_posted_minor", "Posted debit volume in minor units.",
                labels=["currency"]),
            "pending": GaugeMetricFamily(
                "paysetu_ledger_pending_minor", "Pending debit volume in minor units.",
                labels=["currency"]),
        }

    def describe(self) -> Iterator[Metric]:
        yield from self._families().values()

    def collect(self) -> Iterator[Metric]:
        families = self._families()
        try:
            state = self._read()
        except Exception:
            _log.exception("metrics: reading platform state failed")
            families["up"].add_metric([], 0)
            yield families["up"]
            return
        families["up"].add_metric([], 1)
        for status, count in sorted(state.payments_by_status.items()):
            families["payments"].add_metric([status], count)
        for totals in state.ledger:
            families["accounts"].add_metric([totals.currency], totals.accounts)
            families["posted"].add_metric([totals.currency], totals.posted_minor)
            families["pending"].add_metric([totals.currency], totals.pending_minor)
        yield from families.values()


class HttpMetrics:
    """The app's registry with its request metrics and the platform-state collector."""

    def __init__(self, read_state: Callable[[], OperationsSnapshot]) -> None:
        from prometheus_client import (  # noqa: PLC0415 - see the module docstring
            CONTENT_TYPE_LATEST,
            CollectorRegistry,
            Counter,
            Histogram,
            ProcessCollector,
        )

        self.content_type = CONTENT_TYPE_LATEST
        self.registry: CollectorRegistry = CollectorRegistry()
        self._requests = Counter(
            "paysetu_http_requests", "HTTP requests handled.", ["method", "route", "status"],
            registry=self.registry,
        )
        self._latency = Histogram(
            "paysetu_http_request_duration_seconds", "HTTP request latency.",
            ["method", "route"], buckets=LATENCY_BUCKETS_S, registry=self.registry,
        )
        ProcessCollector(registry=self.registry)
        self.registry.register(PlatformStateCollector(read_state))

    def observe(self, method: str, route: str, status: int, duration_s: float) -> None:
        self._requests.labels(method, route, str(status)).inc()
        self._latency.labels(method, route).observe(duration_s)

    def exposition(self) -> bytes:
        """The registry in Prometheus' text format (media type: :attr:`content_type`)."""
        from prometheus_client import generate_latest  # noqa: PLC0415 - see above

        return generate_latest(self.registry)
