"""The wallet app's pure rules: movement kinds, statement months, what a KYC tier still allows,
and a statement's running balance."""

from __future__ import annotations

from datetime import UTC, date, datetime

from paysetu.customers.rules.movements import (
    Movement,
    allowance,
    movement_kind,
    parse_day,
    parse_month,
    statement_lines,
)


def _moved(posting_id: int, amount_minor: int) -> Movement:
    return Movement(posting_id, f"je_{posting_id}", "wal_1", "top_up", amount_minor, "INR",
                    datetime(2026, 4, 1, tzinfo=UTC))


def test_a_captured_authorisation_is_a_payment_and_unknown_kinds_are_other() -> None:
    assert movement_kind("capture") == "payment"
    assert movement_kind("refund") == "refund"
    assert movement_kind("escrow_release") == "other"
    assert movement_kind(None) == "other"


def test_a_month_runs_to_the_first_instant_of_the_next_one() -> None:
    assert parse_month("2026-12") == (datetime(2026, 12, 1, tzinfo=UTC),
                                      datetime(2027, 1, 1, tzinfo=UTC))
    assert parse_month("2026-13") is None
    assert parse_month("april") is None
    assert parse_day("2026-04-30") == date(2026, 4, 30)
    assert parse_day("30/04/2026") is None


def test_a_minimum_kyc_wallet_may_add_what_both_limits_leave() -> None:
    left = allowance(10_000_00, 10_000_00, balance_minor=7_000_00, loaded_this_month_minor=2_500_00)
    assert (left.balance_left_minor, left.load_left_minor) == (3_000_00, 7_500_00)
    assert left.top_up_max_minor() == 3_000_00
    over = allowance(10_000_00, None, balance_minor=12_000_00, loaded_this_month_minor=0)
    assert over.balance_left_minor == 0
    assert over.load_left_minor is None
    assert allowance(None, None, 5, 5).top_up_max_minor() is None


def test_a_statement_runs_its_balance_from_the_opening_one_oldest_first() -> None:
    lines = statement_lines(100_00, [_moved(3, -30_00), _moved(2, 50_00)])
    assert [(line.movement.posting_id, line.balance_after_minor) for line in lines] == [
        (2, 150_00), (3, 120_00)]
