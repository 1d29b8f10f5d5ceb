"""Error codes of bank-statement import and reconciliation, and their exceptions.

Same conventions as :mod:`paysetu.ledger.rules.errors`: one closed enum in precedence order, each
code transient or not, with a category the entrypoints map to a protocol status. A statement
is checked as a whole before anything is written: every problem found (up to
:data:`PROBLEMS_REPORTED_MAX`) is collected with its place in the file (``line 7`` for CSV, an
element path such as ``/Document/BkToCstmrStmt/Stmt[1]/Ntry[3]/Amt`` for camt.053), and the
import is refused with the first one's code; nothing is half-imported. Exception tree::

    PaysetuError
     └── ReconciliationRejected     a reconciliation request refused (unknown run, bad format)
          └── StatementRejected     the statement file itself is bad; carries every problem
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from paysetu.kernel.invariants import invariant
from paysetu.ledger.rules.errors import ErrorCategory, ErrorCode, PaysetuError

_I = ErrorCategory.INVALID
_N = ErrorCategory.NOT_FOUND

PROBLEMS_REPORTED_MAX = 50
"""A statement with more problems than this reports only the first ones."""


class ReconciliationStatus(ErrorCode):
    """Why a statement was refused or a reconciliation not found; precedence order within a line.

    A file is refused with its first problem in file order (every problem is listed); within
    one line or element, the code listed first here is the one reported first.
    """

    STATEMENT_FORMAT_UNKNOWN = (
        "statement_format_unknown",
        False,
        _I,
        "The statement format is `camt053` or `csv`.",
    )
    STATEMENT_EMPTY = ("statement_empty", False, _I, "The statement file is empty.")
    STATEMENT_TOO_LARGE = (
        "statement_too_large",
        False,
        _I,
        "The statement file is larger than allowed (10 MiB, and 1,000,000 XML tags).",
    )
    STATEMENT_ENCODING_INVALID = (
        "statement_encoding_invalid",
        False,
        _I,
        "The statement is not valid UTF-8 text.",
    )
    STATEMENT_TOO_MANY_LINES = (
        "statement_too_many_lines",
        False,
        _I,
        "The statement has more lines or entries than allowed (100,000).",
    )
    XML_FORBIDDEN = (
        "xml_forbidden",
        False,
        _I,
        "The XML declares a DTD, an entity or an external reference; these are refused.",
    )
    XML_MALFORMED = ("xml_malformed", False, _I, "The file is not well-formed XML.")
    STATEMENT_MESSAGE_UNSUPPORTED = (
        "statement_message_unsupported",
        False,
        _I,
        "The XML is not an ISO 20022 camt.053.001.02-14 bank-to-customer statement.",
    )
    STATEMENT_ELEMENT_MISSING = (
        "statement_element_missing",
        False,
        _I,
        "A camt.053 element that reconciliation needs is missing.",
    )
    STATEMENT_ELEMENT_INVALID = (
        "statement_element_invalid",
        False,
        _I,
        "A camt.053 element has a value outside its ISO 20022 type.",
    )
    ENTRY_NOT_BOOKED = (
        "entry_not_booked",
        False,
        _I,
        "A camt.053 entry is not booked (status other than BOOK); statements list booked "
        "entries only.",
    )
    CSV_HEADER_INVALID = (
        "csv_header_invalid",
        False,
        _I,
        "The CSV header is not date,end_to_end_id,amount,currency,description.",
    )
    CSV_LINE_MALFORMED = (
        "csv_line_malformed",
        False,
        _I,
        "A CSV line does not have the five columns of the header.",
    )
    DATE_INVALID = ("date_invalid", False, _I, "A date is not an ISO 8601 date (YYYY-MM-DD).")
    END_TO_END_ID_INVALID = (
        "end_to_end_id_invalid",
        False,
        _I,
        "An end-to-end id is 1-35 printable characters.",
    )
    CURRENCY_INVALID = (
        "currency_invalid",
        False,
        _I,
        "The currency is not an ISO 4217 code with a minor unit.",
    )
    AMOUNT_INVALID = (
        "amount_invalid",
        False,
        _I,
        "An amount is not a decimal number with at most the currency's decimal places.",
    )
    AMOUNT_MUST_BE_POSITIVE = (
        "amount_must_be_positive",
        False,
        _I,
        "Statement amounts are positive; the direction is given separately.",
    )
    AMOUNT_TOO_LARGE = (
        "amount_too_large",
        False,
        _I,
        "The amount does not fit in a signed 64-bit integer of minor units.",
    )
    RECONCILIATION_NOT_FOUND = (
        "reconciliation_not_found",
        False,
        _N,
        "No such reconciliation.",
    )


@dataclass(frozen=True, slots=True)
class StatementProblem:
    """One thing wrong with a statement file.

    Attributes:
        code: The rule that failed.
        location: Where: ``line 7`` (CSV, 1-based, the header is line 1) or an element path
            (camt.053, 1-based indexes as in XPath).
        message: A sentence for a person, naming the offending value.
    """

    code: ReconciliationStatus
    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.code.value}: {self.message}"


class ReconciliationRejected(PaysetuError):
    """A reconciliation request was refused; nothing was written."""


class StatementRejected(ReconciliationRejected):
    """The statement file was refused as a whole: the first problem's code, plus every problem.

    Attributes:
        problems: Every problem found, in file order, at most :data:`PROBLEMS_REPORTED_MAX`.
    """

    def __init__(self, problems: Sequence[StatementProblem]) -> None:
        invariant(len(problems) > 0, "a rejected statement has at least one problem")
        first = problems[0]
        more = len(problems) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        super().__init__(first.code, f"{first.location}: {first.message}{suffix}", first.location)
        self.problems = tuple(problems)
