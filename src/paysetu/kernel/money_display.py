"""Money for people: locale-aware formatting with babel (INR as ₹1,00,000.00 in en_IN)."""

from babel.numbers import format_currency

from paysetu.kernel.money import Money
from paysetu.ledger.rules.entries import AccountKind, Balance

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


def normal_balance(kind: AccountKind, balance: Balance) -> int:
    """Posted balance on the account's normal side: debit-normal for assets and expenses."""
    if kind in (AccountKind.ASSET, AccountKind.EXPENSE):
        return balance.debits_posted - balance.credits_posted
    return balance.credits_posted - balance.debits_posted
