"""Settlement runs: per merchant and currency, a batch for the window that closed on a date.

``settle(ctx, date)`` streams through the merchants' available accounts in groups of
``pairs_per_transaction`` (key ranges cut once under the run lock, one database transaction per
group, a group retried whole on a deadlock, up to ``workers`` groups at a time on their own
connections), so a run over a million payments never holds more than ``workers`` groups' batch
rows in memory, and the payments themselves never leave PostgreSQL. Within a group:

1. lock the group's available accounts, place each pair's window (:mod:`.settlement` rules);
2. insert the window items set-based and sum them per batch;
3. plan each batch (reserve, loan sweep, payout or carry) in Python from those sums;
4. apply the batches' ledger entries (ids derived from the batch id), record their own lines,
   the batches, payouts and reserve releases;
5. check, before committing, that every batch equals what the ledger itself says moved on the
   merchant's accounts in the window, and that its entries moved exactly what it planned; a
   difference is an :class:`~paysetu.kernel.invariants.InvariantViolation` and nothing commits;
6. emit ``settlement.created`` and ``payout.created``.

Re-running a date returns the existing batches (``exists``): a window is settled once, enforced
by the run (windows chain from the last batch), by ``UNIQUE (merchant, currency, window_end)``
and by the unique posting of every item.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from paysetu.events.usecases.events import emit_many
from paysetu.kernel.invariants import invariant
from paysetu.kernel.ports import TransientConflictError
from paysetu.ledger.rules.entries import ENTRIES_PER_BATCH_MAX, AccountKind, NewAccount, NewEntry
from paysetu.settlement.rules.records import (
    BatchResult,
    Payout,
    PayoutStatus,
    RunOutcome,
    SettlementAccounts,
    SettlementBatch,
    batch_entries,
    end_to_end_id,
    payout_clearing_account,
    reserve_account,
)
from paysetu.settlement.rules.run import NewWindow, SettlementCandidate
from paysetu.settlement.rules.settlement import BatchInputs, ItemType, WindowTotals, plan_batch
from paysetu.settlement.usecases.checks import check_batches
from paysetu.settlement.usecases.hooks import sweep_claims
from paysetu.settlement.usecases.objects import payout_object, settlement_object
from paysetu.settlement.usecases.ports import (
    NO_CLAIM,
    SettlementContext,
    SettlementUnitOfWork,
    SweepClaim,
    SweepRequest,
)

RETRIES_MAX = 5

_Span = tuple[tuple[str, str] | None, tuple[str, str] | None]
"""A group's pairs: after the first key (None: from the start), up to the second included
(None: to the end)."""


@dataclass(frozen=True, slots=True)
class _Made:
    """One batch built in this group, with what applying it needs."""

    window: NewWindow
    batch: SettlementBatch
    payout: Payout | None
    entries: list[tuple[ItemType, NewEntry]]
    released: list[str]
    sweep: SweepRequest | None


def _place(
    ctx: SettlementContext,
    uow: SettlementUnitOfWork,
    candidate: SettlementCandidate,
    day: date,
    now: datetime,
) -> NewWindow | BatchResult:
    """The window ``candidate`` settles now, or the result that says why none is settled."""
    schedule = candidate.schedule or ctx.settlement.default_schedule
    end = schedule.window_end(day)
    result = BatchResult(candidate.merchant_id, candidate.currency, RunOutcome.WINDOW_OPEN, end)
    if end > now - timedelta(seconds=ctx.settlement.window_grace_s):
        return result
    last = candidate.last_window_end
    if last is not None and end <= last:
        existing = (
            candidate.last_batch_id
            if end == last
            else uow.settlements.batch_at(candidate.merchant_id, candidate.currency, end)
        )
        if existing is None:
            return replace(result, outcome=RunOutcome.ALREADY_SETTLED)
        return replace(result, outcome=RunOutcome.EXISTS, batch_id=existing)
    start = last if last is not None else candidate.opened_at
    if start >= end:
        return replace(result, outcome=RunOutcome.NOTHING_TO_SETTLE)
    return NewWindow(
        ctx.ids.new_id("stl"),
        candidate.merchant_id,
        candidate.currency,
        candidate.available_account,
        candidate.fees_account,
        start,
        end,
    )


@dataclass(frozen=True, slots=True)
class _Pending:
    """A batch about to be planned: its window and inputs, before the loan sweep's claim."""

    window: NewWindow
    candidate: SettlementCandidate
    inputs: BatchInputs
    request: SweepRequest


def _pending(
    ctx: SettlementContext,
    window: NewWindow,
    candidate: SettlementCandidate,
    totals: WindowTotals,
    released_minor: int,
) -> _Pending:
    schedule = candidate.schedule or ctx.settlement.default_schedule
    inputs = BatchInputs(
        totals=totals,
        carried_in_minor=candidate.carried_in_minor,
        available_minor=candidate.available_minor,
        reserve_to_hold_minor=schedule.reserve_for(totals.gross_minor),
        reserve_released_minor=released_minor,
        loan_claim_minor=0,
        payout_minimum_minor=schedule.minimum_for(window.currency),
        has_payout_account=candidate.payout_account_id is not None,
    )
    request = SweepRequest(
        window.batch_id,
        window.merchant_id,
        window.currency,
        plan_batch(inputs).net_minor,
        window.window_end,
    )
    return _Pending(window, candidate, inputs, request)


def _make(
    ctx: SettlementContext,
    pending: _Pending,
    claim: SweepClaim,
    released: list[str],
    day: date,
    now: datetime,
) -> _Made:
    """Plan one batch with the loan sweep's claim: reserve, sweep, payout or carry."""
    window, candidate = pending.window, pending.candidate
    schedule = candidate.schedule or ctx.settlement.default_schedule
    invariant(
        claim.amount_minor == 0 or claim.account_id is not None,
        "a loan sweep claim names the account it pays",
    )
    totals = pending.inputs.totals
    plan = plan_batch(replace(pending.inputs, loan_claim_minor=max(claim.amount_minor, 0)))
    payout = None
    if plan.payout_minor > 0:
        payout_id = ctx.ids.new_id("po")
        payout = Payout(
            payout_id,
            window.batch_id,
            window.merchant_id,
            plan.payout_minor,
            window.currency,
            end_to_end_id(payout_id),
            PayoutStatus.PENDING,
            now,
        )
    accounts = SettlementAccounts(
        window.available_account,
        reserve_account(window.merchant_id, window.currency),
        payout_clearing_account(window.currency),
        claim.account_id,
    )
    batch = SettlementBatch(
        id=window.batch_id,
        merchant_id=window.merchant_id,
        currency=window.currency,
        settlement_date=day,
        window_start=window.window_start,
        window_end=window.window_end,
        status=plan.status,
        carry_reason=plan.carry_reason,
        totals=totals,
        carried_in_minor=candidate.carried_in_minor,
        plan=plan,
        reserve_release_at=schedule.reserve_release_at(window.window_end)
        if plan.reserve_held_minor
        else None,
        reserve_released_by=None,
        payout_account_id=candidate.payout_account_id if payout else None,
        payout_id=None if payout is None else payout.id,
        created_at=now,
    )
    entries = batch_entries(window.batch_id, window.merchant_id, window.currency, accounts, plan)
    return _Made(
        window,
        batch,
        payout,
        entries,
        released if plan.reserve_released_minor else [],
        pending.request if plan.loan_sweep_minor else None,
    )


def _open_accounts(
    ctx: SettlementContext, uow: SettlementUnitOfWork, made: Sequence[_Made]
) -> None:
    """The reserve accounts and payout clearing accounts the group's entries need."""
    now = ctx.clock.now()
    reserves = {
        (m.window.merchant_id, m.window.currency): reserve_account(
            m.window.merchant_id, m.window.currency
        )
        for m in made
        if m.batch.plan.reserve_held_minor or m.batch.plan.reserve_released_minor
    }
    clearing = sorted({m.window.currency for m in made if m.payout is not None})
    accounts = [
        NewAccount(
            account,
            currency,
            AccountKind.LIABILITY,
            debits_must_not_exceed_credits=True,
            owner_type="merchant",
            owner_id=merchant,
        )
        for (merchant, currency), account in sorted(reserves.items())
    ] + [
        NewAccount(
            payout_clearing_account(currency),
            currency,
            AccountKind.LIABILITY,
            owner_type="platform",
            owner_id="paysetu",
        )
        for currency in clearing
    ]
    if accounts:
        uow.ledger.create_accounts(accounts, now)
    uow.settlements.register_reserve_accounts(
        [(merchant, currency, account) for (merchant, currency), account in reserves.items()]
    )


def _apply(
    ctx: SettlementContext, uow: SettlementUnitOfWork, made: Sequence[_Made], now: datetime
) -> None:
    """Book every batch's entries, then its own lines, rows, payouts, releases and sweeps."""
    _open_accounts(ctx, uow, made)
    entries = [entry for m in made for _, entry in m.entries]
    for start in range(0, len(entries), ENTRIES_PER_BATCH_MAX):
        uow.ledger.apply(entries[start : start + ENTRIES_PER_BATCH_MAX], now)
    repo = uow.settlements
    repo.insert_own_items([m.window for m in made if m.entries], [e.id for e in entries])
    repo.insert_batches([m.batch for m in made])
    repo.insert_payouts([m.payout for m in made if m.payout is not None])
    repo.mark_reserves_released({m.batch.id: m.released for m in made if m.released})
    for m in made:
        if m.sweep is not None:
            loan_entry = next(e for t, e in m.entries if t is ItemType.LOAN_SWEEP)
            ctx.loan_sweep.swept(uow, m.sweep, m.batch.plan.loan_sweep_minor, loan_entry.id)


def _settle_windows(
    ctx: SettlementContext,
    uow: SettlementUnitOfWork,
    windows: Sequence[tuple[NewWindow, SettlementCandidate]],
    day: date,
    now: datetime,
) -> list[BatchResult]:
    repo = uow.settlements
    placed = [w for w, _ in windows]
    totals = repo.insert_window_items(placed)
    due = repo.reserves_due(placed)
    pending: list[_Pending] = []
    results: list[BatchResult] = []
    for window, candidate in windows:
        sums = totals.get(window.batch_id, WindowTotals())
        released = due.get(window.batch_id, (0, []))[0]
        if sums.item_count == 0 and candidate.carried_in_minor == 0 and released == 0:
            results.append(
                BatchResult(
                    window.merchant_id,
                    window.currency,
                    RunOutcome.NOTHING_TO_SETTLE,
                    window.window_end,
                )
            )
            continue
        pending.append(_pending(ctx, window, candidate, sums, released))
    claims = sweep_claims(ctx.loan_sweep, uow, [p.request for p in pending])
    made = [
        _make(
            ctx,
            p,
            claims.get(p.window.batch_id, NO_CLAIM),
            due.get(p.window.batch_id, (0, []))[1],
            day,
            now,
        )
        for p in pending
    ]
    if made:
        _apply(ctx, uow, made, now)
        check_batches(uow, [(m.window, m.batch, [e for _, e in m.entries]) for m in made])
        events = [
            (m.batch.merchant_id, "settlement.created", settlement_object(m.batch)) for m in made
        ]
        events += [
            (m.batch.merchant_id, "payout.created", payout_object(m.payout))
            for m in made
            if m.payout is not None
        ]
        emit_many(ctx, uow, events)
    return results + [
        BatchResult(
            m.batch.merchant_id,
            m.batch.currency,
            RunOutcome.CREATED,
            m.batch.window_end,
            m.batch.id,
            m.batch.status,
            m.batch.plan.net_minor,
            m.batch.plan.payout_minor,
            m.batch.plan.carried_forward_minor,
        )
        for m in made
    ]


def _settle_group(
    ctx: SettlementContext, day: date, span: _Span, merchant_id: str | None
) -> list[BatchResult]:
    """One transaction: the pairs of ``span`` (after its first key, up to its last)."""
    with ctx.uow_factory() as uow:
        uow.settlements.prepare_group()
        candidates = uow.settlements.candidates(span[0], span[1], merchant_id)
        now = ctx.clock.now()
        results: list[BatchResult] = []
        windows: list[tuple[NewWindow, SettlementCandidate]] = []
        for candidate in candidates:
            placed = _place(ctx, uow, candidate, day, now)
            if isinstance(placed, NewWindow):
                windows.append((placed, candidate))
            else:
                results.append(placed)
        if windows:
            results += _settle_windows(ctx, uow, windows, day, now)
        uow.commit()
    return results


def _settle_group_retrying(
    ctx: SettlementContext, day: date, span: _Span, merchant_id: str | None
) -> list[BatchResult]:
    """:func:`_settle_group`, retried whole on a deadlock or serialisation failure."""
    for attempt in range(RETRIES_MAX):
        try:
            return _settle_group(ctx, day, span, merchant_id)
        except TransientConflictError:
            if attempt == RETRIES_MAX - 1:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def _spans(bounds: Sequence[tuple[str, str]]) -> list[_Span]:
    """Consecutive key ranges ending at each bound, and the open one after the last."""
    starts: list[tuple[str, str] | None] = [None, *bounds]
    ends: list[tuple[str, str] | None] = [*bounds, None]
    return list(zip(starts, ends, strict=True))


def pair_count(ctx: SettlementContext, merchant_id: str | None = None) -> int:
    """How many merchant-currency pairs :func:`settle_groups` will report on (one result each)."""
    with ctx.reader() as uow:
        return uow.settlements.pair_count(merchant_id)


def settle_groups(
    ctx: SettlementContext, day: date, merchant_id: str | None = None
) -> Iterator[list[BatchResult]]:
    """Settle ``day`` group by group, yielding each committed group's results in key order.

    The run's own transaction holds the run lock (no other run starts) and cuts the pairs into
    groups of ``pairs_per_transaction``; the groups commit in transactions of their own, up to
    ``workers`` at a time (each on its own connection: groups share no merchant account, and
    the shared platform accounts, payout clearing per currency, are locked only from a group's
    ledger entries to its commit). When a group fails, groups already running still commit
    (each stands alone; a new run continues from them) and none starts after it."""
    workers = ctx.settlement.workers
    with ctx.uow_factory() as run:
        run.settlements.lock_runs()
        spans = _spans(run.settlements.group_bounds(ctx.settlement.pairs_per_transaction,
                                                    merchant_id))
        if workers == 1 or len(spans) == 1:
            for span in spans:
                yield _settle_group_retrying(ctx, day, span, merchant_id)
            return
        pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="settle")
        futures = [pool.submit(_settle_group_retrying, ctx, day, span, merchant_id)
                   for span in spans]
        try:
            for future in futures:
                yield future.result()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def settle(ctx: SettlementContext, day: date, merchant_id: str | None = None) -> list[BatchResult]:
    """Settle every merchant and currency (or one merchant's) for ``day``; one result each."""
    return [result for group in settle_groups(ctx, day, merchant_id) for result in group]
