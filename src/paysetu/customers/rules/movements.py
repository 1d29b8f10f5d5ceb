"""A customer's money movements as the wallet app shows them: kinds, filters, statement months,
and what the KYC tier still allows this month.

Pure: the store reads the ledger postings of the customer's own wallet accounts and this module
names, filters and sums them. A wallet is a liability account, so a credit is money in and a
debit is money out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

KINDS = ("top_up", "payment", "refund", "transfer", "withdrawal")
"""The kinds the history filter offers (each movement's ``kind``; anything else is ``other``)."""
_ENTRY_KINDS = {"capture": "payment", "authorization": "payment"}
"""Ledger entry kinds shown as another kind (a captured authorisation is a payment)."""


def movement_kind(entry_kind: str | None) -> str:
    """The app's kind of a ledger entry's ``kind`` metadata."""
    kind = _ENTRY_KINDS.get(entry_kind or "", entry_kind or "other")
    return kind if kind in KINDS else "other"


@dataclass(frozen=True, slots=True)
class Movement:
    """One posted movement on one of the customer's wallets.

    Attributes:
        amount_minor: Signed: positive into the wallet, negative out of it.
        payment_id: The payment it belongs to (payments, their refunds), else None.
        counterparty: The merchant's name for payments and refunds, else None.
    """

    posting_id: int
    entry_id: str
    wallet_id: str
    kind: str
    amount_minor: int
    currency: str
    created_at: datetime
    payment_id: str | None = None
    refund_id: str | None = None
    merchant_id: str | None = None
    counterparty: str | None = None
    source_hint: str | None = None

    @property
    def incoming(self) -> bool:
        return self.amount_minor > 0


@dataclass(frozen=True, slots=True)
class HistoryFilter:
    """The history page's filters (None: any). ``until`` is exclusive; ``before_posting``
    pages back: only movements older than that posting (the last one of the page before)."""

    since: datetime | None = None
    until: datetime | None = None
    merchant_id: str | None = None
    kind: str | None = None
    before_posting: int | None = None


def day_start(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def parse_day(text: str) -> date | None:
    """``2026-04-01`` (an ``<input type="date">``), else None."""
    try:
        return date.fromisoformat(text.strip()) if text.strip() else None
    except ValueError:
        return None


def parse_month(text: str) -> tuple[datetime, datetime] | None:
    """The first instant of ``YYYY-MM`` and of the month after it (UTC), else None."""
    try:
        first = datetime.strptime(text.strip(), "%Y-%m").replace(tzinfo=UTC)
    except ValueError:
        return None
    following = (first.replace(year=first.year + 1, month=1) if first.month == 12
                 else first.replace(month=first.month + 1))
    return first, following


@dataclass(frozen=True, slots=True)
class Allowance:
    """What a wallet's KYC tier still allows (None: no limit in this currency).

    Attributes:
        balance_left_minor: How much more the wallet may hold.
        load_left_minor: How much more may be topped up this calendar month.
    """

    balance_max_minor: int | None
    balance_left_minor: int | None
    load_max_minor: int | None
    load_left_minor: int | None

    def top_up_max_minor(self) -> int | None:
        """The largest top-up both limits allow now (None: unlimited)."""
        lefts = [v for v in (self.balance_left_minor, self.load_left_minor) if v is not None]
        return min(lefts) if lefts else None


def allowance(balance_max_minor: int | None, load_max_minor: int | None, balance_minor: int,
              loaded_this_month_minor: int) -> Allowance:
    return Allowance(
        balance_max_minor,
        None if balance_max_minor is None else max(balance_max_minor - balance_minor, 0),
        load_max_minor,
        None if load_max_minor is None else max(load_max_minor - loaded_this_month_minor, 0),
    )


@dataclass(frozen=True, slots=True)
class StatementLine:
    movement: Movement
    balance_after_minor: int


def statement_lines(opening_minor: int, movements: list[Movement]) -> list[StatementLine]:
    """Each movement of a month, oldest first, with the running balance after it."""
    lines: list[StatementLine] = []
    balance = opening_minor
    for movement in sorted(movements, key=lambda m: m.posting_id):
        balance += movement.amount_minor
        lines.append(StatementLine(movement, balance))
    return lines
