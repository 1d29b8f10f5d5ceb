"""FX quotes: mid rates, the spread, the customer rate, and both amounts in minor units.

A quote converts the buyer's *sell* currency into the merchant's *buy* currency. Rates are
``Decimal`` (units of the buy currency per one unit of the sell currency, in major units);
amounts are integers of minor units, scaled by the ISO 4217 exponents (JPY 0, INR 2, KWD 3).
Exact intermediate values are :class:`~fractions.Fraction`; every conversion to minor units
names its rounding at the call site. The rules (``docs/fx.md`` repeats them):

1. A mid rate has at most :data:`RATE_DIGITS` significant digits. Cross and inverse rates are
   rounded half-even to that many digits.
2. Customer rate = mid x (10,000 - spread_bps) / 10,000, rounded *down* to
   :data:`RATE_DIGITS` digits: the rate shown is the rate used, never better than disclosed.
3. **The buyer's amount is rounded up**: sell = buy / customer rate, rounded up
   (``ROUND_CEILING``) to the sell currency's minor unit. The platform never under-collects,
   and the merchant is credited exactly the buy amount (its price).
4. Quoting a sell amount: buy = sell x customer rate rounded *down* (``ROUND_FLOOR``), then the
   sell amount is recomputed by rule 3, so it is never more than asked (a coarser buy unit,
   e.g. JPY, may leave it a few minor units below).
5. At payment, the share of the sell amount that buys the price at the *mid* rate (price / mid,
   half-even) goes to the FX position in the sell currency; the rest, spread plus rule 3's
   rounding, is FX income in the sell currency. Nothing is lost or created.
6. Refunds give the buyer back the sell amount pro rata: the cumulative refund is
   ceil(sell x refunded price / price), so a partial refund is never below the exact share and
   all refunds of a payment total exactly its sell amount (the last takes the remainder).
7. A refund is valued at today's mid rate (refunded price / mid, half-even, in the sell
   currency); the difference to what the buyer gets back is FX gain or loss of the platform.

Pure: no clock (the caller passes ``now``), no I/O.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_EVEN, Context, Decimal
from enum import StrEnum
from fractions import Fraction

from paysetu.kernel.invariants import invariant
from paysetu.kernel.money import AMOUNT_MINOR_MAX, currency_exponent
from paysetu.payments.rules.fx_errors import FxRejected, FxStatus

RATE_DIGITS = 12
"""Significant digits of every rate: ECB publishes 4-6, so cross rates keep full precision."""
SPREAD_BPS_MAX = 9_999
_BPS = 10_000
_RATE_HALF_EVEN = Context(prec=RATE_DIGITS, rounding=ROUND_HALF_EVEN)
_RATE_DOWN = Context(prec=RATE_DIGITS, rounding=ROUND_DOWN)


@dataclass(frozen=True, slots=True)
class Rate:
    """A mid rate from a rate source.

    Attributes:
        value: Units of the quote currency per one unit of the base currency (major units).
        as_of: The day the rate was fixed (ECB: the business day; manual: the file's date).
        source: ``ecb``, ``manual``, or both joined by ``+`` for a cross of two sources.
    """

    value: Decimal
    as_of: date
    source: str


def to_minor(value: Fraction, rounding: str) -> int:
    """``value`` (in minor units, exact) as an integer, with a ``decimal`` rounding name."""
    if rounding == ROUND_CEILING:
        return math.ceil(value)
    if rounding == ROUND_FLOOR:
        return math.floor(value)
    invariant(rounding == ROUND_HALF_EVEN, f"unsupported rounding {rounding}")
    return round(value)


def cross_rate(base_per_pivot: Decimal, quote_per_pivot: Decimal) -> Decimal:
    """base -> quote from two rates against a pivot (EUR): rounded half-even (rule 1)."""
    return _RATE_HALF_EVEN.divide(quote_per_pivot, base_per_pivot)


def chained_rate(first: Decimal, second: Decimal) -> Decimal:
    """a -> c from a -> b and b -> c, rounded half-even (rule 1)."""
    return _RATE_HALF_EVEN.multiply(first, second)


def inverse_rate(rate: Decimal) -> Decimal:
    """quote -> base from base -> quote, rounded half-even (rule 1)."""
    return _RATE_HALF_EVEN.divide(Decimal(1), rate)


def customer_rate(mid: Decimal, spread_bps: int) -> Decimal:
    """The rate the buyer gets: the mid less the spread, rounded down (rule 2)."""
    invariant(0 <= spread_bps <= SPREAD_BPS_MAX, f"spread_bps {spread_bps} out of range")
    return _RATE_DOWN.divide(mid * (_BPS - spread_bps), Decimal(_BPS))


def rate_age_days(rate: Rate, now: datetime) -> int:
    """Whole days between the rate's date and ``now``'s (UTC) date."""
    return (now.date() - rate.as_of).days


def is_stale(rate: Rate, now: datetime, max_age_days: int) -> bool:
    """A rate older than ``max_age_days`` is refused (``rate_stale``), never used."""
    return rate_age_days(rate, now) > max_age_days


def _scale(sell_currency: str, buy_currency: str) -> Fraction:
    """Sell minor units per buy minor unit at a rate of exactly 1."""
    return Fraction(10) ** (currency_exponent(sell_currency) - currency_exponent(buy_currency))


def sell_for_buy(buy_minor: int, rate: Decimal, sell_currency: str, buy_currency: str) -> int:
    """What the buyer pays for ``buy_minor`` at ``rate``: rounded up (rule 3)."""
    exact = Fraction(buy_minor) * _scale(sell_currency, buy_currency) / Fraction(rate)
    return to_minor(exact, ROUND_CEILING)


def buy_for_sell(sell_minor: int, rate: Decimal, sell_currency: str, buy_currency: str) -> int:
    """What ``sell_minor`` buys at ``rate``: rounded down (rule 4)."""
    exact = Fraction(sell_minor) * Fraction(rate) / _scale(sell_currency, buy_currency)
    return to_minor(exact, ROUND_FLOOR)


def value_in_sell(buy_minor: int, mid: Decimal, sell_currency: str, buy_currency: str) -> int:
    """``buy_minor`` valued in the sell currency at the mid rate: half-even (rules 5 and 7)."""
    exact = Fraction(buy_minor) * _scale(sell_currency, buy_currency) / Fraction(mid)
    return to_minor(exact, ROUND_HALF_EVEN)


class FixedSide(StrEnum):
    """Which amount the client asked for: the other one is computed."""

    SELL = "sell"
    BUY = "buy"


@dataclass(frozen=True, slots=True)
class QuoteTerms:
    """What a quote fixes.

    Attributes:
        sell_currency: The buyer's (presentment) currency.
        buy_currency: The merchant's (settlement) currency.
        mid_rate: Buy units per sell unit before the spread.
        spread_bps: The platform's disclosed margin.
        customer_rate: The rate applied (rule 2).
        sell_amount_minor: What the buyer pays (rule 3).
        buy_amount_minor: What the merchant is credited, before its fee.
        fixed_side: Which of the two amounts the client gave.
    """

    sell_currency: str
    buy_currency: str
    mid_rate: Decimal
    spread_bps: int
    customer_rate: Decimal
    sell_amount_minor: int
    buy_amount_minor: int
    fixed_side: FixedSide


def _checked(amount_minor: int, param: str) -> int:
    if amount_minor > AMOUNT_MINOR_MAX:
        raise FxRejected(FxStatus.AMOUNT_TOO_LARGE, param=param)
    return amount_minor


def quote_terms(
    sell_currency: str, buy_currency: str, mid: Decimal, spread_bps: int, *,
    sell_amount_minor: int | None = None, buy_amount_minor: int | None = None,
) -> QuoteTerms:
    """The terms for exactly one given amount (positive, already checked by the caller)."""
    invariant((sell_amount_minor is None) != (buy_amount_minor is None), "exactly one amount")
    rate = customer_rate(mid, spread_bps)
    if buy_amount_minor is not None:
        side, buy = FixedSide.BUY, buy_amount_minor
    else:
        side = FixedSide.SELL
        buy = buy_for_sell(sell_amount_minor or 0, rate, sell_currency, buy_currency)
        if buy <= 0:
            raise FxRejected(FxStatus.AMOUNT_TOO_SMALL, param="sell_amount_minor")
    _checked(buy, "sell_amount_minor")
    sell = _checked(sell_for_buy(buy, rate, sell_currency, buy_currency), "buy_amount_minor")
    return QuoteTerms(sell_currency, buy_currency, mid, spread_bps, rate, sell, buy, side)


@dataclass(frozen=True, slots=True)
class PaymentSplit:
    """How a quoted sell amount is booked (rule 5): ``cover + income == sell``."""

    cover_minor: int
    income_minor: int


def payment_split(terms: QuoteTerms) -> PaymentSplit:
    """The FX position's share (the price at mid) and the FX income (spread and rounding)."""
    cover = value_in_sell(terms.buy_amount_minor, terms.mid_rate, terms.sell_currency,
                          terms.buy_currency)
    invariant(0 <= cover <= terms.sell_amount_minor, "the customer rate is at most the mid")
    return PaymentSplit(cover, terms.sell_amount_minor - cover)


def refund_share(sell_total: int, buy_total: int, refunded_before: int, refund_minor: int) -> int:
    """The buyer's sell-currency refund for ``refund_minor`` of the price (rule 6).

    ``refunded_before`` is the price already refunded (or held for refund). Cumulative
    rounding up: never below the exact pro-rata share, and the refunds total ``sell_total``.
    """
    after = refunded_before + refund_minor
    invariant(refunded_before >= 0 and refund_minor > 0 and after <= buy_total, "refund bounds")

    def cumulative(price_minor: int) -> int:
        return to_minor(Fraction(sell_total * price_minor, buy_total), ROUND_CEILING)

    return cumulative(after) - cumulative(refunded_before)


class QuoteState(StrEnum):
    OPEN = "open"
    USED = "used"
    EXPIRED = "expired"


@dataclass(frozen=True, slots=True)
class Quote:
    """A stored quote.

    Attributes:
        merchant_id: The merchant it was made for (``None``: a platform quote).
        payment_id: The payment that used it, once one did.
        rate_as_of: The mid rate's date; ``rate_source`` where it came from.
    """

    id: str
    merchant_id: str | None
    terms: QuoteTerms
    rate_as_of: date
    rate_source: str
    payment_id: str | None
    expires_at: datetime
    created_at: datetime

    def state_at(self, now: datetime) -> QuoteState:
        """Used once a payment has it; else expired from ``expires_at`` on; else open."""
        if self.payment_id is not None:
            return QuoteState.USED
        return QuoteState.EXPIRED if now >= self.expires_at else QuoteState.OPEN
