"""The portfolio's history: one row per business day, lender, category and currency (pure).

Close of business (:mod:`paysetu.lending.usecases.loan_close_day`) already holds every active loan's
outstanding principal and the day's classification in memory, so it sums them here
(:func:`portfolio_day`) and stores the rows with the day, in the same transaction: the history
cannot disagree with the close-of-business run it belongs to. The figures are those of the
portfolio report (:mod:`paysetu.lending.rules.portfolio`) as of that day: ``PAR n`` is the
outstanding principal of loans ``n`` or more days past due (and not standard), NPA the
outstanding principal of loans with an NPA date, provisions what the loans hold.

Credit lines count in the same rows (``credit_lines`` beside ``loans``): a line's outstanding is
its drawn balance, its days past due are the borrower classification's (its out-of-order days
less one, so PAR 30 starts with SMA-1), NPA and provisions as for loans. Close of business sums
the lines in SQL (:mod:`paysetu.lending.stores.credit_line_close_day_store`, the same
:func:`portfolio_day` rules, proved equal by ``tests/property/test_credit_line_close_day_sql.py``)
and :func:`merge_days` adds them to the loans' rows.

:func:`ratio_series` folds a lender's categories into one point per day for the PAR 30 / NPA
chart; :func:`history_range` checks the range a reader asks for.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from paysetu.lending.rules.classification import AssetClass
from paysetu.lending.rules.errors import LendingRejected, LendingStatus

HISTORY_DAYS_MAX = 366
"""The longest range one read returns (a year of days, leap day included)."""


@dataclass(frozen=True, slots=True)
class LoanStanding:
    """One active loan at the end of a business day, as close of business classified it."""

    lender_id: str
    category: str
    currency: str
    outstanding_minor: int
    days_past_due: int
    asset_class: AssetClass
    npa: bool
    provision_minor: int
    credit_line: bool = False
    """A credit line (its drawn balance), not a term loan."""


@dataclass(frozen=True, slots=True)
class PortfolioDay:
    """A lender's loans of one category and currency at the end of ``business_date``."""

    business_date: date
    lender_id: str
    category: str
    currency: str
    loans: int
    outstanding_minor: int
    par_30_minor: int
    par_60_minor: int
    par_90_minor: int
    npa_minor: int
    provisions_minor: int
    credit_lines: int = 0
    """Credit lines among the rows' figures (``loans`` counts the term loans)."""


def _at_risk(loan: LoanStanding, days: int) -> int:
    late = loan.days_past_due >= days and loan.asset_class is not AssetClass.STANDARD
    return loan.outstanding_minor if late else 0


def portfolio_day(on: date, loans: Iterable[LoanStanding]) -> list[PortfolioDay]:
    """The day's rows, ordered by lender, currency and category (none for an empty group)."""
    sums: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0] * 8)
    for loan in loans:
        row = sums[(loan.lender_id, loan.currency, loan.category)]
        for index, amount in enumerate((
            0 if loan.credit_line else 1, loan.outstanding_minor, _at_risk(loan, 30),
            _at_risk(loan, 60), _at_risk(loan, 90), loan.outstanding_minor if loan.npa else 0,
            loan.provision_minor, 1 if loan.credit_line else 0,
        )):
            row[index] += amount
    return [PortfolioDay(on, lender, category, currency, *figures)
            for (lender, currency, category), figures in sorted(sums.items())]


def merge_days(*groups: Sequence[PortfolioDay]) -> list[PortfolioDay]:
    """Rows of the same day summed per lender, category and currency (the loans' and the
    lines'), ordered as :func:`portfolio_day` orders them."""
    sums: dict[tuple[date, str, str, str], list[int]] = defaultdict(lambda: [0] * 8)
    for row in (r for group in groups for r in group):
        total = sums[(row.business_date, row.lender_id, row.currency, row.category)]
        for index, amount in enumerate((
            row.loans, row.outstanding_minor, row.par_30_minor, row.par_60_minor,
            row.par_90_minor, row.npa_minor, row.provisions_minor, row.credit_lines,
        )):
            total[index] += amount
    return [PortfolioDay(on, lender, category, currency, *figures)
            for (on, lender, currency, category), figures in sorted(sums.items())]


@dataclass(frozen=True, slots=True)
class RatioPoint:
    """A lender's book in one currency on one day, all categories together."""

    business_date: date
    outstanding_minor: int
    par_30_minor: int
    npa_minor: int


def ratio_series(days: Sequence[PortfolioDay]) -> dict[tuple[str, str], list[RatioPoint]]:
    """Per ``(lender, currency)``, one point per business day with a row, in date order."""
    totals: dict[tuple[str, str], dict[date, list[int]]] = defaultdict(
        lambda: defaultdict(lambda: [0, 0, 0]))
    for row in days:
        point = totals[(row.lender_id, row.currency)][row.business_date]
        point[0] += row.outstanding_minor
        point[1] += row.par_30_minor
        point[2] += row.npa_minor
    return {key: [RatioPoint(on, *figures) for on, figures in sorted(by_day.items())]
            for key, by_day in sorted(totals.items())}


def history_range(
    start: date | None, end: date | None, last: date | None
) -> tuple[date, date] | None:
    """``[start, end]`` with the defaults filled in: ``end`` defaults to the last business day
    closed (or ``start``), ``start`` to the longest range ending at ``end``. None when there is
    nothing to default to (no day closed, none asked for); ``date_range_invalid`` on ``from``
    (only a given start can be wrong) when the range runs backwards or spans more than
    :data:`HISTORY_DAYS_MAX` days."""
    final = end or last or start
    if final is None:
        return None
    first = start or final - timedelta(days=HISTORY_DAYS_MAX - 1)
    if first > final:
        raise LendingRejected(LendingStatus.DATE_RANGE_INVALID,
                              f"The range starts {first.isoformat()}, after its end.", "from")
    if (final - first).days >= HISTORY_DAYS_MAX:
        raise LendingRejected(LendingStatus.DATE_RANGE_INVALID,
                              f"A range spans at most {HISTORY_DAYS_MAX} days.", "from")
    return first, final
