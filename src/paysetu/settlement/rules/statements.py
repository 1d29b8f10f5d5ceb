"""Bank statements as values: the lines a bank reports, whatever the file format.

A statement (ISO 20022 camt.053 or paysetu's CSV) becomes a :class:`Statement` of
:class:`StatementLine` s before anything is matched or stored. The checks that both formats
share live here (:class:`ProblemLog` collects them with their place in the file), so a CSV
amount and a camt.053 amount are refused by the same rule with the same code:

* amounts are parsed exactly with :meth:`Money.parse` (``"10.005"`` in INR is an error, never a
  rounding) and must be positive: the direction is a separate field (camt.053's
  ``CdtDbtInd``; CSV lines are debits, the payouts leaving the platform's account);
* an end-to-end id is ISO 20022's ``Max35Text``: 1-35 characters, no control characters;
* a file holds at most :data:`STATEMENT_BYTES_MAX` bytes and :data:`STATEMENT_LINES_MAX` lines.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from paysetu.kernel.money import AMOUNT_MINOR_MAX, AmountFormatError, Money, is_currency
from paysetu.settlement.rules.reconciliation_errors import (
    PROBLEMS_REPORTED_MAX,
    ReconciliationStatus,
    StatementProblem,
    StatementRejected,
)

STATEMENT_BYTES_MAX = 10 * 1024 * 1024
"""Largest statement file accepted (10 MiB), checked before parsing."""

STATEMENT_LINES_MAX = 100_000
"""Most lines (CSV rows, camt.053 transactions) one statement may hold."""

END_TO_END_ID_LENGTH_MAX = 35
"""ISO 20022 ``Max35Text``."""

AMOUNT_TEXT_LENGTH_MAX = 40
"""Longer amount texts are refused before any arithmetic (64-bit amounts need far fewer)."""

DESCRIPTION_LENGTH_MAX = 500
"""Longer descriptions are cut (they are for people, never matched on)."""


class StatementFormat(StrEnum):
    CAMT053 = "camt053"
    CSV = "csv"


class Direction(StrEnum):
    """Seen from the statement's account: a payout is a debit (money left the account)."""

    DEBIT = "debit"
    CREDIT = "credit"


@dataclass(frozen=True, slots=True)
class StatementLine:
    """One money movement the bank reports.

    Attributes:
        location: Where it is in the file (``line 3``, or an element path).
        booking_date: The day the bank booked it.
        end_to_end_id: The id paysetu gave the payout, echoed by the bank (None when the bank
            reports none, e.g. ``NOTPROVIDED`` in camt.053).
        amount: Positive amount and currency.
        direction: Debit (a payout) or credit.
        description: Free text for people, at most :data:`DESCRIPTION_LENGTH_MAX` characters.
        return_reason: For a credit that returns a payout (camt.053 ``RvslInd`` true or a
            ``RtrInf``), the bank's reason code (``AC04``; ``NOTPROVIDED`` without one).
        booked_amount: When the bank converted the transfer (camt.053 ``AmtDtls/InstdAmt`` in
            another currency than the booked amount), what it booked on the account; ``amount``
            is then the instructed amount, the one matched against the payout.
        exchange_rate: The bank's rate of that conversion (``CcyXchg/XchgRate``), as written.
    """

    location: str
    booking_date: date
    end_to_end_id: str | None
    amount: Money
    direction: Direction
    description: str
    return_reason: str | None = None
    booked_amount: Money | None = None
    exchange_rate: str | None = None

    @property
    def conversion(self) -> str:
        """How the bank booked a converted transfer, for the report ('' when it did not)."""
        if self.booked_amount is None:
            return ""
        rate = f" at the bank's rate {self.exchange_rate}" if self.exchange_rate else ""
        return f"Booked as {self.booked_amount}{rate}."


@dataclass(frozen=True, slots=True)
class Statement:
    """A whole parsed statement.

    Attributes:
        format: The file format it came in.
        sha256: Hex SHA-256 of the file's bytes: the same file imported twice is one import.
        statement_id: The bank's id of the statement (camt.053 ``Stmt/Id``), if any.
        statement_date: The last day the statement covers: the latest booking date or
            camt.053 ``FrToDt`` end; a camt.053's creation date when it has neither.
        currencies: The currencies of the statement's accounts and lines.
        lines: Every line, in file order.
    """

    format: StatementFormat
    sha256: str
    statement_id: str | None
    statement_date: date | None
    currencies: frozenset[str]
    lines: tuple[StatementLine, ...]


def statement_sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def clean_description(text: str | None) -> str:
    """Whitespace collapsed, control characters dropped, cut to the maximum length."""
    if not text:
        return ""
    printable = "".join(c if c.isprintable() else " " for c in text)
    return " ".join(printable.split())[:DESCRIPTION_LENGTH_MAX]


@dataclass
class ProblemLog:
    """Collects problems while a file is read; :meth:`raise_if_any` refuses the whole file."""

    problems: list[StatementProblem] = field(default_factory=list)

    @property
    def full(self) -> bool:
        return len(self.problems) >= PROBLEMS_REPORTED_MAX

    def add(self, code: ReconciliationStatus, location: str, message: str) -> None:
        if not self.full:
            self.problems.append(StatementProblem(code, location, message))

    def raise_if_any(self) -> None:
        if self.problems:
            raise StatementRejected(self.problems)


def refuse(code: ReconciliationStatus, location: str, message: str) -> StatementRejected:
    """A refusal with one problem (for errors that stop reading the file at once)."""
    return StatementRejected([StatementProblem(code, location, message)])


def check_size(content: bytes) -> None:
    """Refuse an empty or oversized file before any parsing."""
    if not content.strip():
        raise refuse(ReconciliationStatus.STATEMENT_EMPTY, "file", "The file holds nothing.")
    if len(content) > STATEMENT_BYTES_MAX:
        raise refuse(
            ReconciliationStatus.STATEMENT_TOO_LARGE,
            "file",
            f"The file has {len(content)} bytes; at most {STATEMENT_BYTES_MAX} are accepted.",
        )


def parse_currency(text: str, location: str, log: ProblemLog) -> str | None:
    code = text.strip()
    if not is_currency(code):
        log.add(
            ReconciliationStatus.CURRENCY_INVALID,
            location,
            f"{code[:20]!r} is not an ISO 4217 currency with a minor unit.",
        )
        return None
    return code


def parse_amount(text: str, currency: str, location: str, log: ProblemLog) -> Money | None:
    """``text`` in major units, exactly; positive and within 64 bits, else a problem."""
    if len(text) > AMOUNT_TEXT_LENGTH_MAX:
        log.add(ReconciliationStatus.AMOUNT_INVALID, location, f"{text[:30]!r}... is too long.")
        return None
    try:
        amount = Money.parse(text, currency)
    except AmountFormatError as error:
        log.add(ReconciliationStatus.AMOUNT_INVALID, location, f"{error}.")
        return None
    if amount.amount_minor <= 0:
        log.add(
            ReconciliationStatus.AMOUNT_MUST_BE_POSITIVE,
            location,
            f"{text.strip()!r} is not positive.",
        )
        return None
    if amount.amount_minor > AMOUNT_MINOR_MAX:
        log.add(ReconciliationStatus.AMOUNT_TOO_LARGE, location, f"{text.strip()!r} is too large.")
        return None
    return amount


def parse_end_to_end_id(text: str, location: str, log: ProblemLog) -> str | None:
    """A ``Max35Text`` id; problems are logged, and the result is None when it is bad."""
    value = text.strip()
    if not 1 <= len(value) <= END_TO_END_ID_LENGTH_MAX or not value.isprintable():
        log.add(
            ReconciliationStatus.END_TO_END_ID_INVALID,
            location,
            f"{value[:60]!r} is not 1-{END_TO_END_ID_LENGTH_MAX} printable characters.",
        )
        return None
    return value


def parse_date(text: str, location: str, log: ProblemLog) -> date | None:
    value = text.strip()
    try:
        if len(value) != 10:
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        log.add(ReconciliationStatus.DATE_INVALID, location, f"{value[:40]!r} is not YYYY-MM-DD.")
        return None
