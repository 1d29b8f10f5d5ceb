"""``paysetu check failover``: the bank check while the database machine is lost, K times.

The bank check (:mod:`.bank`: concurrent clients with Idempotency-Keys, timeouts and retries,
the webhook worker, snapshot reads of the totals) runs against two PostgreSQL servers of its
own, a primary and a streaming standby (:mod:`paysetu.db.replication`), through one multi-host
URL with ``target_session_attrs=read-write``: the API server and the worker find the primary
by themselves. At K moments the primary's machine is lost (SIGKILL to the postmaster and every
backend at once, nothing more sent to the standby), the standby is promoted with
``pg_promote()``, and the lost primary rejoins as the new standby with ``pg_rewind``; so every
round starts with a standby again.

Afterwards the bank check's verdict holds on the last primary: every acknowledged operation
is there exactly once, nothing applied twice, every reservation ended, totals constant, the
ledger audit clean. With synchronous replication (the default) no acknowledged operation may
be lost; with asynchronous replication the operations lost are counted, not hidden.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from paysetu.bench.database import scratch_database, wheel_pgbench
from paysetu.check.bank import BankConfig, BankReport, DatabaseFault, exercise
from paysetu.db.replication import Node, create_standby, init_node, rejoin

PORTS = (5432, 5433)


@dataclass(frozen=True, slots=True)
class FailoverConfig:
    """One run's size; the CI-sized run is one failover in a few seconds of traffic."""

    clients: int = 8
    duration_s: float = 120.0
    failovers: int = 5
    wallets: int = 20
    merchants: int = 3
    synchronous: bool = True
    seed: int = 1


@dataclass(frozen=True, slots=True)
class Failover:
    """One loss of the primary: when, and how long the database side took."""

    killed_at: float
    """``time.monotonic()`` of the SIGKILL."""
    promoted_s: float
    """From the kill until the standby accepted writes."""
    rejoined_s: float
    """From the kill until the old primary streamed again as the new standby."""


@dataclass(slots=True)
class FailoverReport:
    config: FailoverConfig
    bank: BankReport
    failovers: list[Failover] = field(default_factory=list)
    unavailable_s: list[float] = field(default_factory=list)
    """Per failover: from the kill until a client's write next succeeded."""

    @property
    def acknowledged(self) -> int:
        """Operations the clients were told applied (holds: authorised)."""
        return sum(n for name, n in self.bank.operations.items()
                   if name.split(" ", 1)[1] in {"applied", "captured", "canceled"})

    @property
    def violations(self) -> list[str]:
        """The bank check's violations; with asynchronous replication, the operations lost
        are reported as :attr:`BankReport.lost`, the measure of what it loses, not as
        violations."""
        if self.config.synchronous:
            return self.bank.violations
        lost = set(self.bank.lost)
        return [v for v in self.bank.violations if not any(key in v for key in lost)]


class Pair:
    """Two servers, a primary and its standby, which swap roles at every failover."""

    def __init__(self, root: Path, synchronous: bool) -> None:
        self.primary = Node.beside(root / "node_a", PORTS[0])
        self.standby = Node.beside(root / "node_b", PORTS[1])
        self._synchronous = synchronous
        self.failovers: list[Failover] = []
        self.on_failover: Callable[[Failover], None] = lambda _: None

    @staticmethod
    def name(node: Node) -> str:
        return node.pgdata.name

    def start(self) -> None:
        init_node(self.primary)
        self.primary.start()
        self.primary.make_rewindable()
        create_standby(self.primary, self.standby, self.name(self.standby))
        for node in (self.standby, self.primary):
            node.set_synchronous(self._synchronous)

    def url(self, database: str) -> str:
        """The multi-host URL the API server, the worker and the check itself use."""
        hosts = ",".join(quote(str(n.socket_dir)) for n in (self.primary, self.standby))
        ports = ",".join(str(n.port) for n in (self.primary, self.standby))
        return (f"postgresql+psycopg://postgres@/{database}?host={hosts}&port={ports}"
                "&target_session_attrs=read-write")

    def fail_over(self) -> None:
        """Lose the primary, promote the standby, rejoin the old primary as its standby."""
        killed_at = time.monotonic()
        self.primary.kill()
        self.standby.promote()
        promoted_s = time.monotonic() - killed_at
        rejoin(self.primary, self.standby, self.name(self.primary))
        self.primary, self.standby = self.standby, self.primary
        failover = Failover(killed_at, promoted_s, time.monotonic() - killed_at)
        self.failovers.append(failover)
        self.on_failover(failover)

    def stop(self) -> None:
        for node in (self.standby, self.primary):
            node.stop()


@contextmanager
def _pair(synchronous: bool) -> Iterator[Pair]:
    root = Path(tempfile.mkdtemp(prefix="paysetu-failover-"))
    pair = Pair(root, synchronous)
    try:
        pair.start()
        yield pair
    finally:
        try:
            pair.stop()
        finally:
            shutil.rmtree(root, ignore_errors=True)


def _unavailable(failovers: list[Failover], applied: list[tuple[float, float]]) -> list[float]:
    """Per failover: from the kill until the first success of a request first sent after it
    (a new key: a new commit; a refusal writes nothing)."""
    return [min((done for sent, done in applied if sent > f.killed_at), default=f.killed_at)
            - f.killed_at for f in failovers]


def run(config: FailoverConfig, progress: Callable[[str], None] = lambda _: None,
        on_failover: Callable[[Failover], None] = lambda _: None) -> FailoverReport:
    """Two servers, the bank check's traffic, K failovers at even intervals, the verdict."""
    progress("starting a primary and a streaming standby")
    with _pair(config.synchronous) as pair:
        pair.on_failover = on_failover
        step = config.duration_s / config.failovers if config.failovers else 0.0
        moments = [step * (i + 0.5) for i in range(config.failovers)]
        bank_config = BankConfig(config.clients, config.duration_s, config.wallets,
                                 config.merchants, 0, config.failovers, config.seed)
        with scratch_database(pair.url("postgres"), wheel_pgbench()) as database:
            bank = exercise(bank_config, database.url, DatabaseFault(pair.fail_over, moments),
                            progress)
        report = FailoverReport(config, bank, list(pair.failovers))
        report.unavailable_s = _unavailable(pair.failovers, bank.traffic.applied)
    return report
