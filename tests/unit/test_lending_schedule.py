"""Loan schedules: Fineract's worked cases exactly, numpy-financial as an oracle, exact sums.

domain.md section 6 quotes two of Apache Fineract's published scenarios (in major units with
installments in multiples of 1, i.e. 100 minor units here); any correct implementation
reproduces them to the cent. ``numpy_financial`` (pmt, ipmt, ppmt) checks the unrounded EMI
maths over generated principal, rate and tenure.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise

import numpy_financial as npf
import pytest
from hypothesis import given
from hypothesis import strategies as st

from paysetu.lending.rules.schedule import (
    DayCount,
    Frequency,
    InterestPeriod,
    ScheduleTerms,
    ScheduleType,
    add_months,
    build_schedule,
    interest_accrued,
    repayment_periods,
    year_fraction,
)

START = date(2026, 1, 15)


def fineract(schedule_type: ScheduleType) -> ScheduleTerms:
    """5,000 at 12% a year, 18 monthly installments, interest per period, multiples of 1."""
    return ScheduleTerms(5_000_00, 1200, 18, Frequency.MONTHLY, schedule_type,
                         InterestPeriod.REPAYMENT_PERIOD, installment_multiple_minor=100)


def test_fineract_flat_case() -> None:
    schedule = build_schedule(fineract(ScheduleType.FLAT), START)
    assert [(i.principal_minor, i.interest_minor) for i in schedule] == (
        [(278_00, 50_00)] * 17 + [(274_00, 50_00)])
    assert [i.total_minor for i in schedule] == [328_00] * 17 + [324_00]
    assert sum(i.interest_minor for i in schedule) == 900_00
    assert sum(i.principal_minor for i in schedule) == 5_000_00


def test_fineract_declining_balance_case() -> None:
    schedule = build_schedule(fineract(ScheduleType.EMI), START)
    first, second = schedule[0], schedule[1]
    assert (first.total_minor, first.interest_minor, first.principal_minor) == (
        305_00, 50_00, 255_00)
    assert 5_000_00 - first.principal_minor == 4_745_00
    assert (second.interest_minor, second.principal_minor) == (47_45, 257_55)
    assert all(i.total_minor == 305_00 for i in schedule[:-1])
    assert schedule[-1].total_minor == 303_22
    assert sum(i.interest_minor for i in schedule) == 488_22
    assert sum(i.principal_minor for i in schedule) == 5_000_00


def test_monthly_due_dates_clamp_to_month_end_without_drifting() -> None:
    periods = repayment_periods(date(2026, 1, 31), Frequency.MONTHLY, 3)
    assert periods == [(date(2026, 1, 31), date(2026, 2, 28)),
                       (date(2026, 2, 28), date(2026, 3, 31)),
                       (date(2026, 3, 31), date(2026, 4, 30))]
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    weekly = repayment_periods(START, Frequency.WEEKLY, 2)
    assert weekly == [(START, START + timedelta(7)), (START + timedelta(7), START + timedelta(14))]


def _close(value: Decimal, expected: Decimal) -> bool:
    return abs(value - expected) < Decimal("1e-25")


def test_day_count_conventions() -> None:
    assert _close(year_fraction(date(2026, 1, 1), date(2026, 2, 1), DayCount.ACTUAL_365),
                  Decimal(31) / Decimal(365))
    # 30/360 bond basis: the 31st counts as the 30th.
    assert _close(year_fraction(date(2026, 1, 31), date(2026, 3, 31), DayCount.THIRTY_360),
                  Decimal(60) / Decimal(360))
    assert _close(year_fraction(date(2026, 1, 31), date(2026, 2, 28), DayCount.THIRTY_360),
                  Decimal(28) / Decimal(360))
    # actual/actual (ISDA): days in each calendar year over that year's length.
    assert _close(year_fraction(date(2023, 12, 15), date(2024, 1, 15), DayCount.ACTUAL_ACTUAL),
                  Decimal(17) / 365 + Decimal(14) / 366)


def test_daily_interest_uses_the_days_of_each_period() -> None:
    terms = ScheduleTerms(1_00_000_00, 1825, 3, Frequency.MONTHLY, ScheduleType.EQUAL_PRINCIPAL,
                          InterestPeriod.DAILY, DayCount.ACTUAL_365)
    schedule = build_schedule(terms, date(2026, 1, 1))
    # 18.25% over 31 days on 1,00,000 = 1,550.00; February (28 days) on 66,666.67 = 933.33.
    assert schedule[0].interest_minor == 1_550_00
    assert schedule[0].principal_minor == 33_333_33
    assert schedule[1].interest_minor == 933_33
    assert sum(i.principal_minor for i in schedule) == 1_00_000_00


def test_zero_rate_spreads_the_principal() -> None:
    terms = ScheduleTerms(100_00, 0, 3, Frequency.WEEKLY, ScheduleType.EMI)
    schedule = build_schedule(terms, START)
    assert [i.total_minor for i in schedule] == [33_33, 33_33, 33_34]
    assert all(i.interest_minor == 0 for i in schedule)


def test_interest_accrues_pro_rata_and_whole_on_the_due_date() -> None:
    installment = build_schedule(fineract(ScheduleType.EMI), date(2026, 1, 1))[0]
    days = (installment.due_date - installment.period_start).days
    accrued = [interest_accrued(installment, installment.period_start + timedelta(d))
               for d in range(days + 2)]
    assert accrued[0] == 0
    assert accrued[10] == 50_00 * 10 // days
    assert accrued[days] == accrued[days + 1] == installment.interest_minor
    assert accrued == sorted(accrued)


terms_strategy = st.builds(
    ScheduleTerms,
    principal_minor=st.integers(1, 20_00_000_00),
    rate_bps=st.integers(0, 3600),
    periods=st.integers(1, 120),
    frequency=st.sampled_from(Frequency),
    schedule_type=st.sampled_from(ScheduleType),
    interest_period=st.sampled_from(InterestPeriod),
    day_count=st.sampled_from(DayCount),
    installment_multiple_minor=st.sampled_from([1, 1, 100, 1000]),
)


@given(terms_strategy, st.dates(date(2000, 1, 1), date(2090, 12, 31)))
def test_installments_always_sum_to_the_principal(terms: ScheduleTerms, start: date) -> None:
    schedule = build_schedule(terms, start)
    assert len(schedule) == terms.periods
    assert sum(i.principal_minor for i in schedule) == terms.principal_minor
    assert all(i.principal_minor >= 0 and i.interest_minor >= 0 for i in schedule)
    assert all(a.due_date == b.period_start for a, b in pairwise(schedule))


def _balance_error_bound(rate: float, periods: int) -> float:
    """How far a schedule rounded to the minor unit may drift from exact maths after
    ``periods`` periods: each adds at most 1 (half from the EMI, half from the interest), and
    earlier drift grows with the balance's interest."""
    if rate == 0:
        return float(periods)
    return float(((1 + rate) ** periods - 1) / rate)


@given(st.integers(1_000_00, 20_00_000_00), st.integers(1, 3600), st.integers(1, 120))
def test_emi_schedule_agrees_with_numpy_financial(
    principal: int, rate_bps: int, periods: int
) -> None:
    terms = ScheduleTerms(principal, rate_bps, periods, Frequency.MONTHLY, ScheduleType.EMI)
    schedule = build_schedule(terms, START)
    rate = rate_bps / 10_000 / 12
    payment = -float(npf.pmt(rate, periods, principal))
    if periods > 1:
        assert abs(schedule[0].total_minor - payment) <= 0.5 + 1e-6 * payment
    for k, installment in enumerate(schedule, start=1):
        tolerance = 0.5 + rate * _balance_error_bound(rate, k - 1) + 1e-6 * principal
        assert abs(installment.interest_minor + float(npf.ipmt(rate, k, periods, principal))) \
            <= tolerance
        if k < periods:
            assert abs(installment.principal_minor + float(npf.ppmt(rate, k, periods, principal))) \
                <= tolerance + 0.5
    exact_interest = payment * periods - principal
    total_interest = sum(i.interest_minor for i in schedule)
    assert abs(total_interest - exact_interest) <= (
        periods * 0.5 + (1 + rate) * _balance_error_bound(rate, periods) + 1e-6 * principal)


@pytest.mark.parametrize("schedule_type", list(ScheduleType))
def test_total_interest_matches_its_method(schedule_type: ScheduleType) -> None:
    terms = ScheduleTerms(2_00_000_00, 1800, 24, Frequency.MONTHLY, schedule_type)
    schedule = build_schedule(terms, START)
    total_interest = sum(i.interest_minor for i in schedule)
    if schedule_type is ScheduleType.FLAT:
        assert total_interest == 2_00_000_00 * 18 // 100 * 2  # 18% a year for two years
    elif schedule_type is ScheduleType.EQUAL_PRINCIPAL:
        # 1.5% a month on balances of 24/24, 23/24, ... 1/24 of the principal.
        assert abs(total_interest - 2_00_000_00 * 0.015 * sum(range(1, 25)) / 24) <= 24
    else:
        exact = -float(npf.pmt(0.015, 24, 2_00_000_00)) * 24 - 2_00_000_00
        assert abs(total_interest - exact) <= 24
