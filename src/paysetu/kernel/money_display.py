"""Money for people: locale-aware formatting with babel (INR as ₹1,00,000.00 in en_IN)."""

from babel.numbers import format_currency

from paysetu.kernel.money import Money

DEFAULT_LOCALE = "en_IN"


def format_money(money: Money, locale: str = DEFAULT_LOCALE) -> str:
    """``Money(10000000, "INR")`` -> ``"₹1,00,000.00"``; exact, the currency's own decimals."""
    return format_currency(
        money.to_decimal(),
        money.currency,
        locale=locale,
        currency_digits=True,
        decimal_quantization=False,
    )




def shown(amount_minor: int, currency: str) -> str:
    """An amount in a refusal's message, as people read it: ``shown(90000, "INR")`` is
    ``"₹900.00"`` (the API's fields stay integers of minor units)."""
    return format_money(Money(amount_minor, currency))
