"""Settlement batches, their items and payouts as stored, and the ledger entries a batch makes.

Ledger accounts and entries of one batch (amounts from :class:`~.settlement.BatchPlan`; an
entry with nothing to move is left out):

==========================  ===========================  ===========================  ========
entry id                    debit                        credit                       amount
==========================  ===========================  ===========================  ========
``je_<batch>_rsv_release``  merchant reserve             merchant available           released
``je_<batch>_rsv_hold``     merchant available           merchant reserve             held
``je_<batch>_loan``         merchant available           the lending hook's account   sweep
``je_<batch>_payout``       merchant available           payout clearing (platform)   payout
==========================  ===========================  ===========================  ========

The reserve is a liability to the merchant like its available balance (the money is still
owed to it, only not yet payable). Payout clearing (``acct_platform_payout_clearing_<CUR>``) is
a platform liability: once the payout instruction is issued the platform owes the transfer to
the bank run rather than to the merchant's balance; reconciliation moves it on when the bank
statement shows the money left. Entry ids derive from the batch id, so re-applying a batch's
entries is a replay, never a second movement.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from paysetu.ledger.rules.entries import Direction, NewEntry, Posting
from paysetu.settlement.rules.payout_accounts import PayoutAccountDetails
from paysetu.settlement.rules.settlement import (
    BatchPlan,
    BatchStatus,
    CarryReason,
    ItemType,
    WindowTotals,
)

SETTLEMENT_KIND_PREFIX = "settlement_"
"""Entry kinds of the entries settlement makes; a window's items never include them."""


class PayoutStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    PAID = "paid"
    FAILED = "failed"
    RETURNED = "returned"


class RunOutcome(StrEnum):
    """What a settlement run did for one merchant and currency."""

    CREATED = "created"
    EXISTS = "exists"
    """The window was settled by an earlier run: that batch is returned unchanged."""
    WINDOW_OPEN = "window_open"
    """The window has not closed yet (or closed too recently); nothing was done."""
    NOTHING_TO_SETTLE = "nothing_to_settle"
    """No movement, no carried amount and no reserve due: no batch was made."""
    ALREADY_SETTLED = "already_settled"
    """A later window is already settled; this date's window is inside it."""


@dataclass(frozen=True, slots=True)
class SettlementAccounts:
    """The ledger accounts one batch moves money between."""

    available: str
    reserve: str
    payout_clearing: str
    loan_sweep: str | None = None


def payout_clearing_account(currency: str) -> str:
    return f"acct_platform_payout_clearing_{currency}"


def reserve_account(merchant_id: str, currency: str) -> str:
    return f"acct_{merchant_id}_{currency}_reserve"


def settlement_entry_id(batch_id: str, purpose: str) -> str:
    return f"je_{batch_id}_{purpose}"


def end_to_end_id(payout_id: str) -> str:
    """The ISO 20022 end-to-end id of a payout: ``PS`` + its ULID (letters and digits only,
    at most 35, as every clearing system accepts)."""
    return "PS" + payout_id.removeprefix("po_")


def _move(
    entry_id: str, debit: str, credit: str, amount: int, currency: str, meta: Mapping[str, str]
) -> NewEntry:
    return NewEntry(entry_id, (
        Posting(debit, Direction.DEBIT, amount, currency),
        Posting(credit, Direction.CREDIT, amount, currency),
    ), meta)


def batch_entries(
    batch_id: str, merchant_id: str, currency: str, accounts: SettlementAccounts, plan: BatchPlan
) -> list[tuple[ItemType, NewEntry]]:
    """The batch's entries in the order they apply (release before hold, payout last)."""
    moves = (
        (ItemType.RESERVE_RELEASED, "rsv_release", accounts.reserve, accounts.available,
         plan.reserve_released_minor),
        (ItemType.RESERVE_HELD, "rsv_hold", accounts.available, accounts.reserve,
         plan.reserve_held_minor),
        (ItemType.LOAN_SWEEP, "loan", accounts.available, accounts.loan_sweep or "",
         plan.loan_sweep_minor),
        (ItemType.PAYOUT, "payout", accounts.available, accounts.payout_clearing,
         plan.payout_minor),
    )
    return [
        (item_type, _move(
            settlement_entry_id(batch_id, purpose), debit, credit, amount, currency,
            {"kind": SETTLEMENT_KIND_PREFIX + item_type.value, "settlement": batch_id,
             "merchant": merchant_id},
        ))
        for item_type, purpose, debit, credit, amount in moves
        if amount > 0
    ]


@dataclass(frozen=True, slots=True)
class SettlementBatch:
    """One merchant's settlement in one currency for one window.

    Attributes:
        totals: The window's items summed.
        carried_in_minor: The previous batch's carried-forward amount.
        reserve_release_at: When this batch's held reserve falls due (None: nothing held).
        reserve_released_by: The later batch that released it.
        payout_account_id: The account the payout was instructed to (None: no payout).
    """

    id: str
    merchant_id: str
    currency: str
    settlement_date: date
    window_start: datetime
    window_end: datetime
    status: BatchStatus
    carry_reason: CarryReason | None
    totals: WindowTotals
    carried_in_minor: int
    plan: BatchPlan
    reserve_release_at: datetime | None
    reserve_released_by: str | None
    payout_account_id: str | None
    payout_id: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class SettlementItem:
    """One line of a batch: a ledger posting on the merchant's available balance.

    Attributes:
        posting_id: The ledger posting (lines of a batch are listed in its order).
        source_id: The payment or refund the posting's entry belongs to, if any.
        gross_minor: Signed; a payment's amount before its fee.
        fee_minor: The fee taken in the same entry (positive).
        net_minor: The posting's signed effect on the available balance.
    """

    batch_id: str
    posting_id: int
    type: ItemType
    entry_id: str
    source_id: str | None
    gross_minor: int
    fee_minor: int
    net_minor: int
    occurred_at: datetime


@dataclass(frozen=True, slots=True)
class Payout:
    id: str
    batch_id: str
    merchant_id: str
    amount_minor: int
    currency: str
    end_to_end_id: str
    status: PayoutStatus
    created_at: datetime


@dataclass(frozen=True, slots=True)
class BatchResult:
    """A settlement run's result for one merchant and currency (a value, never an error)."""

    merchant_id: str
    currency: str
    outcome: RunOutcome
    window_end: datetime
    batch_id: str | None = None
    status: BatchStatus | None = None
    net_minor: int = 0
    payout_minor: int = 0
    carried_forward_minor: int = 0


@dataclass(frozen=True, slots=True)
class PayoutInstruction:
    """Everything a payout file needs: the payout, who pays (the platform) and who is paid.

    Attributes:
        debtor: The platform's account the money leaves (an account without IBAN or bank code
            is written as a proprietary ``Othr`` id, its bank as ``NOTPROVIDED``).
        creditor: The merchant's payout account the batch was paid to.
        merchant_name: The merchant's legal name (the creditor's name is the account holder).
        requested_execution_date: The day the bank is asked to pay: the first business day on
            or after the export (never a day in the past).
    """

    payout: Payout
    batch_id: str
    window_end: datetime
    debtor: PayoutAccountDetails
    creditor: PayoutAccountDetails
    merchant_name: str
    requested_execution_date: date
