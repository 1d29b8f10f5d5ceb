"""Small builders shared by the ledger's integration tests: a chart of accounts, entries in one
line, and a snapshot of everything the database holds to prove a refusal changed nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import sqlalchemy as sa

from paysetu.ledger.rules.audit import AuditReport
from paysetu.ledger.rules.entries import (
    AccountKind,
    Direction,
    EntryRequest,
    NewAccount,
    NewEntry,
    Posting,
)
from paysetu.ledger.rules.errors import CreateEntryStatus, EntryRejected
from paysetu.ledger.stores.audit_store import run_audit
from paysetu.ledger.usecases.service import LedgerService

CASH = "acct_cash"  # asset, no limit: the outside world's money comes from here
WALLET = "acct_wallet"  # liability, debits_must_not_exceed_credits: cannot go below zero
SHOP = "acct_shop"  # liability, debits_must_not_exceed_credits
CAPPED = "acct_capped"  # asset, credits_must_not_exceed_debits
YEN = "acct_yen"  # asset in JPY
FUNDED = 1_000
"""What :func:`open_chart` puts in the wallet."""


def open_chart(ledger: LedgerService) -> None:
    """Open the accounts above and fund the wallet with :data:`FUNDED` from cash."""
    ledger.create_accounts([
        NewAccount(CASH, "INR", AccountKind.ASSET),
        NewAccount(WALLET, "INR", AccountKind.LIABILITY, debits_must_not_exceed_credits=True),
        NewAccount(SHOP, "INR", AccountKind.LIABILITY, debits_must_not_exceed_credits=True),
        NewAccount(CAPPED, "INR", AccountKind.ASSET, credits_must_not_exceed_debits=True),
        NewAccount(YEN, "JPY", AccountKind.ASSET),
    ])
    ledger.apply([move("je_fund", CASH, WALLET, FUNDED)])


def move(
    entry_id: str, debit: str, credit: str, amount: int, currency: str = "INR", **fields: Any
) -> NewEntry:
    """An entry of one debit and one credit of ``amount``."""
    postings = (
        Posting(debit, Direction.DEBIT, amount, currency),
        Posting(credit, Direction.CREDIT, amount, currency),
    )
    return NewEntry(entry_id, postings, **fields)


Snapshot = tuple[list[tuple[Any, ...]], ...]


def snapshot(engine: sa.Engine) -> tuple[Snapshot, AuditReport]:
    """Every stored row of the ledger, plus the audit, for before/after comparisons."""
    tables = ("ledger_accounts", "ledger_entries", "ledger_postings", "ledger_account_events")
    with engine.connect() as connection:
        rows = tuple(
            [tuple(row) for row in connection.execute(sa.text(f"SELECT * FROM {t} ORDER BY id"))]
            for t in tables
        )
    with engine.connect() as connection, connection.begin():
        connection.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        report = run_audit(connection)
    return rows, report


def refused(action: Callable[[], object]) -> EntryRejected:
    """Run ``action``, which must raise :class:`EntryRejected`; return the rejection."""
    with pytest.raises(EntryRejected) as rejection:
        action()
    return rejection.value


def refused_unchanged(
    engine: sa.Engine,
    ledger: LedgerService,
    entries: list[EntryRequest],
    code: CreateEntryStatus,
    param: str | None = None,
) -> EntryRejected:
    """Apply ``entries``, expect ``code`` (and ``param``), and prove nothing was written."""
    before = snapshot(engine)
    rejection = refused(lambda: ledger.apply(entries))
    assert rejection.code is code, rejection
    if param is not None:
        assert rejection.param == param
    after = snapshot(engine)
    assert after == before
    assert after[1].passed, after[1].findings
    return rejection
