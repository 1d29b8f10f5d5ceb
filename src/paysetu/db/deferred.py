"""Writes whose outcome nobody reads at once, sent with the next statement that needs an answer.

A payment writes its row, its events and their webhook deliveries, then moves the money: four
statements whose only answer is "done", each a round trip of its own, before the ledger call.
A unit of work queues such writes here instead; they go to the server in psycopg's pipeline
mode, in order, in the same round trip as the next statement whose result is needed:

- the ledger call (:meth:`DeferredWrites.sending` wraps it): writes and that statement travel
  together;
- the unit of work's commit (:meth:`DeferredWrites.commit`): the queue and the ``COMMIT`` in
  one round trip. A write failing there aborts the server's transaction before the ``COMMIT``
  runs (the pipeline skips it), psycopg raises, and the unit of work rolls back as after any
  failed statement;
- any other statement on the connection (a read through SQLAlchemy, a savepoint, a release):
  the queue is sent first (one round trip for all of it), through a ``before_cursor_execute``
  hook installed once per engine; code that talks to psycopg directly on a unit of work's
  connection sends the queue first (:meth:`DeferredWrites.sending`, as the ledger call does);
- a read can be queued too (:meth:`DeferredWrites.read_ahead`): a use case that knows the
  rows it will need (a payment's merchant, wallet and mandate) asks for them all first, and
  they travel in one round trip when the first of them is needed;
- a savepoint is queued too (:meth:`DeferredWrites.savepoint`, no ``RELEASE``: ``COMMIT``
  releases it); rolling back to it drops what was queued after it, and only when it has
  already reached the server (on a connection still alive) sends ``ROLLBACK TO SAVEPOINT``;
  a rollback of the whole transaction drops the queue.

Nothing changes for the database: the same statements run in the same order in the same
transaction. What changes is when a failing write reports: with the next statement that is
sent (as a deferred constraint does at ``COMMIT``) rather than at its own call. Only writes
whose failure is a bug (a foreign key, a check) may be queued, never one whose refusal a use
case handles.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

import psycopg
import sqlalchemy as sa
from psycopg.rows import namedtuple_row

_INFO_KEY = "paysetu_deferred_writes"
_hooked: weakref.WeakSet[sa.Engine] = weakref.WeakSet()

K = TypeVar("K")
Receiver = Callable[[list[Any]], None]
"""Takes the rows of a queued read (named tuples: ``row.column`` as with SQLAlchemy rows)."""
Queued = tuple[str, Mapping[str, Any], Receiver | None]
"""A statement waiting in the queue: its text, its parameters, who takes its rows (a read)."""


class DeferredWrites:
    """The queue of one unit of work's connection (psycopg ``%(name)s`` statements)."""

    def __init__(self, connection: sa.Connection) -> None:
        self._connection = connection
        self._queue: list[Queued] = []
        self._sent = 0
        """Statements of this queue that went to the server (positions before the queue's)."""
        self._savepoints = 0
        self.generation = 0
        """Counts the sends to the server: rows read ahead are fresh only in their own."""
        engine = connection.engine
        if engine not in _hooked:
            sa.event.listen(engine, "before_cursor_execute", _before_statement)
            _hooked.add(engine)
        connection.info[_INFO_KEY] = self

    def add(self, statement: str, params: Mapping[str, Any]) -> Queued:
        """Queue a write; the answer names it for :meth:`replace`."""
        queued: Queued = (statement, params, None)
        self._queue.append(queued)
        return queued

    def replace(self, queued: Queued, statement: str, params: Mapping[str, Any]
                ) -> Queued | None:
        """Put another write in the place of ``queued`` if it is still waiting (not sent, not
        dropped) and name it; None otherwise, and nothing changes."""
        for position, waiting in enumerate(self._queue):
            if waiting is queued:
                self._queue[position] = replacement = (statement, params, None)
                return replacement
        return None

    def read_ahead(self, statement: str, params: Mapping[str, Any], receive: Receiver) -> None:
        """Queue a read: ``receive`` gets its rows when the queue is sent (in order with the
        writes, so it sees those queued before it); nothing if the queue is dropped."""
        self._queue.append((statement, params, receive))

    def discard(self) -> None:
        self._sent += len(self._queue)  # gone either way: positions stay absolute
        self._queue.clear()

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """A savepoint queued with the writes; an exception in the block rolls back to it."""
        self._savepoints += 1
        name = f"paysetu_{self._savepoints}"
        position = self._sent + len(self._queue)
        self._queue.append((f"SAVEPOINT {name}", {}, None))
        try:
            yield
        except BaseException:
            if position >= self._sent:  # still queued: drop it and everything after it
                del self._queue[position - self._sent:]
            else:
                self.discard()  # all queued after it
                # A connection lost meanwhile (invalidated where its error was caught) has no
                # savepoint to go back to: the error that lost it goes up unchanged (a 503),
                # where asking it for a rollback would raise SQLAlchemy's PendingRollbackError.
                if not self._connection.invalidated:
                    self._connection.exec_driver_sql(f"ROLLBACK TO SAVEPOINT {name}")
            raise

    def close(self) -> None:
        """The unit of work ends: forget the queue and unhook it from the connection."""
        self._queue.clear()
        if not self._connection.closed:
            self._connection.info.pop(_INFO_KEY, None)

    def flush(self) -> None:
        """Send what is queued, in one round trip; nothing when the queue is empty."""
        if self._queue:
            with self.sending():
                pass

    def commit(self) -> None:
        """Send what is queued and ``COMMIT``, in one round trip (nothing when the queue is
        empty: the caller's own commit then sends the ``COMMIT``)."""
        if self._queue:
            with self.sending() as driver:
                driver.commit()

    @contextmanager
    def sending(self) -> Iterator[psycopg.Connection[Any]]:
        """Run the block in pipeline mode after the queued writes: the block's first statement
        whose result is fetched (or the ``COMMIT``) carries them to the server. Yields the
        psycopg connection."""
        driver = self._connection.connection.driver_connection
        if not isinstance(driver, psycopg.Connection):  # pragma: no cover - psycopg only
            raise TypeError(f"paysetu needs psycopg 3, got {driver!r}")
        if not self._queue:
            yield driver
            return
        queued, self._queue = self._queue, []
        self._sent += len(queued)
        self.generation += 1
        reads: list[tuple[psycopg.Cursor[Any], Receiver]] = []
        try:
            with driver.pipeline():
                for statement, params, receive in queued:
                    if receive is None:
                        driver.execute(statement, params)
                    else:
                        cursor = driver.cursor(row_factory=namedtuple_row)
                        reads.append((cursor.execute(statement, params), receive))
                yield driver
            for cursor, receive in reads:
                receive(cursor.fetchall())
        except psycopg.Error as error:
            if driver.broken:
                self._connection.invalidate()
            raise sa.exc.DBAPIError.instance(queued[0][0], None, error, psycopg.Error) from error
        finally:
            for cursor, _ in reads:
                cursor.close()


def _before_statement(connection: sa.Connection, _cursor: Any, statement: str,
                      *_args: Any) -> None:
    writes = connection.info.get(_INFO_KEY)
    if not isinstance(writes, DeferredWrites):
        return
    if statement.startswith("ROLLBACK TO SAVEPOINT"):
        writes.discard()
    else:
        writes.flush()
    writes.generation += 1


class ReadAhead(Generic[K]):
    """A store's rows read ahead (:meth:`DeferredWrites.read_ahead`), by key, until a get
    takes them; one per store and unit of work.

    Rows are handed out once, and only while nothing else has reached the server since they
    came back (the same :attr:`DeferredWrites.generation`): a read ahead serves the get that
    follows it at once, never a later one that may need to see a change.
    """

    def __init__(self, writes: DeferredWrites) -> None:
        self._writes = writes
        self._rows: dict[K, tuple[list[Any], int] | None] = {}

    def want(self, key: K, statement: str, params: Mapping[str, Any]) -> None:
        self._rows[key] = None

        def receive(rows: list[Any]) -> None:
            if key in self._rows:
                self._rows[key] = (rows, self._writes.generation)

        self._writes.read_ahead(statement, params, receive)

    def take(self, key: K) -> list[Any] | None:
        """The rows read ahead for ``key`` (sending the queue if they have not gone yet);
        None when ``key`` was not read ahead, its read was dropped with the queue, or they
        are no longer fresh: the caller reads for itself."""
        if key not in self._rows:
            return None
        if self._rows[key] is None:
            self._writes.flush()
        taken = self._rows.pop(key, None)
        if taken is None or taken[1] != self._writes.generation:
            return None
        return taken[0]
