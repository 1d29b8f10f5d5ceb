"""The set-based path of plain batches against the entry-by-entry path, on the same batches.

Why: migration 0021 checks and applies plain batches (fresh single-phase entries, single ones
included) set-based with new queries; ``ledger_apply_each`` applies the same batch entry by entry
in order and is the reference for every rule. Each random batch is applied both ways from the
same stored state (the entry-by-entry run is rolled back), and both must agree entry for entry:
the refusal (code, entry, field) or the per-entry results, and every row written (entries,
postings in order, balances). The batches are built to hit every rule the set-based check
decides: ids stored, failed or repeated; accounts missing, closed or in another currency; limits
broken before a later entry restores them (an account both debited and credited in a batch);
64-bit totals; zero amounts. The old check (``ledger_plain_batch_refused``, 0017) must give the
new one's (``ledger_plain_refused``) answer on every batch too.

Migration 0028 writes a single plain entry in one statement and lets the constraints detect a
refusal (then the exact path runs); its own test below sends single entries only, with the
shapes that path must hand over: an account both debited and credited, several postings to
one account, a reservation that brings an account's 64-bit total over the top, keys that make
an entry not plain.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime
from typing import Any

import psycopg
import pytest
import sqlalchemy as sa

from paysetu.ledger.rules.entries import AccountKind, Direction, NewAccount, NewEntry, Posting
from paysetu.ledger.stores.entry_documents import entry_document
from paysetu.ledger.stores.ledger_store import driver_connection
from paysetu.ledger.usecases.service import LedgerService

pytestmark = pytest.mark.postgres
NOW = datetime(2026, 4, 1, 9, 30, tzinfo=UTC)
BATCHES = 160
HUGE = 2**63 - 10


def open_accounts(ledger: LedgerService) -> list[str]:
    """Wallets with little money (limits bite), capped assets, free accounts, one in USD, one
    closed, and one near the 64-bit ceiling."""
    accounts = [NewAccount("acct_source", "INR", AccountKind.ASSET)]
    accounts += [
        NewAccount(
            f"acct_wallet_{n}", "INR", AccountKind.LIABILITY, debits_must_not_exceed_credits=True
        )
        for n in range(4)
    ]
    accounts += [
        NewAccount(
            f"acct_capped_{n}", "INR", AccountKind.ASSET, credits_must_not_exceed_debits=True
        )
        for n in range(2)
    ]
    accounts += [NewAccount(f"acct_free_{n}", "INR", AccountKind.EQUITY) for n in range(2)]
    accounts += [
        NewAccount("acct_dollars", "USD", AccountKind.ASSET),
        NewAccount("acct_shut", "INR", AccountKind.ASSET),
        NewAccount("acct_full", "INR", AccountKind.ASSET),
    ]
    ledger.create_accounts(accounts)
    funding = [
        NewEntry(
            f"je_fund_{n}",
            (
                Posting("acct_source", Direction.DEBIT, 300, "INR"),
                Posting(f"acct_wallet_{n}", Direction.CREDIT, 300, "INR"),
            ),
        )
        for n in range(4)
    ]
    funding += [
        NewEntry(
            f"je_room_{n}",
            (
                Posting(f"acct_capped_{n}", Direction.DEBIT, 200, "INR"),
                Posting("acct_source", Direction.CREDIT, 200, "INR"),
            ),
        )
        for n in range(2)
    ]
    funding.append(
        NewEntry(
            "je_full",
            (
                Posting("acct_full", Direction.DEBIT, HUGE, "INR"),
                Posting("acct_free_0", Direction.CREDIT, HUGE, "INR"),
            ),
        )
    )
    ledger.apply(funding)
    ledger.close_account("acct_shut", "differential test")
    return [a.id for a in accounts] + ["acct_missing"]


def random_batch(
    rng: random.Random, accounts: list[str], serial: list[int], stored: list[str]
) -> list[dict[str, Any]]:
    size = rng.choice([1, 1, 1, 2, 3, 5, 12])
    batch: list[dict[str, Any]] = []
    for _ in range(size):
        serial[0] += 1
        entry_id = f"je_d{serial[0]}"
        roll = rng.random()
        if stored and roll < 0.04:
            entry_id = rng.choice(stored)  # already stored
        elif batch and roll < 0.07:
            entry_id = batch[-1]["id"]  # repeated in the batch
        elif roll < 0.09:
            entry_id = "je_failed_once"  # recorded as failed
        debit, credit = rng.sample(accounts, 2)
        amount = rng.choice([0, 1, 50, 120, 250, 400, HUGE])
        currency = "USD" if rng.random() < 0.03 else "INR"
        entry = NewEntry(
            entry_id,
            (
                Posting(debit, Direction.DEBIT, amount, currency),
                Posting(credit, Direction.CREDIT, amount, currency),
            ),
        )
        batch.append(entry_document(entry))
    return batch


def outcome(driver: psycopg.Connection[Any], function: str, payload: str) -> tuple[Any, ...]:
    """What applying the batch with ``function`` answers and writes, within the transaction."""
    try:
        rows = driver.execute(
            f"SELECT entry_index, replayed FROM {function}(%s::jsonb, %s)", (payload, NOW)
        ).fetchall()
    except psycopg.Error as error:
        driver.rollback()
        diag = error.diag
        return (
            "refused",
            error.sqlstate,
            diag.message_primary,
            diag.message_detail,
            diag.message_hint,
        )
    ids = [doc["id"] for doc in json.loads(payload)]
    written = (
        driver.execute(
            "SELECT id, debits_pending, debits_posted, credits_pending, credits_posted, closed"
            " FROM ledger_accounts ORDER BY id"
        ).fetchall(),
        driver.execute(
            "SELECT id, kind, metadata, code FROM ledger_entries WHERE id = ANY(%s) ORDER BY id",
            (ids,),
        ).fetchall(),
        driver.execute(
            "SELECT entry_id, account_id, direction, amount_minor, currency, pending"
            " FROM ledger_postings WHERE entry_id = ANY(%s) ORDER BY id",
            (ids,),
        ).fetchall(),
    )
    return ("applied", rows, written)


def refused_by_check(driver: psycopg.Connection[Any], function: str, payload: str) -> bool:
    """A plain-batch check's answer on the stored state (after locking, as the path does)."""
    postings = (
        "SELECT array_agg(e.ord::integer - 1) AS e, array_agg(x.ord::integer) AS j,"
        " array_agg(x.a) AS a, array_agg(x.d) AS d, array_agg(x.m) AS m, array_agg(x.c) AS c"
        " FROM jsonb_array_elements(%(p)s::jsonb) WITH ORDINALITY AS e(doc, ord),"
        " ROWS FROM (jsonb_to_recordset(e.doc->'postings') AS (a text, d text, m bigint,"
        " c text)) WITH ORDINALITY AS x(a, d, m, c, ord)"
    )
    ids = "ARRAY(SELECT doc->>'id' FROM jsonb_array_elements(%(p)s::jsonb) AS t(doc))"
    if function == "ledger_plain_refused":
        sql = f"SELECT ledger_plain_refused({ids}, q.e, q.a, q.d, q.m, q.c) FROM ({postings}) q"
    else:
        sql = (
            f"SELECT ledger_plain_batch_refused({ids}, ARRAY(SELECT ROW(u.e, u.j, u.a, u.d,"
            " u.m, u.c)::ledger_posting_input FROM unnest(q.e, q.j, q.a, q.d, q.m, q.c)"
            f" AS u(e, j, a, d, m, c))) FROM ({postings}) q"
        )
    row = driver.execute(sql, {"p": payload}).fetchone()
    assert row is not None
    return bool(row[0])


def test_set_based_path_agrees_with_entry_by_entry_on_random_batches(
    ledger: LedgerService, engine: sa.Engine
) -> None:
    accounts = open_accounts(ledger)
    rng = random.Random(20)  # a fixed workload
    serial = [0]
    stored: list[str] = []
    applied = refused = 0
    with engine.connect() as connection:
        driver = driver_connection(connection)
        driver.commit()  # leave SQLAlchemy's implicit transaction; psycopg drives from here
        driver.execute(
            "INSERT INTO ledger_failed_entries (id, code, failed_at)"
            " VALUES ('je_failed_once', 'exceeds_credits', %s)",
            (NOW,),
        )
        driver.commit()
        for _ in range(BATCHES):
            batch = random_batch(rng, accounts, serial, stored)
            payload = json.dumps(batch)
            old_check = refused_by_check(driver, "ledger_plain_batch_refused", payload)
            new_check = refused_by_check(driver, "ledger_plain_refused", payload)
            assert new_check == old_check, payload
            driver.rollback()
            each = outcome(driver, "ledger_apply_each", payload)
            driver.rollback()
            together = outcome(driver, "ledger_apply", payload)
            assert together == each, payload
            if together[0] == "applied":
                driver.commit()
                stored += [doc["id"] for doc in batch]
                applied += 1
            else:
                refused += 1
    # the random batches exercised both outcomes, and the ledger still audits clean
    assert applied > 20, (applied, refused)
    assert refused > 20, (applied, refused)
    assert ledger.audit().passed


def random_single(
    rng: random.Random, accounts: list[str], serial: list[int], stored: list[str]
) -> dict[str, Any]:
    """One entry document, valid or not, in shapes NewEntry alone would not build."""
    doc = random_batch(rng, accounts, serial, stored)[0]
    roll = rng.random()
    postings = doc["postings"]
    if roll < 0.1:  # one account on both sides (NewEntry refuses it; the SQL must too)
        postings[1]["a"] = postings[0]["a"]
    elif roll < 0.2:  # three postings, two debits from one account
        half = postings[0]["m"] // 2
        postings[0]["m"] -= half
        postings.insert(1, {**postings[0], "m": half})
    elif roll < 0.25:  # not plain: the exact path applies it
        doc["timeout_s"] = 60
    elif roll < 0.3:
        doc["code"] = rng.choice([7, 0])
    return doc


def test_single_entry_path_agrees_with_entry_by_entry(
    ledger: LedgerService, engine: sa.Engine
) -> None:
    accounts = open_accounts(ledger)
    # A reservation on acct_full: its pending debits plus posted ones now near the 64-bit top.
    ledger.apply(
        [
            NewEntry(
                "je_reserve_full",
                (
                    Posting("acct_full", Direction.DEBIT, 5, "INR"),
                    Posting("acct_free_1", Direction.CREDIT, 5, "INR"),
                ),
                pending=True,
            )
        ]
    )
    rng = random.Random(28)
    serial = [0]
    stored: list[str] = []
    outcomes: set[str] = set()
    with engine.connect() as connection:
        driver = driver_connection(connection)
        driver.commit()
        driver.execute(
            "INSERT INTO ledger_failed_entries (id, code, failed_at)"
            " VALUES ('je_failed_once', 'exceeds_credits', %s)",
            (NOW,),
        )
        driver.commit()
        for _ in range(120):
            doc = random_single(rng, accounts, serial, stored)
            payload = json.dumps([doc])
            each = outcome(driver, "ledger_apply_each", payload)
            driver.rollback()
            together = outcome(driver, "ledger_apply", payload)
            assert together == each, payload
            outcomes.add(str(together[0]) if together[0] == "applied" else str(together[2]))
            if together[0] == "applied":
                driver.commit()
                stored.append(doc["id"])
            else:
                driver.rollback()
    # applied, and refused for reasons the constraints detect and for the others
    assert {
        "applied",
        "id_already_failed",
        "exists_with_different_postings",
        "debit_account_not_found",
        "credit_account_already_closed",
        "currency_must_match_account",
        "exceeds_credits",
        "overflows_debits",
    } <= outcomes, outcomes
    assert ledger.audit().passed
