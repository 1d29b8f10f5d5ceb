"""Underwriting: an explainable, versioned policy over the merchant's own platform history.

The inputs (:class:`MerchantHistory`) are what paysetu itself saw: the merchant's captured
volume and refunds per calendar month, and the installments of its loans already running. From
them :func:`features` derives (rates as ``Decimal`` rounded half-even to 4 places):

* ``months_active``: months with any volume; the *active window* runs from the first of them;
* ``average_monthly_volume_minor`` over the active window, ``recent_volume_minor`` over its
  last 3 months;
* ``trend``: least-squares slope of monthly volume over the active window, as a share of the
  average (0.02 = growing 2% of an average month per month);
* ``volatility``: population standard deviation / average (coefficient of variation);
* ``refund_rate``: refunds / volume;
* ``existing_debt_service_minor``: monthly installments of the loans already running.

Policy ``uw-2026.1`` (:class:`UnderwritingPolicy` holds its thresholds):

1. **decline** with fewer than 3 active months, a refund rate above 15%, or no repayment
   capacity left;
2. capacity: 25% of the lower of the average and the recent volume, less existing debt service,
   per month (x 12/52 for weekly loans); the **suggested limit** is the principal that capacity
   repays over the requested tenure at the product's highest rate, capped at 6 months of
   average volume and the product's maximum, rounded down to 1,000 major units;
3. **approve** when the amount is within the limit, with at least 6 active months, refunds at
   most 5%, volatility at most 0.6 and trend at least -5% a month; otherwise **refer** to the
   lender with every rule that failed as a reason.

The decision is advice: the lender decides. It is stored with its inputs, features, version and
reasons (:meth:`UnderwritingDecision.document`), so it can be explained and replayed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, Context, Decimal
from enum import StrEnum
from typing import Any

from paysetu.kernel.money_display import shown
from paysetu.lending.rules.schedule import PERIODS_PER_YEAR, Frequency

POLICY_VERSION = "uw-2026.1"
_MATH = Context(prec=34)
_PLACES = Decimal("0.0001")
RECENT_MONTHS = 3


class Outcome(StrEnum):
    APPROVE = "approve"
    REFER = "refer"
    DECLINE = "decline"


@dataclass(frozen=True, slots=True)
class UnderwritingPolicy:
    """The thresholds of one policy version (rates as decimal fractions)."""

    version: str = POLICY_VERSION
    decline_months_below: int = 3
    decline_refund_rate_above: Decimal = Decimal("0.15")
    approve_months_at_least: int = 6
    approve_refund_rate_at_most: Decimal = Decimal("0.05")
    approve_volatility_at_most: Decimal = Decimal("0.6")
    approve_trend_at_least: Decimal = Decimal("-0.05")
    debt_service_share: Decimal = Decimal("0.25")
    volume_months_cap: int = 6
    limit_step_major: int = 1_000


@dataclass(frozen=True, slots=True)
class MonthlyActivity:
    """A merchant's captured volume and succeeded refunds in one calendar month (UTC)."""

    month: date
    volume_minor: int
    refunds_minor: int


@dataclass(frozen=True, slots=True)
class MerchantHistory:
    """What the platform saw of the merchant, oldest month first.

    Attributes:
        monthly_volume_minor: Captured payments per calendar month of the window.
        monthly_refunds_minor: Refunds per month, same months.
        existing_debt_service_minor: Monthly installments of the merchant's running loans.
    """

    currency: str
    monthly_volume_minor: tuple[int, ...]
    monthly_refunds_minor: tuple[int, ...]
    existing_debt_service_minor: int


@dataclass(frozen=True, slots=True)
class LoanRequest:
    """The application as underwriting sees it (``rate_bps``: the product's highest rate)."""

    amount_minor: int
    periods: int
    frequency: Frequency
    rate_bps: int
    product_max_minor: int


@dataclass(frozen=True, slots=True)
class Features:
    months_active: int
    average_monthly_volume_minor: int
    recent_volume_minor: int
    trend: Decimal
    volatility: Decimal
    refund_rate: Decimal
    existing_debt_service_minor: int


@dataclass(frozen=True, slots=True)
class Reason:
    """One line of the explanation: a stable code, its effect, and a sentence."""

    code: str
    effect: str
    text: str


@dataclass(frozen=True, slots=True)
class UnderwritingDecision:
    policy_version: str
    outcome: Outcome
    suggested_limit_minor: int
    reasons: tuple[Reason, ...]
    features: Features
    history: MerchantHistory

    def document(self) -> dict[str, Any]:
        """The JSON stored with the application: decision, reasons, features and inputs."""
        f = self.features
        return {
            "policy_version": self.policy_version,
            "decision": self.outcome.value,
            "suggested_limit_minor": self.suggested_limit_minor,
            "reasons": [{"code": r.code, "effect": r.effect, "text": r.text}
                        for r in self.reasons],
            "features": {
                "months_active": f.months_active,
                "average_monthly_volume_minor": f.average_monthly_volume_minor,
                "recent_volume_minor": f.recent_volume_minor,
                "trend": str(f.trend), "volatility": str(f.volatility),
                "refund_rate": str(f.refund_rate),
                "existing_debt_service_minor": f.existing_debt_service_minor,
            },
            "inputs": {
                "currency": self.history.currency,
                "monthly_volume_minor": list(self.history.monthly_volume_minor),
                "monthly_refunds_minor": list(self.history.monthly_refunds_minor),
            },
        }


def _ratio(numerator: Decimal | int, denominator: Decimal | int) -> Decimal:
    if denominator == 0:
        return Decimal(0)
    value = _MATH.divide(Decimal(numerator), Decimal(denominator))
    return value.quantize(_PLACES, rounding=ROUND_HALF_EVEN)


def features(history: MerchantHistory) -> Features:
    volumes = list(history.monthly_volume_minor)
    first = next((k for k, v in enumerate(volumes) if v > 0), len(volumes))
    window = volumes[first:]
    months = len(window)
    total = sum(window)
    mean = _MATH.divide(Decimal(total), Decimal(months)) if months else Decimal(0)
    recent = window[-RECENT_MONTHS:]
    slope = Decimal(0)
    if months >= 2:
        x_mean = Decimal(months - 1) / 2
        covariance = sum((Decimal(k) - x_mean) * (Decimal(v) - mean) for k, v in enumerate(window))
        spread = sum((Decimal(k) - x_mean) ** 2 for k in range(months))
        slope = _MATH.divide(covariance, spread)
    variance = (_MATH.divide(sum((Decimal(v) - mean) ** 2 for v in window), Decimal(months))
                if months else Decimal(0))
    return Features(
        months_active=sum(1 for v in volumes if v > 0),
        average_monthly_volume_minor=int(mean),
        recent_volume_minor=sum(recent) // len(recent) if recent else 0,
        trend=_ratio(slope, mean),
        volatility=_ratio(_MATH.sqrt(variance), mean),
        refund_rate=_ratio(sum(history.monthly_refunds_minor), sum(volumes)),
        existing_debt_service_minor=history.existing_debt_service_minor,
    )


def _limit(f: Features, request: LoanRequest, policy: UnderwritingPolicy, step: int) -> int:
    """The principal the merchant's capacity repays, capped; 0 when there is no capacity."""
    base = min(f.average_monthly_volume_minor, f.recent_volume_minor)
    monthly = _MATH.multiply(Decimal(base), policy.debt_service_share)
    capacity = monthly - f.existing_debt_service_minor
    if capacity <= 0:
        return 0
    per_year = PERIODS_PER_YEAR[request.frequency]
    per_period = _MATH.divide(_MATH.multiply(capacity, Decimal(12)), Decimal(per_year))
    rate = _MATH.divide(Decimal(request.rate_bps), Decimal(10_000) * per_year)
    if rate == 0:
        principal = per_period * request.periods
    else:
        annuity = _MATH.divide(1 - _MATH.power(1 + rate, -request.periods), rate)
        principal = _MATH.multiply(per_period, annuity)
    cap = min(int(principal), f.average_monthly_volume_minor * policy.volume_months_cap,
              request.product_max_minor)
    return cap // step * step


def decide(
    history: MerchantHistory, request: LoanRequest, exponent: int,
    policy: UnderwritingPolicy = UnderwritingPolicy(),
) -> UnderwritingDecision:
    """The policy's decision on ``request``; ``exponent`` is the currency's minor-unit exponent."""
    f = features(history)
    step = policy.limit_step_major * 10**exponent
    limit = _limit(f, request, policy, step)

    def money(amount: int) -> str:
        return shown(amount, history.currency)

    months = f"{f.months_active} active month{'' if f.months_active == 1 else 's'}"

    reasons = [Reason("volume", "info",
                      f"Average monthly volume {money(f.average_monthly_volume_minor)} over "
                      f"{months}; last {RECENT_MONTHS}: "
                      f"{money(f.recent_volume_minor)} a month.")]
    declines = [
        Reason("too_few_months", "decline",
               f"{months}; the policy needs at least "
               f"{policy.decline_months_below}.")
        if f.months_active < policy.decline_months_below else None,
        Reason("refunds_too_high", "decline",
               f"Refunds are {f.refund_rate:.2%} of volume; the policy allows at most "
               f"{policy.decline_refund_rate_above:.0%}.")
        if f.refund_rate > policy.decline_refund_rate_above else None,
        Reason("no_capacity", "decline",
               f"Existing installments of {money(f.existing_debt_service_minor)} a month leave "
               "no repayment capacity.")
        if limit == 0 and f.months_active >= policy.decline_months_below else None,
    ]
    refers = [
        Reason("amount_above_limit", "refer",
               f"The amount asked, {money(request.amount_minor)}, is above the suggested limit "
               f"of {money(limit)}.")
        if request.amount_minor > limit else None,
        Reason("short_history", "refer",
               f"{months}; approval needs "
               f"{policy.approve_months_at_least}.")
        if f.months_active < policy.approve_months_at_least else None,
        Reason("refunds_elevated", "refer",
               f"Refunds are {f.refund_rate:.2%} of volume (approval: at most "
               f"{policy.approve_refund_rate_at_most:.0%}).")
        if f.refund_rate > policy.approve_refund_rate_at_most else None,
        Reason("volume_volatile", "refer",
               f"Monthly volume varies by {f.volatility} of its average (approval: at most "
               f"{policy.approve_volatility_at_most}).")
        if f.volatility > policy.approve_volatility_at_most else None,
        Reason("volume_declining", "refer",
               f"Volume trend is {f.trend:.2%} a month (approval: at least "
               f"{policy.approve_trend_at_least:.0%}).")
        if f.trend < policy.approve_trend_at_least else None,
    ]
    failed_declines = [r for r in declines if r is not None]
    failed_refers = [r for r in refers if r is not None]
    if failed_declines:
        outcome = Outcome.DECLINE
    elif failed_refers:
        outcome = Outcome.REFER
    else:
        outcome = Outcome.APPROVE
        reasons.append(Reason("within_policy", "positive",
                              f"The amount is within the suggested limit of {money(limit)} and "
                              "every approval rule holds."))
    all_reasons = (*reasons, *failed_declines, *failed_refers)
    return UnderwritingDecision(policy.version, outcome, limit, all_reasons, f, history)
