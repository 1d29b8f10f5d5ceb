"""Money is exact: ISO 4217 exponents from the maintained table, parsing that never rounds,
and arithmetic that refuses to mix currencies.

These are the rules every amount in the ledger relies on; a silent rounding or a sum of rupees
and yen here would corrupt every balance built on top.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from paysetu.kernel.invariants import InvariantViolation
from paysetu.kernel.money import (
    AMOUNT_MINOR_MAX,
    AmountFormatError,
    CurrencyError,
    Money,
    currency_exponent,
    is_currency,
)


@pytest.mark.parametrize(
    ("code", "exponent"),
    [("INR", 2), ("USD", 2), ("CNY", 2), ("JPY", 0), ("KRW", 0), ("KWD", 3), ("CLF", 4)],
)
def test_exponent_comes_from_iso_4217(code: str, exponent: int) -> None:
    assert currency_exponent(code) == exponent
    assert is_currency(code)


@pytest.mark.parametrize(
    "code",
    [
        "XAU",  # gold: listed in ISO 4217 but has no minor unit
        "XTS",  # reserved for testing
        "XXX",  # "no currency"
        "XDR",  # SDR: no minor unit
        "ABC",  # not a currency at all
        "inr",  # lower case is not the code
        "IN",
        "INRR",
        "INR ",
        "",
        "ÍNR",  # non-ASCII look-alike
    ],
)
def test_unknown_or_unitless_currency_is_refused(code: str) -> None:
    assert not is_currency(code)
    with pytest.raises(CurrencyError):
        currency_exponent(code)
    with pytest.raises(InvariantViolation):
        Money(100, code)


@pytest.mark.parametrize(
    ("text", "currency", "amount_minor"),
    [
        ("12.50", "INR", 1250),
        ("12.5", "INR", 1250),
        ("12", "INR", 1200),
        ("0.01", "INR", 1),
        (" 7.25 ", "INR", 725),
        ("-3.10", "INR", -310),
        ("100", "JPY", 100),
        ("1.234", "KWD", 1234),
        ("0.001", "KWD", 1),
        ("92233720368547758.07", "INR", AMOUNT_MINOR_MAX),
    ],
)
def test_parse_is_exact(text: str, currency: str, amount_minor: int) -> None:
    assert Money.parse(text, currency) == Money(amount_minor, currency)


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("10.005", "INR"),  # a third decimal place is an error, not a rounding
        ("0.001", "INR"),
        ("100.5", "JPY"),
        ("100.0", "JPY"),  # JPY has no minor unit: no decimal point at all
        ("1.2345", "KWD"),
        ("1e3", "INR"),
        ("1,000.00", "INR"),
        ("12.", "INR"),
        (".5", "INR"),
        ("+5", "INR"),
        ("₹5", "INR"),
        ("five", "INR"),
        ("", "INR"),
        ("NaN", "INR"),
        ("Infinity", "INR"),
    ],
)
def test_parse_refuses_what_it_would_have_to_round_or_guess(text: str, currency: str) -> None:
    with pytest.raises(AmountFormatError):
        Money.parse(text, currency)


def test_parse_refuses_a_currency_that_cannot_hold_money() -> None:
    with pytest.raises(CurrencyError):
        Money.parse("1", "XAU")


def test_parse_beyond_decimal_context_precision_stays_exact() -> None:
    # 31 significant digits: more than the default decimal context (28) would keep.
    text = "10000000000000000000000000000.01"
    assert Money.parse(text, "INR").amount_minor == 10**30 + 1


@pytest.mark.parametrize(
    ("money", "text"),
    [
        (Money(1250, "INR"), "12.50 INR"),
        (Money(5, "INR"), "0.05 INR"),
        (Money(-5, "INR"), "-0.05 INR"),
        (Money(0, "INR"), "0.00 INR"),
        (Money(100, "JPY"), "100 JPY"),
        (Money(0, "JPY"), "0 JPY"),
        (Money(1, "KWD"), "0.001 KWD"),
        (Money(AMOUNT_MINOR_MAX, "KWD"), "9223372036854775.807 KWD"),
        (Money(10**30 + 1, "INR"), "10000000000000000000000000000.01 INR"),
    ],
)
def test_str_shows_every_minor_digit_and_the_code(money: Money, text: str) -> None:
    assert str(money) == text


def test_to_decimal_is_exact_major_units() -> None:
    assert Money(1250, "INR").to_decimal() == Decimal("12.50")
    assert Money(1234, "KWD").to_decimal() == Decimal("1.234")
    assert Money(7, "JPY").to_decimal() == Decimal(7)


def test_same_currency_arithmetic_and_order() -> None:
    a, b = Money(1000, "INR"), Money(250, "INR")
    assert a + b == Money(1250, "INR")
    assert a - b == Money(750, "INR")
    assert -b == Money(-250, "INR")
    assert b < a
    assert b <= a
    assert a > b
    assert a >= b
    assert Money.zero("JPY") == Money(0, "JPY")
    assert Money.zero("JPY").is_zero
    assert not a.is_zero


_MIXED_OPERATIONS: list[Callable[[Money, Money], object]] = [
    lambda x, y: x + y,
    lambda x, y: x - y,
    lambda x, y: x < y,
    lambda x, y: x <= y,
    lambda x, y: x > y,
    lambda x, y: x >= y,
]


@pytest.mark.parametrize("operation", _MIXED_OPERATIONS)
def test_mixing_currencies_is_a_programming_error(
    operation: Callable[[Money, Money], object],
) -> None:
    with pytest.raises(InvariantViolation, match="INR with JPY"):
        operation(Money(100, "INR"), Money(100, "JPY"))


def test_money_of_different_currencies_is_never_equal() -> None:
    assert Money(100, "INR") != Money(100, "USD")


@pytest.mark.parametrize("amount", [1.5, True, Decimal(1), "100"])
def test_amount_must_be_an_int(amount: object) -> None:
    with pytest.raises(InvariantViolation, match="amount_minor must be int"):
        Money(amount, "INR")  # type: ignore[arg-type]


def test_money_is_immutable() -> None:
    money = Money(1, "INR")
    with pytest.raises(AttributeError):
        money.amount_minor = 2  # type: ignore[misc]
