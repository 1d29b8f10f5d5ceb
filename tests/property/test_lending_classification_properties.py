"""Properties of the close-of-business rules over generated portfolios (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from paysetu.lending.rules.classification import (
    NPA_DAYS,
    AssetClass,
    LoanArrears,
    classify,
    daily_penalty,
    is_npa,
    performing_class,
    provision_bps,
    provision_for,
)

ON = date(2027, 1, 15)
ORDER = list(AssetClass)

arrears = st.builds(
    LoanArrears,
    loan_id=st.uuids().map(str),
    borrower=st.tuples(st.sampled_from(["mer_a", "mer_b", "mer_c"]),
                       st.sampled_from(["lnd_x", "lnd_y"])),
    oldest_overdue=st.none() | st.integers(0, 2_000).map(lambda d: ON - timedelta(days=d)),
    npa_since=st.none() | st.integers(0, 2_000).map(lambda d: ON - timedelta(days=d)),
)


@given(st.lists(arrears, max_size=12, unique_by=lambda a: a.loan_id))
def test_classification_rules_hold_for_any_portfolio(loans: list[LoanArrears]) -> None:
    result = classify(loans, ON)
    assert set(result) == {loan.loan_id for loan in loans}
    for loan in loans:
        got = result[loan.loan_id]
        group = [x for x in loans if x.borrower == loan.borrower]
        arrears_left = any(x.oldest_overdue is not None for x in group)
        # Borrower-wide: one class for all loans of an NPA borrower, NPA date = the earliest.
        if is_npa(got.asset_class):
            assert {result[x.loan_id].asset_class for x in group} == {got.asset_class}
            assert got.npa_since is not None
            assert got.npa_since <= ON
        # Upgraded only when every arrear of the borrower is cleared.
        if any(x.npa_since for x in group) and arrears_left:
            assert is_npa(got.asset_class)
        if not arrears_left:
            assert got.asset_class is AssetClass.STANDARD
            assert got.npa_since is None
        if loan.oldest_overdue is not None:
            assert got.days_past_due == (ON - loan.oldest_overdue).days
            if got.days_past_due >= NPA_DAYS:
                assert is_npa(got.asset_class)


@given(st.integers(0, 400), st.integers(0, 400))
def test_performing_classes_worsen_with_days_past_due(a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert ORDER.index(performing_class(low)) <= ORDER.index(performing_class(high))


@given(st.integers(0, 10**13), st.sampled_from(ORDER), st.booleans())
def test_provision_is_the_rate_rounded_half_up(
    outstanding: int, asset_class: AssetClass, secured: bool
) -> None:
    provision = provision_for(outstanding, asset_class, secured)
    exact = outstanding * provision_bps(asset_class, secured)
    assert 0 <= provision <= outstanding
    assert abs(provision * 10_000 - exact) <= 5_000


@given(st.integers(0, 10**13), st.integers(0, 10_000))
def test_daily_penalty_is_the_rate_over_365_rounded_half_up(overdue: int, rate: int) -> None:
    exact_times = overdue * rate  # penalty x 3,650,000
    assert abs(daily_penalty(overdue, rate) * 3_650_000 - exact_times) <= 1_825_000
