"""Close-of-business rules: RBI's worked dates, NPA ages, borrower-wide NPA, provisions, penalty."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from paysetu.lending.rules.classification import (
    AssetClass,
    Classification,
    LoanArrears,
    classify,
    daily_penalty,
    days_past_due,
    npa_class,
    provision_for,
)

DUE = date(2026, 3, 31)
SHOP = ("mer_1", "lnd_1")


def one(oldest: date | None, on: date, npa_since: date | None = None) -> Classification:
    return classify([LoanArrears("loan_1", SHOP, oldest, npa_since)], on)["loan_1"]


@pytest.mark.parametrize(("on", "expected", "dpd"), [
    (date(2026, 3, 31), AssetClass.SMA_0, 0),   # unpaid at the day-end of its due date
    (date(2026, 4, 29), AssetClass.SMA_0, 29),
    (date(2026, 4, 30), AssetClass.SMA_1, 30),  # RBI: SMA-1 at the day-end of 30 April
    (date(2026, 5, 29), AssetClass.SMA_1, 59),
    (date(2026, 5, 30), AssetClass.SMA_2, 60),  # SMA-2 on 30 May
    (date(2026, 6, 28), AssetClass.SMA_2, 89),
    (date(2026, 6, 29), AssetClass.SUBSTANDARD, 90),  # NPA on 29 June
])
def test_rbi_worked_example(on: date, expected: AssetClass, dpd: int) -> None:
    result = one(DUE, on)
    assert (result.asset_class, result.days_past_due) == (expected, dpd)
    assert result.npa_since == (date(2026, 6, 29) if expected is AssetClass.SUBSTANDARD else None)


def test_nothing_overdue_is_standard() -> None:
    assert one(None, DUE) == Classification(AssetClass.STANDARD, 0, None)
    assert days_past_due(DUE + timedelta(days=1), DUE) is None  # not due yet


def test_a_first_run_late_dates_the_npa_from_day_90() -> None:
    assert one(DUE, date(2026, 7, 9)).npa_since == date(2026, 6, 29)


@pytest.mark.parametrize(("on", "expected"), [
    (date(2027, 6, 28), AssetClass.SUBSTANDARD),
    (date(2027, 6, 29), AssetClass.DOUBTFUL_1),
    (date(2028, 6, 28), AssetClass.DOUBTFUL_1),
    (date(2028, 6, 29), AssetClass.DOUBTFUL_2),
    (date(2030, 6, 28), AssetClass.DOUBTFUL_2),
    (date(2030, 6, 29), AssetClass.DOUBTFUL_3),
])
def test_npa_age(on: date, expected: AssetClass) -> None:
    assert npa_class(date(2026, 6, 29), on) is expected


def test_one_npa_loan_makes_all_the_borrowers_loans_npa() -> None:
    on = date(2026, 7, 1)
    result = classify([
        LoanArrears("loan_a", SHOP, DUE, None),          # 92 days: NPA
        LoanArrears("loan_b", SHOP, None, None),         # current
        LoanArrears("loan_c", ("mer_1", "lnd_2"), None, None),  # another lender's borrower
    ], on)
    assert result["loan_a"] == Classification(AssetClass.SUBSTANDARD, 92, date(2026, 6, 29))
    assert result["loan_b"] == Classification(AssetClass.SUBSTANDARD, 0, date(2026, 6, 29))
    assert result["loan_c"].asset_class is AssetClass.STANDARD


def test_an_npa_is_upgraded_only_when_every_arrear_is_cleared() -> None:
    since = date(2026, 6, 29)
    on = date(2026, 8, 1)
    recent = on - timedelta(days=3)  # partly paid: only a 3-day arrear left
    still = classify([LoanArrears("a", SHOP, recent, since), LoanArrears("b", SHOP, None, since)],
                     on)
    assert {c.asset_class for c in still.values()} == {AssetClass.SUBSTANDARD}
    cleared = classify([LoanArrears("a", SHOP, None, since), LoanArrears("b", SHOP, None, since)],
                       on)
    assert set(cleared.values()) == {Classification(AssetClass.STANDARD, 0, None)}


@pytest.mark.parametrize(("asset_class", "expected"), [
    (AssetClass.STANDARD, 500_00),        # 0.25% of 2,00,000
    (AssetClass.SMA_2, 500_00),
    (AssetClass.SUBSTANDARD, 50_000_00),  # 25% unsecured
    (AssetClass.DOUBTFUL_1, 2_00_000_00),
    (AssetClass.LOSS, 2_00_000_00),
])
def test_provisions_on_outstanding_principal(asset_class: AssetClass, expected: int) -> None:
    assert provision_for(2_00_000_00, asset_class) == expected


def test_secured_doubtful_provisions() -> None:
    assert [provision_for(1_000_00, c, secured=True) for c in (
        AssetClass.SUBSTANDARD, AssetClass.DOUBTFUL_1, AssetClass.DOUBTFUL_2,
        AssetClass.DOUBTFUL_3)] == [150_00, 250_00, 400_00, 1_000_00]


def test_provision_rounds_half_up() -> None:
    assert provision_for(2, AssetClass.SUBSTANDARD) == 1   # 0.5 -> 1
    assert provision_for(199, AssetClass.STANDARD) == 0    # 0.4975 -> 0
    assert provision_for(200, AssetClass.STANDARD) == 1    # 0.5 -> 1


def test_daily_penalty() -> None:
    # 9,412.34 overdue at 2% a year: 9,41,234 x 0.02 / 365 = 51.57... -> 52 paise.
    assert daily_penalty(9_412_34, 200) == 52
    assert daily_penalty(0, 200) == 0
    assert daily_penalty(1_000_00, 0) == 0
