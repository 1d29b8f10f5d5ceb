"""Working-capital credit lines (cash credit / overdraft, the MUDRA card model): terms (pure).

A line is sanctioned by one lender to one merchant in one currency, with a limit inside a PMMY
category's band (the loan product table's amounts: Shishu, Kishore, Tarun, Tarun Plus), an
annual rate, a penal rate and an annual review date. The merchant draws (into its own balance
or straight to a supplier's) within the drawing power and repays any time. No I/O, no clock.

* **Drawing power** (:func:`drawing_power`, policy ``dp-2026.1``, :class:`DrawingPowerPolicy`):
  ``share_bps`` (default 50%) of the merchant's net settled sales on paysetu over the last
  ``window_days`` (default 90) business days ending on the day (settled gross - refunds - fees,
  never below zero), rounded down to ``step_minor``, never above the sanctioned limit. It is
  recomputed at every close of business; the line keeps its basis (the sales and the day), from
  which :meth:`DrawingPower.document` explains it (inputs and which cap applied), like the
  underwriting advice of a term loan.
* **Interest**: day count actual/365 (fixed) on the end-of-day drawn balance. Each day adds
  ``balance x rate_bps`` to the month's running product; the month's interest to date is that
  product / (10,000 x 365), half-up to the minor unit, so a month's interest is rounded once
  (:func:`interest_to_date`); the day's accrual is the increase. Accrued daily (to interest
  income, an NPA's to suspense), debited to the line on the last day of each calendar month (and
  when the line is paid off).
* **Penal charges** (RBI, 2023, "Fair Lending Practice - Penal Charges in Loan Accounts"): for
  each day-end the drawn balance is above the drawing power, ``excess x penal_rate_bps / 365``
  (half-up) is charged. A charge, not interest: it is not added to the rate, not added to the
  drawn balance (so it never bears interest) and never charged on itself (not compounded); it
  is income when received (:func:`daily_penal_charge`), and the rate is on the sanction.
* **Repayment** of ``X`` (:func:`allocate_repayment`): penal charges due first, then the drawn
  balance (which holds debited interest), then interest accrued and not yet debited. More than
  all three together is refused (``repayment_exceeds_outstanding``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from paysetu.lending.rules.classification import AssetClass
from paysetu.lending.rules.loans import LoanCategory, RepaymentParts

DAYS_IN_YEAR = 365
"""Actual/365 (fixed): the denominator of interest and penal charges, leap years too."""
DP_POLICY_VERSION = "dp-2026.1"


class LineState(StrEnum):
    ACTIVE = "active"
    CLOSED = "closed"
    WRITTEN_OFF = "written_off"


class LineMovementKind(StrEnum):
    DRAW = "draw"
    REPAYMENT = "repayment"
    SWEEP = "sweep"
    INTEREST_DEBIT = "interest_debit"
    WRITE_OFF = "write_off"


@dataclass(frozen=True, slots=True)
class DrawingPowerPolicy:
    """How drawing power follows the merchant's settled sales (module docstring)."""

    version: str = DP_POLICY_VERSION
    window_days: int = 90
    share_bps: int = 5_000
    step_minor: int = 100


@dataclass(frozen=True, slots=True)
class DrawingPower:
    """A drawing power with the figures it came from (stored and shown on the line)."""

    amount_minor: int
    computed_minor: int
    net_settled_minor: int
    window_from: date
    window_to: date
    capped_by_limit: bool
    policy: DrawingPowerPolicy

    def document(self) -> dict[str, Any]:
        cap = "the sanctioned limit" if self.capped_by_limit else "the settled sales"
        return {
            "policy_version": self.policy.version, "window_days": self.policy.window_days,
            "share_bps": self.policy.share_bps, "window_from": self.window_from.isoformat(),
            "window_to": self.window_to.isoformat(),
            "net_settled_minor": self.net_settled_minor, "computed_minor": self.computed_minor,
            "drawing_power_minor": self.amount_minor,
            "explanation": (f"{self.policy.share_bps / 100:g}% of the net settled sales of the "
                            f"{self.policy.window_days} days to {self.window_to.isoformat()}, "
                            f"capped by {cap}."),
        }


POLICY = DrawingPowerPolicy()
"""The policy in force (configuration: a deployment changes the defaults above)."""


def dp_window(policy: DrawingPowerPolicy, on: date) -> tuple[date, date]:
    """The settlement dates counted on ``on``: the ``window_days`` days ending on it."""
    return on - timedelta(days=policy.window_days - 1), on


def drawing_power(
    policy: DrawingPowerPolicy, limit_minor: int, net_settled_minor: int, on: date
) -> DrawingPower:
    """The drawing power on ``on`` from the window's net settled sales (module docstring)."""
    share = max(0, net_settled_minor) * policy.share_bps // 10_000
    computed = share - share % policy.step_minor
    first, last = dp_window(policy, on)
    return DrawingPower(min(limit_minor, computed), computed, net_settled_minor, first, last,
                        computed > limit_minor, policy)


def limit_in_band(limit_minor: int, band: tuple[int, int]) -> bool:
    """Whether a limit lies in a PMMY category's ``(min, max)`` amounts (product table)."""
    return band[0] <= limit_minor <= band[1]


def interest_to_date(rate_balance_days: int) -> int:
    """A month's interest to date from its running sum of ``end-of-day balance x rate_bps``:
    / (10,000 x 365), half-up to the minor unit."""
    denominator = 10_000 * DAYS_IN_YEAR
    return (rate_balance_days * 2 + denominator) // (2 * denominator)


def daily_penal_charge(drawn_minor: int, drawing_power_minor: int, penal_rate_bps: int) -> int:
    """One day-end's penal charge on the drawn balance above the drawing power, half-up."""
    excess = drawn_minor - drawing_power_minor
    if excess <= 0:
        return 0
    denominator = 10_000 * DAYS_IN_YEAR
    return (excess * penal_rate_bps * 2 + denominator) // (2 * denominator)


def is_month_end(on: date) -> bool:
    return (on + timedelta(days=1)).day == 1


def available_to_draw(drawn_minor: int, drawing_power_minor: int) -> int:
    return max(0, drawing_power_minor - drawn_minor)


def allocate_repayment(
    amount_minor: int, penal_due_minor: int, drawn_minor: int, accrued_minor: int
) -> RepaymentParts | None:
    """Penal charges, then the drawn balance, then accrued interest (module docstring); None
    when ``amount_minor`` is more than all three."""
    if amount_minor > penal_due_minor + drawn_minor + accrued_minor:
        return None
    penalty = min(amount_minor, penal_due_minor)
    principal = min(amount_minor - penalty, drawn_minor)
    return RepaymentParts(penalty_minor=penalty, principal_minor=principal,
                          interest_minor=amount_minor - penalty - principal)


@dataclass(frozen=True, slots=True)
class CreditLine:
    """A sanctioned line; balances are the ledger's (``drawn_account_id``: the drawn balance,
    debited interest included; ``interest_account_id``: accrued, not yet debited).

    Attributes:
        dp_net_settled_minor: The net settled sales the drawing power was set from, on
            ``dp_as_of`` (with the policy, they give its explanation).
        sweep_bps: Share of each settlement's net swept to the line while it owes anything.
        rate_balance_days: This month's sum of end-of-day drawn balance x rate (bps).
        interest_accrued_minor: Interest accrued and not yet debited to the line.
        penal_charges_minor: Penal charges due, not yet received (no interest on them).
        over_since: First day-end of the current run above the drawing power.
        debit_since: First day-end of the current run with a drawn balance.
        last_credit_on: The last day the line received a credit (repayment or sweep).
        out_of_order_days: As of the last close of business (0: in order).
    """

    id: str
    merchant_id: str
    lender_id: str
    category: LoanCategory
    currency: str
    limit_minor: int
    rate_bps: int
    penal_rate_bps: int
    sweep_bps: int
    review_due: date
    status: LineState
    drawn_account_id: str
    interest_account_id: str
    funding_account_id: str
    drawing_power_minor: int
    dp_net_settled_minor: int
    dp_as_of: date
    sanctioned_on: date
    closed_on: date | None
    renewals: int
    rate_balance_days: int
    interest_accrued_minor: int
    interest_accrued_through: date | None
    penal_charges_minor: int
    over_since: date | None
    debit_since: date | None
    last_credit_on: date | None
    classified_on: date | None
    out_of_order_days: int
    asset_class: AssetClass
    npa_since: date | None
    provision_minor: int
    interest_suspense_minor: int
    metadata: Mapping[str, str]
    created_at: datetime
    updated_at: datetime
    write_off_reason: str | None = None
    """Why the lender wrote the line off (``written_off`` only)."""


@dataclass(frozen=True, slots=True)
class LineMovement:
    """A draw, repayment, sweep or monthly interest debit of a line (its statement line)."""

    id: str
    line_id: str
    kind: LineMovementKind
    amount_minor: int
    payee_merchant_id: str | None
    principal_minor: int
    interest_minor: int
    penalty_minor: int
    entry_id: str
    on: date
    created_at: datetime
