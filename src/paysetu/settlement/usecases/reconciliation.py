"""Reconcile a bank statement against payouts: store the run, its report, the payouts paid.

The statement arrives parsed and checked (:class:`~paysetu.settlement.rules.statements.Statement`; a
bad file never gets here). One call is one database transaction, committed by the caller:
the run, one row per line and per missing payout, ``paid`` for every matched payout and the
ledger entries that book their money leaving the bank (:func:`paid_entry_id`), every returned
payout given back to its merchant (:mod:`.payout_returns`), or nothing. The
same file (by SHA-256) imported again returns the first run and changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from paysetu.events.usecases.events import emit_many
from paysetu.kernel.invariants import InvariantViolation, invariant
from paysetu.kernel.timestamps import timestamp
from paysetu.ledger.rules.entries import AccountKind, NewAccount
from paysetu.settlement.rules.reconciliation import (
    LineCategory,
    LineResult,
    PayoutRef,
    ReconciliationRun,
    expected_on,
    match_statement,
)
from paysetu.settlement.rules.reconciliation_errors import (
    ReconciliationRejected,
    ReconciliationStatus,
)
from paysetu.settlement.rules.records import payout_clearing_account
from paysetu.settlement.rules.statements import Direction, Statement
from paysetu.settlement.usecases.payout_returns import process_returns
from paysetu.settlement.usecases.ports import SettlementContext, SettlementUnitOfWork
from paysetu.wallets.rules.wallets import transfer_entry
from paysetu.wallets.usecases.wallets import platform_account

LINES_PAGE_MAX = 100


def reconcile_statement(
    ctx: SettlementContext, uow: SettlementUnitOfWork, statement: Statement
) -> tuple[ReconciliationRun, bool]:
    """Match, store and mark paid; ``(run, created)``, created False for a file seen before."""
    store = uow.reconciliations
    existing = store.get_run_by_sha256(statement.sha256)
    if existing is not None:
        return existing, False
    named = store.payouts_by_end_to_end_id(
        {line.end_to_end_id for line in statement.lines if line.end_to_end_id}
    )
    debited = {  # the payouts a debit line names are never missing: no need to load them twice
        line.end_to_end_id for line in statement.lines
        if line.end_to_end_id and line.direction is Direction.DEBIT
    }
    outstanding = [
        payout
        for payout in store.outstanding_payouts(
            statement.currencies, statement.statement_date, excluding=debited)
        if expected_on(payout, statement.currencies, statement.statement_date)
    ]
    outcome = match_statement(statement.lines, named, outstanding)
    run = ReconciliationRun(
        id=ctx.ids.new_id("rec"),
        statement_sha256=statement.sha256,
        format=statement.format,
        statement_id=statement.statement_id,
        statement_date=statement.statement_date,
        currencies=tuple(sorted(statement.currencies)),
        line_count=len(statement.lines),
        counts=outcome.counts,
        created_at=ctx.clock.now(),
    )
    if not store.insert_run(run):  # the same file, committed by a concurrent import
        concurrent = store.get_run_by_sha256(statement.sha256)
        if concurrent is None:
            raise InvariantViolation("a conflicting run is visible once committed")
        return concurrent, False
    store.insert_lines(run.id, outcome.results)
    matched = outcome.matched_payouts
    paid = store.mark_paid([payout.id for payout in matched])
    invariant(paid == len(matched), "every matched payout was outstanding and locked")
    _book_paid(ctx, uow, run.id, matched)
    emit_many(ctx, uow, [(p.merchant_id, "payout.paid", paid_payout_object(p, run.id))
                         for p in matched])
    process_returns(ctx, uow, run.id, outcome.returned, {p.id for p in matched})
    return run, True


def paid_payout_object(payout: PayoutRef, run_id: str) -> dict[str, Any]:
    """The ``payout.paid`` event's object: the payout the bank statement showed as paid."""
    return {
        "id": payout.id,
        "object": "payout",
        "merchant": payout.merchant_id,
        "amount_minor": payout.amount.amount_minor,
        "currency": payout.amount.currency,
        "end_to_end_id": payout.end_to_end_id,
        "status": "paid",
        "reconciliation": run_id,
    }


def paid_entry_id(run_id: str, currency: str) -> str:
    """The ledger entry that books a run's matched payouts in one currency leaving the bank."""
    return f"je_{run_id}_paid_{currency}"


def _book_paid(
    ctx: SettlementContext, uow: SettlementUnitOfWork, run_id: str, payouts: Sequence[PayoutRef]
) -> None:
    """The bank paid: the matched payouts' payout-clearing liability is settled against the bank.

    One entry per currency (the payouts are listed, with the run, on its lines): debit
    ``acct_platform_payout_clearing_<CUR>`` (credited by settlement when each payout was
    instructed), credit ``acct_platform_payouts_<CUR>``, the bank (nostro) asset that wallet
    withdrawals also pay out of.
    """
    totals: dict[str, int] = {}
    for payout in payouts:
        totals[payout.amount.currency] = (
            totals.get(payout.amount.currency, 0) + payout.amount.amount_minor)
    if not totals:
        return
    now = ctx.clock.now()
    uow.ledger.create_accounts([
        NewAccount(payout_clearing_account(currency), currency, AccountKind.LIABILITY,
                   owner_type="platform", owner_id="paysetu")
        for currency in sorted(totals)
    ], now)
    uow.ledger.apply([
        transfer_entry(
            paid_entry_id(run_id, currency), payout_clearing_account(currency),
            platform_account(uow, ctx, "payouts", currency), amount_minor, currency,
            {"kind": "payouts_paid", "reconciliation": run_id,
             "payouts": str(sum(p.amount.currency == currency for p in payouts))},
        )
        for currency, amount_minor in sorted(totals.items())
    ], now)


def assert_run(run: ReconciliationRun | None) -> ReconciliationRun:
    """``run``, or ``reconciliation_not_found``."""
    if run is None:
        raise ReconciliationRejected(ReconciliationStatus.RECONCILIATION_NOT_FOUND, param="id")
    return run


def get_run(uow: SettlementUnitOfWork, run_id: str) -> ReconciliationRun:
    return assert_run(uow.reconciliations.get_run(run_id) if run_id.isprintable() else None)


def list_lines(
    uow: SettlementUnitOfWork, run_id: str, category: LineCategory | None, after_position: int,
    limit: int = LINES_PAGE_MAX,
) -> tuple[list[LineResult], bool]:
    """A page of the run's report in order (statement lines, then missing payouts)."""
    run = get_run(uow, run_id)
    return uow.reconciliations.lines_page(run.id, category, after_position, limit)


def demo_payouts(uow: SettlementUnitOfWork, merchant_id: str | None) -> list[PayoutRef]:
    """The outstanding payouts a demo bank statement books (all currencies, any day)."""
    return uow.reconciliations.outstanding_payouts(None, None, merchant_id)


def reconciliation_object(run: ReconciliationRun) -> dict[str, Any]:
    """The public JSON form of a run (API, CLI ``--json``)."""
    return {
        "id": run.id,
        "object": "reconciliation",
        "format": run.format.value,
        "statement_id": run.statement_id,
        "statement_sha256": run.statement_sha256,
        "statement_date": None if run.statement_date is None else run.statement_date.isoformat(),
        "currencies": list(run.currencies),
        "line_count": run.line_count,
        "counts": {category.value: run.counts[category] for category in LineCategory},
        "unmatched": run.unmatched,
        "status": "balanced" if run.unmatched == 0 else "needs_attention",
        "lines_url": f"/v1/reconciliations/{run.id}/lines",
        "created": timestamp(run.created_at),
    }


def line_object(run_id: str, result: LineResult) -> dict[str, Any]:
    """One row of the report: the statement's side, the payout's side and why they differ."""
    line, payout = result.line, result.payout
    difference = None
    end_to_end_id = payout.end_to_end_id if payout is not None else None
    if line is not None:
        end_to_end_id = line.end_to_end_id
    if line is not None and payout is not None and line.amount.currency == payout.amount.currency:
        difference = line.amount.amount_minor - payout.amount.amount_minor
    return {
        "object": "reconciliation_line",
        "reconciliation": run_id,
        "position": result.position,
        "category": result.category.value,
        "reason": result.reason,
        "location": None if line is None else line.location,
        "booking_date": None if line is None else line.booking_date.isoformat(),
        "end_to_end_id": end_to_end_id,
        "amount_minor": None if line is None else line.amount.amount_minor,
        "currency": None if line is None else line.amount.currency,
        "direction": None if line is None else line.direction.value,
        "description": None if line is None else line.description,
        "payout": None if payout is None else {
            "id": payout.id,
            "merchant": payout.merchant_id,
            "amount_minor": payout.amount.amount_minor,
            "currency": payout.amount.currency,
            "status": payout.status,
        },
        "difference_minor": difference,
    }
