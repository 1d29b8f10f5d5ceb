"""Reconciliation: match a bank statement's lines against the payouts paysetu sent.

A payout is identified on the bank side by the end-to-end id paysetu put in its pain.001
instruction (``EndToEndId``), which the bank echoes in the camt.053 statement. Each statement
line gets exactly one category, checked in this order:

=====================  ==================================================================
``unexpected``         a credit (money in: not a payout), a debit without an end-to-end id
                       or with one no payout has, a second line for the same payout, or a
                       line for a payout an earlier statement already reconciled
``currency_mismatch``  the payout exists, but the line is in another currency
``amount_mismatch``    the payout exists, same currency, different amount
``matched``            same end-to-end id, amount and currency: the payout is paid
``returned``           a credit the bank marks as a return (reversal indicator or return
                       reason) naming a paid or outstanding payout, same amount and
                       currency: the payout is ``returned`` with the bank's reason
=====================  ==================================================================

Then every *outstanding* payout (pending or sent, not yet reconciled, in one of the statement's
currencies, created no later than the statement's last day) that no line named is
``missing``. A payout named by a mismatching line is not missing: it is reported once, with
the line. Only ``matched`` marks a payout paid; anything else leaves it outstanding for a later
statement (or a person) to settle. A return is processed by the use case: the money goes back
to the merchant's balance and the payout account is set aside until the merchant replaces it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from paysetu.kernel.money import Money
from paysetu.settlement.rules.statements import Direction, StatementFormat, StatementLine

OUTSTANDING_STATUSES = frozenset({"pending", "sent"})
"""Payout statuses that a statement line may still settle (settlement's ``payouts.status``)."""

PAID_STATUS = "paid"
"""The status a matched payout gets."""

RETURNED_STATUS = "returned"
"""The status a returned payout gets."""


class LineCategory(StrEnum):
    """The outcome of one statement line or one payout, in report order."""

    MATCHED = "matched"
    MISSING = "missing"
    UNEXPECTED = "unexpected"
    AMOUNT_MISMATCH = "amount_mismatch"
    CURRENCY_MISMATCH = "currency_mismatch"
    RETURNED = "returned"


_HANDLED = frozenset({LineCategory.MATCHED, LineCategory.RETURNED})
"""Categories processed completely (a returned payout is back on its merchant's balance and the
merchant is told): the others need a person."""


@dataclass(frozen=True, slots=True)
class PayoutRef:
    """What reconciliation needs to know of a payout.

    Attributes:
        id: The payout's id.
        end_to_end_id: The id sent to the bank in the payout instruction.
        amount: What was sent.
        merchant_id: Whom it pays.
        created_on: The day the payout was created (instructed).
        status: The payout's status (``pending``, ``sent``, ``paid``, ``failed``,
            ``returned``); only the :data:`OUTSTANDING_STATUSES` are expected on a statement.
    """

    id: str
    end_to_end_id: str
    amount: Money
    merchant_id: str
    created_on: date
    status: str

    @property
    def outstanding(self) -> bool:
        """Instructed but not yet seen on a statement (nor failed or returned)."""
        return self.status in OUTSTANDING_STATUSES


@dataclass(frozen=True, slots=True)
class LineResult:
    """One row of a reconciliation report.

    Attributes:
        position: 1-based order in the report: the statement's lines first (file order), then
            the missing payouts.
        category: The outcome.
        line: The statement line, None for a ``missing`` payout.
        payout: The payout the line names, if any.
        reason: One sentence for people, saying why (empty for ``matched``).
    """

    position: int
    category: LineCategory
    line: StatementLine | None
    payout: PayoutRef | None
    reason: str


@dataclass(frozen=True, slots=True)
class MatchOutcome:
    """Every result, and the counts per category (all categories present, zero or not)."""

    results: tuple[LineResult, ...]
    counts: Mapping[LineCategory, int]

    @property
    def unmatched(self) -> int:
        """Results that are not ``matched``: a non-zero value needs a person's attention."""
        return sum(n for category, n in self.counts.items() if category not in _HANDLED)

    @property
    def matched_payouts(self) -> list[PayoutRef]:
        return self._payouts(LineCategory.MATCHED)

    @property
    def returned(self) -> list[tuple[PayoutRef, str]]:
        """The returned payouts with the bank's reason code."""
        return [
            (r.payout, r.line.return_reason or "NOTPROVIDED")
            for r in self.results
            if r.category is LineCategory.RETURNED and r.payout is not None and r.line is not None
        ]

    def _payouts(self, category: LineCategory) -> list[PayoutRef]:
        return [r.payout for r in self.results if r.category is category and r.payout is not None]


def _classify_return(
    line: StatementLine, payout: PayoutRef, returned: Mapping[str, int]
) -> tuple[LineCategory, str]:
    if payout.id in returned:
        return LineCategory.UNEXPECTED, f"Same return as line {returned[payout.id]}."
    if not (payout.outstanding or payout.status == PAID_STATUS):
        return LineCategory.UNEXPECTED, f"A return of a payout that is {payout.status}."
    if line.amount != payout.amount:
        return LineCategory.UNEXPECTED, (
            f"A return of {line.amount}; the payout is {payout.amount}.")
    return LineCategory.RETURNED, f"Returned by the bank ({line.return_reason})."


def _classify(
    line: StatementLine, payout: PayoutRef | None, seen: Mapping[str, int],
    returned: Mapping[str, int],
) -> tuple[LineCategory, str]:
    if line.direction is Direction.CREDIT:
        if payout is not None and line.return_reason is not None:
            return _classify_return(line, payout, returned)
        named = "; it names a payout, without a return reason" if payout else ""
        return LineCategory.UNEXPECTED, f"A credit (money in), not a payout{named}."
    if line.end_to_end_id is None:
        return LineCategory.UNEXPECTED, "No end-to-end id."
    if payout is None:
        return LineCategory.UNEXPECTED, "No payout has this end-to-end id."
    if payout.id in seen:
        return LineCategory.UNEXPECTED, f"Same payout as line {seen[payout.id]}."
    if not payout.outstanding:
        earlier = " by an earlier statement" if payout.status == PAID_STATUS else ""
        return LineCategory.UNEXPECTED, f"The payout is already {payout.status}{earlier}."
    if line.amount.currency != payout.amount.currency:
        return LineCategory.CURRENCY_MISMATCH, (
            f"The bank reports {line.amount.currency}; the payout is in "
            f"{payout.amount.currency}."
        )
    if line.amount != payout.amount:
        difference = line.amount - payout.amount
        more = "more" if difference.amount_minor > 0 else "less"
        return LineCategory.AMOUNT_MISMATCH, (
            f"The bank paid {Money(abs(difference.amount_minor), difference.currency)} {more} "
            "than the payout."
        )
    return LineCategory.MATCHED, line.conversion


def match_statement(
    lines: Sequence[StatementLine],
    payouts_by_end_to_end_id: Mapping[str, PayoutRef],
    outstanding: Iterable[PayoutRef],
) -> MatchOutcome:
    """Categorise every line, then list the outstanding payouts no line named as missing.

    ``payouts_by_end_to_end_id`` holds the payouts the lines name (reconciled or not);
    ``outstanding`` the payouts expected on this statement (see the module docstring).
    """
    results: list[LineResult] = []
    seen: dict[str, int] = {}
    returned: dict[str, int] = {}
    named: set[str] = set()
    for position, line in enumerate(lines, start=1):
        payout = (
            payouts_by_end_to_end_id.get(line.end_to_end_id) if line.end_to_end_id else None
        )
        category, reason = _classify(line, payout, seen, returned)
        if payout is not None and category is LineCategory.RETURNED:
            named.add(payout.id)
            returned[payout.id] = position
        if payout is not None and line.direction is Direction.DEBIT:
            named.add(payout.id)
            if category is not LineCategory.UNEXPECTED:
                seen[payout.id] = position
        results.append(LineResult(position, category, line, payout, reason))
    for payout in sorted(outstanding, key=lambda p: (p.created_on, p.id)):
        if payout.id in named or not payout.outstanding:
            continue
        results.append(LineResult(
            len(results) + 1, LineCategory.MISSING, None, payout, "Not on the statement."))
    tally = Counter(r.category for r in results)
    return MatchOutcome(tuple(results), {c: tally.get(c, 0) for c in LineCategory})


@dataclass(frozen=True, slots=True)
class ReconciliationRun:
    """One imported statement and the counts of its report.

    Attributes:
        id: ``rec_`` + ULID.
        statement_sha256: Hex SHA-256 of the file: importing the same file again is a no-op.
        format: ``camt053`` or ``csv``.
        statement_id: The bank's id of the statement, if it gave one.
        statement_date: The last day the statement covers.
        currencies: The statement's currencies (outstanding payouts in others are not missing).
        line_count: Lines on the statement.
        counts: Results per category (every category present).
        created_at: When it was imported.
    """

    id: str
    statement_sha256: str
    format: StatementFormat
    statement_id: str | None
    statement_date: date | None
    currencies: tuple[str, ...]
    line_count: int
    counts: Mapping[LineCategory, int]
    created_at: datetime

    @property
    def unmatched(self) -> int:
        return sum(n for category, n in self.counts.items() if category not in _HANDLED)


def expected_on(payout: PayoutRef, currencies: frozenset[str], last_day: date | None) -> bool:
    """Whether an unreconciled payout should be on a statement with these currencies and end."""
    if not payout.outstanding or payout.amount.currency not in currencies:
        return False
    return last_day is None or payout.created_on <= last_day
