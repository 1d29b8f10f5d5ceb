"""Round trips to PostgreSQL per payment, counted on the connections of an in-process run.

Time on a shared machine is noisy; the number of statements a payment sends is not, and each
is a round trip that costs client CPU, server CPU and latency. After the timed cells the bench
takes a few more payments of each kind in its own process, on an engine whose psycopg
connections count what they send:

- every ``execute`` of a cursor (SQLAlchemy's statements, savepoints, and the ledger's call,
  which goes to psycopg directly), one round trip each;
- the ``BEGIN`` psycopg sends before the first statement of a transaction;
- the ``COMMIT`` or ``ROLLBACK`` of a transaction that is open on the server.

Round trips are the same, except that what is sent together in psycopg's pipeline mode
(``paysetu.db.deferred``) counts once.

HTTP requests go through the real application (``create_app``, every middleware) in-process;
the counts are the server's, not the client's. The API key's row is read once per
``api_key_cache.TTL_S`` (2 s) per process, by the uncounted warm-up call here, so the count is a
busy key's: a key idle for longer costs one round trip more on its next request.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import psycopg
import sqlalchemy as sa
from psycopg import pq

from paysetu.bench.api_clients import CURRENCY, ledger_transfer
from paysetu.bench.api_setup import Shop

SAMPLE_PAYMENTS = 20
_OPEN = (pq.TransactionStatus.INTRANS, pq.TransactionStatus.INERROR)


@dataclass(frozen=True, slots=True)
class StatementCounts:
    """Round trips per operation: one automatic payment over HTTP and direct, one ledger
    transfer (the bench's three channels)."""

    http: float
    direct: float
    ledger: float
    http_round_trips: float
    direct_round_trips: float
    ledger_round_trips: float
    payments: int
    """Succeeded payments the counting run made (the audit expects them)."""


class StatementCounter:
    """Counts the round trips of every connection ``engine`` opens from now on."""

    def __init__(self, engine: sa.Engine) -> None:
        self.count = 0
        self.round_trips = 0
        counter = self

        def sent(connection: psycopg.Connection[Any], statements: int) -> None:
            counter.count += statements
            if connection.info.pipeline_status is pq.PipelineStatus.OFF:
                counter.round_trips += statements

        class CountingCursor(psycopg.Cursor[Any]):
            def execute(self, query: Any, params: Any = None, **kwargs: Any) -> Any:
                connection = self.connection
                begins = (not connection.autocommit
                          and connection.info.transaction_status is pq.TransactionStatus.IDLE)
                sent(connection, 2 if begins else 1)  # with the BEGIN psycopg sends first
                return super().execute(query, params, **kwargs)

        class CountingConnection(psycopg.Connection[Any]):
            @contextmanager
            def pipeline(self) -> Iterator[Any]:
                outermost = self.info.pipeline_status is pq.PipelineStatus.OFF
                with super().pipeline() as pipeline:
                    yield pipeline
                counter.round_trips += 1 if outermost else 0

            def commit(self) -> None:
                if self.info.transaction_status in _OPEN:
                    sent(self, 1)
                super().commit()

            def rollback(self) -> None:
                if self.info.transaction_status in _OPEN:
                    sent(self, 1)
                super().rollback()

        def connected(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.__class__ = CountingConnection
            dbapi_connection.cursor_factory = CountingCursor

        sa.event.listen(engine, "connect", connected)

    def per_call(self, operation: Callable[[int], None], calls: int) -> tuple[float, float]:
        """Average statements and round trips of ``operation(i)`` over ``calls`` calls (after
        one warm-up)."""
        operation(-1)
        before, trips_before = self.count, self.round_trips
        for number in range(calls):
            operation(number)
        return (self.count - before) / calls, (self.round_trips - trips_before) / calls


def count_statements(database_url: str, shop: Shop, calls: int = SAMPLE_PAYMENTS
                     ) -> StatementCounts:
    """Round trips per automatic payment (HTTP and direct) and per bare ledger transfer."""
    # Imported here: the app and the client are only needed once the cells are done.
    from fastapi.testclient import TestClient  # noqa: PLC0415

    from paysetu.access.rules.principals import Principal, Role  # noqa: PLC0415
    from paysetu.app.http.app import create_app  # noqa: PLC0415
    from paysetu.bootstrap import build  # noqa: PLC0415
    from paysetu.config import Settings  # noqa: PLC0415
    from paysetu.payments.usecases import payments  # noqa: PLC0415

    runtime = build(Settings(database_url=database_url, db_pool_size=2,
                             mandate_pre_debit_notice_s=0), migrate_schema=False)
    runtime.engine.dispose()  # every connection from here on is a counted one
    counter = StatementCounter(runtime.engine)
    context = runtime.context
    caller = Principal(shop.api_key_id, Role.MERCHANT, shop.merchant_id, livemode=False)
    wallets, mandates = shop.wallets, shop.mandates

    def direct(number: int) -> None:
        index = number % len(wallets)
        command = payments.CreatePayment(100, CURRENCY, wallets[index], mandate=mandates[index],
                                         confirm=True)
        with context.uow_factory() as uow:
            payments.create_payment(context, uow, caller, command)
            uow.commit()

    try:
        client = TestClient(create_app(context))  # no lifespan: no background worker
        headers = {"Authorization": f"Bearer {shop.api_key}"}

        def http(number: int) -> None:
            index = number % len(wallets)
            body = {"amount_minor": 100, "currency": CURRENCY, "confirm": True,
                    "wallet": wallets[index], "mandate": mandates[index]}
            response = client.post("/v1/payments", json=body, headers={
                **headers, "Idempotency-Key": uuid.uuid4().hex})
            if response.status_code != 200:
                raise RuntimeError(f"counting run: {response.status_code} {response.text}")

        http_count = counter.per_call(http, calls)
        direct_count = counter.per_call(direct, calls)
        transfer = ledger_transfer(runtime.ledger, shop)
        ledger_count = counter.per_call(transfer, calls)
    finally:
        runtime.close()
    return StatementCounts(http_count[0], direct_count[0], ledger_count[0], http_count[1],
                           direct_count[1], ledger_count[1], 2 * (calls + 1))
