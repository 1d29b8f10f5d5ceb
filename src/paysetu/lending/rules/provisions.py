"""The entries of close of business and write-off: provisions, interest suspense (pure).

Per lender and currency, next to :class:`~paysetu.lending.rules.loans.LenderAccounts`
(:class:`CloseDayAccounts`, opened on first use):

* ``provision_expense`` (expense, the lender's): the cost of expected loan losses;
* ``loan_loss_provision`` (contra-asset, the lender's; credit balance, never a debit one): the
  provisions held, the sum of every loan's ``provision_minor``;
* ``interest_suspense`` (liability, the lender's; never a debit balance): interest receivable
  of NPAs, not recognised as income; the sum of every loan's ``interest_suspense_minor``.

Entries (each one journal entry, zero legs left out):

* provision change of a day, net per lender and currency: Dr provision expense, Cr provision
  (a release: the reverse);
* suspense change of a day, net per lender and currency: Dr interest income, Cr suspense (an
  NPA's receivable leaves income) or the reverse (interest received, or an upgrade);
* write-off of principal P with receivable R, suspense S and provision H: Cr principal P, Cr
  interest receivable R, Dr provision H, Dr provision expense P - H, Dr suspense S, Dr interest
  income R - S (negative amounts flip sides).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from paysetu.ledger.rules.entries import Direction, NewEntry, Posting


@dataclass(frozen=True, slots=True)
class CloseDayAccounts:
    """A lender's provision and suspense accounts in one currency (module docstring)."""

    provision_expense: str
    provision: str
    interest_suspense: str

    def by_purpose(self) -> dict[str, str]:
        return {"provision_expense": self.provision_expense, "loan_loss_provision": self.provision,
                "interest_suspense": self.interest_suspense}


@dataclass(frozen=True, slots=True)
class WriteOff:
    """What a write-off removes from the books, in minor units (module docstring)."""

    principal_minor: int
    receivable_minor: int
    suspense_minor: int
    provision_minor: int


def _debit(account: str, amount_minor: int, currency: str) -> Posting | None:
    """A debit of ``amount_minor`` (a credit when negative; nothing when zero)."""
    if not amount_minor:
        return None
    direction = Direction.DEBIT if amount_minor > 0 else Direction.CREDIT
    return Posting(account, direction, abs(amount_minor), currency)


def _entry(
    entry_id: str, legs: list[tuple[str, int]], currency: str, meta: Mapping[str, str]
) -> NewEntry:
    postings = (_debit(account, amount, currency) for account, amount in legs)
    return NewEntry(entry_id, tuple(p for p in postings if p is not None), meta)


def provision_change_entry(
    entry_id: str, accounts: CloseDayAccounts, increase_minor: int, currency: str,
    meta: Mapping[str, str],
) -> NewEntry:
    """Provisions held grow by ``increase_minor`` (shrink when negative)."""
    return _entry(entry_id, [(accounts.provision_expense, increase_minor),
                             (accounts.provision, -increase_minor)], currency, meta)


def suspense_change_entry(
    entry_id: str, accounts: CloseDayAccounts, interest_income: str, increase_minor: int,
    currency: str, meta: Mapping[str, str],
) -> NewEntry:
    """``increase_minor`` of recognised interest moves to suspense (back when negative)."""
    return _entry(entry_id, [(interest_income, increase_minor),
                             (accounts.interest_suspense, -increase_minor)], currency, meta)


def write_off_entry(
    entry_id: str, principal_account: str, interest_account: str, interest_income: str,
    accounts: CloseDayAccounts, amounts: WriteOff, currency: str, meta: Mapping[str, str],
) -> NewEntry:
    """The loan's receivables leave the books against its provision and suspense."""
    legs = [
        (principal_account, -amounts.principal_minor),
        (interest_account, -amounts.receivable_minor),
        (accounts.provision, amounts.provision_minor),
        (accounts.provision_expense, amounts.principal_minor - amounts.provision_minor),
        (accounts.interest_suspense, amounts.suspense_minor),
        (interest_income, amounts.receivable_minor - amounts.suspense_minor),
    ]
    return _entry(entry_id, legs, currency, meta)


def line_write_off_entry(
    entry_id: str, drawn_account: str, interest_account: str, interest_income: str,
    accounts: CloseDayAccounts, amounts: WriteOff, debited_minor: int, currency: str,
    meta: Mapping[str, str],
) -> NewEntry | None:
    """A credit line's balances leave the books: the drawn balance (``principal_minor``, of
    which ``debited_minor`` is interest debited and not recovered) and the interest accrued
    (``receivable_minor``). The drawn principal goes against the provision (the shortfall is
    provision expense); all the unrecovered interest, debited or accrued, against the
    suspense that holds it (any difference back through interest income). None when the line
    has nothing on the books (an NPA by its overdue review alone)."""
    principal = amounts.principal_minor - debited_minor
    interest = amounts.receivable_minor + debited_minor
    legs = [
        (drawn_account, -amounts.principal_minor),
        (interest_account, -amounts.receivable_minor),
        (accounts.provision, amounts.provision_minor),
        (accounts.provision_expense, principal - amounts.provision_minor),
        (accounts.interest_suspense, amounts.suspense_minor),
        (interest_income, interest - amounts.suspense_minor),
    ]
    return _entry(entry_id, legs, currency, meta) if any(a for _, a in legs) else None

