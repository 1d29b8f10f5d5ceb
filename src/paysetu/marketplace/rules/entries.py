"""The journal entries of marketplace orders (pure: account ids and amounts in, entries out).

* **split** (postings added to the buyer's charge entry, so the charge and the split are one
  entry): the marketplace's balance pays each seller's net into that seller's hold (its escrow
  account) and the tax withheld into the marketplace's GST TCS and TDS liability accounts. The
  commission is what the entry leaves in the marketplace's balance.
* **release**: a share's hold goes to the seller's balance, first repaying what the seller owes
  from returns it could not cover (its recovery account), then its available balance.
* **return**: the seller's part of a return (from the share's hold, then its balance, the rest
  owed on its recovery account) and the tax withheld on the returned amount go back to the
  marketplace's balance, which then refunds the buyer through the payment's normal refund.

Every entry's metadata names its ``kind``, the ``order`` and (per share) the ``share``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from paysetu.ledger.rules.entries import Direction, NewEntry, Posting
from paysetu.payments.rules.fx_entries import fx_accounts


@dataclass(frozen=True, slots=True)
class MarketplaceAccounts:
    """The marketplace's accounts in one currency."""

    available: str
    gst_tcs: str
    income_tax_tds: str


@dataclass(frozen=True, slots=True)
class SellerAccounts:
    """A seller's accounts in one currency: its balance, its hold, what it owes back."""

    available: str
    hold: str
    recovery: str


@dataclass(frozen=True, slots=True)
class SplitPart:
    """One share in the split: its net (order currency) goes to a hold in ``payout_currency``
    as ``payout_minor`` (the same amount when the seller is paid in the order's currency)."""

    hold_account: str
    net_minor: int
    tcs_minor: int
    tds_minor: int
    payout_currency: str
    payout_minor: int


def _entry(entry_id: str, postings: list[Posting], meta: Mapping[str, str]) -> NewEntry | None:
    kept = tuple(p for p in postings if p.amount_minor > 0)
    return NewEntry(entry_id, kept, meta) if len(kept) >= 2 else None


def split_postings(
    marketplace: MarketplaceAccounts, parts: Sequence[SplitPart], currency: str
) -> tuple[Posting, ...]:
    """The split's postings, balanced on their own; they ride on the buyer's charge entry
    (payments nets them with it: the marketplace's balance keeps the commission less the fee)."""
    tcs = sum(p.tcs_minor for p in parts)
    tds = sum(p.tds_minor for p in parts)
    total = sum(p.net_minor for p in parts) + tcs + tds
    postings = [
        Posting(marketplace.available, Direction.DEBIT, total, currency),
        *(Posting(p.hold_account, Direction.CREDIT, p.net_minor, currency)
          for p in parts if p.payout_currency == currency),
        Posting(marketplace.gst_tcs, Direction.CREDIT, tcs, currency),
        Posting(marketplace.income_tax_tds, Direction.CREDIT, tds, currency),
    ]
    for p in parts:
        if p.payout_currency != currency:
            postings += fx_leg(p.net_minor, currency, p.payout_minor, p.payout_currency,
                               p.hold_account, Direction.CREDIT)
    return tuple(p for p in postings if p.amount_minor > 0)


def fx_leg(
    order_minor: int, order_currency: str, payout_minor: int, payout_currency: str,
    seller_account: str, seller_side: Direction,
) -> list[Posting]:
    """A seller abroad's amount through the platform's FX positions: ``order_minor`` of the
    order's currency into (or out of) its position, ``payout_minor`` of the seller's out of (or
    into) its own, to (or from) ``seller_account``. Balanced per currency; the positions carry
    the platform's FX exposure, as for cross-border payments (docs/fx.md)."""
    other = Direction.DEBIT if seller_side is Direction.CREDIT else Direction.CREDIT
    return [
        Posting(fx_accounts(order_currency).position, seller_side, order_minor, order_currency),
        Posting(fx_accounts(payout_currency).position, other, payout_minor, payout_currency),
        Posting(seller_account, seller_side, payout_minor, payout_currency),
    ]


def release_entry(
    entry_id: str,
    seller: SellerAccounts,
    held_minor: int,
    owed_minor: int,
    currency: str,
    meta: Mapping[str, str],
) -> NewEntry | None:
    repaid = min(held_minor, owed_minor)
    return _entry(
        entry_id,
        [
            Posting(seller.hold, Direction.DEBIT, held_minor, currency),
            Posting(seller.recovery, Direction.CREDIT, repaid, currency),
            Posting(seller.available, Direction.CREDIT, held_minor - repaid, currency),
        ],
        meta,
    )


@dataclass(frozen=True, slots=True)
class ReturnParts:
    """Where a return's money comes from. The seller's three parts are in its payout currency;
    ``seller_order_minor`` is their sum in the order's currency (the same for a seller paid in
    the order's currency; converted at the share's locked rate for a seller abroad)."""

    from_hold_minor: int
    from_balance_minor: int
    recovered_later_minor: int
    tcs_minor: int
    tds_minor: int
    seller_order_minor: int

    @property
    def seller_minor(self) -> int:
        return self.from_hold_minor + self.from_balance_minor + self.recovered_later_minor


def return_entry(
    entry_id: str,
    marketplace: MarketplaceAccounts,
    seller: SellerAccounts,
    parts: ReturnParts,
    currency: str,
    payout_currency: str,
    meta: Mapping[str, str],
) -> NewEntry | None:
    """The seller's part (from its hold, balance, recovery, in its payout currency; through
    the FX positions when that is not the order's) and the tax go back to the marketplace."""
    back = parts.seller_order_minor + parts.tcs_minor + parts.tds_minor
    postings = [
        Posting(seller.hold, Direction.DEBIT, parts.from_hold_minor, payout_currency),
        Posting(seller.available, Direction.DEBIT, parts.from_balance_minor, payout_currency),
        Posting(seller.recovery, Direction.DEBIT, parts.recovered_later_minor, payout_currency),
        Posting(marketplace.gst_tcs, Direction.DEBIT, parts.tcs_minor, currency),
        Posting(marketplace.income_tax_tds, Direction.DEBIT, parts.tds_minor, currency),
        Posting(marketplace.available, Direction.CREDIT, back, currency),
    ]
    if payout_currency != currency:
        order_position, payout_position = fx_leg(
            parts.seller_order_minor, currency, parts.seller_minor, payout_currency,
            seller.available, Direction.DEBIT)[:2]
        postings += [order_position, payout_position]
    return _entry(entry_id, postings, meta)
