"""The values a settlement run passes between its service and the database adapter.

A run looks at merchant-currency pairs (:class:`SettlementCandidate`), places the window each
one settles now (:class:`NewWindow`), and before committing compares every batch with an
independent read of the ledger (:class:`WindowCheck`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from paysetu.settlement.rules.settlement import SettlementSchedule


@dataclass(frozen=True, slots=True)
class SettlementCandidate:
    """One merchant-currency pair a run looks at, with what it needs to place the window.

    Attributes:
        available_minor: What the available account can give now (its row is locked).
        opened_at: When the available account was opened (the first window starts there).
        schedule: The merchant's own schedule (None: the deployment's default).
        last_batch_id: The pair's latest batch, if any, and its window end and carry.
    """

    merchant_id: str
    currency: str
    available_account: str
    fees_account: str
    opened_at: datetime
    available_minor: int
    schedule: SettlementSchedule | None
    last_batch_id: str | None
    last_window_end: datetime | None
    carried_in_minor: int
    payout_account_id: str | None


@dataclass(frozen=True, slots=True)
class NewWindow:
    """A window about to be settled as batch ``batch_id``."""

    batch_id: str
    merchant_id: str
    currency: str
    available_account: str
    fees_account: str
    window_start: datetime
    window_end: datetime


@dataclass(frozen=True, slots=True)
class WindowCheck:
    """The ledger's own account of a window, to compare with the batch (invariant).

    Attributes:
        ledger_net_minor: Signed sum of every posted movement of the available account in the
            window, read straight from the postings.
        items_net_minor: The batch's window items summed.
        earlier_batches_minor: What earlier batches' own entries moved in the window (their
            reserve, sweep and payout entries are dated when they ran).
    """

    batch_id: str
    ledger_net_minor: int
    items_net_minor: int
    earlier_batches_minor: int
