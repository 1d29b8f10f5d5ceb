"""Read a bank statement file in any supported format: camt.053 (XML) or paysetu's CSV."""

from __future__ import annotations

from pathlib import PurePath

from paysetu.settlement.rules.reconciliation_errors import (
    ReconciliationRejected,
    ReconciliationStatus,
)
from paysetu.settlement.rules.statements import Statement, StatementFormat
from paysetu.settlement.stores.camt053_reader import read_camt053
from paysetu.settlement.stores.statement_csv import read_statement_csv

_BY_SUFFIX = {".xml": StatementFormat.CAMT053, ".csv": StatementFormat.CSV}


def statement_format(text: str, param: str = "format") -> StatementFormat:
    """``camt053`` or ``csv`` (case-insensitive), else ``statement_format_unknown``."""
    try:
        return StatementFormat(text.strip().lower())
    except ValueError:
        raise ReconciliationRejected(
            ReconciliationStatus.STATEMENT_FORMAT_UNKNOWN,
            f"{text[:40]!r} is not a statement format: use camt053 or csv.",
            param,
        ) from None


def format_of_file(name: str) -> StatementFormat:
    """The format a file name suggests (``.xml``: camt053, ``.csv``: csv)."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in _BY_SUFFIX:
        raise ReconciliationRejected(
            ReconciliationStatus.STATEMENT_FORMAT_UNKNOWN,
            f"cannot tell the format of {PurePath(name).name!r}: pass --format camt053 or csv.",
            "format",
        )
    return _BY_SUFFIX[suffix]


def read_statement(content: bytes, format: StatementFormat) -> Statement:
    """Parse and check ``content``; raises ``StatementRejected`` listing every problem."""
    if format is StatementFormat.CAMT053:
        return read_camt053(content)
    return read_statement_csv(content)
