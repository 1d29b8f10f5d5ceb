"""A connection's ledger plans stay index lookups while the tables grow under them (0034).

PL/pgSQL plans each statement of a function once per connection and keeps the plan. Planned
against a nearly empty, analyzed ledger (a new deployment, a bench's fresh database), the
trigger probes and the account lock were sequential scans, and stayed so while the tables grew:
on one connection a transfer went from 0.8 ms to 2.5 ms while 13,500 entries were added.

The test makes the first transfer on a connection whose ledger tables were just analyzed
nearly empty, grows them by thousands of entries, and reads the plans of the next transfer
(``auto_explain``, every nested statement, sent to the client as notices). A second test reads
the catalog: every entry point still carries the setting (a later ``CREATE OR REPLACE`` without
it would drop it).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import psycopg
import pytest
import sqlalchemy as sa

from paysetu.ledger.usecases.service import LedgerService
from tests.integration.ledger_builders import CASH, SHOP, move, open_chart

pytestmark = pytest.mark.postgres
GROWTH_BATCHES, BATCH = 3, 2_000
"""Entries added between the first transfer and the explained one (two postings each)."""
SEQUENTIAL_SCAN = re.compile(r"Seq Scan on (ledger_\w+)")
PLANNED_BY_INDEX = ("ledger_apply", "ledger_expire", "ledger_check_new_entries",
                    "ledger_check_new_postings", "ledger_check_queued_entries")
"""The application's two entry points and the three triggers (0034)."""


def _plans_of(engine: sa.Engine, action: Callable[[], object]) -> list[str]:
    """The plan of every statement ``action`` runs on the engine's (only) pooled connection."""
    plans: list[str] = []

    def noted(diagnostic: psycopg.errors.Diagnostic) -> None:
        plans.append(diagnostic.message_primary or "")

    with engine.connect() as connection:
        driver = connection.connection.dbapi_connection
        assert isinstance(driver, psycopg.Connection)
        for setting in ("LOAD 'auto_explain'", "SET auto_explain.log_min_duration = 0",
                        "SET auto_explain.log_nested_statements = on",
                        "SET auto_explain.log_level = notice"):
            connection.exec_driver_sql(setting)
        connection.commit()
        driver.add_notice_handler(noted)
    try:
        action()
    finally:
        driver.remove_notice_handler(noted)
    return plans


def test_a_transfer_looks_rows_up_by_index_after_the_tables_grew(
    engine: sa.Engine, ledger: LedgerService
) -> None:
    # Nothing here runs concurrently: the pool hands every call the one connection it opened,
    # so the explained transfer runs on the connection whose plans the first one cached.
    open_chart(ledger)
    with engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE ledger_accounts, ledger_entries, ledger_postings")
    ledger.apply([move("je_first", CASH, SHOP, 1)])  # planned against one page each
    for batch in range(GROWTH_BATCHES):
        ledger.apply([move(f"je_{batch}_{n}", CASH, SHOP, 1) for n in range(BATCH)])

    plans = _plans_of(engine, lambda: ledger.apply([move("je_last", CASH, SHOP, 1)]))

    assert any("ledger_postings" in plan for plan in plans), "the triggers' plans were read"
    scanned = sorted({m.group(1) for plan in plans for m in SEQUENTIAL_SCAN.finditer(plan)})
    assert scanned == []
    with engine.connect() as connection:
        stored = connection.execute(sa.text("SELECT count(*) FROM ledger_entries")).scalar()
    assert stored == 2 + GROWTH_BATCHES * BATCH + 1  # the funding, first, batches, last


def test_every_entry_point_keeps_its_setting(engine: sa.Engine) -> None:
    """A later ``CREATE OR REPLACE FUNCTION`` without the ``SET`` clause would drop it."""
    with engine.connect() as connection:
        rows = connection.execute(sa.text(
            "SELECT proname, proconfig FROM pg_proc WHERE proname = ANY(:names)"),
            {"names": list(PLANNED_BY_INDEX)}).all()
    settings: dict[str, list[str] | None] = {row.proname: row.proconfig for row in rows}
    assert len(rows) == len(PLANNED_BY_INDEX)  # one function of each name, none missing
    assert {name: "enable_seqscan=off" in (config or []) for name, config in settings.items()} \
        == dict.fromkeys(PLANNED_BY_INDEX, True)
