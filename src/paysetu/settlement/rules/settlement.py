"""Settlement rules: schedules, windows, and what one batch holds back, sweeps and pays out.

Per merchant and currency, a settlement run for date ``D`` closes the window that ends with
business day ``D - N`` (T+N): at the merchant's daily cutoff in its own time zone, the first one
after that day begins (a 00:00 cutoff is the midnight ending the day). With the default (UTC,
00:00, T+1) a run on 2 April settles what was captured on 1 April. Windows of one merchant
and currency follow each other without gap or overlap:
each starts where the previous batch ended (the first one where the account was opened).

A batch's items are the posted movements of the merchant's available balance in its window
(payments net of their fee, escrow releases, refunds, separately booked fees, anything else as
an adjustment). Then, in this order:

1. reserve released: what earlier batches held back and is now due (``reserve_release_days``
   after their window ended) comes back from the merchant's reserve account;
2. reserve held: ``reserve_bps`` of the window's gross, rounded half up, goes to the reserve;
3. loan sweep: what the lending hook claims (never more than the net, nor than the balance);
4. ``net = gross - refunds - fees + adjustments + carried_in - held + released - sweep``.

A net of zero or less, a net below the currency's minimum, or a merchant without a payout
account in the currency is *carried forward*: nothing is paid and the next batch starts from it
(``carried_in``). A payout is never more than the available balance holds when the batch is
made (refunds after the window may have spent some); the rest is carried forward too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from paysetu.kernel.invariants import invariant
from paysetu.kernel.money import AMOUNT_MINOR_MAX, is_currency
from paysetu.settlement.rules.errors import SettlementRejected, SettlementStatus

DELAY_DAYS_MAX = 30
RELEASE_DAYS_MAX = 365
BPS = 10_000


class ItemType(StrEnum):
    """What a settlement line is; the first five are movements of the window."""

    PAYMENT = "payment"
    REFUND = "refund"
    FEE = "fee"
    ESCROW_RELEASE = "escrow_release"
    ADJUSTMENT = "adjustment"
    RESERVE_HELD = "reserve_held"
    RESERVE_RELEASED = "reserve_released"
    LOAN_SWEEP = "loan_sweep"
    PAYOUT = "payout"


class BatchStatus(StrEnum):
    PAID_OUT = "paid_out"
    CARRIED_FORWARD = "carried_forward"


class CarryReason(StrEnum):
    """Why (part of) a batch's net was not paid out."""

    NEGATIVE_NET = "negative_net"
    ZERO_NET = "zero_net"
    NO_PAYOUT_ACCOUNT = "no_payout_account"
    BELOW_MINIMUM = "below_minimum"
    INSUFFICIENT_BALANCE = "insufficient_balance"


def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


@dataclass(frozen=True, slots=True)
class SettlementSchedule:
    """A merchant's settlement terms (the deployment's defaults when it has none of its own).

    Attributes:
        time_zone: IANA name; the cutoff is a wall-clock time there.
        cutoff_local: Daily cutoff: a window ends at this local time.
        delay_days: The N of T+N: the window settled on day D ends at the cutoff of day D - N.
        reserve_bps: Rolling reserve: this share of each window's gross is held back.
        reserve_release_days: Days after a window's end when its reserve is released.
        payout_minimums: Per currency, the smallest amount paid out (less is carried forward).
    """

    time_zone: str = "UTC"
    cutoff_local: time = time(0, 0)
    delay_days: int = 1
    reserve_bps: int = 0
    reserve_release_days: int = 0
    payout_minimums: Mapping[str, int] = field(default_factory=dict)

    def window_end(self, settlement_date: date) -> datetime:
        """The instant (UTC) the window settled on ``settlement_date`` ends.

        That is the end of business day ``settlement_date - delay_days``: the first cutoff
        after that day begins (a cutoff of 00:00 is the midnight that ends the day, 18:00 is
        18:00 on the day). A cutoff in a daylight-saving gap or fold is read with the offset
        before the change (``fold=0``), so every date has exactly one window end.
        """
        zone = _zone(self.time_zone)
        invariant(zone is not None, f"schedule time zone {self.time_zone!r} was checked")
        day = settlement_date - timedelta(days=self.delay_days)
        if self.cutoff_local == time(0, 0):
            day += timedelta(days=1)
        return datetime.combine(day, self.cutoff_local, tzinfo=zone).astimezone(UTC)

    def minimum_for(self, currency: str) -> int:
        return self.payout_minimums.get(currency, 0)

    def reserve_for(self, gross_minor: int) -> int:
        """``reserve_bps`` of the gross, rounded half up to the minor unit."""
        return (max(gross_minor, 0) * self.reserve_bps + BPS // 2) // BPS

    def reserve_release_at(self, window_end: datetime) -> datetime:
        return window_end + timedelta(days=self.reserve_release_days)


DEFAULT_SCHEDULE = SettlementSchedule()


def _reject(status: SettlementStatus, param: str) -> SettlementRejected:
    return SettlementRejected(status, param=param)


def check_schedule(
    time_zone: str, cutoff_local: str, delay_days: int, reserve_bps: int,
    reserve_release_days: int, payout_minimums: Mapping[str, int],
) -> SettlementSchedule:
    """A schedule from request fields, or :class:`SettlementRejected` with the first fault."""
    if not (0 < len(time_zone) <= 64 and _zone(time_zone) is not None):
        raise _reject(SettlementStatus.TIME_ZONE_INVALID, "time_zone")
    try:
        cutoff = time.fromisoformat(cutoff_local)
    except ValueError:
        raise _reject(SettlementStatus.CUTOFF_INVALID, "cutoff_local") from None
    if len(cutoff_local) != 5 or cutoff.tzinfo is not None:
        raise _reject(SettlementStatus.CUTOFF_INVALID, "cutoff_local")
    if type(delay_days) is not int or not 0 <= delay_days <= DELAY_DAYS_MAX:
        raise _reject(SettlementStatus.DELAY_DAYS_INVALID, "delay_days")
    if type(reserve_bps) is not int or not 0 <= reserve_bps <= BPS:
        raise _reject(SettlementStatus.RESERVE_INVALID, "reserve_bps")
    lowest_release = 1 if reserve_bps else 0
    if type(reserve_release_days) is not int or not (
        lowest_release <= reserve_release_days <= RELEASE_DAYS_MAX
    ):
        raise _reject(SettlementStatus.RESERVE_INVALID, "reserve_release_days")
    for currency, minimum in payout_minimums.items():
        if not is_currency(currency) or type(minimum) is not int:
            raise _reject(SettlementStatus.PAYOUT_MINIMUM_INVALID, "payout_minimums")
        if not 0 <= minimum <= AMOUNT_MINOR_MAX:
            raise _reject(SettlementStatus.PAYOUT_MINIMUM_INVALID, "payout_minimums")
    return SettlementSchedule(time_zone, cutoff, delay_days, reserve_bps, reserve_release_days,
                              dict(payout_minimums))


@dataclass(frozen=True, slots=True)
class WindowTotals:
    """The window's items summed (all amounts in the batch currency's minor units).

    Attributes:
        gross_minor: Payments captured (before their fee) and escrow released.
        refunds_minor: Refunds paid from the available balance (positive).
        fees_minor: Fees taken, with the payment or on their own (positive).
        adjustments_minor: Every other movement of the available balance, signed.
    """

    item_count: int = 0
    gross_minor: int = 0
    refunds_minor: int = 0
    fees_minor: int = 0
    adjustments_minor: int = 0

    @property
    def net_minor(self) -> int:
        return self.gross_minor - self.refunds_minor - self.fees_minor + self.adjustments_minor


@dataclass(frozen=True, slots=True)
class BatchInputs:
    """Everything :func:`plan_batch` decides from.

    Attributes:
        available_minor: The merchant's available balance now (locked by the run).
        reserve_to_hold_minor: The reserve the window's gross calls for.
        reserve_released_minor: Earlier batches' reserves due by this window's end.
        loan_claim_minor: What the lending hook asks to sweep (0 without a loan).
        payout_minimum_minor: The currency's payout minimum for this merchant.
        has_payout_account: Whether the merchant has an active payout account in the currency.
    """

    totals: WindowTotals
    carried_in_minor: int
    available_minor: int
    reserve_to_hold_minor: int
    reserve_released_minor: int
    loan_claim_minor: int
    payout_minimum_minor: int
    has_payout_account: bool


@dataclass(frozen=True, slots=True)
class BatchPlan:
    """What the batch moves and pays; ``payout + carried_forward == net``."""

    reserve_held_minor: int
    reserve_released_minor: int
    loan_sweep_minor: int
    net_minor: int
    payout_minor: int
    carried_forward_minor: int
    status: BatchStatus
    carry_reason: CarryReason | None


def _carry_reason(net: int, funds: int, inputs: BatchInputs) -> CarryReason | None:
    if net < 0:
        return CarryReason.NEGATIVE_NET
    if net == 0:
        return CarryReason.ZERO_NET
    if not inputs.has_payout_account:
        return CarryReason.NO_PAYOUT_ACCOUNT
    if net < inputs.payout_minimum_minor:
        return CarryReason.BELOW_MINIMUM
    if min(net, funds) <= 0 or min(net, funds) < inputs.payout_minimum_minor:
        return CarryReason.INSUFFICIENT_BALANCE
    return None


def plan_batch(inputs: BatchInputs) -> BatchPlan:
    """Reserve, sweep, net, payout and carry-forward of one batch (see the module docstring).

    Every movement is bounded by what the account it leaves holds at that point, so the
    ledger entries that carry the plan out can never be refused for want of funds.
    """
    released = inputs.reserve_released_minor
    funds = inputs.available_minor + released
    held = max(0, min(inputs.reserve_to_hold_minor, funds))
    funds -= held
    net = inputs.totals.net_minor + inputs.carried_in_minor - held + released
    sweep = max(0, min(inputs.loan_claim_minor, net, funds))
    net -= sweep
    funds -= sweep
    reason = _carry_reason(net, funds, inputs)
    payout = 0 if reason is not None else min(net, funds)
    if reason is None and payout < net:
        reason = CarryReason.INSUFFICIENT_BALANCE
    plan = BatchPlan(
        reserve_held_minor=held, reserve_released_minor=released, loan_sweep_minor=sweep,
        net_minor=net, payout_minor=payout, carried_forward_minor=net - payout,
        status=BatchStatus.PAID_OUT if payout > 0 else BatchStatus.CARRIED_FORWARD,
        carry_reason=reason,
    )
    invariant(0 <= payout <= max(net, 0), "a payout is at most the positive net")
    invariant(payout <= funds, "a payout never overdraws the available balance")
    return plan
