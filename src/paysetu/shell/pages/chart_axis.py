"""The y-axis of the server-drawn charts: labels at the top, the quarters and zero.

Charts draw in a fixed ``viewBox`` that may stretch (``preserveAspectRatio="none"``), so their
labels are HTML beside the SVG, not SVG text: ``templates/_charts.html``'s ``plot`` macro puts
the labels :func:`quarter_ticks` returns in a column as tall as the plot, spread evenly from
the top (the scale's highest value) to the bottom (zero), one per gridline
(:func:`quarter_gridlines`).
"""

from __future__ import annotations

from collections.abc import Callable

QUARTERS = 4


def quarter_ticks(top: int, label: Callable[[int], str]) -> tuple[str, ...]:
    """The labels of ``top``, its three quarters, half, quarter and zero, top first."""
    return tuple(label(top * n // QUARTERS) for n in range(QUARTERS, -1, -1))


def quarter_gridlines(plot_height: int) -> tuple[int, ...]:
    """The y of the gridlines at the top and at each quarter above the baseline."""
    return tuple(plot_height * n // QUARTERS for n in range(QUARTERS))
