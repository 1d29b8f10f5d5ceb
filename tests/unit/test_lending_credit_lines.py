"""Credit-line rules on worked dates: drawing power, actual/365 interest, penal charges, IRAC."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from paysetu.ledger.rules.entries import Direction
from paysetu.lending.rules.classification import (
    AssetClass,
    Classification,
    LoanArrears,
    classify,
    provision_for,
)
from paysetu.lending.rules.credit_line_classification import (
    LineDayFacts,
    line_arrears,
    line_class,
    line_day,
)
from paysetu.lending.rules.credit_line_close_day import LineSnapshot, line_figures, line_update
from paysetu.lending.rules.credit_lines import (
    POLICY,
    DrawingPowerPolicy,
    allocate_repayment,
    available_to_draw,
    daily_penal_charge,
    drawing_power,
    interest_to_date,
    is_month_end,
    limit_in_band,
)
from paysetu.lending.rules.loans import RepaymentParts
from paysetu.lending.rules.provisions import CloseDayAccounts, WriteOff, line_write_off_entry

SHOP = ("mer_1", "lnd_1")
REVIEW = date(2027, 3, 31)


def test_drawing_power_on_2026_06_30_is_half_of_90_days_net_sales_rounded_down() -> None:
    dp = drawing_power(POLICY, 50_000_00, 61_234_57, date(2026, 6, 30))
    assert dp.amount_minor == 30_617_00  # 50% of 61,234.57 = 30,617.285 -> rounded down to 1
    assert not dp.capped_by_limit
    assert (dp.window_from, dp.window_to) == (date(2026, 4, 2), date(2026, 6, 30))
    assert dp.document()["explanation"].startswith("50% of the net settled sales of the 90 days")


def test_drawing_power_on_2026_06_30_never_above_the_limit_nor_below_zero() -> None:
    assert drawing_power(POLICY, 50_000_00, 500_000_00, date(2026, 6, 30)).amount_minor == 50_000_00
    assert drawing_power(POLICY, 50_000_00, 500_000_00, date(2026, 6, 30)).capped_by_limit
    assert drawing_power(POLICY, 50_000_00, -10_00, date(2026, 6, 30)).amount_minor == 0


def test_policy_is_configurable() -> None:
    policy = DrawingPowerPolicy(version="dp-test", window_days=30, share_bps=2_500, step_minor=1)
    dp = drawing_power(policy, 10**9, 1_001, date(2026, 1, 31))
    assert (dp.amount_minor, dp.window_from) == (250, date(2026, 1, 2))


def test_limit_within_the_pmmy_band() -> None:
    shishu = (100, 50_000_00)
    assert limit_in_band(50_000_00, shishu)
    assert not limit_in_band(50_000_01, shishu)


def test_interest_actual_365_for_january_2026_is_rounded_once_per_month() -> None:
    # 1,00,000.00 drawn at 12% for the 31 days of January 2026: 100000 x 0.12 x 31 / 365
    product = 0
    accrued = []
    for _ in range(31):
        product += 100_000_00 * 1_200
        accrued.append(interest_to_date(product))
    assert accrued[-1] == 1_019_18  # 1,019.178... half-up
    assert accrued[0] == 32_88  # 32.876... on 1 January
    increases = [b - a for a, b in zip([0, *accrued], accrued, strict=False)]
    assert sum(increases) == accrued[-1]
    assert all(i in (32_87, 32_88) for i in increases)


def test_month_end_debit_days_2026() -> None:
    assert is_month_end(date(2026, 1, 31))
    assert is_month_end(date(2026, 2, 28))
    assert not is_month_end(date(2028, 2, 28))
    assert is_month_end(date(2028, 2, 29))


def test_penal_charge_on_2026_05_01_is_on_the_excess_only_and_not_compounded() -> None:
    # drawn 60,000 against a drawing power of 50,000, penal 2% a year: 10,000 x 0.02 / 365
    assert daily_penal_charge(60_000_00, 50_000_00, 200) == 55  # 0.5479 -> 0.55
    assert daily_penal_charge(50_000_00, 50_000_00, 200) == 0
    # the same excess next day is charged the same, whatever was charged before
    assert daily_penal_charge(60_000_00, 50_000_00, 200) == 55


def test_repayment_allocation_penal_then_drawn_then_accrued() -> None:
    assert allocate_repayment(10_00, 3_00, 5_00, 4_00) == RepaymentParts(
        penalty_minor=3_00, principal_minor=5_00, interest_minor=2_00)
    assert allocate_repayment(12_01, 3_00, 5_00, 4_00) is None
    assert available_to_draw(40_00, 30_00) == 0
    assert available_to_draw(10_00, 30_00) == 20_00


def facts(drawn: int = 0, dp: int = 50_000_00, over: date | None = None,
          debit: date | None = None, credit: date | None = None,
          uncovered: date | None = None, review: date = REVIEW) -> LineDayFacts:
    return LineDayFacts(drawn, dp, over, debit, credit, uncovered, review)


def classify_line(f: LineDayFacts, on: date, npa_since: date | None = None) -> tuple[AssetClass,
                                                                                      int]:
    day = line_day(f, on)
    decided = classify([line_arrears("cln_1", SHOP, day, npa_since)], on)["cln_1"]
    return line_class(decided), day.out_of_order_days


@pytest.mark.parametrize(("on", "expected", "days"), [
    (date(2026, 4, 1), AssetClass.STANDARD, 1),     # first day-end above the drawing power
    (date(2026, 4, 30), AssetClass.STANDARD, 30),
    (date(2026, 5, 1), AssetClass.SMA_1, 31),
    (date(2026, 5, 30), AssetClass.SMA_1, 60),
    (date(2026, 5, 31), AssetClass.SMA_2, 61),
    (date(2026, 6, 29), AssetClass.SMA_2, 90),
    (date(2026, 6, 30), AssetClass.SUBSTANDARD, 91),  # beyond 90 days: NPA
])
def test_over_drawing_power_from_2026_04_01(on: date, expected: AssetClass, days: int) -> None:
    # a credit every day keeps the no-credit rule quiet: only the excess counts
    f = facts(60_000_00, over=date(2026, 4, 1) if on > date(2026, 4, 1) else None,
              debit=date(2026, 3, 1), credit=on)
    assert classify_line(f, on) == (expected, days)


def test_over_drawing_power_ends_when_the_balance_comes_back_on_2026_05_10() -> None:
    f = facts(50_000_00, over=date(2026, 4, 1), debit=date(2026, 3, 1),
              credit=date(2026, 5, 10))
    assert classify_line(f, date(2026, 5, 10)) == (AssetClass.STANDARD, 0)
    assert line_day(f, date(2026, 5, 10)).over_since is None


@pytest.mark.parametrize(("on", "expected", "days"), [
    (date(2026, 2, 14), AssetClass.STANDARD, 30),   # last credit 15 January 2026
    (date(2026, 2, 15), AssetClass.SMA_1, 31),
    (date(2026, 3, 17), AssetClass.SMA_2, 61),
    (date(2026, 4, 15), AssetClass.SMA_2, 90),
    (date(2026, 4, 16), AssetClass.SUBSTANDARD, 91),
])
def test_no_credits_since_2026_01_15(on: date, expected: AssetClass, days: int) -> None:
    f = facts(10_000_00, debit=date(2025, 12, 1), credit=date(2026, 1, 15))
    assert classify_line(f, on) == (expected, days)


def test_no_credits_counts_from_the_first_draw_on_2026_03_01_when_never_credited() -> None:
    f = facts(10_000_00, debit=date(2026, 3, 1))
    assert classify_line(f, date(2026, 5, 29)) == (AssetClass.SMA_2, 90)
    assert classify_line(f, date(2026, 5, 30)) == (AssetClass.SUBSTANDARD, 91)


def test_nothing_drawn_is_in_order_without_credits_on_2026_12_31() -> None:
    assert classify_line(facts(0), date(2026, 12, 31)) == (AssetClass.STANDARD, 0)


@pytest.mark.parametrize(("on", "expected", "days"), [
    (date(2026, 3, 3), AssetClass.SMA_1, 31),   # January's interest, debited 31 January 2026
    (date(2026, 5, 1), AssetClass.SMA_2, 90),
    (date(2026, 5, 2), AssetClass.SUBSTANDARD, 91),
])
def test_interest_debited_2026_01_31_not_covered(on: date, expected: AssetClass,
                                                 days: int) -> None:
    f = facts(10_000_00, debit=date(2026, 1, 1), credit=on, uncovered=date(2026, 1, 31))
    assert classify_line(f, on) == (expected, days)


def test_review_due_2027_03_31_not_done_makes_npa_on_2027_09_28() -> None:
    review = date(2027, 3, 31)
    assert review + timedelta(days=181) == date(2027, 9, 28)
    assert classify_line(facts(0, review=review), date(2027, 9, 27)) == (AssetClass.STANDARD, 0)
    assert classify_line(facts(0, review=review), date(2027, 9, 28))[0] is AssetClass.SUBSTANDARD
    day = line_day(facts(0, review=review), date(2027, 9, 28))
    decided = classify([line_arrears("cln_1", SHOP, day, None)], date(2027, 9, 28))["cln_1"]
    assert decided.npa_since == date(2027, 9, 28)


def test_borrower_level_npa_on_2026_06_29_reaches_the_line_and_back() -> None:
    on = date(2026, 6, 29)
    loan_npa = LoanArrears("loan_1", SHOP, date(2026, 3, 31), None)  # RBI: NPA on 29 June
    line = line_arrears("cln_1", SHOP, line_day(facts(0), on), None)
    decided = classify([loan_npa, line], on)
    assert line_class(decided["cln_1"]) is AssetClass.SUBSTANDARD
    assert decided["cln_1"].npa_since == on
    # an out-of-order line makes the borrower's performing loan NPA too
    over = facts(60_000_00, over=date(2026, 3, 31), debit=date(2026, 3, 1), credit=on)
    line = line_arrears("cln_1", SHOP, line_day(over, on), None)
    clean = LoanArrears("loan_2", SHOP, None, None)
    other = LoanArrears("loan_3", ("mer_1", "lnd_2"), None, None)
    decided = classify([line, clean, other], on)
    assert decided["loan_2"].asset_class is AssetClass.SUBSTANDARD
    assert decided["loan_3"].asset_class is AssetClass.STANDARD  # another lender


def test_npa_line_upgraded_on_2026_08_10_only_when_in_order() -> None:
    on = date(2026, 8, 10)
    clean = facts(10_000_00, debit=date(2026, 3, 1), credit=on)
    assert classify_line(clean, on, npa_since=date(2026, 6, 30)) == (AssetClass.STANDARD, 0)
    late = facts(60_000_00, over=date(2026, 8, 1), debit=date(2026, 3, 1), credit=on)
    assert classify_line(late, on, npa_since=date(2026, 6, 30))[0] is AssetClass.SUBSTANDARD


def test_provisions_as_for_term_loans() -> None:
    assert provision_for(40_000_00, AssetClass.STANDARD) == 100_00
    assert provision_for(40_000_00, AssetClass.SUBSTANDARD) == 10_000_00


def snapshot(on: date, drawn: int = 60_000_00, receivable: int = 0, rbd: int = 0,
             accrued: int = 0, review: date = REVIEW, net: int = 1_00_000_00,
             penal: int = 0, uncovered: int = 0) -> LineSnapshot:
    return LineSnapshot(
        line_id="cln_1", active=True, merchant_id="mer_1", lender_id="lnd_1",
        category="kishore", currency="INR", drawn_account_id="a", interest_account_id="b",
        limit_minor=1_00_000_00, rate_bps=1_200, penal_rate_bps=200, review_due=review,
        drawn_minor=drawn, interest_receivable_minor=receivable, rate_balance_days=rbd,
        interest_accrued_minor=accrued, interest_accrued_through=on - timedelta(days=1),
        penal_charges_minor=penal, over_since=None, debit_since=date(2026, 1, 1),
        last_credit_on=on, uncovered_since=date(2026, 4, 30) if uncovered else None,
        uncovered_minor=uncovered, asset_class=AssetClass.STANDARD,
        npa_since=None, provision_minor=0, interest_suspense_minor=0, net_settled_minor=net)


def test_close_of_2026_01_31_accrues_then_debits_the_month_and_starts_a_new_one() -> None:
    on = date(2026, 1, 31)
    before = snapshot(on, rbd=60_000_00 * 1_200 * 30, accrued=591_78, receivable=591_78)
    figures = line_figures(before, on, POLICY)
    assert figures.drawing_power.amount_minor == 50_000_00  # half of 1,00,000 settled
    assert figures.accrual_minor == interest_to_date(60_000_00 * 1_200 * 31) - 591_78
    assert figures.debit_minor == 591_78 + figures.accrual_minor  # January's interest
    assert figures.drawn_minor == 60_000_00 + figures.debit_minor
    assert (figures.rate_balance_days, figures.interest_accrued_minor) == (0, 0)
    # above the drawing power: a penal charge on the excess, not on the interest charged
    assert figures.penal_minor == daily_penal_charge(figures.drawn_minor, 50_000_00, 200)
    assert figures.day.over_since == on


def test_close_of_2026_02_01_is_not_a_debit_day_and_runs_are_kept() -> None:
    figures = line_figures(snapshot(date(2026, 2, 1), drawn=40_000_00), date(2026, 2, 1), POLICY)
    assert figures.debit_minor == 0
    assert figures.penal_minor == 0
    assert figures.day.debit_since == date(2026, 1, 1)


def test_a_line_repaid_after_its_review_of_2027_03_31_closes_on_2027_04_01() -> None:
    on = date(2027, 4, 1)
    figures = line_figures(snapshot(on, drawn=0), on, POLICY)
    decided = classify([line_arrears("cln_1", SHOP, figures.day, None)], on)["cln_1"]
    update = line_update(figures, decided, on)
    assert update.closes
    assert update.provision_minor == 0
    still_owes = line_figures(snapshot(on, drawn=0, penal=1), on, POLICY)
    assert not line_update(still_owes, decided, on).closes


def test_npa_on_2026_07_01_puts_debited_unpaid_interest_and_accrual_in_suspense() -> None:
    on = date(2026, 7, 1)
    # April-June's interest debited (353.19 in all) and not covered; 1 July's accrued
    npa = Classification(AssetClass.SUBSTANDARD, 90, on)
    figures = line_figures(snapshot(on, drawn=10_349_19, uncovered=353_19), on, POLICY)
    assert figures.accrual_minor == interest_to_date(10_349_19 * 1_200)
    update = line_update(figures, npa, on)
    assert update.interest_suspense_minor == 353_19 + figures.accrual_minor
    # on 31 July the month's accrual is debited: it stays in suspense, now as debited interest
    july_end = date(2026, 7, 31)
    month = line_figures(snapshot(july_end, drawn=10_349_19, uncovered=353_19, receivable=40_00,
                                  accrued=40_00), july_end, POLICY)
    assert month.debit_minor == 40_00 + month.accrual_minor
    assert line_update(month, npa, july_end).interest_suspense_minor == (
        353_19 + month.debit_minor)


def test_npa_line_upgraded_on_2026_08_10_releases_its_suspense() -> None:
    on = date(2026, 8, 10)
    figures = line_figures(snapshot(on, drawn=0, uncovered=0), on, POLICY)
    upgraded = line_update(figures, Classification(AssetClass.STANDARD, 0, None), on)
    assert upgraded.interest_suspense_minor == 0


def test_write_off_of_2026_07_02_takes_principal_against_provision_and_interest_against_suspense(
) -> None:
    books = CloseDayAccounts("acct_expense", "acct_provision", "acct_suspense")
    # drawn 10,349.19 of which 349.19 is interest debited and unpaid; 3.97 accrued; all the
    # unpaid interest (353.16) in suspense; a 25% provision on the drawn balance
    amounts = WriteOff(10_349_19, 3_97, 353_16, 2_587_30)
    entry = line_write_off_entry("je_1", "acct_drawn", "acct_interest", "acct_income", books,
                                 amounts, 349_19, "INR", {})
    assert entry is not None
    legs = {(p.account_id, p.direction): p.amount_minor for p in entry.postings}
    assert legs == {
        ("acct_drawn", Direction.CREDIT): 10_349_19, ("acct_interest", Direction.CREDIT): 3_97,
        ("acct_provision", Direction.DEBIT): 2_587_30,
        ("acct_expense", Direction.DEBIT): 10_000_00 - 2_587_30,  # the principal's shortfall
        ("acct_suspense", Direction.DEBIT): 353_16,  # no income: the interest was never recognised
    }
    nothing = WriteOff(0, 0, 0, 0)
    assert line_write_off_entry("je_2", "acct_drawn", "acct_interest", "acct_income", books,
                                nothing, 0, "INR", {}) is None
