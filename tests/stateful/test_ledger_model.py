"""The PostgreSQL ledger, step by step, against a plain-Python model of its balances.

Why: the ledger's stateful rules (limits, two-phase entries, expiry, linked batches, replays,
reversals, closed accounts) live in PL/pgSQL, where a wrong branch or a wrong precedence is easy
to write and hard to see. Following TigerBeetle's auditor, a hypothesis ``RuleBasedStateMachine``
drives the real database with random commands and a small model, written independently of the
SQL, predicts each outcome: success (and whether it was a replay) or the exact refusal code.
Where two codes could apply, the model follows the declared precedence of
:class:`~paysetu.ledger.rules.errors.CreateEntryStatus`.

The model is *semantic* about time: once its timeout has passed, a pending entry no longer
holds funds for any decision (limits, balancing amounts, closing), even if the database has not
yet written the expiry. The database expires lazily; the model mirrors where that write happens
(``expire()``, reading or closing an account, a post or void that finds the reservation
expired, an entry whose limit check or balancing cap ran into a reservation) so that stored
balances can be compared exactly.

After every step: the audit passes; every account's four stored balances and closed flag equal
the model's; no flagged account is beyond its limit; the stored journal holds exactly the
entries the model applied, and the expiries it expects.

Each example runs on a fresh database (the journal is append-only, so nothing can be truncated).
Size: ``PAYSETU_STATEFUL_EXAMPLES`` (default 25 examples of up to 30 steps).

The module ends with a deterministic regression for a bug this machine found that no other
test pins (the others are in ``tests/integration/test_ledger_rules.py``).
"""

from __future__ import annotations

import copy
import os
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, ClassVar, Literal

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.db.engine import create_engine
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.ledger.rules.entries import (
    AccountKind,
    Direction,
    EntryKind,
    EntryRequest,
    NewAccount,
    NewEntry,
    PendingResolution,
    Posting,
)
from paysetu.ledger.rules.entry_codes import RECORDED_FAILURES
from paysetu.ledger.rules.errors import (
    AccountRejected,
    AccountStateStatus,
    BatchRejected,
    CreateEntryStatus,
    EntryRejected,
    EntryResult,
)
from paysetu.ledger.usecases.service import LedgerService

if TYPE_CHECKING:  # imported by name, pytest would try to collect the class here
    from tests.conftest import TestDatabases

S = CreateEntryStatus
CURRENCIES = ("INR", "USD")
FLAGS = ("none", "debits_must_not_exceed_credits", "credits_must_not_exceed_debits")
ACCOUNTS_MAX = 12
GHOST_ACCOUNT = "acct_ghost"
UNKNOWN_ENTRY = "je_unknown"
FUNDING = 1000
START = datetime(2026, 4, 1, 9, 30, tzinfo=UTC)
EXAMPLES = int(os.environ.get("PAYSETU_STATEFUL_EXAMPLES", "25"))
STEPS = 30
REVERSAL_METADATA = {"reason": "model reversal"}

# --------------------------------------------------------------------------------------------
# The model: plain dictionaries, no SQL, no shared code with the adapter beyond the request types.


@dataclass
class ModelAccount:
    currency: str
    dmnec: bool
    cmned: bool
    closed: bool = False
    dp: int = 0
    dP: int = 0  # noqa: N815 - TigerBeetle's four balances, pending (p) and posted (P)
    cp: int = 0
    cP: int = 0  # noqa: N815
    closed_by: str | None = None
    """The pending closing entry that closed the account, while it is unresolved."""

    def balances(self) -> tuple[int, int, int, int]:
        return (self.dp, self.dP, self.cp, self.cP)


@dataclass
class ModelEntry:
    request: EntryRequest
    kind: EntryKind
    moved: tuple[Posting, ...]
    """What the entry stored: reserved (pending), moved (single phase, post), nothing (void)."""
    expires_at: datetime | None = None
    outcome: EntryKind | None = None
    """For a pending entry: post_pending, void_pending or expire_pending once resolved."""
    reversed_by: str | None = None


OPPOSITE = {Direction.DEBIT: Direction.CREDIT, Direction.CREDIT: Direction.DEBIT}
Balances = dict[str, list[int]]  # account id -> [dp, dP, cp, cP]


@dataclass(frozen=True)
class Applied:
    replayed: tuple[bool, ...]


@dataclass(frozen=True)
class Refused:
    code: CreateEntryStatus
    index: int = 0


Outcome = Applied | Refused


@dataclass
class Model:
    now: datetime
    accounts: dict[str, ModelAccount] = field(default_factory=dict)
    entries: dict[str, ModelEntry] = field(default_factory=dict)
    failed: set[str] = field(default_factory=set)
    """Ids refused once for a reason that depended on state (TigerBeetle's orphaned ids)."""

    # -- time ---------------------------------------------------------------------------------

    def lapsed(self, entry: ModelEntry) -> bool:
        """An unresolved pending entry whose timeout has passed (written or not)."""
        return (
            entry.kind is EntryKind.PENDING
            and entry.outcome is None
            and entry.expires_at is not None
            and entry.expires_at <= self.now
        )

    def release(self, entry: ModelEntry) -> None:
        for p in entry.moved:
            account = self.accounts[p.account_id]
            if p.direction is Direction.DEBIT:
                account.dp -= p.amount_minor
            else:
                account.cp -= p.amount_minor

    def record_expiry(self, entry_id: str) -> None:
        entry = self.entries[entry_id]
        if self.lapsed(entry):
            self.release(entry)
            self.reopen_closed_by(entry_id)
            entry.outcome = EntryKind.EXPIRE_PENDING

    def reopen_closed_by(self, entry_id: str) -> None:
        """A closing entry voided or expired: what it closed is open again."""
        for account in self.accounts.values():
            if account.closed_by == entry_id:
                account.closed, account.closed_by = False, None

    def effectively_closed(self, account_id: str) -> bool:
        """Closed, and not only by a closing entry whose timeout has passed."""
        account = self.accounts[account_id]
        closer = None if account.closed_by is None else self.entries[account.closed_by]
        return account.closed and not (closer is not None and self.lapsed(closer))

    def open_lapsed_closings(self, account_ids: set[str]) -> None:
        """Once no account is closed for good: the database's lazy expiry on those still
        stored as closed (only a lapsed closing entry can hold them)."""
        stored_closed = {a for a in account_ids if self.accounts[a].closed}
        if stored_closed:
            self.expire_touching(stored_closed)

    def read_expires(self, account_id: str) -> bool:
        """Whether reading the account writes its lapsed expiries (it holds pending amounts or
        is closed: ``get_account``)."""
        account = self.accounts[account_id]
        return bool(account.dp or account.cp or account.closed)

    def expire_touching(self, account_ids: set[str] | None) -> int:
        """Write the expiry of lapsed reservations (on ``account_ids``, or everywhere)."""
        lapsed = [
            entry_id
            for entry_id, entry in self.entries.items()
            if self.lapsed(entry)
            and (account_ids is None or any(p.account_id in account_ids for p in entry.moved))
        ]
        for entry_id in lapsed:
            self.record_expiry(entry_id)
        return len(lapsed)

    def balances(self, *, effective: bool) -> Balances:
        """Stored balances, or with lapsed reservations already released (``effective``)."""
        result = {a: [*acct.balances()] for a, acct in self.accounts.items()}
        if effective:
            for entry in self.entries.values():
                if self.lapsed(entry):
                    for p in entry.moved:
                        result[p.account_id][0 if p.direction is Direction.DEBIT else 2] -= (
                            p.amount_minor
                        )
        return result

    # -- entries ------------------------------------------------------------------------------

    def apply_batch(self, requests: Sequence[EntryRequest]) -> tuple[Model, Outcome]:
        """The model after the batch, and its outcome (all or nothing, in order)."""
        trial = copy.deepcopy(self)
        replayed: list[bool] = []
        # A batch is one chain: stored whole, it is replayed whole; stored in part, the first
        # stored entry fails it with `exists` (after any exists_with_different_*).
        whole = len(requests) == 1 or all(r.id in self.entries for r in requests)
        for index, request in enumerate(requests):
            result = trial.apply_one(request)
            if result is True and not whole:
                result = S.EXISTS
            if isinstance(result, CreateEntryStatus):
                after = copy.deepcopy(self)
                if result is S.PENDING_TRANSFER_EXPIRED and isinstance(request, PendingResolution):
                    after.record_expiry(request.pending_id)  # the service writes it afterwards
                if result in RECORDED_FAILURES:
                    after.failed.add(request.id)  # the service records it afterwards
                return after, Refused(result, index)
            replayed.append(result)
        return trial, Applied(tuple(replayed))

    def apply_one(self, request: EntryRequest) -> bool | CreateEntryStatus:
        existing = self.entries.get(request.id)
        if existing is not None:
            return compare_existing(existing.request, request)
        if request.id in self.failed:
            return S.ID_ALREADY_FAILED
        if isinstance(request, PendingResolution):
            return self.resolve(request)
        return self.apply_new(request)

    def resolve(self, request: PendingResolution) -> bool | CreateEntryStatus:
        pending = self.entries.get(request.pending_id)
        if pending is None:
            return S.PENDING_TRANSFER_NOT_FOUND
        if pending.kind is not EntryKind.PENDING:
            return S.PENDING_TRANSFER_NOT_PENDING
        named = void_amount_named(request)
        if named is not None:
            reserved = max(p.amount_minor for p in pending.moved)
            broken = [
                code
                for code, applies in (
                    (S.EXCEEDS_PENDING_TRANSFER_AMOUNT, named > reserved),
                    # a post of 0 releases any reservation; more than 0 needs one amount
                    (S.PARTIAL_POST_REQUIRES_TWO_POSTINGS, len(pending.moved) != 2 and named > 0),
                    (S.PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT,
                     not request.post and named < reserved),
                )
                if applies
            ]
            if broken:
                return first_by_precedence(broken)
        if pending.outcome is EntryKind.POST_PENDING:
            return S.PENDING_TRANSFER_ALREADY_POSTED
        if pending.outcome is EntryKind.VOID_PENDING:
            return S.PENDING_TRANSFER_ALREADY_VOIDED
        if pending.outcome is EntryKind.EXPIRE_PENDING or self.lapsed(pending):
            return S.PENDING_TRANSFER_EXPIRED
        if request.post:
            closed = closed_code(self, pending.moved)
            if closed is not None:
                return closed
            self.open_lapsed_closings({p.account_id for p in pending.moved})
        self.release(pending)
        if not request.post:
            self.reopen_closed_by(request.pending_id)
        pending.outcome = request.kind
        moved: tuple[Posting, ...] = ()
        if request.post:
            amount = request.amount_minor
            moved = tuple(
                replace(p, amount_minor=p.amount_minor if amount is None else amount)
                for p in pending.moved
            )
            for p in moved:
                account = self.accounts[p.account_id]
                if p.direction is Direction.DEBIT:
                    account.dP += p.amount_minor
                else:
                    account.cP += p.amount_minor
        self.entries[request.id] = ModelEntry(request, request.kind, moved)
        return False

    def apply_new(self, request: NewEntry) -> bool | CreateEntryStatus:
        postings = request.postings
        debits = [p for p in postings if p.direction is Direction.DEBIT]
        credits = [p for p in postings if p.direction is Direction.CREDIT]
        if any(p.account_id not in self.accounts for p in debits):
            return S.DEBIT_ACCOUNT_NOT_FOUND
        if any(p.account_id not in self.accounts for p in credits):
            return S.CREDIT_ACCOUNT_NOT_FOUND
        if any(self.accounts[p.account_id].currency != p.currency for p in postings):
            return S.CURRENCY_MUST_MATCH_ACCOUNT
        if request.reverses_id is not None:
            target = self.entries.get(request.reverses_id)
            if target is None:
                return S.REVERSED_ENTRY_NOT_FOUND
            if target.kind not in (EntryKind.SINGLE_PHASE, EntryKind.POST_PENDING):
                return S.REVERSED_ENTRY_NOT_POSTED
            if target.reversed_by is not None:
                return S.ENTRY_ALREADY_REVERSED
        closed = closed_code(self, postings)
        if closed is not None:
            return closed
        self.open_lapsed_closings({p.account_id for p in postings})

        touched = {p.account_id for p in postings}
        balancing = request.balancing_debit or request.balancing_credit
        asked = max(p.amount_minor for p in postings)
        effective = self.balances(effective=True)
        amount: int | None = None
        if balancing:  # nothing to move applies with 0 (TigerBeetle since 0.16)
            amount = self.balancing_amount(request, effective, asked)
        problem = self.limit_problem(postings, effective, amount)
        if problem is not None:
            return problem

        # Accepted. The database wrote the expiry of the reservations it had to look past: it
        # does so when the stored balances (lapsed reservations still counted) capped the
        # balancing amount or failed a limit.
        stored = self.balances(effective=False)
        stored_capped = balancing and self.balancing_amount(request, stored, asked) < asked
        if stored_capped or self.limit_problem(postings, stored, None if not balancing else asked):
            self.expire_touching(touched)
        moved = tuple(
            replace(p, amount_minor=p.amount_minor if amount is None else amount) for p in postings
        )
        for p in moved:
            account = self.accounts[p.account_id]
            if p.direction is Direction.DEBIT and request.pending:
                account.dp += p.amount_minor
            elif p.direction is Direction.DEBIT:
                account.dP += p.amount_minor
            elif request.pending:
                account.cp += p.amount_minor
            else:
                account.cP += p.amount_minor
        expires_at = (
            self.now + timedelta(seconds=request.timeout_s)
            if request.pending and request.timeout_s is not None
            else None
        )
        self.entries[request.id] = ModelEntry(request, request.kind, moved, expires_at)
        for p in postings:
            if (request.closing_debit and p.direction is Direction.DEBIT) or (
                request.closing_credit and p.direction is Direction.CREDIT
            ):
                self.accounts[p.account_id].closed = True
                self.accounts[p.account_id].closed_by = request.id
        if request.reverses_id is not None:
            self.entries[request.reverses_id].reversed_by = request.id
        return False

    def balancing_amount(self, request: NewEntry, balances: Balances, asked: int) -> int:
        """TigerBeetle's balancing: at most what keeps the debit (credit) side's net balance from
        going negative, flag or no flag, and never below zero."""
        caps = [asked]
        for p in request.postings:
            dp, dP, cp, cP = balances[p.account_id]  # noqa: N806
            if p.direction is Direction.DEBIT and request.balancing_debit:
                caps.append(cP - dP - dp)
            if p.direction is Direction.CREDIT and request.balancing_credit:
                caps.append(dP - cP - cp)
        return max(0, min(caps))

    def limit_problem(
        self, postings: Sequence[Posting], balances: Balances, amount: int | None
    ) -> CreateEntryStatus | None:
        delta: dict[str, list[int]] = {}
        for p in postings:
            moved = p.amount_minor if amount is None else amount
            delta.setdefault(p.account_id, [0, 0])[p.direction is Direction.CREDIT] += moved
        exceeds_credits = exceeds_debits = False
        for account_id, (debits, credits) in delta.items():
            account = self.accounts[account_id]
            dp, dP, cp, cP = balances[account_id]  # noqa: N806
            exceeds_credits |= account.dmnec and dp + dP + debits > cP
            exceeds_debits |= account.cmned and cp + cP + credits > dP
        if exceeds_credits:
            return S.EXCEEDS_CREDITS
        if exceeds_debits:
            return S.EXCEEDS_DEBITS
        return None

    # -- accounts -----------------------------------------------------------------------------

    def set_closed(self, account_id: str, closed: bool) -> AccountStateStatus | None:
        account = self.accounts[account_id]
        now_closed = self.effectively_closed(account_id)
        if closed and now_closed:
            return AccountStateStatus.ACCOUNT_ALREADY_CLOSED
        if not closed and not now_closed:
            return AccountStateStatus.ACCOUNT_NOT_CLOSED
        dp, _, cp, _ = self.balances(effective=True)[account_id]
        if closed and (dp or cp):
            return AccountStateStatus.ACCOUNT_HAS_PENDING_BALANCE
        if not closed and account.closed_by is not None:
            return AccountStateStatus.ACCOUNT_CLOSED_BY_PENDING_ENTRY
        if self.read_expires(account_id):
            self.expire_touching({account_id})
        account.closed = closed
        return None


def first_by_precedence(codes: Sequence[S]) -> S:
    """Of several broken rules, the one CreateEntryStatus declares first."""
    order = list(S)
    return min(codes, key=order.index)


def closed_code(model: Model, postings: Sequence[Posting]) -> S | None:
    for direction, code in (
        (Direction.DEBIT, S.DEBIT_ACCOUNT_ALREADY_CLOSED),
        (Direction.CREDIT, S.CREDIT_ACCOUNT_ALREADY_CLOSED),
    ):
        sided = [p.account_id for p in postings if p.direction is direction]
        if any(model.effectively_closed(account_id) for account_id in sided):
            return code
    return None


def void_amount_named(request: PendingResolution) -> int | None:
    """The amount a post or void names; a void's 0 is TigerBeetle's "not given"."""
    if not request.post and request.amount_minor == 0:
        return None
    return request.amount_minor


def _legs(request: NewEntry, *, amounts: bool) -> Counter[tuple[str, str, str, int]]:
    return Counter(
        (p.account_id, p.direction.value, p.currency, p.amount_minor if amounts else 0)
        for p in request.postings
    )


def compare_existing(old: EntryRequest, new: EntryRequest) -> bool | CreateEntryStatus:
    """Same id again: a replay when the content is the same, else the first difference."""
    if old.kind is not new.kind:
        return S.EXISTS_WITH_DIFFERENT_KIND
    if isinstance(old, NewEntry) and isinstance(new, NewEntry):
        flags = (old.balancing_debit, old.balancing_credit, old.closing_debit, old.closing_credit)
        if flags != (new.balancing_debit, new.balancing_credit, new.closing_debit,
                     new.closing_credit):
            return S.EXISTS_WITH_DIFFERENT_FLAGS
        if old.timeout_s != new.timeout_s:
            return S.EXISTS_WITH_DIFFERENT_TIMEOUT
        if _legs(old, amounts=False) != _legs(new, amounts=False):
            return S.EXISTS_WITH_DIFFERENT_POSTINGS
        if _legs(old, amounts=True) != _legs(new, amounts=True):
            return S.EXISTS_WITH_DIFFERENT_AMOUNT
    if isinstance(old, PendingResolution) and isinstance(new, PendingResolution):
        if old.pending_id != new.pending_id:
            return S.EXISTS_WITH_DIFFERENT_PENDING_ID
        if void_amount_named(old) != void_amount_named(new):
            return S.EXISTS_WITH_DIFFERENT_AMOUNT
    if dict(old.metadata) != dict(new.metadata):
        return S.EXISTS_WITH_DIFFERENT_METADATA
    old_reverses = old.reverses_id if isinstance(old, NewEntry) else None
    new_reverses = new.reverses_id if isinstance(new, NewEntry) else None
    if old_reverses != new_reverses:
        return S.EXISTS_WITH_DIFFERENT_REVERSED_ID
    return True


def built(build: Callable[[], NewEntry], expected_failure: S | None) -> NewEntry | None:
    """The request, or None when construction refused it with the expected code."""
    code: S | None = None
    try:
        request = build()
    except EntryRejected as rejection:
        code = rejection.code
    assert code is expected_failure, f"construction: {code}, model {expected_failure}"
    return None if code is not None else request


def construction_failure(postings: Sequence[Posting], *, balancing: bool) -> S | None:
    """The request-only rules this test's generator can break, in precedence order."""
    debited = {p.account_id for p in postings if p.direction is Direction.DEBIT}
    if any(p.direction is Direction.CREDIT and p.account_id in debited for p in postings):
        return S.ACCOUNTS_MUST_BE_DIFFERENT
    if balancing and len(postings) != 2:
        return S.BALANCING_REQUIRES_TWO_POSTINGS
    return None


# --------------------------------------------------------------------------------------------
# Generated commands.

Shape = Literal["two", "fan_out", "fan_in"]
Anomaly = tuple[Literal["ghost", "foreign", "same"], int] | None


@dataclass(frozen=True)
class EntrySpec:
    """Postings to draw: ``two`` (D a, C b), ``fan_out`` (D a, C b, C c), ``fan_in`` (D a, D b,
    C c), all in ``currency``; an anomaly swaps an account for a missing or foreign one, or
    credits the debited account."""

    shape: Shape
    currency: str
    picks: tuple[int, int, int]
    amounts: tuple[int, int]
    anomaly: Anomaly


amounts = st.one_of(st.integers(0, 100), st.integers(300, 700))  # small (0 too: TigerBeetle's
# zero transfers), or a big bite of FUNDING
entry_specs = st.builds(
    EntrySpec,
    shape=st.sampled_from(["two", "two", "fan_out", "fan_in"]),
    currency=st.sampled_from(CURRENCIES),
    picks=st.tuples(st.integers(0, 11), st.integers(0, 11), st.integers(0, 11)),
    amounts=st.tuples(amounts, amounts),
    anomaly=st.sampled_from(
        [None] * 36
        + [(kind, i) for kind in ("ghost", "foreign") for i in range(3)]
        + [("same", 0)] * 3
    ),
)
timeouts = st.sampled_from([20, 20, 60, 600, None])
waits = st.sampled_from([0, 0, 30])
"""Seconds to let pass before an entry: reservations lapse just before entries need funds."""
ResolveAction = Literal["post", "post_partial", "void"]
ResolveTarget = Literal["pending", "unknown", "not_pending"]
resolve_targets = st.sampled_from(["pending"] * 8 + ["unknown", "not_pending"])
Mutation = Literal["same", "amount", "metadata", "kind", "timeout"]


@dataclass(frozen=True)
class NewItem:
    spec: EntrySpec
    pending: bool
    timeout: int | None


@dataclass(frozen=True)
class ResolveItem:
    pick: int
    action: ResolveAction
    amount: int
    to: ResolveTarget


@dataclass(frozen=True)
class ReplayItem:
    pick: int


BatchItem = NewItem | ResolveItem | ReplayItem
batch_items: st.SearchStrategy[BatchItem] = st.one_of(
    st.builds(NewItem, spec=entry_specs, pending=st.booleans(), timeout=timeouts),
    st.builds(
        ResolveItem,
        pick=st.integers(0, 50),
        action=st.sampled_from(["post", "post_partial", "void"]),
        amount=amounts,
        to=resolve_targets,
    ),
    st.builds(ReplayItem, pick=st.integers(0, 50)),
)


# --------------------------------------------------------------------------------------------
# The machine.


class FreshDatabases:
    """One fresh database per state machine run, created one run ahead and dropped behind.

    ``CREATE DATABASE`` and ``DROP DATABASE`` take about a second each on a busy machine; doing
    them on a helper thread while the previous run works keeps the test's wall time close to
    the time the ledger itself takes.
    """

    def __init__(self, databases: TestDatabases) -> None:
        self._databases = databases
        self._creator = ThreadPoolExecutor(max_workers=1, thread_name_prefix="create-db")
        self._dropper = ThreadPoolExecutor(max_workers=1, thread_name_prefix="drop-db")
        self._next: Future[str] = self._creator.submit(databases.create)
        self._drops: list[Future[None]] = []

    def url(self, name: str) -> str:
        return self._databases.url(name)

    def take(self) -> str:
        name = self._next.result()
        self._next = self._creator.submit(self._databases.create)
        return name

    def give_back(self, name: str) -> None:
        self._drops.append(self._dropper.submit(self._databases.drop, name))

    def close(self) -> None:
        self.give_back(self._next.result())
        self._creator.shutdown(wait=True)
        self._dropper.shutdown(wait=True)
        for drop in self._drops:
            drop.result()


class LedgerMachine(RuleBasedStateMachine):
    databases: ClassVar[FreshDatabases]

    def __init__(self) -> None:
        super().__init__()
        self.db_name = self.databases.take()
        self.engine = create_engine(self.databases.url(self.db_name), pool_size=2)
        self.clock = FixedClock(START)
        self.ledger = LedgerService(lambda: PostgresUnitOfWork(self.engine), self.clock, UlidIds())
        self.model = Model(now=START)
        self.serial = 0
        self.refused: list[NewEntry] = []

    def teardown(self) -> None:
        self.engine.dispose()
        self.databases.give_back(self.db_name)

    # -- helpers ------------------------------------------------------------------------------

    def fresh_id(self, prefix: str) -> str:
        self.serial += 1
        return f"{prefix}_{self.serial}"

    def postings_for(self, spec: EntrySpec) -> tuple[Posting, ...]:
        accounts = self.model.accounts
        same = sorted(a for a, acct in accounts.items() if acct.currency == spec.currency)
        other = sorted(a for a, acct in accounts.items() if acct.currency != spec.currency)
        # No account is both debited and credited, unless the anomaly says so.
        first, second, third = spec.picks
        a = same[first % len(same)]
        not_a = [x for x in same if x != a]
        if spec.shape == "fan_in":  # a and b are both debited (possibly the same account)
            b = same[second % len(same)]
            credited = [x for x in not_a if x != b]
            c = credited[third % len(credited)]
        else:
            b, c = not_a[second % len(not_a)], not_a[third % len(not_a)]
        ids = [a, b, c]
        if spec.anomaly is not None:
            kind, index = spec.anomaly
            if kind == "same":  # the last posting is a credit in every shape
                ids[1 if spec.shape == "two" else 2] = a
            else:
                ids[index] = GHOST_ACCOUNT if kind == "ghost" else other[first % len(other)]
        a, b, c = ids
        m1, m2 = spec.amounts
        cur, debit, credit = spec.currency, Direction.DEBIT, Direction.CREDIT
        if spec.shape == "two":
            return (Posting(a, debit, m1, cur), Posting(b, credit, m1, cur))
        if spec.shape == "fan_out":
            return (
                Posting(a, debit, m1 + m2, cur),
                Posting(b, credit, m1, cur),
                Posting(c, credit, m2, cur),
            )
        return (
            Posting(a, debit, m1, cur),
            Posting(b, debit, m2, cur),
            Posting(c, credit, m1 + m2, cur),
        )

    def pick_entry(self, pick: int, kinds: Sequence[EntryKind] | None = None) -> str | None:
        ids = sorted(
            e for e, entry in self.model.entries.items() if kinds is None or entry.kind in kinds
        )
        return ids[pick % len(ids)] if ids else None

    def submit(self, requests: Sequence[EntryRequest]) -> Outcome:
        """Apply through the service and check the outcome against the model's prediction."""
        after, expected = self.model.apply_batch(requests)
        actual: Outcome
        results: tuple[EntryResult, ...] = ()
        try:
            applied = self.ledger.apply(requests)
        except BatchRejected as rejection:
            results = rejection.results
            failed = [r.index for r in results if r.status is not S.LINKED_EVENT_FAILED]
            actual = Refused(rejection.code, failed[0] if len(failed) == 1 else -1)
        except EntryRejected as rejection:
            actual = Refused(rejection.code)
        else:
            assert [a.id for a in applied] == [r.id for r in requests]
            actual = Applied(tuple(a.replayed for a in applied))
        if results:
            assert [r.index for r in results] == list(range(len(requests)))
        else:  # a single entry is refused with EntryRejected, a batch with BatchRejected
            assert len(requests) == 1 or isinstance(actual, Applied)
        assert actual == expected, f"{requests!r}: database {actual}, model {expected}"
        self.model = after
        return actual

    def submit_new(self, build: Callable[[], NewEntry], expected_failure: S | None) -> None:
        """Build a request (which may be refused at construction) and submit it."""
        request = built(build, expected_failure)
        if request is None:
            return
        outcome = self.submit([request])
        if isinstance(outcome, Refused) and outcome.code.transient:
            self.refused.append(request)

    def new_entry(
        self,
        spec: EntrySpec,
        *,
        pending: bool = False,
        timeout: int | None = None,
        balancing: Literal["debit", "credit", "both"] | None = None,
        closing: Literal["debit", "credit", "both"] | None = None,
    ) -> None:
        postings = self.postings_for(spec)
        entry_id = self.fresh_id("je")

        def build() -> NewEntry:
            return NewEntry(
                entry_id,
                postings,
                pending=pending,
                timeout_s=timeout if pending else None,
                balancing_debit=balancing in ("debit", "both"),
                balancing_credit=balancing in ("credit", "both"),
                closing_debit=closing in ("debit", "both"),
                closing_credit=closing in ("credit", "both"),
            )

        self.submit_new(build, construction_failure(postings, balancing=balancing is not None))

    def resolution(self, item: ResolveItem) -> PendingResolution:
        target = UNKNOWN_ENTRY
        if item.to == "pending":
            target = self.pick_entry(item.pick, [EntryKind.PENDING]) or UNKNOWN_ENTRY
        elif item.to == "not_pending":
            target = self.pick_entry(item.pick, [EntryKind.SINGLE_PHASE]) or UNKNOWN_ENTRY
        amount = None
        if item.action == "void" and item.amount % 3 == 0:
            pending = self.model.entries.get(target)
            if pending is not None and pending.kind is EntryKind.PENDING:
                # the reserved amount (accepted), one less (has_different_amount), or 0 (the
                # pending amount, as TigerBeetle reads a void's 0)
                reserved = max(p.amount_minor for p in pending.moved)
                amount = max(0, reserved - item.amount % 2) if item.amount % 5 else 0
        if item.action == "post_partial":
            amount = item.amount
            pending = self.model.entries.get(target)
            if pending is not None and pending.kind is EntryKind.PENDING:
                # mostly within the reservation (0 included: a release), sometimes beyond it
                reserved = max(p.amount_minor for p in pending.moved)
                within = item.amount % (reserved + 1)
                amount = reserved + 1 + item.amount if item.amount % 4 == 0 else within
        return PendingResolution(
            self.fresh_id("je"), target, post=item.action != "void", amount_minor=amount
        )

    # -- rules --------------------------------------------------------------------------------

    @initialize()
    def open_first_accounts(self) -> None:
        """Per currency: an unflagged source, a wallet and a capped asset, both with room."""
        for currency in CURRENCIES:
            source, wallet, capped = (self.create_account(currency, flag) for flag in FLAGS)
            for debit, credit in ((source, wallet), (capped, source)):
                postings = (
                    Posting(debit, Direction.DEBIT, FUNDING, currency),
                    Posting(credit, Direction.CREDIT, FUNDING, currency),
                )
                outcome = self.submit([NewEntry(self.fresh_id("je"), postings)])
                assert outcome == Applied((False,))

    @precondition(lambda self: len(self.model.accounts) < ACCOUNTS_MAX)
    @rule(
        currency=st.sampled_from(CURRENCIES),
        flag=st.sampled_from(FLAGS),
    )
    def open_account(self, currency: str, flag: str) -> None:
        self.create_account(currency, flag)

    def create_account(self, currency: str, flag: str) -> str:
        account_id = self.fresh_id(f"acct_{currency.lower()}")
        dmnec = flag == "debits_must_not_exceed_credits"
        cmned = flag == "credits_must_not_exceed_debits"
        kind = AccountKind.LIABILITY if dmnec else AccountKind.ASSET
        [(account, created)] = self.ledger.create_accounts(
            [NewAccount(account_id, currency, kind, dmnec, cmned)]
        )
        assert created
        assert account.id == account_id
        self.model.accounts[account_id] = ModelAccount(currency, dmnec, cmned)
        return account_id

    @rule(spec=entry_specs, wait=waits)
    def single_phase(self, spec: EntrySpec, wait: int) -> None:
        self.advance_clock(wait)
        self.new_entry(spec)

    @rule(spec=entry_specs, timeout=timeouts, wait=waits)
    def pending(self, spec: EntrySpec, timeout: int | None, wait: int) -> None:
        self.advance_clock(wait)
        self.new_entry(spec, pending=True, timeout=timeout)

    @rule(
        spec=entry_specs,
        side=st.sampled_from(["debit", "debit", "credit", "both"]),
        pending=st.booleans(),
        wait=waits,
    )
    def balancing(
        self, spec: EntrySpec, side: Literal["debit", "credit", "both"], pending: bool, wait: int
    ) -> None:
        self.advance_clock(wait)
        self.new_entry(spec, pending=pending, balancing=side)

    @rule(
        spec=entry_specs,
        side=st.sampled_from(["debit", "credit", "both"]),
        timeout=timeouts,
        wait=waits,
    )
    def closing(
        self, spec: EntrySpec, side: Literal["debit", "credit", "both"], timeout: int | None,
        wait: int,
    ) -> None:
        """A pending entry that closes the accounts it debits, credits, or both."""
        self.advance_clock(wait)
        self.new_entry(spec, pending=True, timeout=timeout, closing=side)

    @precondition(lambda self: self.pick_entry(0, [EntryKind.PENDING]) is not None)
    @rule(
        pick=st.integers(0, 50),
        action=st.sampled_from(["post", "post", "post_partial", "void"]),
        amount=amounts,
        to=resolve_targets,
    )
    def resolve(self, pick: int, action: ResolveAction, amount: int, to: ResolveTarget) -> None:
        self.submit([self.resolution(ResolveItem(pick, action, amount, to))])

    @rule(seconds=st.sampled_from([30, 30, 10, 120, 700]))
    def advance_clock(self, seconds: int) -> None:
        self.clock.advance(timedelta(seconds=seconds))
        self.model.now = self.clock.now()

    @rule()
    def expire(self) -> None:
        expected = self.model.expire_touching(None)
        assert self.ledger.expire() == expected

    @rule(items=st.lists(batch_items, min_size=2, max_size=4), wait=waits)
    def linked_batch(self, items: list[BatchItem], wait: int) -> None:
        self.advance_clock(wait)
        requests: list[EntryRequest] = []
        for item in items:
            if isinstance(item, NewItem):
                postings = self.postings_for(item.spec)
                build = partial(
                    NewEntry,
                    self.fresh_id("je"),
                    postings,
                    pending=item.pending,
                    timeout_s=item.timeout if item.pending else None,
                )
                request = built(build, construction_failure(postings, balancing=False))
                if request is None:
                    return
                requests.append(request)
            elif isinstance(item, ResolveItem):
                requests.append(self.resolution(item))
            else:
                entry_id = self.pick_entry(item.pick)
                if entry_id is not None:
                    requests.append(self.model.entries[entry_id].request)
        if requests:
            self.submit(requests)

    @precondition(lambda self: bool(self.model.entries))
    @rule(
        pick=st.integers(0, 50),
        mutation=st.sampled_from(
            ["same", "same", "amount", "amount", "metadata", "kind", "timeout"]
        ),
    )
    def replay(self, pick: int, mutation: Mutation) -> None:
        entry_id = self.pick_entry(pick)
        assert entry_id is not None
        original = self.model.entries[entry_id].request
        request: EntryRequest = original
        if mutation == "metadata":
            request = replace(original, metadata={"note": "another request"})
        elif isinstance(original, NewEntry):
            if mutation == "amount":
                doubled = [replace(p, amount_minor=2 * p.amount_minor) for p in original.postings]
                request = replace(original, postings=tuple(doubled))
            elif mutation == "kind":
                request = replace(
                    original,
                    pending=not original.pending,
                    timeout_s=None,
                    closing_debit=False,
                    closing_credit=False,
                )
            elif mutation == "timeout" and original.pending:
                request = replace(original, timeout_s=7 if original.timeout_s is None else None)
        elif mutation == "amount" and original.post:
            request = replace(original, amount_minor=(original.amount_minor or 0) + 1)
        self.submit([request])

    @precondition(lambda self: bool(self.refused))
    @rule(pick=st.integers(0, 50))
    def retry_refused(self, pick: int) -> None:
        """A refusal that depended on state (funds, closed accounts) fails again with the same id
        (id_already_failed); any other is checked again."""
        self.submit([self.refused[pick % len(self.refused)]])

    @precondition(lambda self: bool(self.model.entries))
    @rule(pick=st.integers(0, 50), reuse_reversal_id=st.booleans())
    def reverse(self, pick: int, reuse_reversal_id: bool) -> None:
        target_id = self.pick_entry(pick)
        assert target_id is not None
        target = self.model.entries[target_id]
        reversal_id = self.fresh_id("je")
        if reuse_reversal_id and target.reversed_by is not None:
            reversal_id = target.reversed_by
        expected: Outcome
        if target.kind not in (EntryKind.SINGLE_PHASE, EntryKind.POST_PENDING):
            after, expected = self.model, Refused(S.REVERSED_ENTRY_NOT_POSTED)
        else:
            swapped = [replace(p, direction=OPPOSITE[p.direction]) for p in target.moved]
            request = NewEntry(
                reversal_id, tuple(swapped), REVERSAL_METADATA, reverses_id=target_id
            )
            after, expected = self.model.apply_batch([request])
        actual: Outcome
        try:
            applied = self.ledger.reverse(target_id, reversal_id, REVERSAL_METADATA)
        except EntryRejected as rejection:
            actual = Refused(rejection.code)
        else:
            assert applied.id == reversal_id
            actual = Applied((applied.replayed,))
        assert actual == expected, f"reverse {target_id}: database {actual}, model {expected}"
        self.model = after

    @rule(pick=st.integers(0, 11), close=st.booleans())
    def close_or_reopen(self, pick: int, close: bool) -> None:
        account_id = sorted(self.model.accounts)[pick % len(self.model.accounts)]
        after = copy.deepcopy(self.model)
        expected = after.set_closed(account_id, close)
        actual: object = None
        try:
            if close:
                account = self.ledger.close_account(account_id, "model")
            else:
                account = self.ledger.reopen_account(account_id, "model")
        except AccountRejected as rejection:
            actual = rejection.code
        else:
            assert account.closed is close
        assert actual is expected, f"{account_id}: database {actual}, model {expected}"
        if expected is None:
            self.model = after

    @rule(pick=st.integers(0, 11))
    def read_account(self, pick: int) -> None:
        """Reading releases the account's lapsed reservations (lazy expiry) and shows the rest."""
        account_id = sorted(self.model.accounts)[pick % len(self.model.accounts)]
        if self.model.read_expires(account_id):
            self.model.expire_touching({account_id})
        account = self.ledger.get_account(account_id)
        b = account.balance
        actual = (b.debits_pending, b.debits_posted, b.credits_pending, b.credits_posted)
        assert actual == self.model.accounts[account_id].balances()
        assert account.closed is self.model.accounts[account_id].closed

    # -- invariants ---------------------------------------------------------------------------

    @invariant()
    def audit_passes(self) -> None:
        report = self.ledger.audit()
        assert report.passed, report.findings
        assert report.accounts_checked == len(self.model.accounts)

    @invariant()
    def stored_state_matches_model(self) -> None:
        with self.engine.connect() as connection:
            rows = connection.execute(
                sa.text(
                    "SELECT id, closed, debits_must_not_exceed_credits AS dmnec,"
                    " credits_must_not_exceed_debits AS cmned, debits_pending, debits_posted,"
                    " credits_pending, credits_posted FROM ledger_accounts"
                )
            ).all()
            entries = connection.execute(
                sa.text("SELECT id, kind, pending_id FROM ledger_entries")
            ).all()
        stored = {r.id: r for r in rows}
        assert set(stored) == set(self.model.accounts)
        for account_id, account in self.model.accounts.items():
            row = stored[account_id]
            actual = (
                row.debits_pending, row.debits_posted, row.credits_pending, row.credits_posted
            )
            assert actual == account.balances(), f"{account_id}: database {actual}, model {account}"
            assert row.closed is account.closed
            if row.dmnec:
                assert row.debits_pending + row.debits_posted <= row.credits_posted, account_id
            if row.cmned:
                assert row.credits_pending + row.credits_posted <= row.debits_posted, account_id
        expiries = {r.pending_id for r in entries if r.kind == EntryKind.EXPIRE_PENDING}
        model_entries = self.model.entries
        assert expiries == {
            e for e, entry in model_entries.items() if entry.outcome is EntryKind.EXPIRE_PENDING
        }
        applied = {r.id: r.kind for r in entries if r.kind != EntryKind.EXPIRE_PENDING}
        assert applied == {e: entry.kind.value for e, entry in self.model.entries.items()}


@pytest.mark.postgres
def test_ledger_agrees_with_model(databases: TestDatabases) -> None:
    class Machine(LedgerMachine):
        pass

    Machine.databases = FreshDatabases(databases)
    try:
        run_state_machine_as_test(
            Machine,
            settings=settings(
                max_examples=EXAMPLES,
                stateful_step_count=STEPS,
                deadline=None,
                suppress_health_check=[HealthCheck.too_slow],
            ),
        )
    finally:
        Machine.databases.close()


# --------------------------------------------------------------------------------------------
# Regressions found by the machine and not pinned elsewhere.


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("wallet_funds", "capped_room"),
    [
        (0, 5),  # the debited wallet has nothing to give
        (5, 0),  # the credited capped account has no room (the machine once found it named
        # the wrong side, when nothing to move was a refusal)
        (0, 0),  # both
    ],
)
def test_balancing_both_sides_with_a_side_at_its_limit_moves_0(
    ledger: LedgerService, wallet_funds: int, capped_room: int
) -> None:
    source, wallet, capped = "acct_source", "acct_wallet", "acct_capped"
    ledger.create_accounts(
        [
            NewAccount(source, "INR", AccountKind.ASSET),
            NewAccount(wallet, "INR", AccountKind.LIABILITY, debits_must_not_exceed_credits=True),
            NewAccount(capped, "INR", AccountKind.ASSET, credits_must_not_exceed_debits=True),
        ]
    )

    def move(entry_id: str, debit: str, credit: str, amount: int) -> NewEntry:
        postings = (
            Posting(debit, Direction.DEBIT, amount, "INR"),
            Posting(credit, Direction.CREDIT, amount, "INR"),
        )
        return NewEntry(entry_id, postings)

    if wallet_funds:
        ledger.apply([move("je_fund", source, wallet, wallet_funds)])
    if capped_room:
        ledger.apply([move("je_room", capped, source, capped_room)])
    both = replace(move("je_both", wallet, capped, 3), balancing_debit=True, balancing_credit=True)
    ledger.apply([both])
    assert [p.amount_minor for p in ledger.get_entry("je_both").postings] == [0, 0]
    assert ledger.audit().passed


def _short_entry_beside_a_lapsed_hold(
    ledger: LedgerService, clock: FixedClock, held_on: str, held_minor: int
) -> NewEntry:
    """Accounts ``acct_source``, ``acct_wallet`` (empty, debits capped by credits) and
    ``acct_other``; a hold of ``held_minor`` from the source to ``held_on`` whose timeout has
    passed; and the entry the wallet cannot fund (1 to ``acct_other``), not yet applied."""
    ledger.create_accounts([
        NewAccount("acct_source", "INR", AccountKind.ASSET),
        NewAccount("acct_wallet", "INR", AccountKind.LIABILITY,
                   debits_must_not_exceed_credits=True),
        NewAccount("acct_other", "INR", AccountKind.ASSET),
    ])
    held = (Posting("acct_source", Direction.DEBIT, held_minor, "INR"),
            Posting(held_on, Direction.CREDIT, held_minor, "INR"))
    ledger.apply([NewEntry("je_hold", held, pending=True, timeout_s=20)])
    clock.advance(timedelta(seconds=30))
    return NewEntry("je_short", (Posting("acct_wallet", Direction.DEBIT, 1, "INR"),
                                 Posting("acct_other", Direction.CREDIT, 1, "INR")))


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("held_on", "held_minor"),
    [
        ("acct_wallet", 0),  # a lapsed hold of 0 on the refused account (the machine found it)
        ("acct_other", 5),  # a lapsed hold on another account of the entry
    ],
)
def test_a_limit_refusal_beside_a_lapsed_hold_that_cannot_matter_is_recorded(
    ledger: LedgerService, clock: FixedClock, held_on: str, held_minor: int
) -> None:
    """The refusal stands whatever the lapsed hold does, and nothing else holds it locked, so
    it is a verdict on the id: retried, it is ``id_already_failed`` (TigerBeetle would have
    expired the hold at its timeout). Before, the refusal was raised as unsettled."""
    short = _short_entry_beside_a_lapsed_hold(ledger, clock, held_on, held_minor)
    with pytest.raises(EntryRejected) as first:
        ledger.apply([short])
    assert first.value.code is S.EXCEEDS_CREDITS
    with pytest.raises(EntryRejected) as retried:
        ledger.apply([short])
    assert retried.value.code is S.ID_ALREADY_FAILED
    assert ledger.audit().passed


@pytest.mark.postgres
def test_a_limit_refusal_beside_a_lapsed_hold_locked_elsewhere_leaves_the_id_free(
    ledger: LedgerService, clock: FixedClock, engine: sa.Engine
) -> None:
    """While another transaction holds an account of the lapsed hold, the hold cannot be
    released, so the refusal is no verdict on the id: retried, it is judged again. Once the
    lock is gone, the refusal is recorded."""
    short = _short_entry_beside_a_lapsed_hold(ledger, clock, "acct_other", 5)
    with engine.connect() as elsewhere:
        elsewhere.execute(sa.text("SELECT id FROM ledger_accounts WHERE id = :id FOR UPDATE"),
                          {"id": "acct_source"})
        for _ in range(2):
            with pytest.raises(EntryRejected) as refused:
                ledger.apply([short])
            assert refused.value.code is S.EXCEEDS_CREDITS
        elsewhere.rollback()
    with pytest.raises(EntryRejected) as judged:
        ledger.apply([short])
    assert judged.value.code is S.EXCEEDS_CREDITS
    with pytest.raises(EntryRejected) as retried:
        ledger.apply([short])
    assert retried.value.code is S.ID_ALREADY_FAILED
