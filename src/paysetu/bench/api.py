"""``paysetu bench api``: payments per second over HTTP, as a ratio to the same use cases direct.

The run:

1. a scratch database (on a fresh embedded server unless a URL is given), migrated, with one
   merchant, ``wallets`` full-KYC customers each holding a funded INR wallet, and a merchant
   API key;
2. ``paysetu serve`` in its own process on a free 127.0.0.1 port (:mod:`.api_server`);
3. per workload (``automatic``: create with ``confirm: true``; ``manual``: create+confirm,
   then capture) and per client count: C HTTP clients against the server, then C direct
   clients calling the same use cases in-process, then C clients applying bare ledger
   transfers (:mod:`.api_clients`), each for a warm-up and a measured window; every cell also
   splits the CPU per operation between the clients, the API server (its process tree) and
   PostgreSQL (the postmaster's tree), read from ``/proc`` (:mod:`.cpu`);
4. round trips per operation of each channel, counted in-process (:mod:`.api_statements`);
5. the ledger audit, and a check that the database holds exactly the succeeded payments the
   clients reported.

Targets (issue 20), on every row: HTTP throughput at least :data:`RATIO_TARGET` x direct, HTTP
p99 under :data:`TAIL_TARGET` x p50; for automatic payments, direct throughput at least
1/:data:`LEDGER_TARGET` of bare ledger transfers, and at one client an HTTP p50 of at most
:data:`P50_TARGET_MS`.

Clients are processes by default: one HTTP client per process keeps the clients' own Python
(JSON, HTTP) off the server's measurement, as separate machines would; ``--client-model
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
from paysetu.bench.api_http import HttpLibrary
from paysetu.bench.api_setup import Shop, open_shop
from paysetu.bench.api_statements import StatementCounts, count_statements
from paysetu.bench.cpu import parent_pid, tree_cpu_s
from paysetu.bench.database import bench_database
from paysetu.bootstrap import Runtime, build
from paysetu.config import Settings

RATIO_TARGET = 0.7
"""HTTP throughput / direct throughput, at every client count."""
TAIL_TARGET = 5.0
"""HTTP p99 / p50."""
LEDGER_TARGET = 2.5
"""Bare ledger transfers/s over direct automatic payments/s, at most."""
P50_TARGET_MS = 4.0
"""HTTP p50 of an automatic payment at one client."""
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
        http_client: The HTTP clients' library: the standard library's (default, the lean
            one) or httpx (as the bench was before; :mod:`.api_http`).
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
    http_client: HttpLibrary = HttpLibrary.STDLIB
    server_workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    database_url: str | None = None


QUICK = ApiBenchConfig(clients=(1, 2), duration_s=0.5, warmup_s=0.2, wallets=40)
"""A smoke configuration for CI: both workloads, both channels, short windows."""


@dataclass(frozen=True, slots=True)
class CpuSplit:
    """CPU milliseconds per operation of a cell, by who spent them (None: not measurable)."""

    client_ms: float | None
    server_ms: float | None
    database_ms: float | None


NO_CPU = CpuSplit(None, None, None)


@dataclass(frozen=True, slots=True)
class Measurement:
    """One channel's numbers in one cell (latencies in milliseconds, per payment)."""

    ops_per_s: float
    p50_ms: float
    p99_ms: float
    ops: int
    cpu: CpuSplit = NO_CPU


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the result table: one workload at one client count, HTTP, direct, and
    bare ledger transfers."""

    workload: str
    clients: int
    http: Measurement
    direct: Measurement
    baseline: str = "direct"
    """What ``direct`` measured: the same operations without HTTP (``direct``), or, for the
    marketplace workload, single-merchant payments over HTTP in the same run (``payments``)."""
    ledger: Measurement | None = None

    @property
    def ratio(self) -> float:
        return self.http.ops_per_s / self.direct.ops_per_s

    @property
    def ledger_ratio(self) -> float | None:
        """Ledger transfers/s over direct payments/s: a payment's cost in transfers."""
        return None if self.ledger is None else self.ledger.ops_per_s / self.direct.ops_per_s

    @property
    def tail_ratio(self) -> float:
        return self.http.p99_ms / self.http.p50_ms

    @property
    def ratio_target(self) -> float:
        return MARKETPLACE_RATIO_TARGET if self.baseline == "payments" else RATIO_TARGET

    @property
    def ledger_target(self) -> float | None:
        return LEDGER_TARGET if self.workload == Workload.AUTOMATIC.value else None

    @property
    def p50_target_ms(self) -> float | None:
        automatic = self.workload == Workload.AUTOMATIC.value
        return P50_TARGET_MS if automatic and self.clients == 1 else None

    @property
    def passed(self) -> bool:
        ledger_target, ledger_ratio = self.ledger_target, self.ledger_ratio
        p50_target = self.p50_target_ms
        return (self.ratio >= self.ratio_target and self.tail_ratio < TAIL_TARGET
                and (ledger_target is None or ledger_ratio is None
                     or ledger_ratio <= ledger_target)
                and (p50_target is None or self.http.p50_ms <= p50_target))


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
    statements: StatementCounts | None = None
    environment: dict[str, str] = field(default_factory=dict)


Step = Callable[[str, float], None]
"""Progress callback: the next step's description and its expected duration in seconds."""


def planned_seconds(config: ApiBenchConfig) -> float:
    """Roughly how long the measurements take (for a progress bar)."""
    cell = config.warmup_s + config.duration_s + START_MARGIN_S
    ledger_cells = len(config.clients) if Workload.AUTOMATIC in config.workloads else 0
    return cell * (2 * len(config.clients) * len(config.workloads) + ledger_cells)


def measurement(results: list[ClientResult], cpu: CpuSplit = NO_CPU) -> Measurement:
    latencies = sorted(s for r in results for s in r.latencies_s)
    if len(latencies) < 2:
        p50 = p99 = latencies[0] if latencies else 0.0
    else:
        cuts = statistics.quantiles(latencies, n=100, method="inclusive")
        p50, p99 = cuts[49], cuts[98]
    return Measurement(sum(r.ops_per_s for r in results), p50 * 1000, p99 * 1000,
                       len(latencies), cpu)


def _per_op_ms(cpu_s: float | None, ops: int) -> float | None:
    return None if cpu_s is None or ops == 0 else cpu_s * 1000 / ops


def _delta(before: float | None, after: float | None) -> float | None:
    return None if before is None or after is None else after - before


@dataclass(frozen=True, slots=True)
class CpuProbe:
    """The processes whose CPU a cell reads: the API server's and PostgreSQL's (or None)."""

    server_pid: int | None
    postmaster_pid: int | None

    def read(self) -> tuple[float | None, float | None]:
        server = None if self.server_pid is None else tree_cpu_s(self.server_pid)
        database = None if self.postmaster_pid is None else tree_cpu_s(self.postmaster_pid)
        return server, database


def postmaster_pid(runtime: Runtime) -> int | None:
    """The local PostgreSQL's postmaster (the parent of our backend), if it is on this host."""
    with runtime.engine.connect() as connection:
        backend = int(connection.exec_driver_sql("SELECT pg_backend_pid()").scalar_one())
    parent = parent_pid(backend)
    try:
        name = Path(f"/proc/{parent}/comm").read_text(encoding="ascii").strip()
    except OSError:
        return None
    return parent if name.startswith("postgres") else None


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
                 base_url: str, database_url: str, probe: CpuProbe) -> None:
        self.config = config
        self.probe = probe
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
                       self.shop.wallet_accounts, self.shop.merchant_account,
                       next(self._seeds), start_at, self.config.warmup_s,
                       self.config.duration_s, self.shop.sellers, self.config.http_client)
            for _ in range(clients)
        ]
        server_before, database_before = self.probe.read()
        results = list(self.executor.map(run_client, tasks))
        server_after, database_after = self.probe.read()
        ops = sum(r.applied for r in results)
        if channel is not Channel.LEDGER:
            self.applied += ops
        client_s = (sum(r.cpu_s for r in results)
                    if self.config.client_model is ClientModel.PROCESS else None)
        cpu = CpuSplit(_per_op_ms(client_s, ops),
                       _per_op_ms(_delta(server_before, server_after), ops),
                       _per_op_ms(_delta(database_before, database_after), ops))
        return measurement(results, cpu)


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
            ledger = None
            if workload is Workload.AUTOMATIC:
                step(f"api: bare ledger transfers, {clients} client(s)", cell_s)
                ledger = cells.measure(Channel.LEDGER, workload, clients)
            result.rows.append(Row(workload.value, clients, http, direct, ledger=ledger))


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
                                 workers=config.server_workers) as served,
                  _executor(config) as executor):
                probe = CpuProbe(served.pid, postmaster_pid(runtime))
                cells = _Cells(config, executor, shop, served.url, database.url, probe)
                _measure(cells, result, step)
            step("counting round trips per operation", 0)
            result.statements = count_statements(database.url, shop)
            step("auditing the ledger", 0)
            result.audit = _audit(runtime, cells.applied + result.statements.payments)
        finally:
            runtime.close()
    return result


def _environment(config: ApiBenchConfig) -> dict[str, str]:
    return {
        "cpus": str(os.cpu_count()),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "client_model": config.client_model.value,
        "http_client": config.http_client.value,
        "server": f"paysetu serve --workers {config.server_workers} (uvicorn), default settings",
        "server_origin": "given URL" if config.database_url else "fresh embedded server",
    }
