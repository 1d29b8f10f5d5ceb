"""Money on the web pages: Indian digit grouping, and exactly the currency's ISO 4217 decimals.

``format_money_minor(10000000, "INR")`` is ``₹1,00,000.00``, ``(1500, "JPY")`` ``JP¥1,500``,
``(1500, "KWD")`` ``KWD 1.500``. babel supplies the en_IN pattern (lakh/crore grouping) and the
symbols; the number of decimals comes from :func:`~paysetu.kernel.money.currency_exponent`
(the ISO 4217 table), not from babel's CLDR digits, because the two disagree for some
currencies (CLDR shows IQD and RSD with 0 decimals where ISO 4217 has 3 and 2) and the ledger's
minor units are ISO's. The amount is an exact ``Decimal`` scaled from integer minor units, so
nothing is ever rounded.

Templates use the filters :func:`install_filters` registers: ``{{ amount_minor|money(currency)
}}``, ``{{ count|grouped }}``, ``{{ amount_minor|major(currency) }}`` (plain decimal, for form
values).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from babel import Locale
from babel.numbers import NumberPattern, format_decimal, parse_pattern
from jinja2 import Environment

from paysetu.kernel.money import AmountFormatError, Money, currency_exponent, is_currency

LOCALE = "en_IN"
_NBSP = "\u00a0"


@cache
def _pattern(exponent: int) -> NumberPattern:
    standard = Locale.parse(LOCALE).currency_formats["standard"].pattern
    pattern = parse_pattern(standard)
    pattern.frac_prec = (exponent, exponent)
    return pattern


def _major(amount_minor: int, currency: str) -> Decimal:
    return Money(amount_minor, currency).to_decimal()


def format_money_minor(amount_minor: int, currency: str) -> str:
    """``amount_minor`` of ``currency`` for people (en_IN grouping, ISO 4217 decimals)."""
    exponent = currency_exponent(currency)
    text: str = _pattern(exponent).apply(_major(amount_minor, currency), LOCALE, currency=currency,
                                    currency_digits=False)
    # babel glues a three-letter code to the digits ("KWD1.500"); a space reads better
    if currency in text:
        text = text.replace(currency, currency + _NBSP)
    return text


def format_major(amount_minor: int, currency: str) -> str:
    """The plain decimal an input field shows (``"1234.50"``): no symbol, no grouping."""
    return f"{_major(amount_minor, currency):.{currency_exponent(currency)}f}"


def format_grouped(count: int) -> str:
    """An integer with Indian grouping (``1,00,000``)."""
    return str(format_decimal(count, locale=LOCALE))


_AMOUNT_IN_TEXT = re.compile(r"\b(\d+(?:\.\d+)?) ([A-Z]{3})\b")


def _amount_shown(match: re.Match[str]) -> str:
    digits, currency = match.group(1), match.group(2)
    if not is_currency(currency):
        return match.group(0)
    try:
        return format_money_minor(Money.parse(digits, currency).amount_minor, currency)
    except AmountFormatError:
        return match.group(0)


def format_money_in_text(text: str) -> str:
    """A sentence with its plain amounts (``"100000.00 INR"``, as texts stored before amounts
    were written for people) shown as :func:`format_money_minor` shows them."""
    return _AMOUNT_IN_TEXT.sub(_amount_shown, text)


def install_filters(environment: Environment) -> None:
    """Register ``money``, ``money_text``, ``major`` and ``grouped`` on a Jinja environment."""
    environment.filters["money"] = format_money_minor
    environment.filters["money_text"] = format_money_in_text
    environment.filters["major"] = format_major
    environment.filters["grouped"] = format_grouped
