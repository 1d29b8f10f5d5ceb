"""The web pages' pure rules: money display, the login throttle, web user checks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from paysetu.access.rules.web_errors import WebRejected, WebStatus
from paysetu.access.rules.web_users import (
    LOCKOUT_MAX_S,
    LoginFailures,
    WebRole,
    check_password_rules,
    check_scope,
    lockout_s,
    normal_email,
    retry_after_s,
)
from paysetu.shell.pages.chart_axis import quarter_gridlines, quarter_ticks
from paysetu.shell.pages.money_format import (
    format_grouped,
    format_major,
    format_money_in_text,
    format_money_minor,
)

NBSP = "\u00a0"
NOW = datetime(2026, 4, 1, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(("amount_minor", "currency", "shown"), [
    (1_00_000_00, "INR", "₹1,00,000.00"),
    (12_34_56_789_00, "INR", "₹12,34,56,789.00"),
    (-5, "INR", "-₹0.05"),
    (1_500, "JPY", "JP¥1,500"),
    (1_500, "KWD", f"KWD{NBSP}1.500"),
    (1_000, "IQD", f"IQD{NBSP}1.000"),  # ISO 4217 says 3 decimals where CLDR shows none
    (12_34, "RSD", f"RSD{NBSP}12.34"),
    (3_50, "GBP", "£3.50"),
    (99, "CNY", "CN¥0.99"),
])
def test_money_has_indian_grouping_and_iso_decimals(
    amount_minor: int, currency: str, shown: str
) -> None:
    assert format_money_minor(amount_minor, currency) == shown


def test_form_values_and_counts() -> None:
    assert format_major(1_234_50, "INR") == "1234.50"
    assert format_major(7, "JPY") == "7"
    assert format_major(7, "KWD") == "0.007"
    assert format_grouped(12_345_678) == "1,23,45,678"


def test_amounts_inside_a_sentence_are_shown_for_people() -> None:
    stored = "The amount asked, 100000.00 INR, is above the suggested limit of 0.00 INR."
    assert format_money_in_text(stored) == (
        "The amount asked, ₹1,00,000.00, is above the suggested limit of ₹0.00.")
    assert format_money_in_text("1500 JPY and 1.500 KWD") == "JP¥1,500 and KWD\u00a01.500"
    # not amounts: an unknown code, too many decimals, a plain number
    for text in ("12.00 ABC", "1.005 INR", "3 active months", "uw-2026.1"):
        assert format_money_in_text(text) == text


def test_a_chart_axis_is_labelled_at_the_top_each_quarter_and_zero() -> None:
    assert quarter_ticks(1_25_000_00, lambda a: format_money_minor(a, "INR")) == (
        "₹1,25,000.00", "₹93,750.00", "₹62,500.00", "₹31,250.00", "₹0.00")
    assert quarter_ticks(0, str) == ("0", "0", "0", "0", "0")
    assert quarter_gridlines(180) == (0, 45, 90, 135)


def test_the_throttle_doubles_after_the_free_failures_up_to_its_cap() -> None:
    assert [lockout_s(n) for n in range(1, 10)] == [0, 0, 0, 0, 30, 60, 120, 240, 480]
    assert lockout_s(60) == LOCKOUT_MAX_S
    fifth = LoginFailures(5, NOW)
    assert retry_after_s(None, NOW) == 0
    assert retry_after_s(fifth, NOW) == 30
    assert retry_after_s(fifth, NOW + timedelta(seconds=29, milliseconds=1)) == 1
    assert retry_after_s(fifth, NOW + timedelta(seconds=30)) == 0
    assert retry_after_s(LoginFailures(4, NOW), NOW) == 0


def test_web_user_rules() -> None:
    assert normal_email("  Owner@Chai.Example ") == "owner@chai.example"
    for bad in ("owner", "a@b", "two@@at.example", "x" * 250 + "@a.example"):
        with pytest.raises(WebRejected) as refused:
            normal_email(bad)
        assert refused.value.code is WebStatus.EMAIL_INVALID
    with pytest.raises(WebRejected) as short:
        check_password_rules("eleven char")
    assert short.value.code is WebStatus.PASSWORD_TOO_SHORT
    check_password_rules("twelve chars")
    check_scope(WebRole.MERCHANT, "mer_1", None)
    check_scope(WebRole.LENDER, None, "lnd_1")
    check_scope(WebRole.ADMIN, None, None)
    for role, merchant, lender in ((WebRole.MERCHANT, None, None),
                                   (WebRole.LENDER, "mer_1", "lnd_1"),
                                   (WebRole.ADMIN, "mer_1", None)):
        with pytest.raises(WebRejected) as scoped:
            check_scope(role, merchant, lender)
        assert scoped.value.code is WebStatus.WEB_SCOPE_INVALID
