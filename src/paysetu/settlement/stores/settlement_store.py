"""PostgreSQL settlement repository: the run's set-based SQL plus the reads, on one connection."""

from __future__ import annotations

import sqlalchemy as sa

from paysetu.settlement.stores.settlement_rows import SettlementReadStore
from paysetu.settlement.stores.settlement_run_store import SettlementRunStore


class SettlementStore(SettlementRunStore, SettlementReadStore):
    """:class:`~paysetu.settlement.usecases.ports.SettlementRepository` over one connection."""

    def __init__(self, connection: sa.Connection) -> None:
        self._connection = connection
