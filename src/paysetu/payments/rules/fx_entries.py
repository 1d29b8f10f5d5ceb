"""The ledger side of cross-border payments and refunds: FX accounts and linked entries.

Per currency the platform has four FX accounts (owner ``platform``/``paysetu``):

* ``acct_platform_fx_{CUR}``, **equity**: the FX position (a currency trading account, as in
  Selinger's multi-currency bookkeeping). Money crosses currencies only through these: the sell
  currency's position is credited what the buyer paid at mid, the buy currency's position is
  debited the price. They are not cash (that is the bank/nostro assets), nor a debt to anyone
  (a liability), but the platform's own open position per currency, which is why they are
  equity; they carry no balance-limit flag because a position may be long or short.
* ``acct_platform_fx_income_{CUR}``, income: spread plus rounding remainder (rule 5 of
  :mod:`paysetu.payments.rules.fx_quotes`), in the sell currency.
* ``acct_platform_fx_gain_{CUR}`` (income) and ``acct_platform_fx_loss_{CUR}`` (expense): the
  difference between a refund's value at today's rate and what the buyer gets back.

A payment is one linked batch of two entries, each balanced in its own currency::

    sell currency:  D buyer wallet  sell      C fx position  cover     C fx income  sell - cover
    buy currency:   D fx position   price     C merchant     price - fee   C fee income  fee

A refund is one linked batch too::

    buy currency:   D merchant (escrow first, then available)  refund   C fx position  refund
    sell currency:  D fx position  value   C buyer wallet  share   C fx gain | D fx loss  rest
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from paysetu.ledger.rules.entries import AccountKind, Direction, NewAccount, NewEntry, Posting
from paysetu.payments.rules.payments import charge_entry, refund_entry

PLATFORM_OWNER = ("platform", "paysetu")


@dataclass(frozen=True, slots=True)
class FxAccounts:
    """The platform's FX accounts in one currency."""

    currency: str
    position: str
    income: str
    gain: str
    loss: str


def fx_accounts(currency: str) -> FxAccounts:
    base = "acct_platform_fx"
    return FxAccounts(currency, f"{base}_{currency}", f"{base}_income_{currency}",
                      f"{base}_gain_{currency}", f"{base}_loss_{currency}")


def new_fx_accounts(accounts: FxAccounts) -> list[NewAccount]:
    """The accounts to open (idempotently) before the first entry in this currency."""
    owner_type, owner_id = PLATFORM_OWNER
    return [
        NewAccount(account_id, accounts.currency, kind, owner_type=owner_type, owner_id=owner_id,
                   metadata={"purpose": purpose})
        for account_id, kind, purpose in (
            (accounts.position, AccountKind.EQUITY, "fx_position"),
            (accounts.income, AccountKind.INCOME, "fx_income"),
            (accounts.gain, AccountKind.INCOME, "fx_gain"),
            (accounts.loss, AccountKind.EXPENSE, "fx_loss"),
        )
    ]


@dataclass(frozen=True, slots=True)
class ChargeLegs:
    """Amounts of a cross-border charge: the buyer's side and the merchant's side."""

    sell_minor: int
    cover_minor: int
    buy_minor: int
    fee_minor: int


def cross_border_charge(
    entry_ids: tuple[str, str], wallet_account: str, sell: FxAccounts, buy: FxAccounts,
    destination: str, fees_account: str, legs: ChargeLegs, meta: Mapping[str, str],
) -> list[NewEntry]:
    """The linked pair of entries of a payment through a quote (see the module docstring)."""
    sell_postings = [
        Posting(wallet_account, Direction.DEBIT, legs.sell_minor, sell.currency),
        Posting(sell.position, Direction.CREDIT, legs.cover_minor, sell.currency),
        Posting(sell.income, Direction.CREDIT, legs.sell_minor - legs.cover_minor,
                sell.currency),
    ]
    sell_entry = NewEntry(
        entry_ids[0], tuple(p for p in sell_postings if p.amount_minor),
        {**meta, "fx_leg": "sell"})
    buy_entry = charge_entry(
        entry_ids[1], buy.position, destination, fees_account, legs.buy_minor, legs.fee_minor,
        buy.currency, {**meta, "fx_leg": "buy"})
    return [sell_entry, buy_entry]


@dataclass(frozen=True, slots=True)
class RefundLegs:
    """Amounts of a cross-border refund.

    Attributes:
        buy_minor: The price refunded, taken from the merchant.
        share_minor: What the buyer gets back in the sell currency (rule 6); may be 0.
        value_minor: ``buy_minor`` valued in the sell currency at today's mid (rule 7).
    """

    buy_minor: int
    share_minor: int
    value_minor: int


def cross_border_refund(
    entry_ids: tuple[str, str], sources: Sequence[tuple[str, int]], wallet_account: str,
    sell: FxAccounts, buy: FxAccounts, legs: RefundLegs, meta: Mapping[str, str],
) -> list[NewEntry]:
    """The linked entries of a refund through a quote; the sell side is left out if all zero."""
    buy_entry = refund_entry(entry_ids[0], sources, buy.position, buy.currency,
                             {**meta, "fx_leg": "buy"})
    difference = legs.value_minor - legs.share_minor
    postings = [
        Posting(sell.position, Direction.DEBIT, legs.value_minor, sell.currency),
        Posting(wallet_account, Direction.CREDIT, legs.share_minor, sell.currency),
        Posting(sell.gain, Direction.CREDIT, max(difference, 0), sell.currency),
        Posting(sell.loss, Direction.DEBIT, max(-difference, 0), sell.currency),
    ]
    kept = tuple(p for p in postings if p.amount_minor)
    if not kept:
        return [buy_entry]
    return [buy_entry, NewEntry(entry_ids[1], kept, {**meta, "fx_leg": "sell"})]
