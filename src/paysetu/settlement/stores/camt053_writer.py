"""Write an ISO 20022 camt.053.001.08 statement: for tests, demos and bank simulators.

A bank writes camt.053, paysetu reads it; this writer produces what a bank would send for a
set of booked transfers, one ``Stmt`` per currency (an account per currency), each transfer an
``Ntry`` with one ``TxDtls`` echoing the payout's end-to-end id. The output validates against
the official camt.053.001.08 schema (checked in the tests).

:func:`statement_for_payouts` is the demo's bank: it books every payout it is given, with the
amount of one of them off by 1.00 (one major unit) when asked, so that a first reconciliation
shows both a match and a mismatch.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from xml.etree.ElementTree import Element, SubElement, indent, tostring

from paysetu.kernel.money import Money, currency_exponent
from paysetu.settlement.rules.reconciliation import PayoutRef
from paysetu.settlement.rules.statements import Direction

NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"
USTRD_LENGTH_MAX = 140


@dataclass(frozen=True, slots=True)
class BookedTransfer:
    """One transfer as the bank booked it.

    Attributes:
        end_to_end_id: The id the payer gave the transfer (None: ``NOTPROVIDED``).
        amount: Positive amount.
        direction: Debit (money left the account) or credit.
        booking_date: The day it was booked.
        description: Unstructured remittance information (cut to 140 characters).
    """

    end_to_end_id: str | None
    amount: Money
    direction: Direction
    booking_date: date
    description: str = ""


def _text(parent: Element, tag: str, text: str) -> Element:
    element = SubElement(parent, tag)
    element.text = text
    return element


def _decimal(amount: Money) -> str:
    return format(amount.to_decimal(), f".{currency_exponent(amount.currency)}f")


def _amount(parent: Element, amount: Money) -> None:
    _text(parent, "Amt", _decimal(amount)).set("Ccy", amount.currency)


def _indicator(direction: Direction) -> str:
    return "DBIT" if direction is Direction.DEBIT else "CRDT"


def _balance(stmt: Element, code: str, amount: Money, on: date) -> None:
    balance = SubElement(stmt, "Bal")
    _text(SubElement(SubElement(balance, "Tp"), "CdOrPrtry"), "Cd", code)
    _amount(balance, Money(abs(amount.amount_minor), amount.currency))
    _text(balance, "CdtDbtInd", "DBIT" if amount.amount_minor < 0 else "CRDT")
    _text(SubElement(balance, "Dt"), "Dt", on.isoformat())


def _entry(stmt: Element, transfer: BookedTransfer) -> None:
    entry = SubElement(stmt, "Ntry")
    _amount(entry, transfer.amount)
    _text(entry, "CdtDbtInd", _indicator(transfer.direction))
    _text(SubElement(entry, "Sts"), "Cd", "BOOK")
    _text(SubElement(entry, "BookgDt"), "Dt", transfer.booking_date.isoformat())
    _text(SubElement(entry, "ValDt"), "Dt", transfer.booking_date.isoformat())
    domain = SubElement(SubElement(entry, "BkTxCd"), "Domn")
    _text(domain, "Cd", "PMNT")
    family = SubElement(domain, "Fmly")
    _text(family, "Cd", "ICDT" if transfer.direction is Direction.DEBIT else "RCDT")
    _text(family, "SubFmlyCd", "DMCT")
    details = SubElement(SubElement(entry, "NtryDtls"), "TxDtls")
    _text(SubElement(details, "Refs"), "EndToEndId", transfer.end_to_end_id or "NOTPROVIDED")
    _amount(details, transfer.amount)
    _text(details, "CdtDbtInd", _indicator(transfer.direction))
    if transfer.description:
        _text(SubElement(details, "RmtInf"), "Ustrd", transfer.description[:USTRD_LENGTH_MAX])


def _statement(
    document: Element, statement_id: str, created_at: datetime, account: str, currency: str,
    transfers: Sequence[BookedTransfer],
) -> None:
    stmt = SubElement(document, "Stmt")
    _text(stmt, "Id", f"{statement_id}-{currency}"[:35])
    _text(stmt, "CreDtTm", created_at.isoformat(timespec="seconds"))
    days = [t.booking_date for t in transfers] or [created_at.date()]
    period = SubElement(stmt, "FrToDt")
    _text(period, "FrDtTm", f"{min(days).isoformat()}T00:00:00")
    _text(period, "ToDtTm", f"{max(days).isoformat()}T23:59:59")
    acct = SubElement(stmt, "Acct")
    _text(SubElement(SubElement(acct, "Id"), "Othr"), "Id", account[:34])
    _text(acct, "Ccy", currency)
    debits = sum(t.amount.amount_minor for t in transfers if t.direction is Direction.DEBIT)
    credits = sum(t.amount.amount_minor for t in transfers if t.direction is Direction.CREDIT)
    _balance(stmt, "OPBD", Money(debits, currency), min(days))
    _balance(stmt, "CLBD", Money(credits, currency), max(days))
    for transfer in transfers:
        _entry(stmt, transfer)


def write_camt053(
    statement_id: str, created_at: datetime, account: str, transfers: Sequence[BookedTransfer]
) -> bytes:
    """The camt.053.001.08 document (UTF-8 bytes with an XML declaration).

    The opening balance is what the debits need, so the closing balance is the credits.
    """
    document = Element("Document", {"xmlns": NAMESPACE})
    statement = SubElement(document, "BkToCstmrStmt")
    header = SubElement(statement, "GrpHdr")
    _text(header, "MsgId", statement_id[:35])
    _text(header, "CreDtTm", created_at.isoformat(timespec="seconds"))
    for currency in sorted({t.amount.currency for t in transfers}):
        same = [t for t in transfers if t.amount.currency == currency]
        _statement(statement, statement_id, created_at, account, currency, same)
    indent(document)
    declared: bytes = tostring(document, encoding="utf-8", xml_declaration=True)
    return declared + b"\n"


def statement_for_payouts(
    payouts: Sequence[PayoutRef],
    created_at: datetime,
    *,
    account: str = "PAYSETU-SETTLEMENT",
    off_by_one: str | None = None,
) -> bytes:
    """A bank's camt.053 booking every payout on its creation day, as a debit.

    ``off_by_one`` names a payout (by id) whose booked amount is 1.00 (one major unit) more
    than was instructed: the deliberate mismatch of the demo statement.
    """
    transfers = []
    for payout in payouts:
        amount = payout.amount
        if payout.id == off_by_one:
            amount += Money(10 ** currency_exponent(amount.currency), amount.currency)
        transfers.append(BookedTransfer(
            payout.end_to_end_id, amount, Direction.DEBIT, payout.created_on,
            f"Settlement payout {payout.id}",
        ))
    statement_id = f"STMT-{created_at:%Y%m%d%H%M%S}"
    return write_camt053(statement_id, created_at, account, transfers)
