"""The portfolio history's maths: a close of business's rows, the ratio series, the range, and
the console charts' geometry."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from paysetu.lending.pages.portfolio_charts import (
    PLOT_HEIGHT,
    WIDTH,
    category_charts,
    percent,
    ratio_charts,
)
from paysetu.lending.rules.classification import AssetClass
from paysetu.lending.rules.errors import LendingRejected, LendingStatus
from paysetu.lending.rules.portfolio_history import (
    HISTORY_DAYS_MAX,
    LoanStanding,
    PortfolioDay,
    RatioPoint,
    history_range,
    merge_days,
    portfolio_day,
    ratio_series,
)

ON = date(2026, 6, 15)


def _loan(lender: str, category: str, outstanding: int, dpd: int, asset_class: AssetClass,
          provision: int, currency: str = "INR") -> LoanStanding:
    npa = asset_class in (AssetClass.SUBSTANDARD, AssetClass.DOUBTFUL_1, AssetClass.LOSS)
    return LoanStanding(lender, category, currency, outstanding, dpd, asset_class, npa,
                        provision)


def test_a_day_sums_loans_by_lender_currency_and_category() -> None:
    rows = portfolio_day(ON, [
        _loan("lnd_b", "kishore", 1_00_000_00, 0, AssetClass.STANDARD, 250_00),
        _loan("lnd_a", "kishore", 2_00_000_00, 45, AssetClass.SMA_1, 500_00),
        _loan("lnd_a", "kishore", 50_000_00, 75, AssetClass.SMA_2, 125_00),
        _loan("lnd_a", "kishore", 80_000_00, 120, AssetClass.SUBSTANDARD, 20_000_00),
        _loan("lnd_a", "shishu", 40_000_00, 29, AssetClass.SMA_0, 100_00),
        _loan("lnd_a", "shishu", 10_000_00, 0, AssetClass.STANDARD, 25_00, currency="USD"),
    ])
    assert [(r.lender_id, r.currency, r.category) for r in rows] == [
        ("lnd_a", "INR", "kishore"), ("lnd_a", "INR", "shishu"), ("lnd_a", "USD", "shishu"),
        ("lnd_b", "INR", "kishore")]
    kishore = rows[0]
    assert kishore == PortfolioDay(ON, "lnd_a", "kishore", "INR", 3, 3_30_000_00,
                                   3_30_000_00, 1_30_000_00, 80_000_00, 80_000_00,
                                   20_625_00)
    shishu = rows[1]  # 29 days past due is not PAR 30
    assert (shishu.loans, shishu.par_30_minor, shishu.npa_minor) == (1, 0, 0)
    assert rows[3].par_30_minor == 0


def test_days_past_due_on_a_standard_loan_is_not_at_risk() -> None:
    """As the portfolio report: PAR counts loans late and classified below standard (a
    borrower's arrears cleared, the loan is standard again whatever its old count)."""
    [row] = portfolio_day(ON, [_loan("lnd_a", "tarun", 5_00_000_00, 40, AssetClass.STANDARD, 0)])
    assert (row.par_30_minor, row.outstanding_minor) == (0, 5_00_000_00)


def test_no_loans_no_rows() -> None:
    assert portfolio_day(ON, []) == []


def test_the_ratio_series_adds_categories_per_day() -> None:
    before = ON - timedelta(days=1)
    rows = [
        PortfolioDay(ON, "lnd_a", "shishu", "INR", 1, 100, 50, 0, 0, 10, 1),
        PortfolioDay(ON, "lnd_a", "kishore", "INR", 1, 300, 0, 0, 0, 30, 1),
        PortfolioDay(before, "lnd_a", "kishore", "INR", 1, 400, 0, 0, 0, 0, 1),
        PortfolioDay(ON, "lnd_b", "kishore", "INR", 1, 7, 7, 7, 7, 7, 7),
    ]
    series = ratio_series(rows)
    assert series[("lnd_a", "INR")] == [RatioPoint(before, 400, 0, 0),
                                        RatioPoint(ON, 400, 50, 40)]
    assert series[("lnd_b", "INR")] == [RatioPoint(ON, 7, 7, 7)]


def test_the_range_defaults_to_a_year_ending_at_the_last_day_closed() -> None:
    assert history_range(None, None, None) is None
    assert history_range(None, None, ON) == (ON - timedelta(days=HISTORY_DAYS_MAX - 1), ON)
    assert history_range(ON, None, None) == (ON, ON)
    assert history_range(date(2026, 6, 1), None, ON) == (date(2026, 6, 1), ON)
    start = ON - timedelta(days=HISTORY_DAYS_MAX - 1)
    assert history_range(start, ON, None) == (start, ON)
    with pytest.raises(LendingRejected) as too_long:
        history_range(start - timedelta(days=1), ON, None)
    with pytest.raises(LendingRejected) as backwards:
        history_range(ON, ON - timedelta(days=1), None)
    assert (too_long.value.code, too_long.value.param) == (LendingStatus.DATE_RANGE_INVALID,
                                                           "from")
    assert backwards.value.param == "from"


def _history(days: int) -> list[PortfolioDay]:
    """A lender's book: shishu steady, kishore growing; arrears from day 10."""
    rows = []
    for n in range(days):
        on = ON + timedelta(days=n)
        rows.append(PortfolioDay(on, "lnd_a", "shishu", "INR", 1, 40_000_00, 0, 0, 0, 0, 0))
        late = 1_00_000_00 if n >= 10 else 0
        rows.append(PortfolioDay(on, "lnd_a", "kishore", "INR", 2, 1_60_000_00 + n * 1_000_00,
                                 late, late, 0, late // 2, 0))
    return rows


def test_stacked_bars_fill_the_plot_at_the_peak_day() -> None:
    [chart] = category_charts(_history(150))
    assert chart.categories == ("shishu", "kishore")
    assert (chart.first_day, chart.last_day) == ("2026-06-15", "2026-11-11")
    last_day = [s for s in chart.segments if s.label.startswith("2026-11-11")]
    assert [s.category for s in last_day] == ["shishu", "kishore"]
    assert last_day[-1].y == 0  # the peak's top segment reaches the top of the plot
    assert sum(s.height for s in last_day) == PLOT_HEIGHT
    assert all(s.x >= 0 and s.x + s.width <= WIDTH for s in chart.segments)
    assert chart.rows[0].amounts == ("₹40,000.00", "₹1,60,000.00")
    assert chart.rows[0].total == "₹2,00,000.00"
    assert len(chart.rows) == 150


def test_ratio_lines_run_across_the_plot_on_a_10_percent_scale() -> None:
    [chart] = ratio_charts(_history(150))
    par = [tuple(map(int, p.split(","))) for p in chart.par_30_points.split()]
    npa = [tuple(map(int, p.split(","))) for p in chart.npa_points.split()]
    assert (par[0][0], par[-1][0]) == (0, WIDTH - 1)
    # highest PAR 30: 1,00,000 of 2,10,000 on day 10 = 47.62%, so the scale tops at 50%
    assert chart.top == "50.00%"
    assert par[0][1] == npa[0][1] == PLOT_HEIGHT
    assert par[10][1] == PLOT_HEIGHT - 4762 * PLOT_HEIGHT // 5000
    assert chart.rows[10].par_30 == "47.62%"
    assert chart.rows[10].npa == "23.81%"
    assert chart.latest_par_30 == chart.rows[-1].par_30
    assert chart.gridlines == (0, 45, 90, 135)


def test_one_day_and_no_book() -> None:
    [chart] = ratio_charts(_history(1))
    assert chart.par_30_points == f"0,{PLOT_HEIGHT}"
    assert category_charts([]) == []
    assert ratio_charts([]) == []
    assert percent(5) == "0.05%"
    assert percent(10_000) == "100.00%"


def test_credit_lines_of_2026_06_15_count_in_the_rows_and_their_par() -> None:
    sma_2_line = LoanStanding("lnd_a", "kishore", "INR", 50_000_00, 61, AssetClass.SMA_2, False,
                              125_00, credit_line=True)
    (lines,) = portfolio_day(ON, [sma_2_line])
    assert (lines.loans, lines.credit_lines) == (0, 1)
    assert (lines.par_30_minor, lines.par_60_minor, lines.par_90_minor) == (50_000_00,) * 2 + (0,)
    loans = portfolio_day(ON, [_loan("lnd_a", "kishore", 1_00_000_00, 0, AssetClass.STANDARD,
                                     250_00),
                               _loan("lnd_a", "shishu", 40_000_00, 0, AssetClass.STANDARD, 100_00)])
    kishore, shishu = merge_days(loans, [lines])
    assert (kishore.category, kishore.loans, kishore.credit_lines) == ("kishore", 1, 1)
    assert (kishore.outstanding_minor, kishore.par_30_minor, kishore.provisions_minor) == (
        1_50_000_00, 50_000_00, 375_00)
    assert (shishu.loans, shishu.credit_lines, shishu.outstanding_minor) == (1, 0, 40_000_00)

