"""The database keeps the ledger's invariants on its own, whoever writes the rows.

Python and ``ledger_apply`` check entries before writing, but a script, a migration or a bug
could write rows directly. These tests bypass the application with raw SQL and show that
PostgreSQL still refuses an unbalanced entry (deferred trigger at COMMIT), a change to history
(append-only triggers), a second outcome for one reservation (unique index) and a flagged
account going below zero (CHECK constraint).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import psycopg
import pytest
import sqlalchemy as sa

from paysetu.db import migrate
from paysetu.ledger.usecases.service import LedgerService
from tests.integration.ledger_builders import CAPPED, CASH, FUNDED, WALLET, open_chart, snapshot

pytestmark = pytest.mark.postgres
NOW = datetime(2026, 4, 1, 12, 0, tzinfo=UTC)
CHECK_VIOLATION, UNIQUE_VIOLATION, APPEND_ONLY = "23514", "23505", "PSL02"
FOREIGN_KEY_VIOLATION = "23503"


@pytest.fixture
def chart(ledger: LedgerService) -> LedgerService:
    open_chart(ledger)
    return ledger


def sqlstate(error: BaseException) -> str | None:
    assert isinstance(error, sa.exc.DBAPIError), error
    assert isinstance(error.orig, psycopg.Error), error.orig
    return error.orig.sqlstate


@contextmanager
def refused_with(state: str) -> Iterator[pytest.ExceptionInfo[sa.exc.DBAPIError]]:
    with pytest.raises(sa.exc.DBAPIError) as error:
        yield error
    assert sqlstate(error.value) == state


@contextmanager
def refused_by(state: str, constraint: str) -> Iterator[None]:
    """Refused with SQLSTATE ``state``, naming ``constraint`` (a CHECK, a domain's check, or a
    rule a trigger enforces under the name it had as a constraint)."""
    with refused_with(state) as error:
        yield
    orig: Any = error.value.orig
    assert orig.diag.constraint_name == constraint


def insert_entry(
    connection: sa.Connection,
    entry_id: str,
    postings: list[tuple[str, str, int, str]],
    kind: str = "single_phase",
    pending_id: str | None = None,
    pending: bool = False,
) -> None:
    connection.execute(sa.text(
        "INSERT INTO ledger_entries (id, kind, pending_id, created_at)"
        " VALUES (:id, :kind, :pending_id, :now)"
    ), {"id": entry_id, "kind": kind, "pending_id": pending_id, "now": NOW})
    for account_id, direction, amount, currency in postings:
        connection.execute(sa.text(
            "INSERT INTO ledger_postings"
            " (entry_id, account_id, direction, amount_minor, currency, pending, created_at)"
            " VALUES (:entry, :account, :direction, :amount, :currency, :pending, :now)"
        ), {"entry": entry_id, "account": account_id, "direction": direction, "amount": amount,
            "currency": currency, "pending": pending, "now": NOW})


def entry_exists(engine: sa.Engine, entry_id: str) -> bool:
    with engine.connect() as connection:
        count = connection.execute(
            sa.text("SELECT count(*) FROM ledger_entries WHERE id = :id"), {"id": entry_id}
        ).scalar_one()
    return bool(count == 1)


def test_migrations_created_the_schema_at_head(engine: sa.Engine) -> None:
    head = migrate.head_revision()
    assert head is not None
    assert migrate.current_revision(engine) == head
    with engine.connect() as connection:
        versions = connection.execute(sa.text("SELECT version_num FROM alembic_version")).all()
        tables = set(connection.execute(sa.text(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        )).scalars())
        functions = set(connection.execute(sa.text(
            "SELECT proname FROM pg_proc WHERE proname LIKE 'ledger_%'"
        )).scalars())
        deferred = set(connection.execute(sa.text(
            "SELECT tgname FROM pg_trigger WHERE tgdeferrable AND tginitdeferred"
        )).scalars())
    assert [tuple(v) for v in versions] == [(head,)]
    assert {"alembic_version", "ledger_accounts", "ledger_account_events", "ledger_entries",
            "ledger_postings"} <= tables
    assert {"ledger_apply", "ledger_expire", "ledger_check_entries"} <= functions
    assert "ledger_entries_balanced" in deferred  # the COMMIT-time balance check
    migrate.upgrade(engine)  # already at head: a no-op
    assert migrate.current_revision(engine) == head


def test_a_balanced_raw_entry_commits(chart: LedgerService, engine: sa.Engine) -> None:
    with engine.begin() as connection:
        insert_entry(connection, "je_raw", [(WALLET, "debit", 10, "INR"),
                                            (CASH, "credit", 10, "INR")])
    assert entry_exists(engine, "je_raw")


@pytest.mark.parametrize(
    "postings",
    [
        [(WALLET, "debit", 100, "INR"), (CASH, "credit", 90, "INR")],
        [(WALLET, "debit", 100, "INR"), (CASH, "credit", 100, "JPY")],  # balances only in sum
        [(WALLET, "debit", 100, "INR")],
        [],
    ],
    ids=["unbalanced", "balanced_across_currencies_only", "one_posting", "no_posting"],
)
def test_the_deferred_trigger_refuses_a_bad_entry_at_commit(
    chart: LedgerService, engine: sa.Engine, postings: list[tuple[str, str, int, str]]
) -> None:
    before = snapshot(engine)
    with engine.connect() as connection:
        transaction = connection.begin()
        insert_entry(connection, "je_raw", postings)  # accepted until COMMIT...
        with refused_with(CHECK_VIOLATION):
            transaction.commit()  # ...where the constraint trigger checks the entry
    assert not entry_exists(engine, "je_raw")
    assert snapshot(engine) == before


def test_the_trigger_also_catches_ledger_apply_called_directly(
    chart: LedgerService, engine: sa.Engine
) -> None:
    """``ledger_apply`` trusts Python to have checked the balance; the trigger does not."""
    document = [{"id": "je_raw", "kind": "single_phase", "metadata": {}, "postings": [
        {"a": WALLET, "d": "debit", "m": 100, "c": "INR"},
        {"a": CASH, "d": "credit", "m": 1, "c": "INR"},
    ]}]
    before = snapshot(engine)
    with engine.connect() as connection:
        transaction = connection.begin()
        connection.execute(sa.text("SELECT * FROM ledger_apply(CAST(:doc AS jsonb), :now)"),
                           {"doc": json.dumps(document), "now": NOW}).all()
        with refused_with(CHECK_VIOLATION):
            transaction.commit()
    assert snapshot(engine) == before


def test_a_void_that_moves_money_is_refused(chart: LedgerService, engine: sa.Engine) -> None:
    with engine.begin() as connection:
        insert_entry(connection, "je_hold", [(WALLET, "debit", 10, "INR"),
                                             (CASH, "credit", 10, "INR")],
                     kind="pending", pending=True)
    with engine.connect() as connection:
        transaction = connection.begin()
        insert_entry(connection, "je_void", [(WALLET, "debit", 10, "INR"),
                                             (CASH, "credit", 10, "INR")],
                     kind="void_pending", pending_id="je_hold")
        with refused_with(CHECK_VIOLATION):
            transaction.commit()
    assert not entry_exists(engine, "je_void")


def test_a_posting_amount_must_not_be_negative(chart: LedgerService, engine: sa.Engine) -> None:
    """0 is allowed since migration 0021 (TigerBeetle's zero transfers); below 0 never."""
    with engine.connect() as connection, connection.begin(), refused_with(CHECK_VIOLATION):
        insert_entry(connection, "je_raw", [(WALLET, "debit", -1, "INR"),
                                            (CASH, "credit", -1, "INR")])


def test_an_entry_of_one_posting_of_0_is_refused_at_commit(
    chart: LedgerService, engine: sa.Engine
) -> None:
    """A single posting of 0 balances; the COMMIT check still wants two postings."""
    with engine.connect() as connection:
        transaction = connection.begin()
        insert_entry(connection, "je_raw", [(WALLET, "debit", 0, "INR")])
        with refused_with(CHECK_VIOLATION):
            transaction.commit()
    assert not entry_exists(engine, "je_raw")


@pytest.mark.parametrize(
    ("entry_id", "account_id", "constraint"),
    [
        ("je_raw", "acct_nowhere", "ledger_postings_account_id_fkey"),
        ("je_nowhere", WALLET, "ledger_postings_entry_id_fkey"),
    ],
)
def test_a_posting_needs_its_entry_and_its_account(
    chart: LedgerService, engine: sa.Engine, entry_id: str, account_id: str, constraint: str
) -> None:
    """Checked set-based at the end of the statement (0014), with the foreign keys' names."""
    before = snapshot(engine)
    with engine.connect() as connection, connection.begin():
        connection.execute(sa.text(
            "INSERT INTO ledger_entries (id, kind, created_at)"
            " VALUES ('je_raw', 'single_phase', :now)"
        ), {"now": NOW})
        with refused_by(FOREIGN_KEY_VIOLATION, constraint):
            connection.execute(sa.text(
                "INSERT INTO ledger_postings"
                " (entry_id, account_id, direction, amount_minor, currency, pending, created_at)"
                " VALUES (:entry, :account, 'debit', 5, 'INR', false, :now),"
                " ('je_raw', :cash, 'credit', 5, 'INR', false, :now)"
            ), {"entry": entry_id, "account": account_id, "cash": CASH, "now": NOW})
    assert snapshot(engine) == before


@pytest.mark.parametrize(
    ("columns", "values", "constraint"),
    [
        ("kind, pending_id", "'single_phase', 'je_fund'", "ledger_entries_outcome_has_pending"),
        ("kind", "'post_pending'", "ledger_entries_outcome_has_pending"),
        ("kind, timeout_s", "'single_phase', 30", "ledger_entries_timeout_only_pending"),
        ("kind, reverses_id", "'pending', 'je_fund'", "ledger_entries_reversal_is_single_phase"),
        ("kind, timeout_s", "'pending', 0", "ledger_timeout_positive"),
        ("kind, amount_requested", "'single_phase', -1", "ledger_amount_not_negative"),
        ("kind, closing_debit", "'single_phase', true", "ledger_entries_closing_is_pending"),
    ],
)
def test_an_entry_row_keeps_the_rules_across_its_columns(
    chart: LedgerService, engine: sa.Engine, columns: str, values: str, constraint: str
) -> None:
    before = snapshot(engine)
    with (engine.connect() as connection, connection.begin(),
          refused_by(CHECK_VIOLATION, constraint)):
        connection.execute(sa.text(
            f"INSERT INTO ledger_entries (id, {columns}, created_at)"
            f" VALUES ('je_raw', {values}, :now)"
        ), {"now": NOW})
    assert snapshot(engine) == before


@pytest.mark.parametrize(
    "statement",
    [
        f"DELETE FROM ledger_accounts WHERE id = '{CASH}'",
        "TRUNCATE ledger_accounts CASCADE",
        f"UPDATE ledger_accounts SET id = 'acct_renamed' WHERE id = '{WALLET}'",
    ],
)
def test_an_account_is_never_deleted_or_re_keyed(
    chart: LedgerService, engine: sa.Engine, statement: str
) -> None:
    """Postings point at accounts by id; closing is how an account ends."""
    before = snapshot(engine)
    with engine.connect() as connection, connection.begin(), refused_with(APPEND_ONLY):
        connection.execute(sa.text(statement))
    assert snapshot(engine) == before


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE ledger_entries SET metadata = '{\"k\": \"v\"}'",
        "DELETE FROM ledger_entries WHERE id = 'je_fund'",
        "TRUNCATE ledger_entries CASCADE",
        "UPDATE ledger_postings SET amount_minor = amount_minor + 1",
        "DELETE FROM ledger_postings",
        "TRUNCATE ledger_postings",
        "UPDATE ledger_account_events SET reason = 'rewritten'",
        "DELETE FROM ledger_account_events",
        "TRUNCATE ledger_account_events",
    ],
)
def test_history_is_append_only(chart: LedgerService, engine: sa.Engine, statement: str) -> None:
    before = snapshot(engine)
    with engine.connect() as connection, connection.begin(), refused_with(APPEND_ONLY):
        connection.execute(sa.text(statement))
    assert snapshot(engine) == before


def test_one_reservation_has_one_outcome(chart: LedgerService, engine: sa.Engine) -> None:
    with engine.begin() as connection:
        insert_entry(connection, "je_hold", [(WALLET, "debit", 10, "INR"),
                                             (CASH, "credit", 10, "INR")],
                     kind="pending", pending=True)
        insert_entry(connection, "je_void", [], kind="void_pending", pending_id="je_hold")
    for kind in ("void_pending", "expire_pending"):
        with engine.connect() as connection, connection.begin(), refused_with(UNIQUE_VIOLATION):
            insert_entry(connection, "je_again", [], kind=kind, pending_id="je_hold")
    assert not entry_exists(engine, "je_again")


def test_one_entry_has_one_reversal(chart: LedgerService, engine: sa.Engine) -> None:
    chart.reverse("je_fund", "je_rev", {})
    with engine.connect() as connection, connection.begin(), refused_with(UNIQUE_VIOLATION):
        connection.execute(sa.text(
            "INSERT INTO ledger_entries (id, kind, reverses_id, created_at)"
            " VALUES ('je_rev2', 'single_phase', 'je_fund', :now)"
        ), {"now": NOW})


@pytest.mark.parametrize(
    ("account_id", "assignment", "constraint"),
    [
        (WALLET, "debits_posted = credits_posted + 1", "ledger_accounts_debits_within_credits"),
        (WALLET, "debits_pending = credits_posted - debits_posted + 1",
         "ledger_accounts_debits_within_credits"),
        (WALLET, "debits_posted = credits_posted, credits_posted = credits_posted - 1",
         "ledger_accounts_debits_within_credits"),
        (CAPPED, "credits_posted = debits_posted + 1", "ledger_accounts_credits_within_debits"),
        (CASH, "debits_posted = -1", "ledger_balance_not_negative"),
        (CASH, "debits_must_not_exceed_credits = true", "ledger_accounts_debits_within_credits"),
        (CAPPED, "debits_must_not_exceed_credits = true", "ledger_accounts_flags_exclusive"),
    ],
)
def test_a_flagged_account_cannot_break_its_limit_even_by_raw_update(
    chart: LedgerService, engine: sa.Engine, account_id: str, assignment: str, constraint: str
) -> None:
    before = snapshot(engine)
    with (engine.connect() as connection, connection.begin(),
          refused_by(CHECK_VIOLATION, constraint)):
        connection.execute(sa.text(
            f"UPDATE ledger_accounts SET {assignment} WHERE id = :id"
        ), {"id": account_id})
    assert snapshot(engine) == before
    assert chart.get_account(WALLET).balance.credits_posted == FUNDED
