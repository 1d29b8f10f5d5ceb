"""``paysetu bench api``: payments per second over HTTP, as a ratio to the same use cases direct.

The run:

1. a scratch database (on a fresh embedded server unless a URL is given), migrated, with one
   merchant, ``wallets`` full-KYC customers each holding a funded INR wallet, and a merchant
   API key;
2. ``paysetu serve`` in its own process on a free 127.0.0.1 port (:mod:`.api_server`);
3. per workload (``automatic``: create with ``confirm: true``; ``manual``: create+confirm,
   then capture) and per client count: C HTTP clients against the server, then C direct
   clients calling the same use cases in-process (:mod:`.api_clients`), each for a warm-up
   and a measured window;
4. the ledger audit, and a check that the database holds exactly the succeeded payments the
   clients reported.

Targets: at 8 clients or more, HTTP throughput at least :data:`RATIO_TARGET` x direct; on every
HTTP row, p99 latency under :data:`TAIL_TARGET` x p50.

Clients are processes by default: one HTTP client per process keeps the clients' own Python
(JSON, httpx) off the server's measurement, as separate machines would; ``--client-model
thread`` runs them as threads of the bench process to show the difference.
"""

from __future__ import annotations

import itertools
import os
import platform
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from multiprocessing import get_context
from pathlib import Path

from paysetu.app import operations
from paysetu.bench.api_clients import Channel, ClientResult, ClientTask, Workload, run_client
from paysetu.bench.api_setup import Shop, open_shop
from paysetu.bench.database import bench_database
from paysetu.bootstrap import Runtime, build
from paysetu.config import Settings

RATIO_TARGET = 0.5
RATIO_TARGET_CLIENTS = 8
"""The throughput ratio is a target from this many clients on (informational below)."""
TAIL_TARGET = 10.0
MARKETPLACE_RATIO_TARGET = 0.5
"""Marketplace orders (five sellers) per second over single-merchant payments per second."""
START_MARGIN_S = 0.5


class ClientModel(StrEnum):
    PROCESS = "process"
    THREAD = "thread"


@dataclass(frozen=True, slots=True)
class ApiBenchConfig:
    """What to measure and how long.

    Attributes:
        clients: Concurrent clients per cell.
        workloads: ``automatic`` and/or ``manual`` payments.
        duration_s: Measured window of each cell.
        warmup_s: Uncounted work before each window.
        wallets: Funded payer wallets (payments pick one at random).
        client_model: Client processes (default) or threads.
        server_workers: ``paysetu serve --workers``: one process per core, as a server runs
            (one Python process answers on one core at most).
        database_url: Use this server (a scratch database is created there) instead of a fresh
            embedded one.
    """

    clients: tuple[int, ...] = (1, 4, 8)
    workloads: tuple[Workload, ...] = (Workload.AUTOMATIC, Workload.MANUAL)
    duration_s: float = 8.0
    warmup_s: float = 2.0
    wallets: int = 1000
    client_model: ClientModel = ClientModel.PROCESS
    server_workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    database_url: str | None = None


QUICK = ApiBenchConfig(clients=(1, 2), duration_s=0.5, warmup_s=0.2, wallets=40)
"""A smoke configuration for CI: both workloads, both channels, short windows."""


@dataclass(frozen=True, slots=True)
class Measurement:
    """One channel's numbers in one cell (latencies in milliseconds, per payment)."""

    ops_per_s: float
    p50_ms: float
    p99_ms: float
    ops: int


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the result table: one workload at one client count, HTTP and direct."""

    workload: str
    clients: int
    http: Measurement
    direct: Measurement
    baseline: str = "direct"
    """What ``direct`` measured: the same operations without HTTP (``direct``), or, for the
    marketplace workload, single-merchant payments over HTTP in the same run (``payments``)."""

    @property
    def ratio(self) -> float:
        return self.http.ops_per_s / self.direct.ops_per_s

    @property
    def tail_ratio(self) -> float:
        return self.http.p99_ms / self.http.p50_ms

    @property
    def ratio_target(self) -> float | None:
        if self.baseline == "payments":
            return MARKETPLACE_RATIO_TARGET
        return RATIO_TARGET if self.clients >= RATIO_TARGET_CLIENTS else None

    @property
    def passed(self) -> bool:
        target = self.ratio_target
        return (target is None or self.ratio >= target) and self.tail_ratio < TAIL_TARGET


@dataclass(frozen=True, slots=True)
class AuditSummary:
    """The ledger audit after the run, and succeeded payments against what clients reported."""

    passed: bool
    findings: int
    payments: int
    payments_expected: int

    @property
    def payments_match(self) -> bool:
        return self.payments == self.payments_expected


@dataclass(slots=True)
class ApiBenchResult:
    """Everything a run measured; :mod:`paysetu.bench.api_report` renders it."""

    config: ApiBenchConfig
    started_at: datetime
    server: str = ""
    server_settings: dict[str, str] = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)
    audit: AuditSummary | None = None
    environment: dict[str, str] = field(default_factory=dict)


Step = Callable[[str, float], None]
"""Progress callback: the next step's description and its expected duration in seconds."""


def planned_seconds(config: ApiBenchConfig) -> float:
    """Roughly how long the measurements take (for a progress bar)."""
    cell = config.warmup_s + config.duration_s + START_MARGIN_S
    return 2 * cell * len(config.clients) * len(config.workloads)


def measurement(results: list[ClientResult]) -> Measurement:
    latencies = sorted(s for r in results for s in r.latencies_s)
    if len(latencies) < 2:
        p50 = p99 = latencies[0] if latencies else 0.0
    else:
        cuts = statistics.quantiles(latencies, n=100, method="inclusive")
        p50, p99 = cuts[49], cuts[98]
    return Measurement(sum(r.ops_per_s for r in results), p50 * 1000, p99 * 1000,
                       len(latencies))


@contextmanager
def _executor(config: ApiBenchConfig) -> Iterator[Executor]:
    workers = max(config.clients)
    if config.client_model is ClientModel.THREAD:
        with ThreadPoolExecutor(max_workers=workers) as threads:
            yield threads
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as processes:
        list(processes.map(time.sleep, [1.0] * workers))  # start every process before timing
        yield processes


class _Cells:
    """Runs the cells of one bench: both channels against one scratch database and server."""

    def __init__(self, config: ApiBenchConfig, executor: Executor, shop: Shop,
                 base_url: str, database_url: str) -> None:
        self.config = config
        self.executor = executor
        self.shop = shop
        self.base_url = base_url
        self.database_url = database_url
        self.applied = 0
        self._seeds = itertools.count(1)

    def measure(self, channel: Channel, workload: Workload, clients: int) -> Measurement:
        start_at = time.monotonic() + START_MARGIN_S
        tasks = [
            ClientTask(channel, workload, self.base_url, self.shop.api_key, self.database_url,
                       self.shop.merchant_id, self.shop.api_key_id, self.shop.wallets,
                       self.shop.mandates,
                       next(self._seeds), start_at, self.config.warmup_s,
                       self.config.duration_s, self.shop.sellers)
            for _ in range(clients)
        ]
        results = list(self.executor.map(run_client, tasks))
        self.applied += sum(r.applied for r in results)
        return measurement(results)


def _measure(cells: _Cells, result: ApiBenchResult, step: Step) -> None:
    config = cells.config
    cell_s = config.warmup_s + config.duration_s + START_MARGIN_S
    for workload in config.workloads:
        for clients in config.clients:
            if workload is Workload.MARKETPLACE:
                _measure_marketplace(cells, result, step, clients)
                continue
            step(f"api: {workload} payments over HTTP, {clients} client(s)", cell_s)
            http = cells.measure(Channel.HTTP, workload, clients)
            step(f"api: {workload} payments direct, {clients} client(s)", cell_s)
            direct = cells.measure(Channel.DIRECT, workload, clients)
            result.rows.append(Row(workload.value, clients, http, direct))


def _measure_marketplace(cells: _Cells, result: ApiBenchResult, step: Step, clients: int) -> None:
    """Orders across five sellers over HTTP, then single-merchant payments over HTTP."""
    cell_s = cells.config.warmup_s + cells.config.duration_s + START_MARGIN_S
    step(f"api: marketplace orders (5 sellers) over HTTP, {clients} client(s)", cell_s)
    orders = cells.measure(Channel.HTTP, Workload.MARKETPLACE, clients)
    step(f"api: single-merchant payments over HTTP, {clients} client(s)", cell_s)
    payments = cells.measure(Channel.HTTP, Workload.AUTOMATIC, clients)
    result.rows.append(Row(Workload.MARKETPLACE.value, clients, orders, payments, "payments"))


def _audit(runtime: Runtime, payments_expected: int) -> AuditSummary:
    report = runtime.ledger.audit()
    succeeded = operations.snapshot(runtime.context).payments_by_status.get("succeeded", 0)
    return AuditSummary(report.passed, len(report.findings), succeeded, payments_expected)


def run(config: ApiBenchConfig, step: Step) -> ApiBenchResult:
    """Run the whole bench; ``step`` is told what happens next and for about how long."""
    result = ApiBenchResult(config, datetime.now(UTC), environment=_environment(config))
    step("starting PostgreSQL and creating a scratch database", 0)
    with (bench_database(config.database_url, None) as database,
          tempfile.TemporaryDirectory(prefix="paysetu-bench-api-") as scratch):
        result.server, result.server_settings = database.server, database.settings
        runtime = build(Settings(database_url=database.url, db_pool_size=2),
                        migrate_schema=False)
        try:
            step(f"opening one merchant and {config.wallets} funded wallets", 0)
            shop = open_shop(runtime, config.wallets)
            step("starting paysetu serve and the clients", 0)
            from paysetu.bench.api_server import running_server  # noqa: PLC0415

            with (running_server(database.url, Path(scratch) / "server.log",
                                 workers=config.server_workers) as base_url,
                  _executor(config) as executor):
                cells = _Cells(config, executor, shop, base_url, database.url)
                _measure(cells, result, step)
            step("auditing the ledger", 0)
            result.audit = _audit(runtime, cells.applied)
        finally:
            runtime.close()
    return result


def _environment(config: ApiBenchConfig) -> dict[str, str]:
    return {
        "cpus": str(os.cpu_count()),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "client_model": config.client_model.value,
        "server": f"paysetu serve --workers {config.server_workers} (uvicorn), default settings",
        "server_origin": "given URL" if config.database_url else "fresh embedded server",
    }
