"""The invariant a settlement group proves before it commits: batches equal the ledger.

For every batch of the group, read back from PostgreSQL:

* the window: the signed sum of every posted movement of the merchant's available account in
  the window, straight from ``ledger_postings`` (no classification, no item table) equals the
  batch's window items plus what earlier batches' own entries moved in that window; and the
  items equal the batch's totals (``gross - refunds - fees + adjustments``);
* the batch's own entries: per account, what they moved equals the plan (available:
  ``released - held - sweep - payout``; reserve: ``held - released``; payout clearing: the
  payout; the loan account: the sweep);
* the batch's own arithmetic (``net`` and ``payout + carried_forward``) is also a CHECK
  constraint of ``settlement_batches``.

A failure raises :class:`~paysetu.kernel.invariants.InvariantViolation`: the code is wrong,
and the whole group rolls back.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from paysetu.kernel.invariants import invariant
from paysetu.ledger.rules.entries import Direction, NewEntry
from paysetu.settlement.rules.records import SettlementBatch
from paysetu.settlement.rules.run import NewWindow
from paysetu.settlement.usecases.ports import SettlementUnitOfWork


def _planned_movements(entries: Sequence[NewEntry]) -> Counter[str]:
    planned: Counter[str] = Counter()
    for entry in entries:
        for posting in entry.postings:
            sign = 1 if posting.direction is Direction.CREDIT else -1
            planned[posting.account_id] += sign * posting.amount_minor
    return planned


def _check_own_entries(
    uow: SettlementUnitOfWork, groups: Sequence[tuple[NewWindow, SettlementBatch, list[NewEntry]]]
) -> None:
    moved = uow.settlements.entry_movements([e.id for _, _, entries in groups for e in entries])
    by_entry: dict[str, list[tuple[str, int]]] = {}
    for (entry_id, account), amount in moved.items():
        by_entry.setdefault(entry_id, []).append((account, amount))
    for window, batch, entries in groups:
        booked: Counter[str] = Counter()
        for entry in entries:
            for account, amount in by_entry.get(entry.id, []):
                booked[account] += amount
        plan = batch.plan
        expected_available = (plan.reserve_released_minor - plan.reserve_held_minor
                              - plan.loan_sweep_minor - plan.payout_minor)
        invariant(booked[window.available_account] == expected_available,
                  f"{batch.id}: the available account moved {booked[window.available_account]},"
                  f" the plan says {expected_available}")
        invariant(+booked == +_planned_movements(entries),
                  f"{batch.id}: its entries moved {dict(booked)}, not what was planned")


def check_batches(
    uow: SettlementUnitOfWork, groups: Sequence[tuple[NewWindow, SettlementBatch, list[NewEntry]]]
) -> None:
    """Raise :class:`InvariantViolation` unless every batch matches the ledger (see above)."""
    checks = {c.batch_id: c for c in uow.settlements.window_checks([g[0] for g in groups])}
    for window, batch, _ in groups:
        check = checks[window.batch_id]
        invariant(check.items_net_minor == batch.totals.net_minor,
                  f"{batch.id}: items sum to {check.items_net_minor}, totals to"
                  f" {batch.totals.net_minor}")
        invariant(check.ledger_net_minor == check.items_net_minor + check.earlier_batches_minor,
                  f"{batch.id}: the ledger moved {check.ledger_net_minor} in the window, the"
                  f" batch accounts for {check.items_net_minor} + {check.earlier_batches_minor}")
        plan = batch.plan
        invariant(plan.payout_minor + plan.carried_forward_minor == plan.net_minor,
                  f"{batch.id}: payout plus carry is not the net")
    _check_own_entries(uow, groups)
