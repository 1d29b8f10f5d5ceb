"""Server CPU per ledger entry without any client: ``ledger_apply`` called in a ``DO`` loop.

Wall-clock rates on the shared 2-core machine move by more between two runs than between two
versions of a function; the CPU time of one backend running a loop of calls does not (much).
This measures, on one connection of a scratch database with funded wallets:

* ``single``: N single-transfer calls, each its own transaction (``COMMIT`` in the loop, as the
  product's autocommit call), from documents prepared beforehand in a temporary table;
* ``batch``: K linked batches of ``batch_size`` transfers, one call and one commit each;
* ``loop``: the same loop doing nothing but reading its document and committing, subtracted
  from both so the figures are the calls' own cost.

Run as ``python -m paysetu.bench.ledger_server`` (``--help``); ``paysetu bench ledger`` runs it
too after its cells. The documents are those :func:`entry_document` writes for a plain transfer.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

import psycopg

from paysetu.bench.cpu import process_cpu_s
from paysetu.bench.workload import CURRENCY

_TABLE_SQL = (
    "CREATE TEMPORARY TABLE IF NOT EXISTS bench_server_docs (n integer PRIMARY KEY, doc jsonb)",
    "TRUNCATE bench_server_docs",
)
_DOCS_SQL = """
INSERT INTO bench_server_docs
SELECT b, jsonb_agg(jsonb_build_object(
    'id', 'je_srv_' || %(tag)s || '_' || g,
    'kind', 'single_phase',
    'postings', jsonb_build_array(
        jsonb_build_object('a', 'acct_bench_w' || lpad(x.debit::text, 6, '0'), 'd', 'debit',
                           'm', x.amount, 'c', %(currency)s::text),
        jsonb_build_object('a', 'acct_bench_w' || lpad(x.credit::text, 6, '0'), 'd', 'credit',
                           'm', x.amount, 'c', %(currency)s::text)),
    'metadata', '{}'::jsonb) ORDER BY g)
FROM generate_series(0, %(calls)s * %(size)s - 1) g
CROSS JOIN LATERAL (SELECT g / %(size)s AS b,
                           (g::bigint * 7919) %% %(wallets)s AS debit,
                           1 + (g::bigint * 104729) %% 9999 AS amount) y
CROSS JOIN LATERAL (SELECT y.debit, y.amount,
                           (y.debit + 1 + (g::bigint * 31) %% (%(wallets)s - 1))
                               %% %(wallets)s AS credit) x
GROUP BY b;
"""

_LOOP_SQL = """
DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT doc FROM bench_server_docs ORDER BY n LOOP
        {call}
        COMMIT;
    END LOOP;
END $$;
"""

APPLY_CALL = "PERFORM ledger_apply(r.doc, now());"
EMPTY_CALL = "PERFORM r.doc;"


@dataclass(frozen=True, slots=True)
class ServerLoop:
    """Backend CPU microseconds per entry, the empty loop's cost subtracted."""

    single_us: float
    batch_us: float
    batch_size: int
    singles: int
    batches: int


def _loop_cpu_s(connection: psycopg.Connection[object], pid: int, call: str) -> float:
    before = process_cpu_s(pid)
    connection.execute(_LOOP_SQL.format(call=call).encode())
    after = process_cpu_s(pid)
    if before is None or after is None:
        raise RuntimeError("the server's backend is not on this machine: no /proc figures")
    return after - before


def _per_entry_us(
    connection: psycopg.Connection[object], pid: int, tag: str, calls: int, size: int,
    wallets: int,
) -> float:
    params = {
        "tag": tag, "currency": CURRENCY, "calls": calls, "size": size, "wallets": wallets,
    }
    for statement in _TABLE_SQL:
        connection.execute(statement.encode())
    connection.execute(_DOCS_SQL.encode(), params)
    empty = _loop_cpu_s(connection, pid, EMPTY_CALL)
    applied = _loop_cpu_s(connection, pid, APPLY_CALL)
    return 1e6 * (applied - empty) / (calls * size)


def measure(
    database_url: str, wallets: int, *, singles: int = 3000, batches: int = 3,
    batch_size: int = 8190, tag: str = "a",
) -> ServerLoop:
    """Run both loops on one new connection to a database whose bench wallets are funded."""
    url = database_url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(url, autocommit=True) as connection:
        pid = int(connection.execute("SELECT pg_backend_pid()").fetchone()[0])  # type: ignore[index]
        # Warm the backend's caches (plans, catalog) first: not counted.
        _per_entry_us(connection, pid, f"{tag}w", 200, 1, wallets)
        single = _per_entry_us(connection, pid, f"{tag}s", singles, 1, wallets)
        batch = _per_entry_us(connection, pid, f"{tag}b", batches, batch_size, wallets)
    return ServerLoop(single, batch, batch_size, singles, batches)


def main() -> None:  # pragma: no cover - a hand-run measurement
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wallets", type=int, default=10_000)
    parser.add_argument("--singles", type=int, default=3000)
    parser.add_argument("--batches", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=8190)
    parser.add_argument("--repeat", type=int, default=2)
    arguments = parser.parse_args()

    from paysetu.bench.database import bench_database  # noqa: PLC0415 - heavy, only here
    from paysetu.bench.workload import open_wallets  # noqa: PLC0415
    from paysetu.bootstrap import build  # noqa: PLC0415
    from paysetu.config import Settings  # noqa: PLC0415

    with bench_database(None, None) as database:
        runtime = build(Settings(database_url=database.url, db_pool_size=1), migrate_schema=False)
        try:
            open_wallets(runtime.ledger, arguments.wallets)
            with runtime.engine.begin() as connection:
                connection.exec_driver_sql("ANALYZE")
        finally:
            runtime.close()
        for run in range(arguments.repeat):
            loop = measure(
                database.url, arguments.wallets, singles=arguments.singles,
                batches=arguments.batches, batch_size=arguments.batch_size, tag=f"r{run}",
            )
            print(
                f"run {run}: single {loop.single_us:.0f} us/entry ({loop.singles} calls), "
                f"batch of {loop.batch_size} {loop.batch_us:.1f} us/entry ({loop.batches} calls)",
                flush=True,
            )


if __name__ == "__main__":  # pragma: no cover
    main()
