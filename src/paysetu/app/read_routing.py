"""Reads that may go to a standby, without anyone reading their own write as missing.

With ``PAYSETU_DATABASE_READ_URL`` set, the API's list endpoints (:data:`ROUTED`, plain reads)
may be answered by a standby, which takes that load off the primary. A standby replays the
primary's WAL a little later, so a read there could miss a write its client was just told
of. The rule that prevents it, for every client at once and across server processes: at the
start of a routed read, ask the primary how far its WAL goes (``pg_current_wal_lsn()``, which
is past every commit acknowledged so far) and use the standby only once it has replayed that
far (``pg_last_wal_replay_lsn()``), waiting at most :data:`CATCH_UP_WAIT_S`; otherwise, or
when the standby cannot be reached, read from the primary. The price is one tiny query on the
primary per routed read. The read URL should name one standby: the check and the read must
see the same server.
"""

from __future__ import annotations

import time
from contextvars import ContextVar

import sqlalchemy as sa
from starlette.types import ASGIApp, Receive, Scope, Send

CATCH_UP_WAIT_S = 0.5
POLL_S = 0.01
ROUTED = frozenset({
    "/v1/payments", "/v1/refunds", "/v1/balance_transactions", "/v1/events",
    "/v1/settlements", "/v1/reconciliations", "/v1/customers", "/v1/wallets",
    "/v1/lending/portfolio_history",
})
"""``GET`` paths answered by reads alone (lists, reports): these may use the standby."""

_routed: ContextVar[bool] = ContextVar("paysetu_routed_read", default=False)


class ReadRouting:
    """ASGI middleware: marks ``GET`` requests on :data:`ROUTED` paths as standby-readable."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"] not in ROUTED:
            await self.app(scope, receive, send)
            return
        token = _routed.set(True)
        try:
            await self.app(scope, receive, send)
        finally:
            _routed.reset(token)


class ReadRouter:
    """Chooses the engine of each unit of work: the standby for a routed read that it can
    answer with everything already acknowledged, the primary for everything else."""

    def __init__(self, primary: sa.Engine, standby: sa.Engine,
                 wait_s: float = CATCH_UP_WAIT_S) -> None:
        self.primary, self.standby, self._wait_s = primary, standby, wait_s

    def engine(self) -> sa.Engine:
        if not _routed.get():
            return self.primary
        with self.primary.connect() as connection:
            written = connection.exec_driver_sql("SELECT pg_current_wal_lsn()").scalar_one()
        return self.standby if self._caught_up(str(written)) else self.primary

    def _caught_up(self, written: str) -> bool:
        """Whether the standby (still a standby) has replayed up to ``written``, waiting a
        little for it."""
        deadline = time.monotonic() + self._wait_s
        try:
            with self.standby.connect() as connection:
                while True:
                    if connection.exec_driver_sql(
                            "SELECT pg_is_in_recovery()"
                            " AND pg_last_wal_replay_lsn() >= %(lsn)s::pg_lsn",
                            {"lsn": written}).scalar():
                        return True
                    if time.monotonic() > deadline:
                        return False
                    time.sleep(POLL_S)
        except sa.exc.DBAPIError:
            return False  # the standby is down: the primary answers


def routed_read() -> ContextVar[bool]:
    """The request-scoped flag (set by :class:`ReadRouting`; tests set it directly)."""
    return _routed
