"""Read paysetu's CSV bank statement: one payout debit per line.

The format (RFC 4180, UTF-8, an optional byte-order mark, comma-separated, ``"`` quotes)::

    date,end_to_end_id,amount,currency,description
    2026-04-01,E2E01JD5X4K2M,1250.00,INR,Chai Point settlement 2026-03-31

* ``date``: the booking date, ``YYYY-MM-DD``;
* ``end_to_end_id``: the payout's end-to-end id as the bank echoes it (1-35 characters);
* ``amount``: the amount debited, in major units, exactly (``1250.00`` or ``1250``; never more
  decimal places than the currency has, never negative or zero);
* ``currency``: ISO 4217;
* ``description``: free text, may be empty.

Blank lines are ignored. Every other line is checked, and every problem is reported with its
line number (the header is line 1); one bad line refuses the whole file.
"""

from __future__ import annotations

import csv
import io

from paysetu.settlement.rules.reconciliation_errors import ReconciliationStatus, StatementRejected
from paysetu.settlement.rules.statements import (
    STATEMENT_LINES_MAX,
    Direction,
    ProblemLog,
    Statement,
    StatementFormat,
    StatementLine,
    check_size,
    clean_description,
    parse_amount,
    parse_currency,
    parse_date,
    parse_end_to_end_id,
    refuse,
    statement_sha256,
)

COLUMNS = ("date", "end_to_end_id", "amount", "currency", "description")


def decode(content: bytes) -> str:
    """UTF-8 text without NUL (a byte-order mark is dropped), or a refusal naming the line."""
    nul = content.find(b"\x00")
    if nul >= 0:
        line = content[:nul].count(b"\n") + 1
        raise refuse(
            ReconciliationStatus.STATEMENT_ENCODING_INVALID,
            f"line {line}",
            f"byte {nul + 1} is a NUL character, which no text statement holds.",
        )
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        raise refuse(
            ReconciliationStatus.STATEMENT_ENCODING_INVALID,
            f"line {line}",
            f"byte {error.start + 1} is not UTF-8 ({error.reason}).",
        ) from None


def _check_header(row: list[str] | None) -> None:
    names = tuple(name.strip().lower() for name in row or [])
    if names != COLUMNS:
        shown = ",".join(row or [])[:120]
        raise refuse(
            ReconciliationStatus.CSV_HEADER_INVALID,
            "line 1",
            f"the header is {shown!r}; expected {','.join(COLUMNS)!r}.",
        )


def _line(row: list[str], location: str, log: ProblemLog) -> StatementLine | None:
    if len(row) != len(COLUMNS):
        log.add(
            ReconciliationStatus.CSV_LINE_MALFORMED,
            location,
            f"{len(row)} column(s) where {len(COLUMNS)} are expected: {','.join(row)[:80]!r}.",
        )
        return None
    date_text, e2e_text, amount_text, currency_text, description = row
    booking_date = parse_date(date_text, location, log)
    end_to_end_id = parse_end_to_end_id(e2e_text, location, log)
    currency = parse_currency(currency_text, location, log)
    amount = None if currency is None else parse_amount(amount_text, currency, location, log)
    if booking_date is None or end_to_end_id is None or amount is None:
        return None
    return StatementLine(
        location, booking_date, end_to_end_id, amount, Direction.DEBIT,
        clean_description(description),
    )


def _too_many_lines() -> StatementRejected:
    return refuse(
        ReconciliationStatus.STATEMENT_TOO_MANY_LINES,
        f"line {STATEMENT_LINES_MAX + 2}",
        f"at most {STATEMENT_LINES_MAX} lines follow the header.",
    )


def read_statement_csv(content: bytes) -> Statement:
    """Parse and check the whole file; raises ``StatementRejected`` with every problem found."""
    check_size(content)
    text = decode(content)
    if text.count("\n") > STATEMENT_LINES_MAX + 1:  # the loop below checks \r-only files
        raise _too_many_lines()
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    log = ProblemLog()
    lines: list[StatementLine] = []
    try:
        _check_header(next(reader, None))
        for row in reader:
            if reader.line_num > STATEMENT_LINES_MAX + 1:
                raise _too_many_lines()
            if not any(cell.strip() for cell in row):
                continue
            line = _line(row, f"line {reader.line_num}", log)
            if line is not None:
                lines.append(line)
            if log.full:
                break
    except csv.Error as error:
        log.add(ReconciliationStatus.CSV_LINE_MALFORMED, f"line {reader.line_num}", f"{error}.")
    log.raise_if_any()
    return Statement(
        format=StatementFormat.CSV,
        sha256=statement_sha256(content),
        statement_id=None,
        statement_date=max((line.booking_date for line in lines), default=None),
        currencies=frozenset(line.amount.currency for line in lines),
        lines=tuple(lines),
    )
