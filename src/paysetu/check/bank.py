"""``paysetu check bank``: Jepsen's bank test over HTTP, with server crashes if asked.

A payments platform is trusted only if anyone can rerun the proof that money is never created,
lost or paid twice. This check runs the real server (``paysetu serve`` in its own process, on a
scratch database) and lets N clients move money through the public API while things go wrong:

* every operation (a wallet-to-wallet transfer with the platform key, or a merchant payment
  with the merchant's key) carries an ``Idempotency-Key``; clients use random, often too short
  timeouts and retry with the same key until they get an answer; some replay an answered key
  and must get the same answer back;
* with ``crashes``, the server is killed with SIGKILL at random moments and started again
  (clients see refused connections and cut-off requests, and keep retrying);
* a reader reads every balance in one snapshot (REPEATABLE READ), over and over: money only
  moves inside the system during the run, so the total per currency outside the cash-in
  account must never change.

At the end it checks what only a correct system leaves behind: the ledger audit passes, every
acknowledged operation is in the ledger exactly once, no operation appears twice, no refused
operation moved money, and no wallet is negative. Every finding is a violation in the report;
the goal is none.
"""

from __future__ import annotations

import random
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa

from paysetu.adapters.db.engine import create_engine
from paysetu.bench.api_server import ServerProcess
from paysetu.bench.database import bench_database
from paysetu.bootstrap import build
from paysetu.config import Settings
from paysetu.domain.access import Role
from paysetu.services import access, merchants, wallets

CURRENCY = "INR"
WALLET_FUNDS_MINOR = 20_000_00
"""Each wallet's funding: a tenth of the full-KYC limit, so transfers in are rarely refused."""
RETRY_PAUSE_S = 0.05
"""Pause between a failed attempt and its retry (a client's backoff, not a wait for a state)."""
TIMEOUT_RANGE_S = (0.02, 1.0)
"""A client's timeout is drawn from this range: short ones often cut requests off."""
REPLAY_SHARE = 0.2
"""Share of answered operations whose key is sent again (the answer must be the same)."""


@dataclass(frozen=True, slots=True)
class BankConfig:
    """One run's size. The CI-sized run is a few clients for a few seconds with one crash."""

    clients: int = 8
    duration_s: float = 60.0
    wallets: int = 20
    merchants: int = 3
    crashes: int = 0
    seed: int = 1
    database_url: str | None = None
    """A server to create the scratch database on; None: a fresh embedded one."""


@dataclass(slots=True)
class Operation:
    """What a client asked, and what it was finally told (``None``: never answered)."""

    key: str
    kind: str
    source: str
    target: str
    amount_minor: int
    answer: str | None = None
    """``applied`` or ``refused`` once answered."""
    object_id: str | None = None
    """The payment (pay_...) or the transfer's ledger entry (je_...) of an applied operation."""


@dataclass(slots=True)
class BankReport:
    """Figures of the run and every violation found (the goal: none)."""

    config: BankConfig
    operations: Counter[str] = field(default_factory=Counter)
    attempts: int = 0
    transport_errors: int = 0
    """Attempts that timed out, were cut off by a crash, or found no server."""
    retried_answers: Counter[int] = field(default_factory=Counter)
    """HTTP statuses that were retried (5xx, 409 idempotency_key_in_use)."""
    replays_checked: int = 0
    crashes: int = 0
    snapshots: int = 0
    audit_passed: bool = False
    violations: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _World:
    platform_key: str
    merchant_keys: dict[str, str]
    wallets: list[str]
    total_minor: int


def _open_world(database_url: str, config: BankConfig) -> _World:
    runtime = build(Settings(database_url=database_url, db_pool_size=2))
    try:
        ctx = runtime.context
        with ctx.uow_factory() as uow:
            merchant_ids = [merchants.create_merchant(ctx, uow, f"Check Shop {n}", "IN", CURRENCY,
                                                      200, 0, {})["id"]
                            for n in range(1, config.merchants + 1)]
            opened = []
            for n in range(1, config.wallets + 1):
                customer = wallets.create_customer(ctx, uow, f"Client {n}", None, "full", {})
                wallet = wallets.create_wallet(ctx, uow, customer["id"], CURRENCY)
                wallets.top_up(ctx, uow, wallet["id"], WALLET_FUNDS_MINOR, CURRENCY, {})
                opened.append(str(wallet["id"]))
            uow.commit()
        platform = access.create_key(ctx, Role.PLATFORM, None, livemode=False)
        keys = {str(m): access.create_key(ctx, Role.MERCHANT, str(m), livemode=False).secret
                for m in merchant_ids}
        return _World(platform.secret, keys, opened, WALLET_FUNDS_MINOR * config.wallets)
    finally:
        runtime.close()


def _request(op: Operation, world: _World) -> tuple[str, str, dict[str, Any]]:
    """(path, bearer key, JSON body) of the operation."""
    metadata = {"op": op.key}
    if op.kind == "transfer":
        return (f"/v1/wallets/{op.source}/transfers", world.platform_key,
                {"destination": op.target, "amount_minor": op.amount_minor,
                 "currency": CURRENCY, "metadata": metadata})
    return ("/v1/payments", world.merchant_keys[op.target],
            {"amount_minor": op.amount_minor, "currency": CURRENCY, "wallet": op.source,
             "confirm": True, "metadata": metadata})


def _object_id(op: Operation, body: dict[str, Any]) -> str | None:
    """The applied object, or None when the answer says nothing moved (a failed payment)."""
    if op.kind == "transfer":
        return str(body["journal_entry"])
    return str(body["id"]) if body.get("status") == "succeeded" else None


class _Client:
    """One client thread: operations until the deadline, each retried until answered."""

    def __init__(self, index: int, config: BankConfig, world: _World, server: ServerProcess,
                 report: BankReport, lock: threading.Lock, deadline: float) -> None:
        self._rng = random.Random(config.seed * 1000 + index)  # noqa: S311 - a workload
        self._world, self._server, self._report = world, server, report
        self._lock, self._deadline = lock, deadline
        self.operations: list[Operation] = []

    def _next(self) -> Operation:
        source = self._rng.choice(self._world.wallets)
        amount = self._rng.randint(1, 3_000_00)
        if self._rng.random() < 0.5:
            target = self._rng.choice([w for w in self._world.wallets if w != source])
            return Operation(str(uuid.uuid4()), "transfer", source, target, amount)
        merchant = self._rng.choice(sorted(self._world.merchant_keys))
        return Operation(str(uuid.uuid4()), "payment", source, merchant, amount)

    def _send(self, client: httpx.Client, op: Operation) -> httpx.Response | None:
        path, key, body = _request(op, self._world)
        timeout = self._rng.uniform(*TIMEOUT_RANGE_S)
        with self._lock:
            self._report.attempts += 1
        try:
            return client.post(self._server.url + path, json=body, timeout=timeout,
                               headers={"Authorization": f"Bearer {key}",
                                        "Idempotency-Key": op.key})
        except httpx.TransportError:
            with self._lock:
                self._report.transport_errors += 1
            return None

    def _settle(self, client: httpx.Client, op: Operation) -> None:
        """Send until answered (or the deadline passes; the operation then stays unknown)."""
        while time.monotonic() < self._deadline:
            response = self._send(client, op)
            if response is None or response.status_code >= 500 or response.status_code == 409:
                if response is not None:
                    with self._lock:
                        self._report.retried_answers[response.status_code] += 1
                time.sleep(RETRY_PAUSE_S)
                continue
            body = response.json()
            if response.is_success:
                op.object_id = _object_id(op, body)
                op.answer = "applied" if op.object_id else "refused"
            else:
                op.answer = "refused"
            # A transient refusal (insufficient funds) is not stored, so only answers that
            # applied something must come back the same.
            if op.answer == "applied" and self._rng.random() < REPLAY_SHARE:
                self._replay(client, op, response)
            return

    def _replay(self, client: httpx.Client, op: Operation, first: httpx.Response) -> None:
        again = self._send(client, op)
        if again is None or again.status_code >= 500 or again.status_code == 409:
            return  # a crash or a slow first write: nothing to compare
        with self._lock:
            self._report.replays_checked += 1
            if (again.status_code, again.json()) != (first.status_code, first.json()):
                self._report.violations.append(
                    f"key {op.key}: answered {first.status_code} {first.text[:200]} then "
                    f"{again.status_code} {again.text[:200]}")

    def run(self) -> None:
        with httpx.Client() as client:
            while time.monotonic() < self._deadline:
                op = self._next()
                self.operations.append(op)
                self._settle(client, op)


def _outside_cash_in(engine: sa.Engine) -> dict[str, int]:
    """Per currency, the posted balances of every account but cash-in, in one snapshot."""
    with engine.connect().execution_options(isolation_level="REPEATABLE READ") as snapshot:
        rows = snapshot.execute(sa.text(
            "SELECT currency, sum(credits_posted - debits_posted) AS net FROM ledger_accounts"
            " WHERE id NOT LIKE 'acct_platform_cashin_%' GROUP BY currency")).all()
    return {str(r.currency): int(r.net) for r in rows}


def _read_totals(engine: sa.Engine, expected: dict[str, int], report: BankReport,
                 lock: threading.Lock, stop: threading.Event) -> None:
    while not stop.is_set():
        totals = _outside_cash_in(engine)
        with lock:
            report.snapshots += 1
            if totals != expected and len(report.violations) < 100:
                report.violations.append(f"snapshot totals {totals}, expected {expected}")


def _crash_now_and_then(server: ServerProcess, config: BankConfig, report: BankReport,
                        stop: threading.Event) -> None:
    rng = random.Random(config.seed)  # noqa: S311 - when to crash, not a secret
    moments = sorted(rng.uniform(0.1, 0.9) * config.duration_s for _ in range(config.crashes))
    started = time.monotonic()
    for moment in moments:
        if stop.wait(max(0.0, started + moment - time.monotonic())):
            return
        server.kill()
        report.crashes += 1
        server.start()


def _verify(engine: sa.Engine, operations: list[Operation], report: BankReport) -> None:
    """What the database holds against what the clients were told."""
    with engine.connect() as connection:
        doubled = connection.execute(sa.text(
            "SELECT op, count(*) AS n FROM ("
            "  SELECT metadata->>'op' AS op FROM payments"
            "  WHERE metadata ? 'op' AND status = 'succeeded'"
            "  UNION ALL SELECT metadata->>'op' FROM ledger_entries"
            "  WHERE metadata->>'kind' = 'transfer' AND metadata ? 'op') moved"
            " GROUP BY op HAVING count(*) > 1")).all()
        rows = connection.execute(sa.text(
            "SELECT metadata->>'op', id FROM payments WHERE metadata ? 'op'"
            " AND status = 'succeeded' UNION ALL SELECT metadata->>'op', id FROM ledger_entries"
            " WHERE metadata->>'kind' = 'transfer' AND metadata ? 'op'")).all()
        negative = connection.execute(sa.text(
            "SELECT w.id FROM wallets w JOIN ledger_accounts a ON a.id = w.account_id"
            " WHERE a.credits_posted - a.debits_posted - a.debits_pending < 0")).scalars().all()
    moved = {str(op): str(object_id) for op, object_id in rows}
    report.violations += [f"operation {r.op} moved money {r.n} times" for r in doubled]
    report.violations += [f"wallet {w} is negative" for w in negative]
    for op in operations:
        report.operations[f"{op.kind} {op.answer or 'unanswered'}"] += 1
        stored = moved.get(op.key)
        if op.answer == "applied" and stored != op.object_id:
            report.violations.append(f"{op.kind} {op.key} acknowledged as {op.object_id}, "
                                     f"stored as {stored}")
        elif op.answer == "refused" and stored is not None:
            report.violations.append(f"{op.kind} {op.key} refused, yet moved money ({stored})")
    unknown = set(moved) - {op.key for op in operations}
    report.violations += [f"money moved by an operation no client sent: {k}" for k in unknown]


def run(config: BankConfig, progress: Callable[[str], None] = lambda _: None) -> BankReport:
    """Set up, run the clients (and crashes) for ``duration_s``, then verify."""
    report = BankReport(config)
    lock, stop = threading.Lock(), threading.Event()
    with bench_database(config.database_url, None) as database, \
            tempfile.TemporaryDirectory(prefix="paysetu-check-") as directory:
        progress("opening wallets and merchants")
        world = _open_world(database.url, config)
        engine = create_engine(database.url, pool_size=2)
        server = ServerProcess(database.url, Path(directory) / "server.log")
        try:
            expected = _outside_cash_in(engine)
            progress("starting the server")
            server.start()
            deadline = time.monotonic() + config.duration_s
            clients = [_Client(i, config, world, server, report, lock, deadline)
                       for i in range(config.clients)]
            threads = [threading.Thread(target=c.run) for c in clients]
            threads.append(threading.Thread(target=_read_totals,
                                            args=(engine, expected, report, lock, stop)))
            threads.append(threading.Thread(target=_crash_now_and_then,
                                            args=(server, config, report, stop)))
            progress(f"{config.clients} clients for {config.duration_s:g} s")
            for thread in threads:
                thread.start()
            for thread in threads[:config.clients]:
                thread.join()
            stop.set()
            for thread in threads[config.clients:]:
                thread.join()
            server.stop()
            progress("verifying")
            _verify(engine, [op for c in clients for op in c.operations], report)
            report.audit_passed = _audit(database.url)
            if not report.audit_passed:
                report.violations.append("the ledger audit failed")
        finally:
            server.stop()
            engine.dispose()
    return report


def _audit(database_url: str) -> bool:
    runtime = build(Settings(database_url=database_url, db_pool_size=1))
    try:
        return runtime.ledger.audit().passed
    finally:
        runtime.close()
