"""Close of business loan by loan in Python: the reference the set-based path is checked by.

The same day as :func:`paysetu.lending.usecases.loan_close_day.close_day` (same refusals, same
loans, summary and ledger entries, entry for entry), but the rules run in Python over a
snapshot of every loan (:mod:`paysetu.lending.rules.classification`,
:func:`~paysetu.lending.rules.loans.accrual_increase`) and the results go back with one
``UPDATE ... FROM unnest``. ``tests/integration/test_loan_close_day_differential.py`` runs both
on the same random books; nothing else calls this module.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from paysetu.lending.rules.classification import (
    Classification,
    LoanArrears,
    classify,
    daily_penalty,
    is_npa,
    provision_for,
)
from paysetu.lending.rules.close_day import ActiveLoanDay, LoanDayUpdate
from paysetu.lending.rules.loans import accrual_increase
from paysetu.lending.rules.portfolio_history import LoanStanding, merge_days, portfolio_day
from paysetu.lending.usecases.credit_line_close_day import LinesDay
from paysetu.lending.usecases.loan_close_day import CloseDayRun, check_order, summary
from paysetu.lending.usecases.ports import LendingContext, LendingUnitOfWork


def _charge_penalties(uow: LendingUnitOfWork, on: date) -> dict[str, int]:
    """Step 2; the penalties charged, per loan."""
    charged = [(i.loan_id, i.number, daily_penalty(i.overdue_minor, i.penalty_rate_bps))
               for i in uow.loans.overdue_installments(on)]
    charged = [c for c in charged if c[2]]
    uow.loans.add_penalties(charged)
    per_loan: Counter[str] = Counter()
    for loan_id, _, amount in charged:
        per_loan[loan_id] += amount
    return dict(per_loan)


def _loan(run: CloseDayRun, day: ActiveLoanDay, decided: Classification | None) -> LoanDayUpdate:
    """Steps 4-6 for one loan; ``decided`` is None for a closed loan (released)."""
    cur, on = day.currency, run.on
    increase = (accrual_increase(day.interest_accrued_minor, day.interest_accrued_through,
                                 day.accrual_target_minor, on) if decided else None)
    npa = decided is not None and is_npa(decided.asset_class)
    if increase:
        run.accrue(day.lender_id, cur, run.income_account(day.lender_id, cur, npa),
                   (day.interest_account_id, increase))
        run.totals[f"{cur}:interest_accrued_minor"] += increase
    accrued = day.interest_accrued_minor + (increase or 0)
    suspense_before = day.interest_suspense_minor + ((increase or 0) if npa else 0)
    suspense = accrued - day.interest_paid_minor if npa else 0
    provision = provision_for(day.outstanding_minor, decided.asset_class) if decided else 0
    key = f"{day.lender_id}:{cur}"
    run.suspense_moves.append((key, suspense - suspense_before))
    run.provision_moves.append((key, provision - day.provision_minor))
    run.totals[f"{cur}:provisions_minor"] += provision
    if decided is None:
        return LoanDayUpdate(day.loan_id, day.interest_accrued_minor,
                             day.interest_accrued_through, 0, day.asset_class,
                             day.npa_since, 0, 0)
    run.classes[decided.asset_class.value] += 1
    if decided.asset_class is not day.asset_class:
        run.changes[f"{day.asset_class.value}->{decided.asset_class.value}"] += 1
    through = on if increase is not None else day.interest_accrued_through
    return LoanDayUpdate(day.loan_id, accrued, through, decided.days_past_due,
                         decided.asset_class, decided.npa_since, provision, suspense)


def _arrears(days: Iterable[ActiveLoanDay]) -> list[LoanArrears]:
    return [LoanArrears(d.loan_id, (d.merchant_id, d.lender_id), d.oldest_overdue, d.npa_since)
            for d in days if d.active]


def _standings(
    days: Sequence[ActiveLoanDay], updates: Sequence[LoanDayUpdate]
) -> Iterable[LoanStanding]:
    """The active loans as the day left them (``updates`` are ``days``' in order)."""
    return (LoanStanding(d.lender_id, d.category, d.currency, d.outstanding_minor,
                         u.days_past_due, u.asset_class, u.npa_since is not None,
                         u.provision_minor)
            for d, u in zip(days, updates, strict=True) if d.active)


def close_day_per_loan(ctx: LendingContext, uow: LendingUnitOfWork, on: date) -> dict[str, Any]:
    """Close business day ``on`` loan by loan (module docstring). The caller commits."""
    last = uow.loans.lock_close_days()
    if last is not None and on == last:
        return {**(uow.loans.close_day_summary(on) or {}), "replayed": True}
    check_order(on, ctx.clock.now().date(), last)
    days = uow.loans.close_day_snapshot(on)  # locks the loans first, as every loan operation
    lines = LinesDay(ctx, uow, on)
    line_arrears = lines.prepare()  # then the credit lines, their day computed in SQL
    penalties = _charge_penalties(uow, on)
    decided = classify([*_arrears(days), *line_arrears], on)  # per borrower: loans and lines
    run = CloseDayRun(ctx, uow, on)
    updates: Sequence[LoanDayUpdate] = [_loan(run, d, decided.get(d.loan_id)) for d in days]
    lines.apply(run, decided)
    run.post_net_moves()
    lines.post_debits(run)
    uow.loans.save_day(updates, on, ctx.clock.now())
    currencies = {d.loan_id: d.currency for d in days}
    for loan_id, amount in penalties.items():
        run.totals[f"{currencies[loan_id]}:penalties_minor"] += amount
    result = summary(on, run, sum(1 for d in days if d.active))
    result["credit_lines"] = lines.summary()
    uow.loans.insert_close_day(on, result, ctx.clock.now())
    uow.loans.insert_portfolio_day(merge_days(portfolio_day(on, _standings(days, updates)),
                                              lines.portfolio_day()))
    return result
