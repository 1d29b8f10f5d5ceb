"""Where a repayment goes: installments' state, allocation orders, prepayment and payoff (pure).

An installment owes four components: penalty, fees, interest and principal. A repayment pays
the components of the installments *due* (due date on or before the day of payment) in the
loan's :class:`AllocationOrder`:

* ``penalties_fees_interest_principal`` (default, Fineract's): installment by installment,
  oldest first; within each, penalties, then fees, then interest, then principal;
* ``rbi_interest_first`` (RBI-style, "horizontal"): all due penalties (oldest first), then all
  due fees, then all due and overdue interest, and only then any principal.

Installments not yet due are never paid by a regular repayment (EMI debit, manual, sweep): to
pay ahead, a borrower prepays (principal, re-amortised over the remaining periods, with the
product's fee) or forecloses (everything, with interest accrued to the day and the fee).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from paysetu.lending.rules.loans import RepaymentParts, fee_for
from paysetu.lending.rules.schedule import (
    ScheduledInstallment,
    ScheduleTerms,
    amortize,
    interest_accrued,
)


class Component(StrEnum):
    PENALTY = "penalty"
    FEES = "fees"
    INTEREST = "interest"
    PRINCIPAL = "principal"


class AllocationOrder(StrEnum):
    PENALTIES_FEES_INTEREST_PRINCIPAL = "penalties_fees_interest_principal"
    RBI_INTEREST_FIRST = "rbi_interest_first"


_COMPONENTS = (Component.PENALTY, Component.FEES, Component.INTEREST, Component.PRINCIPAL)
HORIZONTAL = {
    AllocationOrder.PENALTIES_FEES_INTEREST_PRINCIPAL: False,
    AllocationOrder.RBI_INTEREST_FIRST: True,
}
"""Whether an order pays one component across all due installments before the next."""


@dataclass(frozen=True, slots=True)
class Installment:
    """An installment as stored: what it owes and what has been paid of each component."""

    number: int
    period_start: date
    due_date: date
    principal_minor: int
    interest_minor: int
    fees_minor: int = 0
    penalty_minor: int = 0
    principal_paid_minor: int = 0
    interest_paid_minor: int = 0
    fees_paid_minor: int = 0
    penalty_paid_minor: int = 0

    @classmethod
    def from_schedule(cls, scheduled: ScheduledInstallment) -> Installment:
        return cls(scheduled.number, scheduled.period_start, scheduled.due_date,
                   scheduled.principal_minor, scheduled.interest_minor)

    def scheduled(self) -> ScheduledInstallment:
        return ScheduledInstallment(self.number, self.period_start, self.due_date,
                                    self.principal_minor, self.interest_minor)

    def unpaid(self, component: Component) -> int:
        owed, paid = {
            Component.PENALTY: (self.penalty_minor, self.penalty_paid_minor),
            Component.FEES: (self.fees_minor, self.fees_paid_minor),
            Component.INTEREST: (self.interest_minor, self.interest_paid_minor),
            Component.PRINCIPAL: (self.principal_minor, self.principal_paid_minor),
        }[component]
        return owed - paid

    def unpaid_parts(self) -> RepaymentParts:
        return RepaymentParts(*(self.unpaid(c) for c in _COMPONENTS))

    @property
    def total_minor(self) -> int:
        return self.principal_minor + self.interest_minor + self.fees_minor + self.penalty_minor

    @property
    def fully_paid(self) -> bool:
        return self.unpaid_parts().total_minor == 0

    def with_payment(self, parts: RepaymentParts) -> Installment:
        return replace(
            self,
            penalty_paid_minor=self.penalty_paid_minor + parts.penalty_minor,
            fees_paid_minor=self.fees_paid_minor + parts.fees_minor,
            interest_paid_minor=self.interest_paid_minor + parts.interest_minor,
            principal_paid_minor=self.principal_paid_minor + parts.principal_minor,
        )


@dataclass(frozen=True, slots=True)
class InstallmentPayment:
    """The part of a repayment that went to one installment."""

    number: int
    parts: RepaymentParts


@dataclass(frozen=True, slots=True)
class AllocationResult:
    """A repayment split over installments; ``leftover_minor`` could not be applied."""

    payments: tuple[InstallmentPayment, ...]
    leftover_minor: int

    @property
    def totals(self) -> RepaymentParts:
        return sum_parts(p.parts for p in self.payments)


def sum_parts(parts: Iterable[RepaymentParts]) -> RepaymentParts:
    items = list(parts)
    return RepaymentParts(
        sum(p.penalty_minor for p in items), sum(p.fees_minor for p in items),
        sum(p.interest_minor for p in items), sum(p.principal_minor for p in items),
    )


def due_installments(installments: Sequence[Installment], on: date) -> list[Installment]:
    """Installments due by ``on`` with something unpaid, oldest first."""
    return sorted((i for i in installments if i.due_date <= on and not i.fully_paid),
                  key=lambda i: (i.due_date, i.number))


def amount_due(installments: Sequence[Installment], on: date) -> RepaymentParts:
    """Everything unpaid of the installments due by ``on``."""
    return sum_parts(i.unpaid_parts() for i in due_installments(installments, on))


def allocate(
    installments: Sequence[Installment], amount_minor: int, order: AllocationOrder, on: date
) -> AllocationResult:
    """Split ``amount_minor`` over what is due by ``on``, in ``order``."""
    due = due_installments(installments, on)
    if HORIZONTAL[order]:
        slots = [(component, inst) for component in _COMPONENTS for inst in due]
    else:
        slots = [(component, inst) for inst in due for component in _COMPONENTS]
    paid: dict[int, dict[Component, int]] = {inst.number: {} for inst in due}
    remaining = amount_minor
    for component, inst in slots:
        take = min(remaining, inst.unpaid(component))
        if take:
            paid[inst.number][component] = take
            remaining -= take
    payments = tuple(
        InstallmentPayment(number, RepaymentParts(*(taken.get(c, 0) for c in _COMPONENTS)))
        for number, taken in paid.items() if taken
    )
    return AllocationResult(payments, remaining)


def apply_payments(
    installments: Sequence[Installment], payments: Sequence[InstallmentPayment]
) -> tuple[Installment, ...]:
    by_number = {p.number: p.parts for p in payments}
    return tuple(i.with_payment(by_number[i.number]) if i.number in by_number else i
                 for i in installments)


def interest_accrued_total(installments: Sequence[Installment], on: date) -> int:
    """Interest earned by the end of ``on`` over the whole schedule (see
    :func:`~paysetu.lending.rules.schedule.interest_accrued`)."""
    return sum(interest_accrued(i.scheduled(), on) for i in installments)


@dataclass(frozen=True, slots=True)
class Payoff:
    """What closes a loan on a day.

    Attributes:
        dues: Unpaid parts of the installments already due.
        principal_minor: Principal of the installments not yet due.
        interest_minor: Interest accrued so far in the current period (the rest is waived).
        fee_minor: The foreclosure fee on ``principal_minor``.
    """

    dues: RepaymentParts
    principal_minor: int
    interest_minor: int
    fee_minor: int

    @property
    def total_minor(self) -> int:
        return self.dues.total_minor + self.principal_minor + self.interest_minor + self.fee_minor


def payoff(
    installments: Sequence[Installment], on: date, fee_bps: int, accrued_minor: int
) -> Payoff:
    """What closes the loan on ``on``, given ``accrued_minor``, the interest booked to the
    receivable through ``on`` (never less than the schedule's accrual to that day)."""
    future = [i for i in installments if i.due_date > on]
    principal = sum(i.unpaid(Component.PRINCIPAL) for i in future)
    earned_due = sum(i.interest_minor for i in installments if i.due_date <= on)
    paid_ahead = sum(i.interest_paid_minor for i in future)
    interest = max(0, accrued_minor - earned_due - paid_ahead)
    return Payoff(amount_due(installments, on), principal, interest, fee_for(principal, fee_bps))


def foreclosed(
    installments: Sequence[Installment], on: date, interest_minor: int
) -> tuple[Installment, ...]:
    """The schedule after a foreclosure on ``on`` that charged ``interest_minor`` for the
    periods not yet due: the first of them carries it, later ones carry none (waived), and
    every installment is paid in full."""
    closed: list[Installment] = []
    first_future = True
    for inst in installments:
        kept = inst
        if inst.due_date > on:
            charge = interest_minor if first_future else 0
            kept = replace(inst, interest_minor=inst.interest_paid_minor + charge)
            first_future = False
        closed.append(kept.with_payment(kept.unpaid_parts()))
    return tuple(closed)


def future_principal(installments: Sequence[Installment], on: date) -> int:
    """Principal of the installments not yet due on ``on`` (what a prepayment can reduce)."""
    return sum(i.unpaid(Component.PRINCIPAL) for i in installments if i.due_date > on)


def split_prepayment(amount_minor: int, fee_bps: int) -> tuple[int, int]:
    """``(principal, fee)`` of a prepayment of ``amount_minor`` that includes its fee.

    The principal is the largest whose fee (half-up) fits: principal + fee <= amount; any
    remainder of a minor unit or two goes to the fee, so the two always add up to the amount.
    """
    principal = amount_minor * 10_000 // (10_000 + fee_bps)  # within a unit or two of it
    while principal + 1 + fee_for(principal + 1, fee_bps) <= amount_minor:
        principal += 1
    while principal > 0 and principal + fee_for(principal, fee_bps) > amount_minor:
        principal -= 1
    return principal, amount_minor - principal


def reamortized(
    installments: Sequence[Installment], terms: ScheduleTerms, on: date, principal_left: int
) -> tuple[Installment, ...]:
    """The schedule after ``on``'s prepayment leaves ``principal_left`` to repay.

    Installments already due keep their terms. The ones still to come are recomputed on
    ``principal_left`` over the same due dates; the current period's interest is what accrued
    on the old balance up to ``on`` plus the new balance's interest for the rest of the period.
    """
    past = [i for i in installments if i.due_date <= on]
    future = [i for i in installments if i.due_date > on]
    if not future:
        return tuple(installments)
    periods = [(i.period_start, i.due_date) for i in future]
    fresh = [Installment.from_schedule(s) for s in amortize(
        replace(terms, principal_minor=principal_left), periods, future[0].number)]
    current, fresh_current = future[0], fresh[0]
    length = (current.due_date - current.period_start).days
    elapsed = min(length, max(0, (on - current.period_start).days))
    old_part = interest_accrued(current.scheduled(), on)
    new_part = fresh_current.interest_minor * (length - elapsed) // length
    fresh[0] = replace(fresh_current, interest_minor=old_part + new_part)
    return (*past, *fresh)
