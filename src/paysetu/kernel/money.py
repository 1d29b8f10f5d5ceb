"""Money as an integer of minor units plus an ISO 4217 currency, never a float.

The minor-unit exponent comes from the maintained ``iso4217`` table (INR 2, JPY 0, KWD 3), so a
new currency is a package upgrade, not a code change. Amounts that cross a boundary are parsed
exactly: "10.005 INR" is an error, never a rounding. Arithmetic across currencies is a
programming error (:class:`~paysetu.kernel.invariants.InvariantViolation`); conversion happens
only through an FX quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import MAX_PREC, Context, Decimal, InvalidOperation
from functools import cache

from iso4217 import Currency

from paysetu.kernel.invariants import invariant

AMOUNT_MINOR_MAX = 2**63 - 1
"""Largest amount a single posting or balance may hold (PostgreSQL ``bigint``)."""

_DECIMAL_TEXT = re.compile(r"^-?\d+(\.\d+)?$")
_EXACT = Context(prec=MAX_PREC)
"""Scaling by a power of ten never rounds in this context (the default keeps 28 digits)."""


class CurrencyError(ValueError):
    """The text is not an ISO 4217 currency with a minor unit."""


class AmountFormatError(ValueError):
    """The decimal text has more places than the currency's minor unit, or is not a number."""


@cache
def currency_exponent(code: str) -> int:
    """Minor-unit exponent of an ISO 4217 currency code (``"INR"`` -> 2, ``"JPY"`` -> 0).

    Raises :class:`CurrencyError` for unknown codes and for codes without a minor unit
    (gold ``XAU``, testing ``XTS``), which cannot hold money.
    """
    if len(code) != 3 or not code.isascii() or not code.isupper():
        raise CurrencyError(f"{code!r} is not an ISO 4217 currency code")
    try:
        exponent = Currency(code).exponent
    except ValueError as error:
        raise CurrencyError(f"{code!r} is not an ISO 4217 currency code") from error
    if exponent is None:
        raise CurrencyError(f"{code!r} has no minor unit and cannot hold money")
    return int(exponent)


def is_currency(code: str) -> bool:
    """True when ``code`` is an ISO 4217 currency that can hold money."""
    try:
        currency_exponent(code)
    except CurrencyError:
        return False
    return True


@dataclass(frozen=True, slots=True, order=False)
class Money:
    """An exact amount: ``amount_minor`` units of the currency's minor unit.

    Attributes:
        amount_minor: Signed integer count of minor units (paise, fen, yen, fils).
        currency: ISO 4217 alphabetic code with a defined minor unit.
    """

    amount_minor: int
    currency: str

    def __post_init__(self) -> None:
        invariant(
            type(self.amount_minor) is int, f"amount_minor must be int, got {self.amount_minor!r}"
        )
        invariant(is_currency(self.currency), f"{self.currency!r} is not a money currency")

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(0, currency)

    @classmethod
    def parse(cls, text: str, currency: str) -> Money:
        """Parse major-unit decimal text exactly: ``Money.parse("12.50", "INR")`` is 1250 paise.

        Raises :class:`AmountFormatError` when the text has more decimal places than the
        currency allows; nothing is ever rounded.
        """
        exponent = currency_exponent(currency)
        stripped = text.strip()
        if not _DECIMAL_TEXT.match(stripped):
            raise AmountFormatError(f"{text!r} is not a decimal amount")
        try:
            value = Decimal(stripped)
        except InvalidOperation as error:  # pragma: no cover - regex already filters
            raise AmountFormatError(f"{text!r} is not a decimal amount") from error
        places = -int(value.as_tuple().exponent)
        if places > exponent:
            raise AmountFormatError(
                f"{text!r} has {places} decimal places; {currency} allows {exponent}"
            )
        return cls(int(value.scaleb(exponent, context=_EXACT)), currency)

    def to_decimal(self) -> Decimal:
        """The amount in major units, exact (``Decimal("12.50")``)."""
        return Decimal(self.amount_minor).scaleb(-currency_exponent(self.currency), context=_EXACT)

    def __str__(self) -> str:
        exponent = currency_exponent(self.currency)
        return f"{self.to_decimal():.{exponent}f} {self.currency}"

    def _same_currency(self, other: Money) -> None:
        invariant(
            self.currency == other.currency,
            f"cannot combine {self.currency} with {other.currency}; convert through an FX quote",
        )

    def __add__(self, other: Money) -> Money:
        self._same_currency(other)
        return Money(self.amount_minor + other.amount_minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same_currency(other)
        return Money(self.amount_minor - other.amount_minor, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount_minor, self.currency)

    def __lt__(self, other: Money) -> bool:
        self._same_currency(other)
        return self.amount_minor < other.amount_minor

    def __le__(self, other: Money) -> bool:
        self._same_currency(other)
        return self.amount_minor <= other.amount_minor

    def __gt__(self, other: Money) -> bool:
        self._same_currency(other)
        return self.amount_minor > other.amount_minor

    def __ge__(self, other: Money) -> bool:
        self._same_currency(other)
        return self.amount_minor >= other.amount_minor

    @property
    def is_zero(self) -> bool:
        return self.amount_minor == 0
