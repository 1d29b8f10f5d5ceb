"""Mandates: a customer's standing consent for a merchant's debits (UPI AutoPay, e-mandates).

States::

    pending --customer approves with the PIN--> active --pause--> paused --resume--> active
    pending --customer refuses--> refused
    pending | active | paused --revoke (customer) or cancel (merchant)--> revoked
    active | paused --valid_until passes--> expired (read lazily: see :func:`effective_state`)

A debit within a live (``active``) mandate needs no per-payment approval, unless the RBI
defaults say otherwise (:class:`MandatePolicy`, ``docs/customers.md``): a single debit above
``extra_approval_above_minor`` still goes to the customer, and each debit needs a pre-debit
notice sent at least ``pre_debit_notice_s`` before it. The decision is :func:`mandate_debit`,
pure: the use case reads the mandate (locked) and the oldest usable notice and applies it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from paysetu.payments.rules.errors import PaymentRejected, PaymentStatus


class MandateState(StrEnum):
    PENDING = "pending"
    ACTIVE = "active"
    PAUSED = "paused"
    REVOKED = "revoked"
    REFUSED = "refused"
    EXPIRED = "expired"


class MandateFrequency(StrEnum):
    AS_PRESENTED = "as_presented"
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    YEARLY = "yearly"


PERIOD = {
    MandateFrequency.DAILY: timedelta(days=1),
    MandateFrequency.WEEKLY: timedelta(days=7),
    MandateFrequency.MONTHLY: timedelta(days=28),
    MandateFrequency.YEARLY: timedelta(days=365),
}
"""The shortest gap between two debits of a mandate (a month counts as 28 days, so that a
debit on the same date each month always fits)."""


@dataclass(frozen=True, slots=True)
class MandatePolicy:
    """RBI e-mandate defaults, configurable per deployment.

    Attributes:
        pre_debit_notice_s: A debit needs a notice sent at least this long before (RBI: 24 h);
            0 turns notices off.
        extra_approval_above_minor: A single debit above this (INR minor units; RBI: ₹15,000)
            also needs the customer's approval with the PIN.
        approval_ttl_s: How long a payment waits in ``requires_action`` for the customer.
    """

    pre_debit_notice_s: int = 24 * 3600
    extra_approval_above_minor: int = 15_000_00
    approval_ttl_s: int = 15 * 60


@dataclass(frozen=True, slots=True)
class Mandate:
    id: str
    merchant_id: str
    customer_id: str
    wallet_id: str
    currency: str
    amount_max_minor: int
    frequency: MandateFrequency
    purpose: str
    valid_until: datetime
    status: MandateState
    last_debit_at: datetime | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class MandateNotice:
    """A pre-debit notification: ``amount_minor`` will be debited at or after ``debit_after``."""

    id: str
    mandate_id: str
    amount_minor: int
    debit_after: datetime
    created_at: datetime
    payment_id: str | None


def effective_state(mandate: Mandate, now: datetime) -> MandateState:
    """The state as of ``now``: a live mandate past ``valid_until`` has expired."""
    live = mandate.status in (MandateState.ACTIVE, MandateState.PAUSED, MandateState.PENDING)
    if live and mandate.valid_until <= now:
        return MandateState.EXPIRED
    return mandate.status


def mandate_debit(
    mandate: Mandate,
    *,
    merchant_id: str,
    wallet_id: str,
    amount_minor: int,
    currency: str,
    notice: MandateNotice | None,
    policy: MandatePolicy,
    now: datetime,
) -> bool:
    """Whether a debit under ``mandate`` may go without the customer (True), or needs the
    customer's approval too (False: above the extra-approval threshold); a debit the mandate
    does not cover at all is refused with the code of the rule it breaks (precedence order)."""
    if mandate.merchant_id != merchant_id:
        raise PaymentRejected(PaymentStatus.MANDATE_NOT_FOUND, param="mandate")
    if mandate.wallet_id != wallet_id or mandate.currency != currency:
        raise PaymentRejected(PaymentStatus.MANDATE_WALLET_MISMATCH, param="wallet")
    if effective_state(mandate, now) is not MandateState.ACTIVE:
        raise PaymentRejected(PaymentStatus.MANDATE_NOT_ACTIVE, param="mandate")
    if amount_minor > mandate.amount_max_minor:
        raise PaymentRejected(PaymentStatus.MANDATE_AMOUNT_EXCEEDED, param="amount_minor")
    period = PERIOD.get(mandate.frequency)
    last = mandate.last_debit_at
    if period is not None and last is not None and now < last + period:
        raise PaymentRejected(PaymentStatus.MANDATE_FREQUENCY_EXCEEDED, param="mandate")
    if policy.pre_debit_notice_s and not notice_covers(notice, amount_minor, policy, now):
        raise PaymentRejected(PaymentStatus.MANDATE_NOTICE_MISSING, param="mandate")
    return amount_minor <= policy.extra_approval_above_minor


def notice_covers(
    notice: MandateNotice | None, amount_minor: int, policy: MandatePolicy, now: datetime
) -> bool:
    """A notice announces this debit: unused, for this amount, sent early enough, now due."""
    return (
        notice is not None
        and notice.payment_id is None
        and notice.amount_minor == amount_minor
        and notice.created_at + timedelta(seconds=policy.pre_debit_notice_s) <= now
        and notice.debit_after <= now
    )


def masked_payee(legal_name: str) -> str:
    """The payee as a customer sees it before the PIN (domain.md section 7): the first word
    whole, each other word by its initial (``Chai Point Foods`` -> ``Chai P*** F***``)."""
    first, *rest = legal_name.split() or ["?"]
    return " ".join([first, *(word[0] + "***" for word in rest)])
