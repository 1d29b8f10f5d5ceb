"""Bank statements are read exactly and safely, or refused whole with every problem located.

CSV problems name their line (the header is line 1); camt.053 problems their element path.
Malicious XML (entity expansion, external entities, any DTD) is refused before anything is
expanded or fetched, and oversized files before they are parsed.
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
import xmlschema

from paysetu.kernel.money import Money
from paysetu.settlement.rules.reconciliation import PayoutRef
from paysetu.settlement.rules.reconciliation_errors import (
    PROBLEMS_REPORTED_MAX,
    ReconciliationRejected,
    ReconciliationStatus,
    StatementRejected,
)
from paysetu.settlement.rules.statements import (
    STATEMENT_BYTES_MAX,
    STATEMENT_LINES_MAX,
    Direction,
    Statement,
    StatementFormat,
)
from paysetu.settlement.stores import camt053_reader
from paysetu.settlement.stores.camt053_reader import read_camt053
from paysetu.settlement.stores.camt053_writer import (
    BookedTransfer,
    statement_for_payouts,
    write_camt053,
)
from paysetu.settlement.stores.statement_csv import read_statement_csv
from paysetu.settlement.stores.statement_files import format_of_file, statement_format

S = ReconciliationStatus
HEADER = "date,end_to_end_id,amount,currency,description\n"
NS08 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"


def refused(
    content: bytes, read: Callable[[bytes], Statement] = read_statement_csv
) -> StatementRejected:
    with pytest.raises(StatementRejected) as caught:
        read(content)
    return caught.value


def problems(error: StatementRejected) -> list[tuple[str, str]]:
    return [(p.location, p.code.value) for p in error.problems]


# CSV -------------------------------------------------------------------------------------


def test_csv_lines_are_parsed_exactly() -> None:
    content = (
        "\ufeff" + HEADER
        + "2026-04-01,E2E1,1250.50,INR,\"Chai Point, settlement\"\n"
        + "\n"
        + "2026-04-02,E2E2,500,JPY,\n"
        + "2026-03-31,E2E3,1.234,KWD,x\n"
    ).encode()
    statement = read_statement_csv(content)
    assert [(line.location, line.end_to_end_id, line.amount) for line in statement.lines] == [
        ("line 2", "E2E1", Money(125050, "INR")),
        ("line 4", "E2E2", Money(500, "JPY")),
        ("line 5", "E2E3", Money(1234, "KWD")),
    ]
    assert statement.lines[0].description == "Chai Point, settlement"
    assert {line.direction for line in statement.lines} == {Direction.DEBIT}
    assert statement.statement_date == date(2026, 4, 2)
    assert statement.currencies == {"INR", "JPY", "KWD"}
    assert statement.format is StatementFormat.CSV
    assert statement.sha256 == read_statement_csv(content).sha256


def test_csv_garbage_lines_are_reported_with_their_line_numbers() -> None:
    content = (
        HEADER
        + "2026-04-01,E2E1,10.00,INR,fine\n"
        + "this is not a statement line\n"
        + "2026-04-01,E2E2,10.005,INR,too many decimals\n"
        + "2026-04-31,E2E3,1,XYZ,bad day and currency\n"
        + "2026-04-01,E2E4,-5.00,INR,negative\n"
        + "2026-04-01,E2E5,0,INR,zero\n"
        + "2026-04-01,E2E6,1e3,INR,float notation\n"
        + "2026-04-01,,1.00,INR,no id\n"
        + "2026-04-01,E2E7,99999999999999999999,INR,too large\n"
        + "2026-04-01,E2E8,1.00,INR,a,b\n"
    ).encode()
    error = refused(content)
    assert problems(error) == [
        ("line 3", "csv_line_malformed"),
        ("line 4", "amount_invalid"),
        ("line 5", "date_invalid"),
        ("line 5", "currency_invalid"),
        ("line 6", "amount_must_be_positive"),
        ("line 7", "amount_must_be_positive"),
        ("line 8", "amount_invalid"),
        ("line 9", "end_to_end_id_invalid"),
        ("line 10", "amount_too_large"),
        ("line 11", "csv_line_malformed"),
    ]
    assert error.code is S.CSV_LINE_MALFORMED
    assert error.param == "line 3"
    assert "and 9 more problems" in error.message
    assert "10.005" in error.problems[1].message


@pytest.mark.parametrize(
    ("content", "code", "location"),
    [
        (b"", S.STATEMENT_EMPTY, "file"),
        (b" \n\n", S.STATEMENT_EMPTY, "file"),
        (b"when,what\n", S.CSV_HEADER_INVALID, "line 1"),
        (HEADER.encode() + b"2026-04-01,E1,1.00,INR,caf\xe9\n", S.STATEMENT_ENCODING_INVALID,
         "line 2"),
        (HEADER.encode() + b'2026-04-01,E1,1.00,INR,"never closed\n', S.CSV_LINE_MALFORMED,
         "line 2"),
        (HEADER.encode() + b"2026-04-01,E1,1.00,INR,nul\x00byte\n",
         S.STATEMENT_ENCODING_INVALID, "line 2"),
    ],
)
def test_csv_refusals(content: bytes, code: ReconciliationStatus, location: str) -> None:
    error = refused(content)
    assert (error.code, error.param) == (code, location)


def test_a_csv_over_the_size_cap_is_refused_before_parsing() -> None:
    error = refused(HEADER.encode() + b" " * STATEMENT_BYTES_MAX)
    assert error.code is S.STATEMENT_TOO_LARGE


def test_a_csv_over_the_line_cap_is_refused() -> None:
    row = "2026-04-01,E1,1.00,INR,\n"
    error = refused((HEADER + row * (STATEMENT_LINES_MAX + 1)).encode())
    assert error.code is S.STATEMENT_TOO_MANY_LINES
    assert error.param == f"line {STATEMENT_LINES_MAX + 2}"
    assert len(read_statement_csv((HEADER + row * STATEMENT_LINES_MAX).encode()).lines) == (
        STATEMENT_LINES_MAX
    )


def test_problems_reported_are_capped() -> None:
    error = refused((HEADER + "garbage\n" * (PROBLEMS_REPORTED_MAX * 3)).encode())
    assert len(error.problems) == PROBLEMS_REPORTED_MAX


def test_formats_are_named_or_taken_from_the_file_name() -> None:
    assert statement_format(" CAMT053 ") is StatementFormat.CAMT053
    assert format_of_file("statement.CSV") is StatementFormat.CSV
    assert format_of_file("bank/2026-04-01.xml") is StatementFormat.CAMT053
    with pytest.raises(ReconciliationRejected) as named:
        statement_format("mt940")
    with pytest.raises(ReconciliationRejected) as suffixed:
        format_of_file("statement.txt")
    assert named.value.code is suffixed.value.code is S.STATEMENT_FORMAT_UNKNOWN
    assert (named.value.param, suffixed.value.param) == ("format", "format")


# camt.053 --------------------------------------------------------------------------------


def camt(entries: str, version: str = "08", account_currency: str = "INR") -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.{version}">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-04-02T06:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>STMT-1</Id>
      <CreDtTm>2026-04-02T06:00:00</CreDtTm>
      <Acct><Id><Othr><Id>ACC-1</Id></Othr></Id><Ccy>{account_currency}</Ccy></Acct>
      {entries}
    </Stmt>
  </BkToCstmrStmt>
</Document>""".encode()


def entry(
    amount: str = "1250.00", ccy: str = "INR", cdi: str = "DBIT", status: str = "<Cd>BOOK</Cd>",
    details: str = "", booked: str = "<BookgDt><Dt>2026-04-01</Dt></BookgDt>",
) -> str:
    return (
        f'<Ntry><Amt Ccy="{ccy}">{amount}</Amt><CdtDbtInd>{cdi}</CdtDbtInd><Sts>{status}</Sts>'
        f"{booked}<BkTxCd/>{details}</Ntry>"
    )


def tx(e2e: str, amount: str | None = None, ccy: str = "INR", extra: str = "") -> str:
    amt = "" if amount is None else f'<Amt Ccy="{ccy}">{amount}</Amt>'
    return f"<TxDtls><Refs><EndToEndId>{e2e}</EndToEndId></Refs>{amt}{extra}</TxDtls>"


def test_camt053_entries_and_batch_transactions_become_lines() -> None:
    content = camt(
        entry(details=f"<NtryDtls>{tx('E2E1', extra='<RmtInf><Ustrd>po 1</Ustrd></RmtInf>')}"
                      "</NtryDtls>")
        + entry("300.00", details=f"<NtryDtls>{tx('E2E2', '100.00')}{tx('E2E3', '200.00')}"
                                  "</NtryDtls>")
        + entry("5.00", cdi="CRDT", booked="<ValDt><DtTm>2026-04-02T10:00:00Z</DtTm></ValDt>")
        + entry("7.00", details=f"<NtryDtls>{tx('NOTPROVIDED')}</NtryDtls>")
    )
    statement = read_camt053(content)
    got = [(line.end_to_end_id, line.amount.amount_minor, line.direction, line.booking_date)
           for line in statement.lines]
    assert got == [
        ("E2E1", 125000, Direction.DEBIT, date(2026, 4, 1)),
        ("E2E2", 10000, Direction.DEBIT, date(2026, 4, 1)),
        ("E2E3", 20000, Direction.DEBIT, date(2026, 4, 1)),
        (None, 500, Direction.CREDIT, date(2026, 4, 2)),
        (None, 700, Direction.DEBIT, date(2026, 4, 1)),
    ]
    assert statement.lines[0].description == "po 1"
    assert statement.lines[1].location == (
        "/Document/BkToCstmrStmt/Stmt[1]/Ntry[2]/NtryDtls[1]/TxDtls[1]")
    assert statement.lines[3].location == "/Document/BkToCstmrStmt/Stmt[1]/Ntry[3]"
    assert (statement.statement_id, statement.statement_date) == ("MSG-1", date(2026, 4, 2))
    assert statement.format is StatementFormat.CAMT053


def test_camt053_version_02_status_text_and_amount_details() -> None:
    amount_details = '<AmtDtls><TxAmt><Amt Ccy="INR">42.10</Amt></TxAmt></AmtDtls>'
    content = camt(
        entry("42.10", status="BOOK", details=f"<NtryDtls>{tx('E2E9', extra=amount_details)}"
                                             "</NtryDtls>"),
        version="02",
    )
    (line,) = read_camt053(content).lines
    assert (line.end_to_end_id, line.amount) == ("E2E9", Money(4210, "INR"))


def test_camt053_problems_are_reported_with_element_paths() -> None:
    content = camt(
        entry("10.005")
        + entry(ccy="XYZ")
        + entry(cdi="BOTH")
        + entry(status="<Cd>PDNG</Cd>")
        + entry(booked="")
        + '<Ntry><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>'
          "<BookgDt><Dt>2026-04-01</Dt></BookgDt></Ntry>"
        + entry("300.00", details=f"<NtryDtls>{tx('A', '100.00')}{tx('B', '100.00')}</NtryDtls>")
        + entry(details=f"<NtryDtls>{tx('x' * 36)}</NtryDtls>")
        + entry(booked="<BookgDt><Dt>2026-02-30</Dt></BookgDt>")
    )
    stmt = "/Document/BkToCstmrStmt/Stmt[1]"
    assert problems(refused(content, read_camt053)) == [
        (f"{stmt}/Ntry[1]/Amt", "amount_invalid"),
        (f"{stmt}/Ntry[2]/Amt/@Ccy", "currency_invalid"),
        (f"{stmt}/Ntry[3]/CdtDbtInd", "statement_element_invalid"),
        (f"{stmt}/Ntry[4]/Sts", "entry_not_booked"),
        (f"{stmt}/Ntry[5]/BookgDt", "statement_element_missing"),
        (f"{stmt}/Ntry[6]/Amt", "statement_element_missing"),
        (f"{stmt}/Ntry[7]/Amt", "statement_element_invalid"),
        (f"{stmt}/Ntry[8]/NtryDtls[1]/TxDtls[1]/Refs/EndToEndId", "end_to_end_id_invalid"),
        (f"{stmt}/Ntry[9]/BookgDt/Dt", "statement_element_invalid"),
    ]


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">&lol9;</Document>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE Document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
<BkToCstmrStmt><Stmt><Id>&secret;</Id></Stmt></BkToCstmrStmt></Document>"""

EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE Document SYSTEM "http://127.0.0.1:9/evil.dtd">
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"/>"""

PARAMETER_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/x.dtd"> %remote;]><d/>"""


@pytest.mark.parametrize(
    "content", [BILLION_LAUGHS, XXE, EXTERNAL_DTD, PARAMETER_ENTITY],
    ids=["billion_laughs", "xxe", "external_dtd", "parameter_entity"],
)
def test_malicious_xml_is_refused_before_any_expansion(content: bytes) -> None:
    error = refused(content, read_camt053)
    assert error.code is S.XML_FORBIDDEN
    assert "root:" not in error.message


@pytest.mark.parametrize(
    ("content", "code", "location"),
    [
        (b"<Document><Stmt></Document>", S.XML_MALFORMED, "line 1"),
        (b"not xml at all", S.XML_MALFORMED, "line 1"),
        (b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"/>',
         S.STATEMENT_MESSAGE_UNSUPPORTED, "/Document"),
        (b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.01"/>',
         S.STATEMENT_MESSAGE_UNSUPPORTED, "/Document"),
        (f'<Document xmlns="{NS08}"/>'.encode(), S.STATEMENT_ELEMENT_MISSING,
         "/Document/BkToCstmrStmt"),
        (f'<Document xmlns="{NS08}"><BkToCstmrStmt/></Document>'.encode(),
         S.STATEMENT_ELEMENT_MISSING, "/Document/BkToCstmrStmt/Stmt"),
    ],
)
def test_camt053_refusals(content: bytes, code: ReconciliationStatus, location: str) -> None:
    error = refused(content, read_camt053)
    assert (error.code, error.param) == (code, location)


def test_an_xml_over_the_size_cap_is_refused_before_parsing() -> None:
    content = camt("<!--" + "x" * STATEMENT_BYTES_MAX + "-->")
    assert refused(content, read_camt053).code is S.STATEMENT_TOO_LARGE


def test_camt053_transactions_over_the_line_cap_are_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(camt053_reader, "STATEMENT_LINES_MAX", 3)
    details = "".join(tx(f"E{i}", "1.00") for i in range(4))
    error = refused(camt(entry("4.00", details=f"<NtryDtls>{details}</NtryDtls>")), read_camt053)
    assert error.code is S.STATEMENT_TOO_MANY_LINES
    assert error.param is not None
    assert error.param.endswith("TxDtls[4]")


# The writer (demo bank) and the official schema -----------------------------------------

CAMT053_XSD = importlib.metadata.distribution("camt053").locate_file(
    "camt053/xsd/camt.053.001.08.xsd"
)


@pytest.fixture(scope="module")
def camt053_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(CAMT053_XSD))


def test_written_statements_validate_and_round_trip(camt053_schema: xmlschema.XMLSchema) -> None:
    transfers = [
        BookedTransfer("E2E1", Money(125000, "INR"), Direction.DEBIT, date(2026, 4, 1), "po 1"),
        BookedTransfer(None, Money(99, "INR"), Direction.CREDIT, date(2026, 4, 1), "interest"),
        BookedTransfer("E2E2", Money(1500, "JPY"), Direction.DEBIT, date(2026, 4, 2)),
        BookedTransfer("E2E3", Money(1234, "KWD"), Direction.DEBIT, date(2026, 4, 2), "x" * 200),
    ]
    content = write_camt053("STMT-1", datetime(2026, 4, 2, 6, tzinfo=UTC), "ACC-1", transfers)
    camt053_schema.validate(content.decode())
    statement = read_camt053(content)
    assert sorted((line.end_to_end_id or "", line.amount.amount_minor, line.direction)
                  for line in statement.lines) == sorted(
        (t.end_to_end_id or "", t.amount.amount_minor, t.direction) for t in transfers)
    assert statement.currencies == {"INR", "JPY", "KWD"}


def test_the_demo_statement_books_one_payout_one_unit_off(
    camt053_schema: xmlschema.XMLSchema,
) -> None:
    payouts = [
        PayoutRef("po_1", "E2E1", Money(125000, "INR"), "mer_1", date(2026, 4, 1), "sent"),
        PayoutRef("po_2", "E2E2", Money(1500, "JPY"), "mer_1", date(2026, 4, 1), "sent"),
    ]
    content = statement_for_payouts(payouts, datetime(2026, 4, 2, tzinfo=UTC), off_by_one="po_2")
    camt053_schema.validate(content.decode())
    amounts = {line.end_to_end_id: line.amount for line in read_camt053(content).lines}
    assert amounts == {"E2E1": Money(125000, "INR"), "E2E2": Money(1501, "JPY")}


def test_an_xml_with_too_many_tags_is_refused_before_parsing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(camt053_reader, "XML_TAGS_MAX", 50)
    content = camt("".join(entry() for _ in range(10)))
    error = refused(content, read_camt053)
    assert (error.code, error.param) == (S.STATEMENT_TOO_LARGE, "file")
    assert "XML tags" in error.message
