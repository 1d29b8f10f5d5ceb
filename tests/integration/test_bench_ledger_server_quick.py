"""``python -m paysetu.bench.ledger_server`` (server CPU per entry in a ``DO`` loop) runs end to
end on small sizes: every call it times is applied (the entries are there, the audit passes).
Only the shape is asserted, never a time."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from paysetu.bench.ledger_server import measure
from paysetu.bench.workload import open_wallets
from paysetu.ledger.usecases.service import LedgerService

pytestmark = pytest.mark.postgres


def test_the_server_loop_applies_every_entry_it_times(
    ledger: LedgerService, engine: sa.Engine, database_url: str
) -> None:
    open_wallets(ledger, 50)
    loop = measure(database_url, 50, singles=30, batches=2, batch_size=40, tag="t")
    with engine.connect() as connection:
        applied = connection.exec_driver_sql(
            "SELECT count(*) FROM ledger_entries WHERE starts_with(id, 'je_srv_t')"
        ).scalar_one()
    # the warm-up's 200 singles, 30 singles, 2 batches of 40: each once, none refused
    assert applied == 200 + 30 + 2 * 40
    assert (loop.singles, loop.batches, loop.batch_size) == (30, 2, 40)
    assert ledger.audit().passed
