"""The lender console's history charts, drawn on the server as inline SVG (no script).

Two charts per currency from the rows each close of business stored
(:mod:`paysetu.lending.rules.portfolio_history`):

* outstanding principal by category: one stacked bar per business day, a segment per MUDRA
  category (colour and legend; the page's table gives the same numbers);
* PAR 30 and NPA ratio over time: two lines (solid and dashed, so colour is not the only
  difference) on a scale from 0 to the next whole 10% above the highest ratio.

As in :mod:`paysetu.payments.pages.charts`, geometry is integer arithmetic in a fixed
``viewBox`` the CSS scales to any width; on phones (375 px) the CSS also stretches it to a
readable height (strokes keep their width), so the charts draw nothing that distorts (no
dots, no SVG text: labels are HTML). Every chart has a table alternative with the same
figures.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import partial

from paysetu.lending.rules.loans import LoanCategory
from paysetu.lending.rules.portfolio import ratio_bps
from paysetu.lending.rules.portfolio_history import PortfolioDay, RatioPoint, ratio_series
from paysetu.shell.pages.chart_axis import quarter_gridlines, quarter_ticks
from paysetu.shell.pages.money_format import format_money_minor

WIDTH = 600
PLOT_HEIGHT = 180
HEIGHT = 182
SCALE_STEP_BPS = 1_000
"""The ratio chart's scale tops out at a multiple of 10%."""
CATEGORY_ORDER = tuple(c.value for c in LoanCategory)


def percent(bps: int) -> str:
    """Basis points as a percentage with 2 decimals: 1234 -> ``12.34%``."""
    return f"{bps // 100}.{bps % 100:02d}%"


@dataclass(frozen=True, slots=True)
class Segment:
    x: int
    y: int
    width: int
    height: int
    category: str
    label: str


@dataclass(frozen=True, slots=True)
class CategoryDay:
    """A table row: the day, each category's outstanding (in :attr:`CategoryChart.categories`
    order) and the total, formatted."""

    day: str
    amounts: tuple[str, ...]
    total: str


@dataclass(frozen=True, slots=True)
class CategoryChart:
    currency: str
    categories: tuple[str, ...]
    segments: tuple[Segment, ...]
    rows: tuple[CategoryDay, ...]
    first_day: str
    last_day: str
    peak: str
    ticks: tuple[str, ...]
    """The y-axis labels, from the peak (top) to 0, at the :attr:`gridlines`."""
    gridlines: tuple[int, ...] = quarter_gridlines(PLOT_HEIGHT)
    width: int = WIDTH
    height: int = HEIGHT
    plot_height: int = PLOT_HEIGHT


def _slot(count: int) -> tuple[int, int]:
    """Each day's horizontal slot and the gap either side of its bar."""
    slot = WIDTH // max(count, 1)
    return slot, 1 if slot >= 6 else 0


def category_charts(rows: Sequence[PortfolioDay]) -> list[CategoryChart]:
    """One chart per currency: each day's bar, its categories stacked in a fixed order."""
    books: dict[str, dict[date, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    for row in rows:
        day = books[row.currency][row.business_date]
        day[row.category] = day.get(row.category, 0) + row.outstanding_minor
    charts = []
    for currency, by_day in sorted(books.items()):
        present = {category for day in by_day.values() for category in day}
        categories = tuple(c for c in CATEGORY_ORDER if c in present)
        days = sorted(by_day)
        peak = max(sum(by_day[d].values()) for d in days)
        slot, gap = _slot(len(days))
        segments, table = [], []
        for index, on in enumerate(days):
            top, stacked = PLOT_HEIGHT, 0
            total = sum(by_day[on].values())
            for category in categories:  # tops from the running sum: the stack is exact
                amount = by_day[on].get(category, 0)
                stacked += amount
                below, top = top, PLOT_HEIGHT - stacked * PLOT_HEIGHT // peak if peak else top
                if below > top:
                    segments.append(Segment(
                        index * slot + gap, top, slot - 2 * gap, below - top, category,
                        f"{on.isoformat()} {category.replace('_', ' ')}: "
                        f"{format_money_minor(amount, currency)}"))
            table.append(CategoryDay(
                on.isoformat(),
                tuple(format_money_minor(by_day[on].get(c, 0), currency) for c in categories),
                format_money_minor(total, currency)))
        charts.append(CategoryChart(
            currency, categories, tuple(segments), tuple(table), days[0].isoformat(),
            days[-1].isoformat(), format_money_minor(peak, currency),
            quarter_ticks(peak, partial(format_money_minor, currency=currency))))
    return charts


@dataclass(frozen=True, slots=True)
class RatioDay:
    day: str
    outstanding: str
    par_30: str
    npa: str


@dataclass(frozen=True, slots=True)
class RatioChart:
    currency: str
    par_30_points: str
    """``x,y`` pairs for an SVG ``polyline``."""
    npa_points: str
    top: str
    """The scale's top, as a percentage."""
    ticks: tuple[str, ...]
    """The y-axis labels, from :attr:`top` to 0%, at the :attr:`gridlines`."""
    gridlines: tuple[int, ...]
    rows: tuple[RatioDay, ...]
    first_day: str
    last_day: str
    latest_par_30: str
    latest_npa: str
    width: int = WIDTH
    height: int = HEIGHT
    plot_height: int = PLOT_HEIGHT


def _scale_top(points: Sequence[RatioPoint]) -> int:
    """The next multiple of :data:`SCALE_STEP_BPS` above the highest ratio (at least one)."""
    highest = max(max(ratio_bps(p.par_30_minor, p.outstanding_minor),
                      ratio_bps(p.npa_minor, p.outstanding_minor)) for p in points)
    return min(10_000, (highest // SCALE_STEP_BPS + 1) * SCALE_STEP_BPS)


def _ratio_chart(currency: str, points: Sequence[RatioPoint]) -> RatioChart:
    top = _scale_top(points)
    spans = max(len(points) - 1, 1)
    par, npa, table = [], [], []
    for index, point in enumerate(points):
        x = index * (WIDTH - 1) // spans
        par_bps = ratio_bps(point.par_30_minor, point.outstanding_minor)
        npa_bps = ratio_bps(point.npa_minor, point.outstanding_minor)
        par.append((x, PLOT_HEIGHT - par_bps * PLOT_HEIGHT // top))
        npa.append((x, PLOT_HEIGHT - npa_bps * PLOT_HEIGHT // top))
        table.append(RatioDay(point.business_date.isoformat(),
                              format_money_minor(point.outstanding_minor, currency),
                              percent(par_bps), percent(npa_bps)))
    return RatioChart(
        currency, " ".join(f"{x},{y}" for x, y in par), " ".join(f"{x},{y}" for x, y in npa),
        percent(top), quarter_ticks(top, percent), quarter_gridlines(PLOT_HEIGHT), tuple(table),
        table[0].day, table[-1].day, table[-1].par_30, table[-1].npa)


def ratio_charts(rows: Sequence[PortfolioDay]) -> list[RatioChart]:
    """One chart per currency (the console shows one lender: its categories together)."""
    merged = [replace(r, lender_id="") for r in rows]
    return [_ratio_chart(currency, points)
            for (_, currency), points in ratio_series(merged).items()]
