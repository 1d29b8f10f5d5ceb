"""Merchants, payments, refunds and escrow: states, fees, and the journal entries they post.

Every money movement is a ledger entry built here from account ids and amounts (pure); the
services apply them. Entries per operation:

* automatic capture: wallet -> merchant (or escrow) for the amount; merchant -> fee income for
  the fee (one entry, three postings);
* manual: confirm reserves wallet -> merchant (or escrow) as a pending entry; capture posts it
  (in full or in part; the rest is released) linked with the fee entry; cancel voids it;
* escrow release: escrow -> merchant available, for what is held;
* refund: merchant (or escrow while held) -> wallet; fees are not returned.

Every entry's metadata names its ``kind`` and the ``payment`` (and ``refund``) it belongs to:
a merchant's balance transactions and the amount an escrow holds for one payment are read back
from the ledger by those keys, so no table keeps a balance of its own.

Fee rule: ``amount * fee_bps / 10,000`` rounded half-up to the minor unit, plus the fixed fee,
never more than the amount captured.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from paysetu.ledger.rules.entries import Direction, NewEntry, Posting, movement


class PaymentState(StrEnum):
    REQUIRES_CONFIRMATION = "requires_confirmation"
    REQUIRES_ACTION = "requires_action"
    REQUIRES_CAPTURE = "requires_capture"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELED = "canceled"


class Consent(StrEnum):
    """How the payer agreed to a debit (``docs/customers.md``).

    ``operator``: the platform key, with a recorded reason; ``mandate``: within a live mandate;
    ``customer``: the customer approved this payment with the PIN; ``buyer``: the buyer paid on
    a hosted page (checkout, the gateway's pages) or with a one-time payment code.
    """

    OPERATOR = "operator"
    MANDATE = "mandate"
    CUSTOMER = "customer"
    BUYER = "buyer"


class CaptureMethod(StrEnum):
    AUTOMATIC = "automatic"
    MANUAL = "manual"


class EscrowState(StrEnum):
    HELD = "held"
    RELEASED = "released"
    DISPUTED = "disputed"


class RefundState(StrEnum):
    SUCCEEDED = "succeeded"
    PENDING = "pending"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class FeePlan:
    fee_bps: int
    fee_fixed_minor: int

    def fee_for(self, amount_minor: int) -> int:
        """Percentage rounded half-up to the minor unit, plus the fixed part, capped at amount."""
        percent_part = (amount_minor * self.fee_bps + 5_000) // 10_000
        return min(amount_minor, percent_part + self.fee_fixed_minor)


@dataclass(frozen=True, slots=True)
class MerchantAccounts:
    """The ledger accounts of one merchant in one currency."""

    available: str
    escrow: str
    fees: str


@dataclass(frozen=True, slots=True)
class Merchant:
    id: str
    legal_name: str
    country: str
    settlement_currency: str
    fee_plan: FeePlan
    metadata: Mapping[str, str]
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Payment:
    """A payment from a customer's wallet to a merchant.

    Attributes:
        authorization_entry_id: The pending ledger entry of a manual-capture authorisation.
        escrow_status: For escrow payments once captured: held, released or disputed.
        consent: How the payer agreed to the debit (None until it is debited).
        operator_reason: Why the platform debited the wallet itself (operator debits only).
        mandate_id: The mandate a debit was made under.
        fx_quote_id: The FX quote of a cross-border payment: ``amount_minor``/``currency`` are
            the merchant's price, and the buyer's wallet paid ``presentment_amount_minor`` of
            ``presentment_currency`` (see :mod:`paysetu.payments.rules.fx_quotes`).
    """

    id: str
    merchant_id: str
    customer_id: str
    wallet_id: str
    amount_minor: int
    currency: str
    capture_method: CaptureMethod
    escrow: bool
    status: PaymentState
    amount_captured_minor: int
    amount_refunded_minor: int
    fee_minor: int
    authorization_entry_id: str | None
    authorization_expires_at: datetime | None
    escrow_status: EscrowState | None
    escrow_release_at: datetime | None
    failure_code: str | None
    cancellation_reason: str | None
    description: str | None
    metadata: Mapping[str, str]
    created_at: datetime
    updated_at: datetime
    fx_quote_id: str | None = None
    presentment_amount_minor: int | None = None
    presentment_currency: str | None = None
    consent: Consent | None = None
    operator_reason: str | None = None
    mandate_id: str | None = None
    action_expires_at: datetime | None = None
    """While ``requires_action``: when the unanswered approval lapses (canceled, expired)."""
    action_reason: str | None = None
    """Why the customer is asked: ``no_mandate`` or ``above_mandate_threshold``."""

    @property
    def refundable_minor(self) -> int:
        return self.amount_captured_minor - self.amount_refunded_minor


@dataclass(frozen=True, slots=True)
class Refund:
    id: str
    payment_id: str
    merchant_id: str
    amount_minor: int
    currency: str
    status: RefundState
    entry_id: str | None
    reason: str | None
    failure_code: str | None
    metadata: Mapping[str, str]
    created_at: datetime
    presentment_amount_minor: int | None = None
    presentment_currency: str | None = None
    """A cross-border refund: what the buyer gets back in its own currency (pro rata)."""


@dataclass(frozen=True, slots=True)
class BalanceTransaction:
    """One posted movement on a merchant's available or escrow account, as the merchant sees it.

    Attributes:
        sequence: The ledger posting's sequence number (the list cursor).
        balance: ``available`` or ``escrow``.
        type: The entry's ``kind`` (payment, capture, fee, refund, escrow_release...).
        net_minor: Signed change of the balance: credits positive, debits negative.
        fee_minor: The platform fee taken in the same entry (a charge books it in one entry).
        source: The refund or payment the entry belongs to.
    """

    sequence: int
    entry_id: str
    merchant_id: str
    balance: str
    type: str
    net_minor: int
    fee_minor: int
    currency: str
    source: str | None
    created_at: datetime


def entry_metadata(kind: str, payment: Payment, **extra: str) -> dict[str, str]:
    """What every entry of a payment carries: balance transactions and escrow read it back."""
    return {"kind": kind, "payment": payment.id, "merchant": payment.merchant_id, **extra}


def destination_of(payment: Payment, accounts: MerchantAccounts) -> str:
    """Where a payment's money lands: the merchant's escrow or its available balance."""
    return accounts.escrow if payment.escrow else accounts.available




def charge_entry(
    entry_id: str,
    wallet_account: str,
    destination: str,
    fees_account: str,
    amount_minor: int,
    fee_minor: int,
    currency: str,
    meta: Mapping[str, str],
) -> NewEntry:
    """Automatic capture: the wallet pays the amount; the destination keeps it net of the fee."""
    postings = [
        Posting(wallet_account, Direction.DEBIT, amount_minor, currency),
        Posting(destination, Direction.CREDIT, amount_minor - fee_minor, currency),
    ]
    if fee_minor:
        postings.append(Posting(fees_account, Direction.CREDIT, fee_minor, currency))
    if amount_minor == fee_minor:
        postings.pop(1)
    return NewEntry(entry_id, tuple(postings), meta)


@dataclass(frozen=True, slots=True)
class ChargeSplit:
    """Postings a charge carries on for its payee in the same entry (a marketplace order's
    split: the payee's balance pays the sellers' holds and the tax withheld), and what the
    entry's metadata adds. Balanced per currency on their own."""

    postings: tuple[Posting, ...]
    metadata: Mapping[str, str]


def with_split(entry: NewEntry, split: ChargeSplit) -> NewEntry:
    """``entry`` and ``split`` as one entry, netted per account and currency (an account the
    charge credits and the split debits gets one posting of the difference, none if zero)."""
    net: dict[tuple[str, str], int] = {}
    for p in (*entry.postings, *split.postings):
        signed = p.amount_minor if p.direction is Direction.CREDIT else -p.amount_minor
        net[(p.account_id, p.currency)] = net.get((p.account_id, p.currency), 0) + signed
    postings = tuple(
        Posting(account, Direction.CREDIT if amount > 0 else Direction.DEBIT, abs(amount),
                currency)
        for (account, currency), amount in net.items() if amount
    )
    return NewEntry(entry.id, postings, {**entry.metadata, **split.metadata})


def authorization_entry(
    entry_id: str,
    wallet_account: str,
    destination: str,
    amount_minor: int,
    currency: str,
    timeout_s: int,
    meta: Mapping[str, str],
) -> NewEntry:
    """Manual capture: reserve the amount from the wallet until capture, cancel or timeout."""
    entry = movement(entry_id, wallet_account, destination, amount_minor, currency, meta)
    return NewEntry(entry.id, entry.postings, meta, pending=True, timeout_s=timeout_s)


def fee_entry(
    entry_id: str,
    source: str,
    fees_account: str,
    fee_minor: int,
    currency: str,
    meta: Mapping[str, str],
) -> NewEntry:
    """The platform's fee, taken from where the captured money landed."""
    return movement(entry_id, source, fees_account, fee_minor, currency, meta)




def refund_entry(
    entry_id: str,
    sources: Sequence[tuple[str, int]],
    wallet_account: str,
    currency: str,
    meta: Mapping[str, str],
) -> NewEntry:
    """A refund: each ``(account, amount)`` source pays its part, the payer's wallet gets the sum.

    Sources with nothing to pay are left out (a posting is never zero).
    """
    postings = [
        Posting(account, Direction.DEBIT, amount, currency) for account, amount in sources if amount
    ]
    total = sum(p.amount_minor for p in postings)
    postings.append(Posting(wallet_account, Direction.CREDIT, total, currency))
    return NewEntry(entry_id, tuple(postings), meta)


def refund_sources(amount_minor: int, escrow_held_minor: int) -> tuple[int, int]:
    """``(from escrow, from available)``: what escrow still holds for the payment goes first.

    The fee was taken from escrow at capture, so escrow alone cannot return the whole captured
    amount; the merchant's available balance pays the rest (fees are not returned).
    """
    from_escrow = max(0, min(amount_minor, escrow_held_minor))
    return from_escrow, amount_minor - from_escrow
