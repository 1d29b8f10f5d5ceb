"""The ledger under real concurrency on PostgreSQL: no lost update, no double apply, no deadlock.

Why: every balance rule is checked and written inside one transaction with the accounts' rows
locked in id order; idempotency and "exactly one outcome per pending entry" rest on unique
indexes and on re-reading after a lock wait. None of that can be shown single-threaded, so
these tests race many threads through the service (each call its own transaction, as in
production) and then check what only a correct implementation leaves behind: the audit passes,
no flagged account is overdrawn, every account's balance equals the sum of the calls that
reported success (each counted exactly once), and the journal holds exactly those entries.

Workloads are bounded by a count and by a wall-clock budget (a busy machine does fewer
operations, never a different check); nothing asserts on timing and nothing sleeps. Threads
that must collide start together at a ``threading.Barrier``.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import timedelta

import pytest
import sqlalchemy as sa

from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.db.engine import create_engine
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.ledger.rules.entries import (
    AccountKind,
    Direction,
    EntryRequest,
    NewAccount,
    NewEntry,
    PendingResolution,
    Posting,
)
from paysetu.ledger.rules.errors import BatchRejected, CreateEntryStatus, EntryRejected
from paysetu.ledger.usecases.service import LedgerService

pytestmark = pytest.mark.postgres

S = CreateEntryStatus
CURRENCY = "INR"
BANK = "acct_bank"
THREADS = 8
BUDGET_S = 15.0
"""Wall-clock budget of one race; past it, workers stop after their minimum of operations."""
MIN_OPERATIONS = 25


def transfer(entry_id: str, debit: str, credit: str, amount: int) -> NewEntry:
    return NewEntry(
        entry_id,
        (
            Posting(debit, Direction.DEBIT, amount, CURRENCY),
            Posting(credit, Direction.CREDIT, amount, CURRENCY),
        ),
    )


@dataclass
class Tally:
    """What one worker saw succeed and fail, and the balance changes its successes imply."""

    applied: Counter[str] = field(default_factory=Counter)
    """Entries applied, by kind (``single_phase``, ``pending``, ``post_pending``)."""
    refused: Counter[CreateEntryStatus] = field(default_factory=Counter)
    net_credit: Counter[str] = field(default_factory=Counter)
    """Per account: posted credits minus posted debits of what this worker applied."""

    def record(self, kind: str, postings: Sequence[Posting]) -> None:
        self.applied[kind] += 1
        if kind != "pending":  # a reservation moves no posted money
            for p in postings:
                sign = 1 if p.direction is Direction.CREDIT else -1
                self.net_credit[p.account_id] += sign * p.amount_minor

    def __add__(self, other: Tally) -> Tally:
        net = Counter(self.net_credit)
        net.update(other.net_credit)
        return Tally(self.applied + other.applied, self.refused + other.refused, net)


def race(
    workers: int, work: Callable[[int], Tally], barrier: threading.Barrier | None = None
) -> Tally:
    """Run ``work(worker_index)`` on as many threads; re-raises the first worker failure.

    A failing worker breaks ``barrier`` so that the others stop waiting for it.
    """

    def guarded(index: int) -> Tally:
        try:
            return work(index)
        except BaseException:
            if barrier is not None:
                barrier.abort()
            raise

    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="race") as pool:
        futures = [pool.submit(guarded, index) for index in range(workers)]
        errors = [e for e in (f.exception() for f in futures) if e is not None]
        if errors:  # the cause, rather than the broken barrier it left behind
            raise next((e for e in errors if not isinstance(e, threading.BrokenBarrierError)),
                       errors[0])
        tallies = [future.result() for future in futures]
    total = Tally()
    for tally in tallies:
        total = total + tally
    return total


def operations(limit: int, deadline: float) -> Iterator[int]:
    """0..limit-1, cut short once past ``deadline`` (after MIN_OPERATIONS)."""
    for n in range(limit):
        if n >= MIN_OPERATIONS and time.monotonic() > deadline:
            return
        yield n


def open_funded(ledger: LedgerService, accounts: dict[str, int]) -> None:
    """The bank (an unflagged asset) and wallets that cannot go negative, each funded."""
    ledger.create_accounts(
        [NewAccount(BANK, CURRENCY, AccountKind.ASSET)]
        + [
            NewAccount(a, CURRENCY, AccountKind.LIABILITY, debits_must_not_exceed_credits=True)
            for a in accounts
        ]
    )
    ledger.apply(
        [transfer(f"je_fund_{a}", BANK, a, amount) for a, amount in accounts.items() if amount]
    )


def stored_balances(engine: sa.Engine) -> dict[str, tuple[int, int, int, int]]:
    with engine.connect() as connection:
        rows = connection.execute(
            sa.text(
                "SELECT id, debits_pending, debits_posted, credits_pending, credits_posted"
                " FROM ledger_accounts"
            )
        ).all()
    return {
        r.id: (r.debits_pending, r.debits_posted, r.credits_pending, r.credits_posted)
        for r in rows
    }


def entry_counts(engine: sa.Engine) -> Counter[str]:
    with engine.connect() as connection:
        rows = connection.execute(
            sa.text("SELECT kind, count(*) AS n FROM ledger_entries GROUP BY kind")
        ).all()
    return Counter({r.kind: r.n for r in rows})


def assert_consistent(
    ledger: LedgerService, engine: sa.Engine, funding: dict[str, int], total: Tally
) -> None:
    """Audit passes; every wallet holds its funding plus exactly what the successes moved."""
    report = ledger.audit()
    assert report.passed, report.findings
    balances = stored_balances(engine)
    for account, funded in funding.items():
        debits_pending, debits_posted, credits_pending, credits_posted = balances[account]
        assert debits_pending == credits_pending == 0
        assert debits_posted <= credits_posted, f"{account} is overdrawn"
        assert credits_posted - debits_posted == funded + total.net_credit[account], account


@pytest.fixture
def wide_engine(database_url: str) -> Iterator[sa.Engine]:
    """A pool with a connection per racing thread (the default fixture holds 10 + 10)."""
    engine = create_engine(database_url, pool_size=16)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def wide_ledger(wide_engine: sa.Engine, clock: FixedClock) -> LedgerService:
    return LedgerService(lambda: PostgresUnitOfWork(wide_engine), clock, UlidIds())


# --------------------------------------------------------------------------------------------
# (a) and (b): many small transfers, some refused for funds.


def random_transfers(
    ledger: LedgerService, pick: Callable[[random.Random], tuple[str, str]], per_thread: int
) -> Callable[[int], Tally]:
    deadline = time.monotonic() + BUDGET_S

    def work(worker: int) -> Tally:
        rng = random.Random(worker)
        tally = Tally()
        for n in operations(per_thread, deadline):
            debit, credit = pick(rng)
            # Wallets start with 1,000: amounts up to 1,500 are often more than a wallet holds.
            entry = transfer(f"je_w{worker}_{n}", debit, credit, rng.randint(1, 1500))
            try:
                [applied] = ledger.apply([entry])
            except EntryRejected as rejection:
                tally.refused[rejection.code] += 1
                continue
            assert applied.id == entry.id
            assert not applied.replayed
            tally.record("single_phase", entry.postings)
        return tally

    return work


def check_transfers(
    ledger: LedgerService, engine: sa.Engine, funding: dict[str, int], total: Tally
) -> None:
    assert total.applied["single_phase"] > 0
    assert set(total.refused) == {S.EXCEEDS_CREDITS}, total.refused
    assert_consistent(ledger, engine, funding, total)
    assert entry_counts(engine) == Counter({"single_phase": len(funding) + total.applied.total()})


def test_random_transfers_between_wallets(ledger: LedgerService, engine: sa.Engine) -> None:
    wallets = [f"acct_w{i:02}" for i in range(20)]
    funding = dict.fromkeys(wallets, 1000)
    open_funded(ledger, funding)

    def pick(rng: random.Random) -> tuple[str, str]:
        debit, credit = rng.sample(wallets, 2)
        return debit, credit

    total = race(THREADS, random_transfers(ledger, pick, per_thread=500))
    check_transfers(ledger, engine, funding, total)


def test_random_transfers_through_one_hot_account(ledger: LedgerService, engine: sa.Engine) -> None:
    """Every transfer pays into or out of the same merchant account: one row, all threads."""
    hot = "acct_hot"
    wallets = [f"acct_w{i:02}" for i in range(20)]
    funding = {hot: 5000} | dict.fromkeys(wallets, 1000)
    open_funded(ledger, funding)

    def pick(rng: random.Random) -> tuple[str, str]:
        wallet = rng.choice(wallets)
        return (wallet, hot) if rng.random() < 0.5 else (hot, wallet)

    total = race(THREADS, random_transfers(ledger, pick, per_thread=500))
    check_transfers(ledger, engine, funding, total)


# --------------------------------------------------------------------------------------------
# (c): one id, many submitters.


def test_same_entry_id_from_many_threads_applies_once(
    wide_ledger: LedgerService, wide_engine: sa.Engine
) -> None:
    """Same id and same content: one applies, the rest replay. Same id, other accounts (no
    shared row lock, so both inserts race to the unique index): one applies, the rest are
    refused as a different entry, and nothing is applied twice."""
    threads, rounds = 12, 15
    funding = {f"acct_w{i}": 100_000 for i in range(4)}
    open_funded(wide_ledger, funding)
    barrier = threading.Barrier(threads)
    outcomes: list[list[tuple[int, bool | CreateEntryStatus]]] = [[] for _ in range(rounds)]
    lock = threading.Lock()

    def content(entry_id: str, variant: int, amount: int) -> NewEntry:
        if variant == 0:
            return transfer(entry_id, "acct_w0", "acct_w1", amount)
        return transfer(entry_id, "acct_w2", "acct_w3", amount)

    def work(worker: int) -> Tally:
        tally = Tally()
        for r in range(rounds):
            # Even rounds: everyone sends the same entry. Odd rounds: two different entries.
            variant = worker % 2 if r % 2 else 0
            entry = content(f"je_same_{r}", variant, 100 + r)
            barrier.wait()
            outcome: bool | CreateEntryStatus
            try:
                [applied] = wide_ledger.apply([entry])
            except EntryRejected as rejection:
                outcome = rejection.code
            else:
                outcome = applied.replayed
                if not applied.replayed:
                    tally.record("single_phase", entry.postings)
            with lock:
                outcomes[r].append((variant, outcome))
        return tally

    total = race(threads, work, barrier)
    for r, seen in enumerate(outcomes):
        assert len(seen) == threads
        applied = [variant for variant, outcome in seen if outcome is False]
        assert len(applied) == 1, (r, seen)
        winner = applied[0]
        for variant, outcome in seen:
            expected = {True, False} if variant == winner else {S.EXISTS_WITH_DIFFERENT_POSTINGS}
            assert outcome in expected, (r, seen)
    assert total.applied == Counter({"single_phase": rounds})
    assert_consistent(wide_ledger, wide_engine, funding, total)
    assert entry_counts(wide_engine)["single_phase"] == len(funding) + rounds


# --------------------------------------------------------------------------------------------
# (d): post and void of the same pending entry at once.


def test_post_and_void_race_has_exactly_one_winner(
    wide_ledger: LedgerService, wide_engine: sa.Engine
) -> None:
    threads, rounds = 12, 15
    funding = {"acct_payer": 100_000, "acct_payee": 0}
    open_funded(wide_ledger, funding)
    pendings = [
        NewEntry(
            f"je_hold_{r}",
            (
                Posting("acct_payer", Direction.DEBIT, 1000 + r, CURRENCY),
                Posting("acct_payee", Direction.CREDIT, 1000 + r, CURRENCY),
            ),
            pending=True,
        )
        for r in range(rounds)
    ]
    wide_ledger.apply(pendings)
    barrier = threading.Barrier(threads)
    results: list[dict[str, bool | CreateEntryStatus]] = [{} for _ in range(rounds)]
    lock = threading.Lock()

    def resolution(r: int, worker: int) -> PendingResolution:
        # A third of the threads void, a third post in full, a third post part of it.
        action = worker % 3
        return PendingResolution(
            f"je_resolve_{r}_{worker}",
            f"je_hold_{r}",
            post=action != 0,
            amount_minor=100 + worker if action == 2 else None,
        )

    def work(worker: int) -> Tally:
        for r in range(rounds):
            request = resolution(r, worker)
            barrier.wait()
            outcome: bool | CreateEntryStatus
            try:
                [applied] = wide_ledger.apply([request])
            except EntryRejected as rejection:
                outcome = rejection.code
            else:
                outcome = applied.replayed
            with lock:
                results[r][request.id] = outcome
        return Tally()

    race(threads, work, barrier)
    moved = 0
    for r, seen in enumerate(results):
        winners = [entry_id for entry_id, outcome in seen.items() if outcome is False]
        assert len(winners) == 1, (r, seen)
        won = resolution(r, int(winners[0].rsplit("_", 1)[1]))
        expected_loss = (
            S.PENDING_TRANSFER_ALREADY_POSTED if won.post else S.PENDING_TRANSFER_ALREADY_VOIDED
        )
        losers = {outcome for entry_id, outcome in seen.items() if entry_id != won.id}
        assert losers == {expected_loss}, (r, seen)
        if won.post:
            moved += won.amount_minor or 1000 + r
    report = wide_ledger.audit()
    assert report.passed, report.findings
    balances = stored_balances(wide_engine)
    assert balances["acct_payer"] == (0, moved, 0, 100_000)
    assert balances["acct_payee"] == (0, 0, 0, moved)
    counts = entry_counts(wide_engine)
    assert counts["pending"] == rounds
    assert counts["post_pending"] + counts["void_pending"] == rounds


# --------------------------------------------------------------------------------------------
# (e): linked batches over overlapping accounts, in different orders, with expiries.


@pytest.fixture
def quick_deadlock_engine(database_url: str) -> Iterator[sa.Engine]:
    """Sessions that detect a deadlock after 100 ms instead of PostgreSQL's default second.

    Every lock wait is in account-id order, so no deadlock should happen at all; if one did,
    it would be retried, and detecting it sooner only makes this test quicker.
    """
    engine = create_engine(database_url + "&options=-c%20deadlock_timeout%3D100ms", pool_size=10)
    try:
        yield engine
    finally:
        engine.dispose()


def test_linked_batches_in_any_order_never_deadlock(
    quick_deadlock_engine: sa.Engine, clock: FixedClock
) -> None:
    """Batches move money between a few shared wallets and the bank, listed in random order;
    they also place short reservations and post earlier ones, and some fail as a whole. One
    worker keeps moving the clock and sweeping expiries, so reservations keep lapsing: limit
    checks release them mid-transaction (locking more rows), sweeps lock many accounts, and
    posts find their reservation expired. Whatever the interleaving, no deadlock or
    serialization failure may reach a caller, and every batch applies all or nothing."""
    engine = quick_deadlock_engine
    ledger = LedgerService(lambda: PostgresUnitOfWork(engine), clock, UlidIds())
    wallets = [f"acct_w{i}" for i in range(6)]
    funding = dict.fromkeys(wallets, 2000)
    open_funded(ledger, funding)
    deadline = time.monotonic() + BUDGET_S

    def work(worker: int) -> Tally:
        rng = random.Random(1000 + worker)
        tally = Tally()
        holds: list[NewEntry] = []  # this worker's reservations, not yet posted
        for n in operations(100, deadline):
            if worker == 0 and n % 5 == 0:
                clock.advance(timedelta(seconds=2))  # every hold placed before now has lapsed
                ledger.expire()
            batch: list[EntryRequest] = []
            for k in range(rng.randint(1, 3)):
                debit, credit = rng.sample([*wallets, BANK], 2)
                # wallets try anything, often beyond their funds; the bank refills them
                amount = rng.randint(1, 1200)
                batch.append(transfer(f"je_b{worker}_{n}_{k}", debit, credit, amount))
            if rng.random() < 0.4:
                wallet = rng.choice(wallets)
                hold = transfer(f"je_hold{worker}_{n}", wallet, BANK, rng.randint(1, 400))
                batch.append(replace(hold, pending=True, timeout_s=1))
            posted = holds.pop(rng.randrange(len(holds))) if holds and rng.random() < 0.5 else None
            if posted is not None:
                batch.append(PendingResolution(f"je_post{worker}_{n}", posted.id, post=True))
            rng.shuffle(batch)
            statuses: list[CreateEntryStatus | None] = []
            try:
                applied = ledger.apply(batch)
            except EntryRejected as rejection:  # BatchRejected when the batch has 2+ entries
                if isinstance(rejection, BatchRejected):
                    statuses = [r.status for r in rejection.results]
                tally.refused[rejection.code] += 1
                if posted is not None and rejection.code is not S.PENDING_TRANSFER_EXPIRED:
                    holds.append(posted)  # may still be posted later
            else:
                assert [a.replayed for a in applied] == [False] * len(batch)
                for request in batch:
                    if isinstance(request, PendingResolution):
                        assert posted is not None
                        tally.record("post_pending", posted.postings)
                    elif request.pending:
                        tally.record("pending", request.postings)
                        holds.append(request)
                    else:
                        tally.record("single_phase", request.postings)
            # all or nothing: a refusal names one entry, every other one failed with it
            assert not statuses or statuses.count(S.LINKED_EVENT_FAILED) == len(batch) - 1
        return tally

    total = race(THREADS, work)
    assert total.applied["single_phase"] > 0
    assert set(total.refused) <= {S.EXCEEDS_CREDITS, S.PENDING_TRANSFER_EXPIRED}, total.refused
    assert total.refused[S.EXCEEDS_CREDITS] > 0
    clock.advance(timedelta(seconds=2))
    ledger.expire()
    counts = entry_counts(engine)
    assert counts["single_phase"] == len(funding) + total.applied["single_phase"]
    assert counts["pending"] == total.applied["pending"]
    assert counts["post_pending"] == total.applied["post_pending"]
    assert counts["expire_pending"] == total.applied["pending"] - total.applied["post_pending"]
    assert_consistent(ledger, engine, funding, total)



def test_lazy_expiry_does_not_wait_for_a_lock_held_elsewhere(
    database_url: str, clock: FixedClock
) -> None:
    """A transfer short of funds because of a lapsed reservation releases it first; but the
    reservation's other account may be locked by another transaction, and waiting for it while
    holding the transfer's own locks (out of id order) is how two batches deadlock. So the
    transfer does not wait: the refusal stands and the reservation stays until a later call
    can take every lock it needs. (lock_timeout only turns a wait, the bug, into a failure.)"""
    engine = create_engine(database_url + "&options=-c%20lock_timeout%3D10s")
    try:
        ledger = LedgerService(lambda: PostgresUnitOfWork(engine), clock, UlidIds())
        open_funded(ledger, {"acct_w1": 1000, "acct_w2": 0})
        hold = replace(transfer("je_hold", "acct_w1", BANK, 800), pending=True, timeout_s=1)
        ledger.apply([hold])
        clock.advance(timedelta(seconds=2))
        with engine.connect() as other:
            other.execute(
                sa.text("SELECT 1 FROM ledger_accounts WHERE id = :id FOR NO KEY UPDATE"),
                {"id": BANK},
            )
            with pytest.raises(EntryRejected) as refused:
                ledger.apply([transfer("je_t1", "acct_w1", "acct_w2", 500)])
            assert refused.value.code is S.EXCEEDS_CREDITS
            assert stored_balances(engine)["acct_w1"] == (800, 0, 0, 1000)
            other.rollback()
        ledger.apply([transfer("je_t1", "acct_w1", "acct_w2", 500)])
        assert stored_balances(engine)["acct_w1"] == (0, 500, 0, 1000)
        assert entry_counts(engine)["expire_pending"] == 1
    finally:
        engine.dispose()
