"""RBI IRAC for cash-credit / overdraft accounts: when a credit line is "out of order" (pure).

A line is out of order at a day-end when any of these has held, each counted in day-ends
including the first one on which it held (``n = on - from + 1``):

1. **over the drawing power**: the drawn balance continuously above the drawing power (which
   is never above the limit), from the first day-end it was (``over_since``);
2. **no credits**: a drawn balance and no credit (repayment or sweep) since the later of the
   first day-end of the current drawn run (``debit_since``) and the day after the last credit;
3. **interest not covered**: interest debited to the line that the credits since have not
   covered, from the day after the oldest such debit (credits cover debits oldest first), so a
   month's interest left uncovered for 90 days makes the line NPA.

The line's out-of-order days are the largest ``n`` (0: in order). Classes (RBI's SMA table for
revolving facilities has no SMA-0): 0-30 ``standard``; 31-60 ``sma_1``; 61-90 ``sma_2``; beyond
90 an NPA from the 91st day. A review (renewal) not done within 180 days after its due date
makes the line an NPA from the 181st day. Classification is per borrower with the merchant's
term loans at the same lender (:func:`~paysetu.lending.rules.classification.classify`): each
line enters as a loan whose oldest overdue date is its first out-of-order day (``n - 1`` days
past due, so the thresholds 30 / 60 / 90 fall on ``n`` = 31 / 61 / 91), and one NPA makes all of
the borrower's loans and lines NPA; an NPA is upgraded only when every loan and line of the
borrower is in order. Provisions are the term loans' (:func:`~paysetu.lending.rules.
classification.provision_for` on the drawn balance).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from paysetu.lending.rules.classification import AssetClass, Classification, LoanArrears

REVIEW_GRACE_DAYS = 180
"""A review overdue by more than this many days makes the line an NPA."""


@dataclass(frozen=True, slots=True)
class LineDayFacts:
    """What the out-of-order rules read of one line at a day-end.

    Attributes:
        drawn_minor: The drawn balance at the day-end (debited interest included).
        over_since: Stored start of the current run above the drawing power (before today).
        debit_since: Stored start of the current run with a drawn balance (before today).
        last_credit_on: The last day a credit was received (today's included).
        uncovered_since: The date of the oldest interest debit not yet covered by credits.
    """

    drawn_minor: int
    drawing_power_minor: int
    over_since: date | None
    debit_since: date | None
    last_credit_on: date | None
    uncovered_since: date | None
    review_due: date


def run_start(previous: date | None, holds: bool, on: date) -> date | None:
    """A continuous run's first day-end: kept while the condition holds, ``on`` when it starts
    today, None when it does not hold."""
    if not holds:
        return None
    return previous if previous is not None else on


def out_of_order_from(facts: LineDayFacts, over_since: date | None,
                      debit_since: date | None) -> date | None:
    """The first day of the longest current out-of-order condition (module docstring), given
    today's runs; None when the line is in order."""
    starts: list[date] = []
    if over_since is not None:
        starts.append(over_since)
    if debit_since is not None:
        after_credit = (facts.last_credit_on + timedelta(days=1)
                        if facts.last_credit_on is not None else debit_since)
        starts.append(max(debit_since, after_credit))
    if facts.uncovered_since is not None:
        starts.append(facts.uncovered_since + timedelta(days=1))
    return min(starts) if starts else None


def out_of_order_days(start: date | None, on: date) -> int:
    """Day-ends counted since ``start`` (inclusive); 0 when in order or starting later."""
    return 0 if start is None or start > on else (on - start).days + 1


def review_overdue_from(review_due: date, on: date) -> date | None:
    """For an NPA by overdue review, the date that enters classification as the oldest overdue
    one (90 days past due on the 181st day after the review date), else None."""
    if on <= review_due + timedelta(days=REVIEW_GRACE_DAYS):
        return None
    return review_due + timedelta(days=REVIEW_GRACE_DAYS + 1 - 90)


@dataclass(frozen=True, slots=True)
class LineDay:
    """A line's runs and out-of-order standing at a day-end, before borrower classification."""

    over_since: date | None
    debit_since: date | None
    out_of_order_from: date | None
    out_of_order_days: int
    oldest_overdue: date | None
    """What classification reads: the earlier of the out-of-order start and the review's."""


def line_day(facts: LineDayFacts, on: date) -> LineDay:
    """Today's runs, out-of-order start and days (module docstring)."""
    over = run_start(facts.over_since, facts.drawn_minor > facts.drawing_power_minor, on)
    debit = run_start(facts.debit_since, facts.drawn_minor > 0, on)
    start = out_of_order_from(facts, over, debit)
    review = review_overdue_from(facts.review_due, on)
    dates = [d for d in (start, review) if d is not None]
    return LineDay(over, debit, start, out_of_order_days(start, on), min(dates) if dates else None)


def line_arrears(line_id: str, borrower: tuple[str, str], day: LineDay,
                 npa_since: date | None) -> LoanArrears:
    """The line as :func:`~paysetu.lending.rules.classification.classify` sees a loan."""
    return LoanArrears(line_id, borrower, day.oldest_overdue, npa_since)


def line_class(decided: Classification) -> AssetClass:
    """A line's class from the borrower's classification: no SMA-0 for revolving facilities."""
    return AssetClass.STANDARD if decided.asset_class is AssetClass.SMA_0 else decided.asset_class
