"""Refinance: the apex refinancer funds a share of a lender's standard loans (pure).

A member lender claims refinance over its eligible loans (active, ``standard`` as of the last
close of business, not refinanced yet) at an agreed share (``share_bps``). The apex pays the
share of each loan's outstanding principal (half-up per loan) into the lender's funding
account, and the lender owes it back: as a refinanced loan's principal is repaid, the lender
passes the same share of it on to the apex. The amount passed is cumulative so rounding never
drifts: after principal ``r`` of the ``p`` refinanced has been repaid, ``share(r)`` has been
passed in total, and ``share(p)`` (the whole refinanced amount) once the loan is repaid.

Accounts: the lender's ``refinance_payable`` (liability, never a debit balance) and the
apex's ``refinance_receivable`` (asset, never a credit balance), next to each one's funding.

Entries: claim of A: Dr lender funding A, Cr lender refinance payable A, Dr apex refinance
receivable A, Cr apex funding A; pass-through of x: the reverse, for x.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from paysetu.ledger.rules.entries import Direction, NewEntry, Posting
from paysetu.lending.rules.loans import fee_for

SHARE_BPS_MAX = 10_000


@dataclass(frozen=True, slots=True)
class RefinanceClaim:
    """A lender's claim, paid by the apex when it was made.

    Attributes:
        principal_minor: Outstanding principal of the claimed loans at the claim.
        amount_minor: What the apex paid (each loan's share, summed).
    """

    id: str
    lender_id: str
    apex_id: str
    currency: str
    share_bps: int
    loans: int
    principal_minor: int
    amount_minor: int
    entry_id: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class RefinancedLoan:
    loan_id: str
    claim_id: str
    share_bps: int
    principal_minor: int
    refinanced_minor: int
    passed_minor: int


@dataclass(frozen=True, slots=True)
class RefinanceBooks:
    lender_funding: str
    lender_payable: str
    apex_funding: str
    apex_receivable: str


def refinanced_amount(outstanding_minor: int, share_bps: int) -> int:
    """The apex's share of one loan's outstanding principal, half-up."""
    return fee_for(outstanding_minor, share_bps)


def pass_through_due(refinanced: RefinancedLoan, outstanding_minor: int) -> int:
    """What the lender owes the apex now that the loan's principal is ``outstanding_minor``,
    beyond what it has passed on already (see the module docstring)."""
    repaid = max(0, refinanced.principal_minor - outstanding_minor)
    return min(refinanced.refinanced_minor,
               fee_for(repaid, refinanced.share_bps)) - refinanced.passed_minor


def _entry(
    entry_id: str, books: RefinanceBooks, amount_minor: int, currency: str, to_lender: bool,
    meta: Mapping[str, str],
) -> NewEntry:
    towards, back = (Direction.DEBIT, Direction.CREDIT) if to_lender else (
        Direction.CREDIT, Direction.DEBIT)
    return NewEntry(entry_id, (
        Posting(books.lender_funding, towards, amount_minor, currency),
        Posting(books.lender_payable, back, amount_minor, currency),
        Posting(books.apex_receivable, towards, amount_minor, currency),
        Posting(books.apex_funding, back, amount_minor, currency),
    ), meta)


def claim_entry(
    entry_id: str, books: RefinanceBooks, amount_minor: int, currency: str,
    meta: Mapping[str, str],
) -> NewEntry:
    """The apex funds the lender: the lender's funding grows, and so does what it owes."""
    return _entry(entry_id, books, amount_minor, currency, True, meta)


def pass_through_entry(
    entry_id: str, books: RefinanceBooks, amount_minor: int, currency: str,
    meta: Mapping[str, str],
) -> NewEntry:
    """The lender passes repaid principal's share back to the apex."""
    return _entry(entry_id, books, amount_minor, currency, False, meta)
