"""What one bench worker does: apply transfers through the product's own path for a timed window.

Every transfer is a :class:`~paysetu.ledger.rules.entries.NewEntry` built and validated here and
applied with :meth:`LedgerService.apply` over :class:`PostgresUnitOfWork`, wired by
:func:`paysetu.bootstrap.build` exactly as the CLI and the API are, so the numbers include id
generation, domain validation, the unit of work and the SQL. Workers run in their own process
(or thread) with a pool of one connection, like one pgbench client.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from paysetu.bench.cpu import backend_pid, own_cpu_s, process_cpu_s
from paysetu.bootstrap import build
from paysetu.config import Settings
from paysetu.ledger.rules.entries import (
    ENTRIES_PER_BATCH_MAX,
    AccountKind,
    Direction,
    NewAccount,
    NewEntry,
    Posting,
)
from paysetu.ledger.usecases.service import LedgerService

CURRENCY = "INR"
FUNDING_ACCOUNT = "acct_bench_funding"
HOT_ACCOUNT = "acct_bench_hot"
WALLET_FUNDS_MINOR = 10**12
"""Each wallet's opening balance: far more than any run can move out of it."""
AMOUNT_MINOR_MAX = 10_000


class Workload(StrEnum):
    UNIFORM = "uniform"
    """Debit one random wallet, credit another."""
    HOT = "hot"
    """Debit a random wallet, credit the one hot wallet (every transfer waits for its row lock)."""


@dataclass(frozen=True, slots=True)
class Task:
    """One worker's share of a measurement.

    Attributes:
        database_url: The scratch database.
        workload: Which accounts the transfers use.
        batch_size: Transfers per :meth:`LedgerService.apply` call (1: single-entry transfers).
        wallets: How many funded wallets exist (``wallet_ids(wallets)``).
        seed: Seeds the worker's own random generator.
        start_at: ``time.monotonic()`` at which warm-up begins (one clock for all processes).
        warmup_s: Work done before the measured window, not counted.
        duration_s: The measured window.
    """

    database_url: str
    workload: Workload
    batch_size: int
    wallets: int
    seed: int
    start_at: float
    warmup_s: float
    duration_s: float


@dataclass(frozen=True, slots=True)
class TaskResult:
    """What one worker measured.

    Attributes:
        transfers: Transfers applied in the measured window.
        elapsed_s: The window: from the first call after warm-up to the end of the last call.
        applied: Every transfer this worker applied, warm-up included (checked against the audit).
        client_cpu_s: CPU seconds of the worker process in the window.
        server_cpu_s: CPU seconds of the worker's PostgreSQL backend in the window (None when
            the server's processes are not on this machine).
    """

    transfers: int
    elapsed_s: float
    applied: int
    client_cpu_s: float = 0.0
    server_cpu_s: float | None = None

    @property
    def transfers_per_s(self) -> float:
        return self.transfers / self.elapsed_s


def wallet_ids(count: int) -> list[str]:
    return [f"acct_bench_w{number:06d}" for number in range(count)]


def transfer(ledger: LedgerService, rng: random.Random, debit: str, credit: str) -> NewEntry:
    """One two-posting entry of a random amount, with a fresh product id."""
    amount = rng.randrange(1, AMOUNT_MINOR_MAX)
    return NewEntry(
        ledger.new_entry_id(),
        (
            Posting(debit, Direction.DEBIT, amount, CURRENCY),
            Posting(credit, Direction.CREDIT, amount, CURRENCY),
        ),
    )


def pair_picker(
    workload: Workload, wallets: Sequence[str], rng: random.Random
) -> Callable[[], tuple[str, str]]:
    """The (debited, credited) account pair of the next transfer."""
    if workload is Workload.HOT:
        return lambda: (rng.choice(wallets), HOT_ACCOUNT)

    def two_wallets() -> tuple[str, str]:
        debited, credited = rng.sample(wallets, 2)
        return debited, credited

    return two_wallets


def batch_applier(ledger: LedgerService, task: Task) -> Callable[[], int]:
    """A call that builds ``task.batch_size`` transfers, applies them, and returns how many."""
    rng = random.Random(task.seed)  # noqa: S311 - workload shape, not secrets
    pick = pair_picker(task.workload, wallet_ids(task.wallets), rng)

    def apply_batch() -> int:
        batch = [transfer(ledger, rng, *pick()) for _ in range(task.batch_size)]
        ledger.apply(batch)
        return len(batch)

    return apply_batch


def timed(
    apply_batch: Callable[[], int],
    warm_until: float,
    measure_until: float,
    mark: Callable[[], None] | None = None,
) -> tuple[int, float, int]:
    """Run until ``measure_until``; count only calls begun after ``warm_until`` (at least one).
    ``mark`` is called as the measured window opens and as it closes."""
    applied = 0
    while time.monotonic() < warm_until:
        applied += apply_batch()
    if mark is not None:
        mark()
    began = time.monotonic()
    measured = 0
    while True:
        measured += apply_batch()
        finished = time.monotonic()
        if finished >= measure_until:
            if mark is not None:
                mark()
            return measured, finished - began, applied + measured


def run_task(task: Task) -> TaskResult:
    """Wire the product against the scratch database and apply transfers for the task's window."""
    runtime = build(Settings(database_url=task.database_url, db_pool_size=1), migrate_schema=False)
    try:
        apply_batch = batch_applier(runtime.ledger, task)
        backend = backend_pid(runtime.engine)  # the pool's one connection serves every call
        marks: list[tuple[float, float | None]] = []

        def mark() -> None:
            marks.append((own_cpu_s(), process_cpu_s(backend)))

        time.sleep(max(0.0, task.start_at - time.monotonic()))
        warm_until = task.start_at + task.warmup_s
        measured, elapsed_s, applied = timed(
            apply_batch, warm_until, warm_until + task.duration_s, mark
        )
        (client_0, server_0), (client_1, server_1) = marks
        server_cpu_s = None if server_0 is None or server_1 is None else server_1 - server_0
        return TaskResult(measured, elapsed_s, applied, client_1 - client_0, server_cpu_s)
    finally:
        runtime.close()


def open_wallets(ledger: LedgerService, count: int) -> int:
    """Open the funding account, the hot wallet and ``count`` wallets; fund every wallet.

    Returns how many funding entries were applied (for the audit's entry count).
    """
    accounts = [NewAccount(FUNDING_ACCOUNT, CURRENCY, AccountKind.ASSET)]
    accounts += [
        NewAccount(account_id, CURRENCY, AccountKind.LIABILITY, debits_must_not_exceed_credits=True)
        for account_id in [HOT_ACCOUNT, *wallet_ids(count)]
    ]
    for start in range(0, len(accounts), 1000):
        ledger.create_accounts(accounts[start : start + 1000])
    fundings = [
        NewEntry(
            ledger.new_entry_id(),
            (
                Posting(FUNDING_ACCOUNT, Direction.DEBIT, WALLET_FUNDS_MINOR, CURRENCY),
                Posting(wallet, Direction.CREDIT, WALLET_FUNDS_MINOR, CURRENCY),
            ),
        )
        for wallet in wallet_ids(count)
    ]
    for start in range(0, len(fundings), ENTRIES_PER_BATCH_MAX):
        ledger.apply(fundings[start : start + ENTRIES_PER_BATCH_MAX])
    return len(fundings)
