"""Read an ISO 20022 camt.053 bank-to-customer statement, safely, into statement lines.

Safety first: the XML is parsed by ``defusedxml`` with DTDs, entity declarations and external
references all forbidden, so a billion-laughs bomb, an XXE (``SYSTEM "file:///etc/passwd"``) or
any ``<!DOCTYPE>`` is refused (``xml_forbidden``) before a single entity is expanded; the file
size is capped before parsing. camt.053.001.02 to .14 are read (their namespaces differ, the
elements used here do not, apart from ``Sts``: text up to .07, ``Sts/Cd`` from .08).

Structure checked (every element that reconciliation relies on; the schema's other rules are
the bank's business)::

    Document/BkToCstmrStmt
      GrpHdr/MsgId?                       the statement's id (else the first Stmt/Id)
      Stmt+                               one or more account statements
        Id, CreDtTm?, FrToDt/ToDtTm?, Acct/Ccy?
        Ntry*                             one booked entry
          Amt@Ccy, CdtDbtInd (CRDT|DBIT), RvslInd?, Sts (BOOK), BookgDt|ValDt (Dt|DtTm),
          AddtlNtryInf?
          NtryDtls*/TxDtls*               the transactions of a (batch) entry
            Refs/EndToEndId?, Amt@Ccy? or AmtDtls/TxAmt/Amt@Ccy?, CdtDbtInd?, RmtInf/Ustrd?,
            RtrInf/Rsn/(Cd|Prtry)?        a returned payout's reason (AC04: account closed)
            AmtDtls/InstdAmt/Amt@Ccy?, .../CcyXchg/XchgRate?   a converted transfer

A credit with ``RvslInd`` true or a ``RtrInf`` is a return: its line carries the reason code
(``NOTPROVIDED`` when the bank gives none), and reconciliation returns the payout it names.
A transfer the bank converted (instructed in the payout's currency, booked in the account's)
is matched on the instructed amount; the line keeps the booked amount and the bank's rate,
which the report shows.

Each ``TxDtls`` is one statement line; an entry without any is one line. The amounts of a
batch entry's transactions must add up to the entry's amount. Problems are reported with the
element's path (``/Document/BkToCstmrStmt/Stmt[1]/Ntry[2]/Amt``, XPath-style 1-based
indexes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from paysetu.kernel.money import Money
from paysetu.settlement.rules.reconciliation_errors import ReconciliationStatus
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
    parse_end_to_end_id,
    refuse,
    statement_sha256,
)

_ROOT = re.compile(r"^\{urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.(\d{2})\}Document$")
VERSIONS = range(2, 15)
"""camt.053.001.02 to camt.053.001.14."""

XML_TAGS_MAX = 1_000_000
"""About 25,000 camt.053 transactions' worth: more than fits in the size cap."""

_DIRECTIONS = {"DBIT": Direction.DEBIT, "CRDT": Direction.CREDIT}
_NOT_PROVIDED = "NOTPROVIDED"
_RATE = re.compile(r"[0-9]{1,18}(\.[0-9]{1,18})?")
_I = ReconciliationStatus.STATEMENT_ELEMENT_INVALID
_M = ReconciliationStatus.STATEMENT_ELEMENT_MISSING


def parse_xml(content: bytes) -> Element:
    """The document's root element; DTDs, entities and external references are refused.

    More than :data:`XML_TAGS_MAX` tags is refused before parsing, which bounds the tree's
    memory (a real statement within the size cap has far fewer).
    """
    if content.count(b"<") > XML_TAGS_MAX:
        raise refuse(
            ReconciliationStatus.STATEMENT_TOO_LARGE, "file",
            f"more than {XML_TAGS_MAX} XML tags; a statement within 10 MiB has far fewer.",
        )
    try:
        return fromstring(content, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise refuse(
            ReconciliationStatus.XML_FORBIDDEN,
            "file",
            f"{type(error).__name__}: DTDs, entities and external references are not accepted.",
        ) from None
    except ParseError as error:
        line, _ = error.position
        raise refuse(ReconciliationStatus.XML_MALFORMED, f"line {line}", f"{error}.") from None
    except (LookupError, UnicodeError) as error:  # an encoding the declaration names badly
        raise refuse(ReconciliationStatus.XML_MALFORMED, "line 1",
                     f"the XML declaration's encoding cannot be read: {error}.") from None


def _version(root: Element) -> str:
    match = _ROOT.match(root.tag)
    if match is None or int(match.group(1)) not in VERSIONS:
        raise refuse(
            ReconciliationStatus.STATEMENT_MESSAGE_UNSUPPORTED,
            "/" + root.tag.rsplit("}", 1)[-1],
            f"root element {root.tag[:120]!r} is not a camt.053.001.02-14 Document.",
        )
    return root.tag[1 : root.tag.index("}")]


@dataclass(frozen=True, slots=True)
class _Node:
    """An element and its path."""

    element: Element
    path: str


class _Reader:
    """Walks one document, collecting problems; at most :data:`STATEMENT_LINES_MAX` lines."""

    def __init__(self, namespace: str, log: ProblemLog) -> None:
        self.ns = namespace
        self.log = log
        self.lines: list[StatementLine] = []

    def child(self, node: _Node, name: str, *, required: bool = False) -> _Node | None:
        found = node.element.find(f"{{{self.ns}}}{name}")
        if found is None:
            if required:
                self.log.add(_M, f"{node.path}/{name}", f"<{name}> is required here.")
            return None
        return _Node(found, f"{node.path}/{name}")

    def children(self, node: _Node, name: str) -> list[_Node]:
        return [
            _Node(element, f"{node.path}/{name}[{index}]")
            for index, element in enumerate(node.element.findall(f"{{{self.ns}}}{name}"), 1)
        ]

    def text(self, node: _Node | None, name: str, *, required: bool = False) -> str | None:
        """The text of child ``name``: missing, or empty, counts as missing."""
        found = None if node is None else self.child(node, name, required=required)
        if found is None:
            return None
        value = (found.element.text or "").strip()
        if not value and required:
            self.log.add(_M, found.path, f"<{name}> is empty.")
        return value or None

    def date_of(self, node: _Node | None) -> date | None:
        """A ``DateAndDateTimeChoice``: ``Dt`` or ``DtTm`` (the date part is kept)."""
        if node is None:
            return None
        for name in ("Dt", "DtTm"):
            value = self.text(node, name)
            if value is not None:
                return self.day(value, f"{node.path}/{name}")
        self.log.add(_M, f"{node.path}/Dt", "<Dt> or <DtTm> is required here.")
        return None

    def day(self, value: str, path: str) -> date | None:
        try:
            if len(value) < 10 or value[10:11] not in ("", "T"):
                raise ValueError(value)
            return date.fromisoformat(value[:10])
        except ValueError:
            self.log.add(_I, path, f"{value[:40]!r} is not an ISO 8601 date or date-time.")
            return None

    def amount(self, node: _Node | None) -> Money | None:
        """An ``ActiveOrHistoricCurrencyAndAmount``: decimal text plus a ``Ccy`` attribute."""
        if node is None:
            return None
        currency_text = node.element.get("Ccy")
        if currency_text is None:
            self.log.add(_M, f"{node.path}/@Ccy", "the amount has no Ccy attribute.")
            return None
        currency = parse_currency(currency_text, f"{node.path}/@Ccy", self.log)
        if currency is None:
            return None
        return parse_amount(node.element.text or "", currency, node.path, self.log)

    def direction(self, node: _Node, *, required: bool) -> Direction | None:
        value = self.text(node, "CdtDbtInd", required=required)
        if value is None:
            return None
        if value not in _DIRECTIONS:
            self.log.add(_I, f"{node.path}/CdtDbtInd", f"{value[:20]!r} is not CRDT or DBIT.")
            return None
        return _DIRECTIONS[value]

    def add_line(self, line: StatementLine) -> None:
        if len(self.lines) >= STATEMENT_LINES_MAX:
            raise refuse(
                ReconciliationStatus.STATEMENT_TOO_MANY_LINES,
                line.location,
                f"at most {STATEMENT_LINES_MAX} transactions are accepted in one statement.",
            )
        self.lines.append(line)


def _booked(reader: _Reader, entry: _Node) -> bool:
    status = reader.child(entry, "Sts", required=True)
    if status is None:
        return False
    code = reader.text(status, "Cd") or reader.text(status, "Prtry")
    value = code or (status.element.text or "").strip()
    if value != "BOOK":
        reader.log.add(
            ReconciliationStatus.ENTRY_NOT_BOOKED, status.path, f"status {value[:35]!r}."
        )
        return False
    return True


@dataclass(frozen=True, slots=True)
class _Entry:
    """What a transaction inherits from its entry."""

    node: _Node
    amount: Money
    direction: Direction
    booking_date: date
    description: str | None
    reversal: bool


def _read_entry(reader: _Reader, entry: _Node) -> _Entry | None:
    amount = reader.amount(reader.child(entry, "Amt", required=True))
    direction = reader.direction(entry, required=True)
    booked = _booked(reader, entry)
    dated = reader.child(entry, "BookgDt") or reader.child(entry, "ValDt")
    if dated is None:
        reader.log.add(_M, f"{entry.path}/BookgDt", "<BookgDt> or <ValDt> is required here.")
    booking_date = reader.date_of(dated)
    if amount is None or direction is None or not booked or booking_date is None:
        return None
    reversal = (reader.text(entry, "RvslInd") or "").strip().lower() in ("true", "1")
    return _Entry(entry, amount, direction, booking_date, reader.text(entry, "AddtlNtryInf"),
                  reversal)


def _return_reason(reader: _Reader, tx: _Node, entry: _Entry) -> str | None:
    """A returned payout's reason code (``RtrInf/Rsn/Cd`` or ``Prtry``), ``NOTPROVIDED`` for
    a reversal without one; None for a credit that is not a return."""
    info = reader.child(tx, "RtrInf")
    if info is None and not entry.reversal:
        return None
    reason = None if info is None else reader.child(info, "Rsn")
    code = None if reason is None else (reader.text(reason, "Cd") or reader.text(reason, "Prtry"))
    return code if code is not None and code.isalnum() and len(code) <= 35 else _NOT_PROVIDED


def _transaction_amount(reader: _Reader, tx: _Node, single: bool, entry: _Entry) -> Money | None:
    node = reader.child(tx, "Amt")
    if node is None:
        details = reader.child(tx, "AmtDtls")
        tx_amount = None if details is None else reader.child(details, "TxAmt")
        node = None if tx_amount is None else reader.child(tx_amount, "Amt")
    if node is not None:
        return reader.amount(node)
    if single:
        return entry.amount
    reader.log.add(_M, f"{tx.path}/Amt", "each transaction of a batch entry needs its <Amt>.")
    return None


def _instructed(reader: _Reader, tx: _Node) -> tuple[Money | None, str | None]:
    """``AmtDtls/InstdAmt/Amt`` (what the payer instructed, in the payout's currency) and the
    bank's ``CcyXchg/XchgRate`` (under ``InstdAmt`` or ``TxAmt``), if the bank gave them."""
    details = reader.child(tx, "AmtDtls")
    if details is None:
        return None, None
    instructed = reader.child(details, "InstdAmt")
    amount = None if instructed is None else reader.amount(reader.child(instructed, "Amt"))
    rate = None
    for part in (instructed, reader.child(details, "TxAmt")):
        exchange = None if part is None else reader.child(part, "CcyXchg")
        text = None if exchange is None else reader.text(exchange, "XchgRate")
        if text is not None and _RATE.fullmatch(text):
            rate = rate or text
    return amount, rate


def _transaction_line(reader: _Reader, tx: _Node, single: bool, entry: _Entry) -> None:
    refs = reader.child(tx, "Refs")
    e2e_text = reader.text(refs, "EndToEndId")
    end_to_end_id = None
    if e2e_text is not None and e2e_text != _NOT_PROVIDED and refs is not None:
        end_to_end_id = parse_end_to_end_id(e2e_text, f"{refs.path}/EndToEndId", reader.log)
    amount = _transaction_amount(reader, tx, single, entry)
    instructed, rate = _instructed(reader, tx)
    booked = None
    if amount is not None and instructed is not None and instructed.currency != amount.currency:
        amount, booked = instructed, amount
    direction = reader.direction(tx, required=False) or entry.direction
    remittance = reader.child(tx, "RmtInf")
    description = (
        reader.text(remittance, "Ustrd") or reader.text(tx, "AddtlTxInf") or entry.description
    )
    if amount is not None:
        reader.add_line(StatementLine(
            tx.path, entry.booking_date, end_to_end_id, amount, direction,
            clean_description(description),
            _return_reason(reader, tx, entry) if direction is Direction.CREDIT else None,
            booked, rate if booked is not None else None,
        ))


def _check_batch_total(reader: _Reader, entry: _Entry, first_line: int) -> None:
    """The transactions of a batch entry add up to the entry (when all are in its currency)."""
    booked = [(line.booked_amount or line.amount, line.direction)
              for line in reader.lines[first_line:]]
    if len(booked) < 2 or any(amount.currency != entry.amount.currency for amount, _ in booked):
        return
    signed = sum(
        amount.amount_minor * (1 if direction is entry.direction else -1)
        for amount, direction in booked
    )
    if signed != entry.amount.amount_minor:
        total = Money(signed, entry.amount.currency)
        reader.log.add(
            _I, f"{entry.node.path}/Amt",
            f"the entry is {entry.amount} but its transactions add up to {total}.",
        )


@dataclass(frozen=True, slots=True)
class _StatementHeader:
    """What one ``Stmt`` says of itself."""

    statement_id: str | None
    period_end: date | None
    created_on: date | None
    currency: str | None


def _read_statement(reader: _Reader, stmt: _Node) -> _StatementHeader:
    """Reads the statement's entries into ``reader.lines``; returns its header."""
    statement_id = reader.text(stmt, "Id", required=True)
    period = reader.child(stmt, "FrToDt")
    to_text = reader.text(period, "ToDtTm")
    period_end = None if to_text is None else reader.day(to_text, f"{stmt.path}/FrToDt/ToDtTm")
    created_text = reader.text(stmt, "CreDtTm")
    created_on = None if created_text is None else reader.day(created_text, f"{stmt.path}/CreDtTm")
    account = reader.child(stmt, "Acct", required=True)
    currency_text = reader.text(account, "Ccy")
    currency = None
    if currency_text is not None and account is not None:
        currency = parse_currency(currency_text, f"{account.path}/Ccy", reader.log)
    for entry_node in reader.children(stmt, "Ntry"):
        entry = _read_entry(reader, entry_node)
        if entry is None:
            continue
        transactions = [
            tx for details in reader.children(entry_node, "NtryDtls")
            for tx in reader.children(details, "TxDtls")
        ]
        first_line = len(reader.lines)
        for tx in transactions or [entry_node]:
            _transaction_line(reader, tx, len(transactions) <= 1, entry)
        _check_batch_total(reader, entry, first_line)
        if reader.log.full:
            break
    return _StatementHeader(statement_id, period_end, created_on, currency)


def read_camt053(content: bytes) -> Statement:
    """Parse and check a camt.053; raises ``StatementRejected`` with every problem found."""
    check_size(content)
    root = parse_xml(content)
    reader = _Reader(_version(root), ProblemLog())
    document = _Node(root, "/Document")
    statement_node = reader.child(document, "BkToCstmrStmt", required=True)
    statements = [] if statement_node is None else reader.children(statement_node, "Stmt")
    if statement_node is not None and not statements:
        reader.log.add(_M, f"{statement_node.path}/Stmt", "a statement needs at least one <Stmt>.")
    headers = [_read_statement(reader, stmt) for stmt in statements]
    reader.log.raise_if_any()
    group_header = None if statement_node is None else reader.child(statement_node, "GrpHdr")
    message_id = reader.text(group_header, "MsgId")
    ids = [message_id] if message_id else [h.statement_id for h in headers if h.statement_id]
    days = [h.period_end for h in headers if h.period_end]
    days += [line.booking_date for line in reader.lines]
    created = [h.created_on for h in headers if h.created_on]
    currencies = {h.currency for h in headers if h.currency}
    return Statement(
        format=StatementFormat.CAMT053,
        sha256=statement_sha256(content),
        statement_id=ids[0][:35] if ids else None,
        statement_date=max(days or created, default=None),
        currencies=frozenset(currencies | {line.amount.currency for line in reader.lines}),
        lines=tuple(reader.lines),
    )
