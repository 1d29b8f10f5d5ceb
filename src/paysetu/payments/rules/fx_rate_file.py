"""The manual rate file: a CSV of mid rates, checked line by line before anything is stored.

Format (the header line is required; blank lines and lines starting with ``#`` are skipped)::

    base_currency,quote_currency,rate,as_of
    USD,AED,3.6725,2026-03-31
    EUR,AED,4.0123,2026-03-31

``rate`` is units of ``quote_currency`` per one unit of ``base_currency``, plain decimal text
with at most :data:`~paysetu.payments.rules.fx_quotes.RATE_DIGITS` significant digits (more is
an error, not a rounding); ``as_of`` is an ISO date, not after today. Every problem is reported
with its line number, and a file with any problem is refused whole: nothing is half-imported.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from paysetu.kernel.money import is_currency
from paysetu.payments.rules.fx_quotes import RATE_DIGITS

HEADER = ("base_currency", "quote_currency", "rate", "as_of")
PROBLEMS_REPORTED_MAX = 20
_RATE_TEXT = re.compile(r"^-?\d+(\.\d+)?$")
_DATE_TEXT = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True, slots=True)
class RateRow:
    """One valid line: ``rate`` units of ``quote_currency`` per ``base_currency`` on ``as_of``."""

    line: int
    base_currency: str
    quote_currency: str
    rate: Decimal
    as_of: date


@dataclass(frozen=True, slots=True)
class RateFileProblem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class RateFile:
    """The parsed file: its rows, or the problems that refuse it (then ``rows`` is empty)."""

    rows: tuple[RateRow, ...]
    problems: tuple[RateFileProblem, ...]


def parse_rate(text: str) -> Decimal | str:
    """The rate, or why it is not one."""
    if not _RATE_TEXT.match(text):
        return f"rate {text!r} is not a plain decimal number"
    value = Decimal(text)
    if value <= 0:
        return f"rate {text} must be positive"
    if len(value.normalize().as_tuple().digits) > RATE_DIGITS:
        return f"rate {text} has more than {RATE_DIGITS} significant digits"
    return value


def _parse_date(text: str, today: date) -> date | str:
    if not _DATE_TEXT.match(text):
        return f"as_of {text!r} is not a YYYY-MM-DD date"
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return f"as_of {text!r} is not a calendar date"
    if day > today:
        return f"as_of {text} is in the future"
    return day


def _row(number: int, fields: list[str], today: date) -> RateRow | str:
    if len(fields) != len(HEADER):
        return f"expected {len(HEADER)} fields ({','.join(HEADER)}), got {len(fields)}"
    base, quote, rate_text, day_text = (field.strip() for field in fields)
    for code in (base, quote):
        if not is_currency(code):
            return f"{code!r} is not an ISO 4217 currency with a minor unit"
    if base == quote:
        return f"base and quote currency are both {base}"
    rate = parse_rate(rate_text)
    if isinstance(rate, str):
        return rate
    day = _parse_date(day_text, today)
    if isinstance(day, str):
        return day
    return RateRow(number, base, quote, rate, day)


def parse_rate_file(text: str, today: date) -> RateFile:
    """Check every line of ``text``; ``today`` bounds ``as_of`` (no rate from the future)."""
    problems: list[RateFileProblem] = []
    rows: list[RateRow] = []
    seen: dict[tuple[str, str, date], int] = {}
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = next(csv.reader([line]), [])
        if not header_seen:
            header_seen = True
            if tuple(f.strip() for f in fields) != HEADER:
                problems.append(RateFileProblem(number, "the header must be " + ",".join(HEADER)))
            continue
        row = _row(number, fields, today)
        if isinstance(row, str):
            problems.append(RateFileProblem(number, row))
            continue
        key = (row.base_currency, row.quote_currency, row.as_of)
        if key in seen:
            problems.append(RateFileProblem(number, f"duplicates line {seen[key]}"))
            continue
        seen[key] = number
        rows.append(row)
    if not rows and not problems:
        problems.append(RateFileProblem(max(1, len(text.splitlines())), "the file has no rates"))
    if problems:
        return RateFile((), tuple(problems))
    return RateFile(tuple(rows), ())


def problems_message(problems: tuple[RateFileProblem, ...]) -> str:
    """One sentence listing the first problems, for the refusal's message."""
    shown = "; ".join(str(p) for p in problems[:PROBLEMS_REPORTED_MAX])
    more = len(problems) - PROBLEMS_REPORTED_MAX
    suffix = f"; and {more} more" if more > 0 else ""
    return f"The rate file was not loaded: {shown}{suffix}."
