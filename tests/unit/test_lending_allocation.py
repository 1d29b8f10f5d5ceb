"""Repayment allocation orders, foreclosure payoff and prepayment re-amortisation."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from paysetu.lending.rules.allocation import (
    AllocationOrder,
    Installment,
    allocate,
    amount_due,
    apply_payments,
    foreclosed,
    future_principal,
    interest_accrued_total,
    payoff,
    reamortized,
    split_prepayment,
)
from paysetu.lending.rules.loans import RepaymentParts, fee_for
from paysetu.lending.rules.schedule import (
    Frequency,
    InterestPeriod,
    ScheduleTerms,
    ScheduleType,
    build_schedule,
)

START = date(2026, 1, 1)
TERMS = ScheduleTerms(12_000_00, 1200, 12, Frequency.MONTHLY, ScheduleType.EMI,
                      InterestPeriod.REPAYMENT_PERIOD)


def schedule() -> tuple[Installment, ...]:
    return tuple(Installment.from_schedule(s) for s in build_schedule(TERMS, START))


def overdue_two() -> tuple[Installment, ...]:
    """Two installments overdue, each with a penalty of 10.00 and a fee of 5.00."""
    items = list(schedule())
    for k in (0, 1):
        items[k] = replace(items[k], penalty_minor=10_00, fees_minor=5_00)
    return tuple(items)


ON = date(2026, 3, 5)  # after the second due date (1 March), before the third


def test_default_order_pays_installment_by_installment() -> None:
    items = overdue_two()
    first = items[0]
    amount = first.total_minor + 12_00
    result = allocate(items, amount, AllocationOrder.PENALTIES_FEES_INTEREST_PRINCIPAL, ON)
    assert [p.number for p in result.payments] == [1, 2]
    assert result.payments[0].parts == first.unpaid_parts()
    assert result.payments[1].parts == RepaymentParts(penalty_minor=10_00, fees_minor=2_00)
    assert result.leftover_minor == 0


def test_rbi_order_pays_all_interest_before_any_principal() -> None:
    items = overdue_two()
    charges = 2 * (10_00 + 5_00)
    interest = items[0].interest_minor + items[1].interest_minor
    result = allocate(items, charges + interest + 1_00, AllocationOrder.RBI_INTEREST_FIRST, ON)
    totals = result.totals
    assert (totals.penalty_minor, totals.fees_minor, totals.interest_minor) == (20_00, 10_00,
                                                                                interest)
    assert totals.principal_minor == 1_00
    assert result.payments[0].parts.principal_minor == 1_00  # oldest principal first


def test_installments_not_yet_due_are_never_paid() -> None:
    items = schedule()
    due = amount_due(items, ON).total_minor
    result = allocate(items, due + 500_00, AllocationOrder.PENALTIES_FEES_INTEREST_PRINCIPAL, ON)
    assert result.leftover_minor == 500_00
    after = apply_payments(items, result.payments)
    assert [i.fully_paid for i in after[:3]] == [True, True, False]
    assert amount_due(after, ON).total_minor == 0


def test_payoff_charges_accrued_interest_and_the_fee() -> None:
    items = apply_payments(schedule(), allocate(
        schedule(), 10**9, AllocationOrder.PENALTIES_FEES_INTEREST_PRINCIPAL, ON).payments)
    accrued = interest_accrued_total(items, ON)
    quote = payoff(items, ON, 200, accrued)
    third = items[2]
    assert quote.dues.total_minor == 0
    assert quote.principal_minor == future_principal(items, ON)
    assert quote.interest_minor == third.interest_minor * 4 // 31  # 4 of March's 31 days
    assert quote.fee_minor == fee_for(quote.principal_minor, 200)
    closed = foreclosed(items, ON, quote.interest_minor)
    assert all(i.fully_paid for i in closed)
    assert closed[2].interest_minor == quote.interest_minor
    assert all(i.interest_minor == 0 for i in closed[3:])
    assert sum(i.principal_minor for i in closed) == TERMS.principal_minor


@given(st.integers(1, 10**12), st.integers(0, 10_000))
def test_a_prepayment_splits_into_principal_and_its_fee(amount: int, fee_bps: int) -> None:
    principal, fee = split_prepayment(amount, fee_bps)
    assert principal + fee == amount
    assert principal >= 0
    assert fee >= fee_for(principal, fee_bps)
    assert fee_for(principal + 1, fee_bps) + principal + 1 > amount


def test_reamortising_keeps_the_due_dates_and_the_principal_exact() -> None:
    items = apply_payments(schedule(), allocate(
        schedule(), 10**9, AllocationOrder.PENALTIES_FEES_INTEREST_PRINCIPAL, ON).payments)
    left = future_principal(items, ON) - 3_000_00
    after = reamortized(items, TERMS, ON, left)
    assert after[:2] == items[:2]
    assert [i.due_date for i in after] == [i.due_date for i in items]
    assert future_principal(after, ON) == left
    current_old, current_new = items[2], after[2]
    assert current_new.interest_minor < current_old.interest_minor
    assert current_new.interest_minor >= current_old.interest_minor * 4 // 31
    assert after[3].total_minor < items[3].total_minor  # a smaller EMI, same tenure


def test_accrual_to_each_due_date_equals_the_interest_due() -> None:
    items = schedule()
    for k, installment in enumerate(items):
        assert interest_accrued_total(items, installment.due_date) == sum(
            i.interest_minor for i in items[: k + 1])
        day_before = installment.due_date - timedelta(days=1)
        assert interest_accrued_total(items, day_before) < interest_accrued_total(
            items, installment.due_date)
