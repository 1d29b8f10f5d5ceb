"""Repayment schedules: EMI on reducing balance, equal principal, flat interest (pure).

A schedule splits ``principal_minor`` into ``periods`` installments, monthly or weekly, each
with a principal part and an interest part in integer minor units. The principal parts always
sum to the principal exactly: every rounding difference lands in the last installment.

Interest of one period (``InterestPeriod``):

* ``repayment_period``: the periodic rate is the annual rate / 12 (monthly) or / 52 (weekly),
  whatever the period's length in days (Fineract's "same as repayment period");
* ``daily``: balance x annual rate x year fraction of the period, by the day count:

  - ``actual_365``: actual days / 365 (Indian banks' usual convention);
  - ``actual_actual``: ISDA: days falling in each calendar year / that year's length (365 or
    366), summed;
  - ``thirty_360``: 30/360 bond basis (ISDA 2006 4.16(f)): day 31 counts as 30, and an end day
    of 31 as 30 when the start day is 30 or 31.

Methods (``ScheduleType``):

* ``emi``: equal installments on the reducing balance, EMI = P r / (1 - (1 + r)^-n) with the
  periodic rate r (also for daily interest, as Fineract does); each period's interest is on the
  balance, principal = EMI - interest; the last installment takes the remaining balance;
* ``equal_principal``: principal P / n each period, interest on the reducing balance;
* ``flat``: interest on the original principal for every period; installment (P + I) / n.

Rounding, named at each call site: interest and amounts to the minor unit half-up; an optional
``installment_multiple_minor`` rounds the EMI (emi), the installment (flat) or the principal
part (equal principal) half-up to a multiple (Fineract's "installment in multiples of"). Flat
interest is spread by rounding the cumulative interest, so its parts sum to the total exactly.

Both Fineract worked cases of ``domain.md`` section 6 are reproduced exactly (see the unit
tests): 5,000 at 12% over 18 months flat, multiples of 1: 17 x 328 + 324; declining balance:
EMI 305, last 303.22, total interest 488.22.

:func:`interest_accrued` spreads each installment's interest over its period, day by day, so
the close-of-business accrual books exactly the scheduled interest by each due date.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Context, Decimal
from enum import StrEnum

from paysetu.kernel.invariants import invariant

_MATH = Context(prec=40)
"""Enough digits that (1 + r)^n for 600 periods loses nothing at the minor unit."""
BPS = Decimal(10_000)


class Frequency(StrEnum):
    MONTHLY = "monthly"
    WEEKLY = "weekly"


class ScheduleType(StrEnum):
    EMI = "emi"
    EQUAL_PRINCIPAL = "equal_principal"
    FLAT = "flat"


class InterestPeriod(StrEnum):
    REPAYMENT_PERIOD = "repayment_period"
    DAILY = "daily"


class DayCount(StrEnum):
    ACTUAL_ACTUAL = "actual_actual"
    ACTUAL_365 = "actual_365"
    THIRTY_360 = "thirty_360"


PERIODS_PER_YEAR = {Frequency.MONTHLY: 12, Frequency.WEEKLY: 52}


@dataclass(frozen=True, slots=True)
class ScheduleTerms:
    """What a schedule is computed from.

    Attributes:
        principal_minor: Amount lent, minor units (> 0).
        rate_bps: Nominal annual interest rate in basis points (1200 = 12% a year).
        periods: Number of installments (>= 1).
        frequency: Monthly or weekly installments.
        schedule_type: EMI, equal principal or flat.
        interest_period: Interest per repayment period, or daily by ``day_count``.
        day_count: Year fraction convention for daily interest.
        installment_multiple_minor: Round the installment to a multiple of this (1: none).
    """

    principal_minor: int
    rate_bps: int
    periods: int
    frequency: Frequency
    schedule_type: ScheduleType
    interest_period: InterestPeriod = InterestPeriod.REPAYMENT_PERIOD
    day_count: DayCount = DayCount.ACTUAL_365
    installment_multiple_minor: int = 1

    def __post_init__(self) -> None:
        invariant(self.principal_minor > 0, "a schedule needs a positive principal")
        invariant(self.periods >= 1, "a schedule needs at least one period")
        invariant(self.rate_bps >= 0, "interest rates are not negative")
        invariant(self.installment_multiple_minor >= 1, "the multiple is at least 1")


@dataclass(frozen=True, slots=True)
class ScheduledInstallment:
    """One installment of a schedule.

    Attributes:
        number: 1-based position.
        period_start: The previous due date (or the disbursal date for the first).
        due_date: When it falls due; interest runs from ``period_start`` to here.
        principal_minor: Principal part.
        interest_minor: Interest part.
    """

    number: int
    period_start: date
    due_date: date
    principal_minor: int
    interest_minor: int

    @property
    def total_minor(self) -> int:
        return self.principal_minor + self.interest_minor


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the month's end (31 Jan + 1 -> 28/29 Feb)."""
    year, month_index = divmod(day.month - 1 + months, 12)
    year += day.year
    last = calendar.monthrange(year, month_index + 1)[1]
    return date(year, month_index + 1, min(day.day, last))


def repayment_periods(start: date, frequency: Frequency, count: int) -> list[tuple[date, date]]:
    """``(period_start, due_date)`` of ``count`` periods from ``start`` (the disbursal date).

    Monthly due dates are counted from ``start`` itself (31 Jan -> 28 Feb -> 31 Mar), so a
    short month does not pull every later date forward.
    """
    if frequency is Frequency.MONTHLY:
        dues = [add_months(start, k) for k in range(1, count + 1)]
    else:
        dues = [start + timedelta(weeks=k) for k in range(1, count + 1)]
    return list(zip([start, *dues[:-1]], dues, strict=True))


def year_fraction(start: date, end: date, day_count: DayCount) -> Decimal:
    """The part of a year between ``start`` and ``end`` under ``day_count`` (exact)."""
    if day_count is DayCount.ACTUAL_365:
        return _MATH.divide(Decimal((end - start).days), Decimal(365))
    if day_count is DayCount.THIRTY_360:
        d1 = min(start.day, 30)
        d2 = min(end.day, 30) if d1 == 30 else end.day
        days = 360 * (end.year - start.year) + 30 * (end.month - start.month) + d2 - d1
        return _MATH.divide(Decimal(days), Decimal(360))
    fraction = Decimal(0)
    cursor = start
    while cursor < end:
        year_end = date(cursor.year + 1, 1, 1)
        segment_end = min(end, year_end)
        length = 366 if calendar.isleap(cursor.year) else 365
        fraction += _MATH.divide(Decimal((segment_end - cursor).days), Decimal(length))
        cursor = segment_end
    return fraction


def periodic_rate(terms: ScheduleTerms) -> Decimal:
    """The rate of one repayment period: annual / 12 or / 52."""
    annual = _MATH.divide(Decimal(terms.rate_bps), BPS)
    return _MATH.divide(annual, Decimal(PERIODS_PER_YEAR[terms.frequency]))


def period_rate(terms: ScheduleTerms, start: date, end: date) -> Decimal:
    """The interest rate that applies to a balance over one period."""
    if terms.interest_period is InterestPeriod.REPAYMENT_PERIOD:
        return periodic_rate(terms)
    annual = _MATH.divide(Decimal(terms.rate_bps), BPS)
    return _MATH.multiply(annual, year_fraction(start, end, terms.day_count))


def round_half_up(value: Decimal) -> int:
    """To the minor unit, half away from zero (amounts are never negative here)."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP, context=_MATH))


def round_to_multiple(value: Decimal, multiple: int) -> int:
    """Half-up to a multiple of ``multiple`` minor units (Fineract's "in multiples of")."""
    steps = _MATH.divide(value, Decimal(multiple))
    return round_half_up(steps) * multiple


def emi_amount(principal_minor: int, rate: Decimal, periods: int) -> Decimal:
    """Unrounded equal installment for periodic rate ``rate`` (P / n when the rate is zero)."""
    if rate == 0:
        return _MATH.divide(Decimal(principal_minor), Decimal(periods))
    growth = _MATH.power(1 + rate, -periods)
    return _MATH.divide(_MATH.multiply(Decimal(principal_minor), rate), 1 - growth)


def build_schedule(terms: ScheduleTerms, start: date) -> tuple[ScheduledInstallment, ...]:
    """The schedule of a loan disbursed on ``start``."""
    return amortize(terms, repayment_periods(start, terms.frequency, terms.periods))


def amortize(
    terms: ScheduleTerms, periods: Sequence[tuple[date, date]], first_number: int = 1
) -> tuple[ScheduledInstallment, ...]:
    """Spread ``terms.principal_minor`` over the given ``(start, due)`` periods.

    ``len(periods)`` is the number of installments (a re-amortisation after a prepayment
    passes the periods still to come and the number of the first of them).
    """
    invariant(len(periods) >= 1, "amortising needs at least one period")
    rates = [period_rate(terms, start, due) for start, due in periods]
    if terms.schedule_type is ScheduleType.FLAT:
        parts = _flat(terms, rates)
    else:
        parts = _reducing(terms, rates)
    return tuple(
        ScheduledInstallment(first_number + k, start, due, principal, interest)
        for k, ((start, due), (principal, interest)) in enumerate(zip(periods, parts, strict=True))
    )


def _reducing(terms: ScheduleTerms, rates: Sequence[Decimal]) -> list[tuple[int, int]]:
    """EMI or equal principal: interest on the balance still owed at each period's start."""
    count = len(rates)
    multiple = terms.installment_multiple_minor
    if terms.schedule_type is ScheduleType.EMI:
        installment = round_to_multiple(
            emi_amount(terms.principal_minor, periodic_rate(terms), count), multiple)
    else:
        principal_part = round_to_multiple(
            _MATH.divide(Decimal(terms.principal_minor), Decimal(count)), multiple)
    balance = terms.principal_minor
    parts: list[tuple[int, int]] = []
    for index, rate in enumerate(rates):
        interest = round_half_up(_MATH.multiply(Decimal(balance), rate))
        if index == count - 1:
            principal = balance
        elif terms.schedule_type is ScheduleType.EMI:
            principal = min(balance, max(0, installment - interest))
        else:
            principal = min(balance, principal_part)
        parts.append((principal, interest))
        balance -= principal
    return parts


def _flat(terms: ScheduleTerms, rates: Sequence[Decimal]) -> list[tuple[int, int]]:
    """Flat: interest on the original principal; cumulative rounding keeps the total exact."""
    principal = Decimal(terms.principal_minor)
    cumulative = Decimal(0)
    interests: list[int] = []
    booked = 0
    for rate in rates:
        cumulative += _MATH.multiply(principal, rate)
        rounded = round_half_up(cumulative)
        interests.append(rounded - booked)
        booked = rounded
    installment = round_to_multiple(
        _MATH.divide(principal + booked, Decimal(len(rates))), terms.installment_multiple_minor)
    balance = terms.principal_minor
    parts: list[tuple[int, int]] = []
    for index, interest in enumerate(interests):
        last = index == len(interests) - 1
        part = balance if last else min(balance, max(0, installment - interest))
        parts.append((part, interest))
        balance -= part
    return parts


def interest_accrued(installment: ScheduledInstallment, on: date) -> int:
    """How much of ``installment``'s interest is earned by the end of day ``on``.

    Pro rata of the days elapsed since ``period_start``, rounded down, and all of it on the due
    date: summed over a loan's installments this is the interest income to date, and the
    accruals of a period add up to its installment's interest exactly.
    """
    if on >= installment.due_date:
        return installment.interest_minor
    if on <= installment.period_start:
        return 0
    elapsed = (on - installment.period_start).days
    length = (installment.due_date - installment.period_start).days
    return installment.interest_minor * elapsed // length
