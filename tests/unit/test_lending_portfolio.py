"""Portfolio report arithmetic: ratios in basis points, months."""

from __future__ import annotations

from datetime import date

from paysetu.lending.rules.portfolio import month_bounds, ratio_bps


def test_ratios_round_half_up_in_basis_points() -> None:
    assert ratio_bps(1, 3) == 3333
    assert ratio_bps(2, 3) == 6667
    assert ratio_bps(1, 20_000) == 1  # 0.5 bps -> 1
    assert ratio_bps(5, 5) == 10_000
    assert ratio_bps(0, 0) == 0


def test_months() -> None:
    assert month_bounds("2026-12") == (date(2026, 12, 1), date(2027, 1, 1))
    assert month_bounds("2026-13") is None
    assert month_bounds("2026-1") is None
    assert month_bounds("202612") is None
