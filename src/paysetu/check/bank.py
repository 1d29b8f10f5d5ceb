"""``paysetu check bank``: Jepsen's bank test over HTTP, with crashes if asked.

A payments platform is trusted only if anyone can rerun the proof that money is never
created, lost or paid twice. This check runs the real server (``paysetu serve`` in its own
process) and the webhook worker (``paysetu worker``, restarted by a supervisor when it exits)
on a scratch database, and lets N clients move money through the public API
(:mod:`.clients`: idempotency keys, short timeouts, retries, replays) while things go wrong
(:mod:`.faults`: the server SIGKILLed, PostgreSQL crashed). Meanwhile a reader reads every
balance in one snapshot (REPEATABLE READ), over and over: money only moves inside the system
during the run, so the total per currency outside the cash-in account must never change.

After the traffic, every client gets an answer for each operation still open (the same
request, the same key) and cancels the holds it had not captured. Then (:mod:`.verify`): the
ledger audit passes, every acknowledged operation is in the ledger exactly once, no operation
appears twice, no refused operation moved money, every reservation was posted, voided or
expired, no wallet is negative, marketplace orders split across sellers keep their invariants
(:func:`.verify.orders`), and every event reached the merchant's webhook receiver at
least once. Every
finding is a violation in the report; the goal is none.
"""

from __future__ import annotations

import random
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa

from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.bench.api_server import ServerProcess
from paysetu.bench.database import scratch_database, wheel_pgbench
from paysetu.check import faults, verify
from paysetu.check.clients import Client, Traffic
from paysetu.check.horizon import RECOVERY_LIMIT_S, Horizon
from paysetu.check.receiver import running_receiver
from paysetu.check.worker_process import SupervisedWorker
from paysetu.check.world import open_world
from paysetu.db.embedded import EmbeddedPostgres
from paysetu.db.engine import create_engine
from paysetu.kernel.clock import SystemClock
from paysetu.kernel.ids import UlidIds
from paysetu.ledger.usecases.service import LedgerService

FINISH_TIMEOUT_S = 60.0
"""How long the clients may take, after the traffic, to get every open operation answered."""
DRAIN_TIMEOUT_S = 120.0
"""How long the worker may go, after the traffic, without delivering anything more."""
READ_ERROR_PAUSE_S = 0.1
"""The reader's pause after a failed read (the database is down: a crash)."""


@dataclass(frozen=True, slots=True)
class BankConfig:
    """One run's size. The CI-sized run is a few clients for a few seconds, one of each crash."""

    clients: int = 8
    duration_s: float = 60.0
    wallets: int = 20
    merchants: int = 3
    server_crashes: int = 0
    database_crashes: int = 0
    seed: int = 1
    database_url: str | None = None
    """A server to create the scratch database on; None: a fresh embedded one (required for
    database crashes: the check never crashes a server it did not start)."""


@dataclass(slots=True)
class BankReport:
    """Figures of the run and every violation found (the goal: none)."""

    config: BankConfig
    traffic_s: float = 0.0
    """How long the clients sent new operations: at least ``duration_s``, longer while the
    faults or their aftermath left something to prove (:mod:`.horizon`)."""
    operations: Counter[str] = field(default_factory=Counter)
    traffic: Traffic = field(default_factory=Traffic)
    server_crashes: int = 0
    database_crashes: int = 0
    snapshots: int = 0
    snapshot_errors: int = 0
    """Snapshots that failed because the database was down (retried, not violations)."""
    worker_restarts: int = 0
    """Times the supervisor restarted a worker that exited (it cannot start without a
    database)."""
    events_received: int = 0
    deliveries_received: int = 0
    audit_passed: bool = False
    violations: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    """Keys of operations acknowledged as applied that the database does not hold (each is
    also a violation)."""


def _outside_cash_in(engine: sa.Engine) -> dict[str, int]:
    """Per currency, the posted balances of every account but cash-in, in one snapshot."""
    with engine.connect().execution_options(isolation_level="REPEATABLE READ") as snapshot:
        rows = snapshot.execute(sa.text(
            "SELECT currency, sum(credits_posted - debits_posted) AS net FROM ledger_accounts"
            " WHERE id NOT LIKE 'acct_platform_cashin_%' GROUP BY currency")).all()
    return {str(r.currency): int(r.net) for r in rows}


def _read_totals(engine: sa.Engine, expected: dict[str, int], report: BankReport,
                 stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            totals = _outside_cash_in(engine)
        except sa.exc.DBAPIError:
            report.snapshot_errors += 1
            stop.wait(READ_ERROR_PAUSE_S)
            continue
        report.snapshots += 1
        if totals != expected and len(report.violations) < 100:
            report.violations.append(f"snapshot totals {totals}, expected {expected}")


@contextmanager
def _database(config: BankConfig) -> Iterator[tuple[str, EmbeddedPostgres | None]]:
    """A scratch database, on the given server or on a fresh embedded one (then crashable)."""
    if config.database_url is not None:
        if config.database_crashes:
            raise ValueError("database crashes need the check's own embedded server: leave "
                             "out --database-url, or pass --database-crashes 0")
        with scratch_database(config.database_url, wheel_pgbench()) as database:
            yield database.url, None
        return
    with tempfile.TemporaryDirectory(prefix="paysetu-check-db-") as directory:
        server = EmbeddedPostgres(Path(directory) / "pgdata", delete_on_exit=True)
        try:
            with scratch_database(server.url(), wheel_pgbench()) as database:
                yield database.url, server
        finally:
            server.stop()


def _drain(engine: sa.Engine) -> bool:
    """Wait until the worker has no pending delivery left; give up only after
    ``DRAIN_TIMEOUT_S`` without progress (a long run leaves a backlog the worker, one
    delivery at a time, needs longer than that to clear)."""
    deadline = time.monotonic() + DRAIN_TIMEOUT_S
    least: int | None = None
    while time.monotonic() < deadline:
        try:
            pending = verify.pending_deliveries(engine)
        except sa.exc.DBAPIError:
            pending = None  # a connection the crash broke: the pool replaces it
        if pending == 0:
            return True
        if pending is not None and (least is None or pending < least):
            least, deadline = pending, time.monotonic() + DRAIN_TIMEOUT_S
        time.sleep(0.2)
    return False


def _audit(engine: sa.Engine) -> bool:
    ledger = LedgerService(lambda: PostgresUnitOfWork(engine), SystemClock(), UlidIds())
    return ledger.audit().passed


@dataclass(frozen=True, slots=True)
class DatabaseFault:
    """What happens to the database during the run, and when (seconds from the start)."""

    fault: Callable[[], None]
    moments: list[float]


def _traffic(config: BankConfig, report: BankReport, engine: sa.Engine, server: ServerProcess,
             database: DatabaseFault | None, clients: list[Client], horizon: Horizon) -> None:
    """The clients, the reader and the faults, until the clients' horizon (:mod:`.horizon`):
    the faults run, every kind of operation applied, an answer after the faults."""
    stop = threading.Event()
    rng = random.Random(config.seed)  # noqa: S311 - when to crash, not a secret
    expected = _outside_cash_in(engine)
    server_moments = faults.schedule(config.server_crashes, config.duration_s, rng)

    def crash_server() -> None:
        report.server_crashes = faults.inject(server_moments, faults.server_crash(server), stop)

    def crash_database() -> None:
        if database is not None:
            report.database_crashes = faults.inject(database.moments, database.fault, stop)

    workers = [threading.Thread(target=c.run) for c in clients]
    reader = threading.Thread(target=_read_totals, args=(engine, expected, report, stop))
    faulters = [threading.Thread(target=crash_server), threading.Thread(target=crash_database)]
    started = time.monotonic()
    for thread in [*workers, reader, *faulters]:
        thread.start()
    for thread in faulters:
        thread.join()
    horizon.faults_done.set()
    for thread in workers:
        thread.join()
    report.traffic_s = time.monotonic() - started
    stop.set()
    reader.join()
    missing = horizon.missing()
    if missing:
        report.violations.append(
            f"still no {', '.join(missing)} {RECOVERY_LIMIT_S:g} s past the run's duration: "
            "the system did not recover")
    engine.dispose()  # connections a database crash broke: the checks after use fresh ones


def run(config: BankConfig, progress: Callable[[str], None] = lambda _: None) -> BankReport:
    """Set up, run the clients (and crashes) for at least ``duration_s``, drain, verify."""
    with _database(config) as (url, database):
        crashes = None if database is None else DatabaseFault(
            database.crash_and_restart,
            faults.schedule(config.database_crashes, config.duration_s,
                            random.Random(config.seed + 1)))  # noqa: S311 - not a secret
        return exercise(config, url, crashes, progress)


def exercise(config: BankConfig, url: str, database: DatabaseFault | None,
             progress: Callable[[str], None]) -> BankReport:
    """The bank check on the scratch database at ``url``, with ``database``'s faults."""
    report = BankReport(config)
    with running_receiver() as receiver, \
            tempfile.TemporaryDirectory(prefix="paysetu-check-") as directory:
        progress("opening wallets and merchants")
        world = open_world(url, config.wallets, config.merchants, receiver)
        engine = create_engine(url, pool_size=2)
        server = ServerProcess(url, Path(directory) / "server.log")
        try:
            progress("starting the server and the worker")
            server.start()
            worker = SupervisedWorker(url, Path(directory) / "worker.log")
            worker.start()
            try:
                horizon = Horizon(config.duration_s)
                clients = [Client(config.seed * 1000 + i, world, server, report.traffic, horizon)
                           for i in range(config.clients)]
                progress(f"{config.clients} clients for {config.duration_s:g} s, then until "
                         "every kind of operation has applied and the system answers after "
                         "the faults")
                _traffic(config, report, engine, server, database, clients, horizon)
                progress("answering the operations still open, canceling open holds")
                until = time.monotonic() + FINISH_TIMEOUT_S
                for client in clients:
                    client.finish(until)
                progress("delivering the webhook outbox")
                if not _drain(engine):
                    report.violations.append(f"webhook deliveries still pending after "
                                             f"{DRAIN_TIMEOUT_S:g} s without progress")
            finally:
                worker.stop()
                report.worker_restarts = worker.restarts
            server.stop()
            progress("verifying")
            sent = [op for c in clients for op in c.operations]
            counts, found = verify.operations(engine, sent)
            report.operations, report.violations = counts, report.violations + found
            report.violations += verify.orders(engine, sent)
            report.lost = verify.lost(engine, sent)
            report.violations += report.traffic.replay_mismatches
            unresolved = verify.unresolved_reservations(engine)
            if unresolved:
                report.violations.append(f"{unresolved} reservations neither posted, voided "
                                         "nor expired")
            missing = verify.undelivered_events(engine, list(world.merchant_keys),
                                                receiver.events)
            report.violations += [f"event {e} never reached its webhook endpoint"
                                  for e in missing]
            report.violations += [f"webhook receiver refused {n} deliveries: {reason}"
                                  for reason, n in receiver.refused.items()]
            report.events_received = len(receiver.events)
            report.deliveries_received = receiver.deliveries
            report.audit_passed = _audit(engine)
            if not report.audit_passed:
                report.violations.append("the ledger audit failed")
        finally:
            server.stop()
            engine.dispose()
    return report
