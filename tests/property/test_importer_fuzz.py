"""Fuzz of the file importers: bank statements (CSV, camt.053) and FX rate files.

Why: these files come from outside (a bank portal, an operator's spreadsheet) and can be
truncated, corrupted or hostile. Whatever the bytes, an importer either returns a checked
result or refuses with its closed-enum rejection naming the problems; it never crashes with
another exception (which the API would turn into a 500 after a half-done import). Inputs are
random bytes, and valid files with bytes flipped, cut, duplicated or spliced with XML/CSV
metacharacters, so that the fuzz reaches deep into the parsers, not only their first check.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paysetu.kernel.money import Money
from paysetu.payments.rules.fx_rate_file import parse_rate_file
from paysetu.settlement.rules.reconciliation_errors import ReconciliationStatus, StatementRejected
from paysetu.settlement.rules.statements import Direction, Statement, StatementFormat
from paysetu.settlement.stores.camt053_writer import BookedTransfer, write_camt053
from paysetu.settlement.stores.statement_files import read_statement

CSV_STATEMENT = (
    b"date,end_to_end_id,amount,currency,description\n"
    b"2026-04-01,E2E1,1250.50,INR,\"Chai Point, settlement\"\n"
    b"2026-04-02,E2E2,500,JPY,\n"
    b"2026-03-31,E2E3,1.234,KWD,x\n"
)
CAMT_STATEMENT = write_camt053("STMT-1", datetime(2026, 4, 2, 6, tzinfo=UTC), "ACC-1", [
    BookedTransfer("E2E1", Money(125000, "INR"), Direction.DEBIT, date(2026, 4, 1), "po 1"),
    BookedTransfer(None, Money(99, "INR"), Direction.CREDIT, date(2026, 4, 1), "interest"),
    BookedTransfer("E2E2", Money(1500, "JPY"), Direction.DEBIT, date(2026, 4, 2)),
])
RATE_FILE = (
    "base_currency,quote_currency,rate,as_of\n"
    "USD,INR,83.2150,2026-04-01\nEUR,CNY,7.85,2026-04-01\nUSD,AED,3.6725,2026-03-31\n"
)
NASTY = [b"<", b">", b"&", b"&amp;", b"<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", b"&a;", b"]]>",
         b"<![CDATA[", b"\x00", b"\xff\xfe", b"\"", b",", b"\n", b"\r", b"'; DROP TABLE x;--",
         b"9" * 40, b"-1", b"1e9999", b"NaN", b"\xe2\x80\xae", b"</Ntry>", b"<Ntry>"]
FUZZ = settings(max_examples=int(os.environ.get("PAYSETU_FUZZ_EXAMPLES", "15")) * 10,
                deadline=None, suppress_health_check=[HealthCheck.too_slow])
"""150 files per importer in CI; ``paysetu check fuzz --examples N`` tries 10 N."""


@st.composite
def mutated(draw: st.DrawFn, valid: bytes) -> bytes:
    """``valid`` with a few random edits: flip, cut, duplicate or splice in a nasty token."""
    content = bytearray(valid)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, max(0, len(content) - 1)))
        edit = draw(st.sampled_from(["flip", "cut", "duplicate", "splice", "truncate"]))
        if edit == "flip" and content:
            content[at] = draw(st.integers(0, 255))
        elif edit == "cut":
            del content[at:at + draw(st.integers(1, 40))]
        elif edit == "duplicate":
            content[at:at] = content[at:at + draw(st.integers(1, 200))]
        elif edit == "splice":
            content[at:at] = draw(st.sampled_from(NASTY))
        else:
            del content[at:]
    return bytes(content)


def _statement_or_rejection(content: bytes, format: StatementFormat) -> None:
    """Accepted with positive amounts only, or refused naming what is wrong and where."""
    outcome: Statement | StatementRejected
    try:
        outcome = read_statement(content, format)
    except StatementRejected as rejection:
        outcome = rejection
    if isinstance(outcome, StatementRejected):
        assert outcome.problems
    else:
        assert all(line.amount.amount_minor > 0 for line in outcome.lines)


@FUZZ
@given(st.one_of(st.binary(max_size=2000), mutated(CSV_STATEMENT)))
def test_csv_statements_parse_or_are_refused(content: bytes) -> None:
    _statement_or_rejection(content, StatementFormat.CSV)


@FUZZ
@given(st.one_of(st.binary(max_size=2000), mutated(CAMT_STATEMENT)))
def test_camt053_statements_parse_or_are_refused(content: bytes) -> None:
    _statement_or_rejection(content, StatementFormat.CAMT053)


@FUZZ
@given(st.one_of(st.text(max_size=2000), mutated(RATE_FILE.encode()).map(
    lambda b: b.decode("utf-8", errors="replace"))))
def test_rate_files_parse_or_list_their_problems(text: str) -> None:
    parsed = parse_rate_file(text, date(2026, 4, 2))
    assert bool(parsed.rows) != bool(parsed.problems)  # all rows, or none and the problems
    for row in parsed.rows:
        assert row.rate > 0
        assert row.as_of <= date(2026, 4, 2)


def test_an_unknown_xml_encoding_is_refused_not_a_crash() -> None:
    """Found by this fuzz: ``encoding='tf-8'`` made the XML parser raise LookupError."""
    content = CAMT_STATEMENT.replace(b"encoding='utf-8'", b"encoding='tf-8'", 1)
    assert content != CAMT_STATEMENT
    with pytest.raises(StatementRejected) as refused:
        read_statement(content, StatementFormat.CAMT053)
    assert refused.value.code is ReconciliationStatus.XML_MALFORMED
