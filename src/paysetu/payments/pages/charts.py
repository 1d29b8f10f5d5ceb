"""The daily volume chart, drawn on the server as inline SVG (no script, no chart library).

Geometry is integer arithmetic in a fixed ``viewBox`` that the CSS scales to any width, so the
same chart fits a phone and a desktop. Each bar carries a ``<title>`` (the day and the amount)
and the page repeats the numbers in a table for screen readers and keyboard users.
"""

from __future__ import annotations

from dataclasses import dataclass

from paysetu.payments.usecases.dashboard import VolumeSeries
from paysetu.shell.pages.chart_axis import quarter_gridlines, quarter_ticks
from paysetu.shell.pages.money_format import format_money_minor

WIDTH = 600
PLOT_HEIGHT = 180
HEIGHT = 182


@dataclass(frozen=True, slots=True)
class Bar:
    x: int
    y: int
    width: int
    height: int
    label: str


@dataclass(frozen=True, slots=True)
class BarChart:
    """One currency's bars, with the labels of the axis ends and the peak; the y-axis runs
    from 0 to the peak (``ticks``: its labels, top first, at the ``gridlines``)."""

    currency: str
    bars: tuple[Bar, ...]
    first_day: str
    last_day: str
    peak: str
    total: str
    ticks: tuple[str, ...]
    gridlines: tuple[int, ...] = quarter_gridlines(PLOT_HEIGHT)
    width: int = WIDTH
    height: int = HEIGHT
    plot_height: int = PLOT_HEIGHT


def bar_chart(series: VolumeSeries) -> BarChart:
    """Bars of ``series`` scaled to its highest day (a day without volume has no bar)."""
    peak = max((captured for _, captured, _ in series.days), default=0)
    slot = WIDTH // max(len(series.days), 1)
    gap = 1 if slot > 3 else 0
    bars = []
    for index, (day, captured, count) in enumerate(series.days):
        height = 0 if peak == 0 else max(1, captured * PLOT_HEIGHT // peak) if captured else 0
        payments = "payment" if count == 1 else "payments"
        label = f"{day.isoformat()}: {format_money_minor(captured, series.currency)} " \
                f"({count} {payments})"
        bars.append(Bar(index * slot + gap, PLOT_HEIGHT - height, slot - 2 * gap, height, label))
    return BarChart(
        series.currency, tuple(bars), series.days[0][0].isoformat(),
        series.days[-1][0].isoformat(), format_money_minor(peak, series.currency),
        format_money_minor(series.total_minor, series.currency),
        quarter_ticks(peak, lambda amount: format_money_minor(amount, series.currency)))
