"""Queued writes (paysetu.db.deferred) keep a transaction's meaning: a read sees them, a
savepoint rolled back drops them, a rollback drops them, a failing one fails the transaction;
reads queued ahead see the writes queued before them and serve only the get that follows.

Events are the writes queued here: an event without a merchant needs no other row.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.db.deferred import DeferredWrites, ReadAhead
from paysetu.db.engine import create_engine
from paysetu.events.rules.events import Event
from paysetu.ledger.rules.entries import Direction, NewEntry, Posting

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)


def _event(event_id: str, merchant_id: str | None = None) -> Event:
    return Event(event_id, merchant_id, "payment.created", {"object": {"id": "pay_x"}}, NOW)


def _stored(engine: sa.Engine, event_id: str) -> bool:
    with PostgresUnitOfWork(engine) as uow:
        return uow.events.get(event_id) is not None


def test_a_read_in_the_same_transaction_sees_a_queued_write(engine: sa.Engine) -> None:
    with PostgresUnitOfWork(engine) as uow:
        uow.events.insert_with_deliveries(_event("evt_read"), "whd_")
        found = uow.events.get("evt_read")
        uow.commit()
    assert found is not None
    assert found.type == "payment.created"
    assert _stored(engine, "evt_read")


def test_queued_writes_are_committed_with_the_commit(engine: sa.Engine) -> None:
    with PostgresUnitOfWork(engine) as uow:
        uow.events.insert_with_deliveries(_event("evt_first"), "whd_")
        uow.events.insert_with_deliveries(_event("evt_second"), "whd_")
        uow.commit()
    assert _stored(engine, "evt_first")
    assert _stored(engine, "evt_second")


def test_leaving_without_commit_drops_the_queue(engine: sa.Engine) -> None:
    with PostgresUnitOfWork(engine) as uow:
        uow.events.insert_with_deliveries(_event("evt_dropped"), "whd_")
    assert not _stored(engine, "evt_dropped")
    with PostgresUnitOfWork(engine) as uow:  # the pooled connection carries nothing over
        uow.events.insert_with_deliveries(_event("evt_next"), "whd_")
        uow.commit()
    assert _stored(engine, "evt_next")
    assert not _stored(engine, "evt_dropped")


def _refused_inside(uow: PostgresUnitOfWork) -> None:
    with uow.savepoint():
        uow.events.insert_with_deliveries(_event("evt_inside"), "whd_")
        raise LookupError("refused")


def _refused_after_a_read(uow: PostgresUnitOfWork) -> None:
    with uow.savepoint():
        uow.events.insert_with_deliveries(_event("evt_sent"), "whd_")
        assert uow.events.get("evt_sent") is not None  # the savepoint and the write went out
        uow.events.insert_with_deliveries(_event("evt_queued"), "whd_")
        raise LookupError("refused")


def test_a_savepoint_that_reached_the_server_is_rolled_back_there(engine: sa.Engine) -> None:
    with PostgresUnitOfWork(engine) as uow:
        uow.events.insert_with_deliveries(_event("evt_kept"), "whd_")
        with pytest.raises(LookupError):
            _refused_after_a_read(uow)
        assert uow.events.get("evt_sent") is None
        uow.commit()
    assert _stored(engine, "evt_kept")
    assert not _stored(engine, "evt_sent")
    assert not _stored(engine, "evt_queued")


def _lose_the_connection(engine: sa.Engine) -> None:
    """End every other backend of the test's database, as a crash of the server would."""
    with engine.connect() as killer:
        killer.exec_driver_sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()")


def _lost_inside_a_sent_savepoint(engine: sa.Engine, killer: sa.Engine) -> None:
    with PostgresUnitOfWork(engine) as uow, uow.savepoint():
        uow.events.insert_with_deliveries(_event("evt_lost"), "whd_")
        assert uow.events.get("evt_lost") is not None  # the savepoint went out
        _lose_the_connection(killer)
        uow.events.insert_with_deliveries(_event("evt_never"), "whd_")
        uow.events.get("evt_never")  # sends the queue on the lost connection


def test_a_connection_lost_inside_a_sent_savepoint_raises_its_own_error(
    engine: sa.Engine,
) -> None:
    # The bank check (crashes of PostgreSQL) saw one 500 where the API answers 503: the lost
    # connection's OperationalError was replaced by SQLAlchemy's PendingRollbackError when the
    # savepoint asked the dead connection to roll back to it.
    killer = create_engine(engine.url.render_as_string(hide_password=False), pool_size=1)
    try:
        with pytest.raises(sa.exc.OperationalError):
            _lost_inside_a_sent_savepoint(engine, killer)
    finally:
        killer.dispose()
    assert not _stored(engine, "evt_lost")  # the next unit of work gets a new connection
    assert not _stored(engine, "evt_never")


def test_a_savepoint_rolled_back_drops_what_was_queued_after_it(engine: sa.Engine) -> None:
    with PostgresUnitOfWork(engine) as uow:
        uow.events.insert_with_deliveries(_event("evt_before"), "whd_")
        with pytest.raises(LookupError):
            _refused_inside(uow)
        uow.commit()
    assert _stored(engine, "evt_before")
    assert not _stored(engine, "evt_inside")


def test_a_failing_queued_write_fails_the_commit_and_nothing_is_kept(engine: sa.Engine) -> None:
    with PostgresUnitOfWork(engine) as uow:
        uow.events.insert_with_deliveries(_event("evt_kept_not"), "whd_")
        uow.events.insert_with_deliveries(_event("evt_orphan", "mer_missing"), "whd_")
        with pytest.raises(sa.exc.IntegrityError):
            uow.commit()  # the writes and the COMMIT went in one pipeline
    assert not _stored(engine, "evt_kept_not")
    assert not _stored(engine, "evt_orphan")
    with PostgresUnitOfWork(engine) as uow:  # the connection went back to the pool usable
        uow.events.insert_with_deliveries(_event("evt_after_commit"), "whd_")
        uow.commit()
    assert _stored(engine, "evt_after_commit")


def test_a_failing_queued_write_fails_the_next_read(engine: sa.Engine) -> None:
    with PostgresUnitOfWork(engine) as uow:
        uow.events.insert_with_deliveries(_event("evt_orphan_read", "mer_missing"), "whd_")
        with pytest.raises(sa.exc.IntegrityError):
            uow.events.get("evt_orphan_read")
    assert not _stored(engine, "evt_orphan_read")


def test_a_failing_queued_write_fails_the_ledger_call_it_travels_with(engine: sa.Engine) -> None:
    entry = NewEntry("je_deferred", (
        Posting("acct_missing_a", Direction.DEBIT, 100, "INR"),
        Posting("acct_missing_b", Direction.CREDIT, 100, "INR"),
    ))
    with PostgresUnitOfWork(engine) as uow:
        uow.events.insert_with_deliveries(_event("evt_before_ledger", "mer_missing"), "whd_")
        with pytest.raises(sa.exc.IntegrityError):
            uow.ledger.apply([entry], NOW)
    # The connection went back to the pool usable, and nothing was kept.
    assert not _stored(engine, "evt_before_ledger")
    with PostgresUnitOfWork(engine) as uow:
        uow.events.insert_with_deliveries(_event("evt_after_ledger"), "whd_")
        uow.commit()
    assert _stored(engine, "evt_after_ledger")


_EVENT_BY_ID = "SELECT id, type FROM events WHERE id = %(id)s"
_INSERT_EVENT = (
    "INSERT INTO events (id, merchant_id, type, data, created_at)"
    " VALUES (%(id)s, NULL, 'payment.created', '{}', now())"
)


def test_reads_ahead_travel_together_and_see_the_writes_queued_before(engine: sa.Engine) -> None:
    with engine.connect() as connection, connection.begin():
        writes = DeferredWrites(connection)
        ahead: ReadAhead[str] = ReadAhead(writes)
        try:
            writes.add(_INSERT_EVENT, {"id": "evt_ahead"})
            ahead.want("queued", _EVENT_BY_ID, {"id": "evt_ahead"})
            ahead.want("missing", _EVENT_BY_ID, {"id": "evt_missing"})
            generation = writes.generation
            found = ahead.take("queued")
            assert writes.generation == generation + 1  # one send carried all three
            assert ahead.take("missing") == []  # the same send: fresh, and nothing found
            assert ahead.take("queued") is None  # handed out once
        finally:
            writes.close()
    assert found is not None
    assert [(row.id, row.type) for row in found] == [("evt_ahead", "payment.created")]


def test_rows_read_ahead_are_not_served_after_another_statement(engine: sa.Engine) -> None:
    with engine.connect() as connection, connection.begin():
        writes = DeferredWrites(connection)
        ahead: ReadAhead[str] = ReadAhead(writes)
        try:
            ahead.want("event", _EVENT_BY_ID, {"id": "evt_later"})
            connection.exec_driver_sql(_INSERT_EVENT, {"id": "evt_later"})  # sends the read
            assert ahead.take("event") is None  # stale: the caller reads for itself
        finally:
            writes.close()


def test_a_dropped_queue_drops_its_reads_ahead(engine: sa.Engine) -> None:
    with engine.connect() as connection, connection.begin():
        writes = DeferredWrites(connection)
        ahead: ReadAhead[str] = ReadAhead(writes)
        try:
            ahead.want("event", _EVENT_BY_ID, {"id": "evt_dropped_read"})
            writes.discard()
            assert ahead.take("event") is None
        finally:
            writes.close()


def test_a_write_still_queued_can_be_replaced_and_one_sent_cannot(engine: sa.Engine) -> None:
    with engine.connect() as connection, connection.begin():
        writes = DeferredWrites(connection)
        try:
            first = writes.add(_INSERT_EVENT, {"id": "evt_first_form"})
            replaced = writes.replace(first, _INSERT_EVENT, {"id": "evt_final_form"})
            assert replaced is not None
            assert writes.replace(first, _INSERT_EVENT, {"id": "evt_stale"}) is None
            writes.flush()
            assert writes.replace(replaced, _INSERT_EVENT, {"id": "evt_too_late"}) is None
            stored = {row.id for row in connection.exec_driver_sql("SELECT id FROM events")}
        finally:
            writes.close()
    assert stored == {"evt_final_form"}

