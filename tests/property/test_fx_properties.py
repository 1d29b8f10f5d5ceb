"""Properties of FX quotes and cross-border ledger entries (hypothesis).

For any price, currency pair (JPY 0, INR 2, KWD/BHD 3 decimals...), mid rate and spread: the
merchant is credited exactly the price (less its fee), the buyer pays the rounding rule's amount
(the least that covers the price at the customer rate, never less than the exact product),
and after the payment and any sequence of refunds every currency nets to zero, the buyer has
got back exactly what it paid, and the FX difference sits in the platform's FX accounts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paysetu.kernel.money import currency_exponent
from paysetu.ledger.rules.entries import Direction, NewEntry
from paysetu.payments.rules.fx_entries import (
    ChargeLegs,
    RefundLegs,
    cross_border_charge,
    cross_border_refund,
    fx_accounts,
)
from paysetu.payments.rules.fx_errors import FxRejected, FxStatus
from paysetu.payments.rules.fx_quotes import (
    QuoteTerms,
    customer_rate,
    payment_split,
    quote_terms,
    refund_share,
    value_in_sell,
)

CURRENCIES = ("INR", "CNY", "USD", "EUR", "JPY", "KWD", "BHD", "GBP", "AED", "IDR", "CLP")
WALLET, MERCHANT, FEES = "acct_wallet", "acct_merchant", "acct_fees"

rates = st.builds(
    lambda mantissa, places: Decimal(mantissa).scaleb(-places),
    st.integers(1, 10**12 - 1), st.integers(0, 14),
).filter(lambda r: Decimal("0.0001") <= r <= Decimal(100_000))
pairs = st.tuples(st.sampled_from(CURRENCIES), st.sampled_from(CURRENCIES)).filter(
    lambda p: p[0] != p[1])
prices = st.integers(1, 10**10)
spreads = st.integers(0, 1_000)


def _major(amount_minor: int, currency: str) -> Fraction:
    return Fraction(amount_minor, 10 ** currency_exponent(currency))


def _covers(terms: QuoteTerms, sell_minor: int) -> bool:
    """Does ``sell_minor`` buy the price at the customer rate?"""
    bought = _major(sell_minor, terms.sell_currency) * Fraction(terms.customer_rate)
    return bought >= _major(terms.buy_amount_minor, terms.buy_currency)


def _net(entries: Sequence[NewEntry]) -> tuple[Counter[str], Counter[str]]:
    """(per account signed credit balance, per currency debits minus credits)."""
    accounts: Counter[str] = Counter()
    currencies: Counter[str] = Counter()
    for entry in entries:
        for p in entry.postings:
            sign = 1 if p.direction is Direction.CREDIT else -1
            accounts[p.account_id] += sign * p.amount_minor
            currencies[p.currency] -= sign * p.amount_minor
    return accounts, currencies


@given(pairs, prices, rates, spreads)
def test_the_buyer_pays_the_least_amount_that_covers_the_price(
    pair: tuple[str, str], price: int, mid: Decimal, spread_bps: int
) -> None:
    sell_currency, buy_currency = pair
    terms = quote_terms(sell_currency, buy_currency, mid, spread_bps, buy_amount_minor=price)
    assert terms.buy_amount_minor == price
    assert terms.customer_rate <= mid
    assert _covers(terms, terms.sell_amount_minor)
    assert not _covers(terms, terms.sell_amount_minor - 1)  # rounded up, not further
    exact_at_mid = _major(price, buy_currency) / Fraction(mid)
    assert _major(terms.sell_amount_minor, sell_currency) >= exact_at_mid
    split = payment_split(terms)
    assert split.cover_minor + split.income_minor == terms.sell_amount_minor
    assert split.income_minor >= 0


@given(pairs, prices, rates, spreads)
def test_a_sell_amount_quote_never_asks_more_than_given(
    pair: tuple[str, str], sell: int, mid: Decimal, spread_bps: int
) -> None:
    sell_currency, buy_currency = pair
    rate = Fraction(customer_rate(mid, spread_bps))
    if _major(sell, sell_currency) * rate < _major(1, buy_currency):
        with pytest.raises(FxRejected) as refused:
            quote_terms(sell_currency, buy_currency, mid, spread_bps, sell_amount_minor=sell)
        assert refused.value.code is FxStatus.AMOUNT_TOO_SMALL
        return
    terms = quote_terms(sell_currency, buy_currency, mid, spread_bps, sell_amount_minor=sell)
    assert terms.sell_amount_minor <= sell
    assert _covers(terms, terms.sell_amount_minor)
    bought_by_sell = _major(sell, sell_currency) * Fraction(terms.customer_rate)
    assert _major(terms.buy_amount_minor + 1, buy_currency) > bought_by_sell  # floor


@st.composite
def refund_plans(draw: st.DrawFn, price: int) -> list[int]:
    """Positive refund amounts summing to at most ``price`` (often exactly)."""
    amounts: list[int] = []
    left = price
    for _ in range(draw(st.integers(0, 6))):
        if left == 0:
            break
        amount = draw(st.integers(1, left))
        amounts.append(amount)
        left -= amount
    if left and draw(st.booleans()):
        amounts.append(left)
    return amounts


@given(pairs, prices, rates, spreads, st.integers(0, 500), rates, st.data())
def test_payment_and_refunds_balance_per_currency_and_return_what_was_paid(
    pair: tuple[str, str], price: int, mid: Decimal, spread_bps: int, fee_bps: int,
    mid_today: Decimal, data: st.DataObject,
) -> None:
    sell_currency, buy_currency = pair
    terms = quote_terms(sell_currency, buy_currency, mid, spread_bps, buy_amount_minor=price)
    sell, buy = fx_accounts(sell_currency), fx_accounts(buy_currency)
    fee = (price * fee_bps + 5_000) // 10_000
    legs = ChargeLegs(terms.sell_amount_minor, payment_split(terms).cover_minor, price, fee)
    entries = cross_border_charge(("je_s", "je_b"), WALLET, sell, buy, MERCHANT, FEES, legs,
                                  {"kind": "payment"})
    accounts, _ = _net(entries)
    assert (accounts[MERCHANT], accounts[FEES]) == (price - fee, fee)
    assert accounts[WALLET] == -terms.sell_amount_minor
    refunded, returned = 0, 0
    for number, amount in enumerate(data.draw(refund_plans(price))):
        share = refund_share(terms.sell_amount_minor, price, refunded, amount)
        refunded, returned = refunded + amount, returned + share
        assert Fraction(returned) >= Fraction(terms.sell_amount_minor * refunded, price)
        value = value_in_sell(amount, mid_today, sell_currency, buy_currency)
        entries += cross_border_refund(
            (f"je_r{number}b", f"je_r{number}s"), [(MERCHANT, amount)], WALLET, sell, buy,
            RefundLegs(amount, share, value), {"kind": "refund"})
    accounts, currencies = _net(entries)
    assert all(total == 0 for total in currencies.values()), currencies
    assert accounts[WALLET] == returned - terms.sell_amount_minor
    assert accounts[MERCHANT] == price - fee - refunded
    if refunded == price:
        assert returned == terms.sell_amount_minor  # the last refund took the remainder
        assert accounts[buy.position] == 0
    fx_total = sum(accounts[a] for a in (sell.position, sell.income, sell.gain, sell.loss))
    assert fx_total == terms.sell_amount_minor - returned  # nothing lost or created
