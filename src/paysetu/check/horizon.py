"""When the bank check's clients stop sending new operations: not at a fixed time.

A check whose faults left no time for any payment proves nothing about payments. Under load
(two cores shared with other work) one server SIGKILL and one PostgreSQL crash can eat most of
a short run: a fixed deadline then ends the traffic before the system has shown it recovered.
So the traffic lasts at least the configured duration, and then goes on until every fault has
run and every kind of operation that can apply (a transfer, a payment, a hold, an order) has
been applied at least once after the last fault, up to a hard limit. A run that reaches the
limit still missing a kind reports it as a violation: the system did not recover in time.
"""

from __future__ import annotations

import threading
import time
from typing import Protocol

RECOVERY_LIMIT_S = 120.0
"""How long past the configured duration the traffic may go on, waiting for every kind of
operation to apply after the faults."""
KINDS_THAT_APPLY = ("transfer", "payment", "hold", "order")
"""The operations that move money when applied (a mandate-less charge never does)."""


class Deadline(Protocol):
    def passed(self) -> bool:
        """True once no new attempt should be sent."""
        ...


class FixedDeadline:
    """A moment on the monotonic clock (answering the operations still open, after the run)."""

    def __init__(self, at: float) -> None:
        self._at = at

    def passed(self) -> bool:
        return time.monotonic() >= self._at


class Horizon:
    """The traffic's end: the minimum duration, every fault run, every kind applied after
    them; or the hard limit, whichever comes first."""

    def __init__(self, duration_s: float, limit_s: float = RECOVERY_LIMIT_S) -> None:
        started = time.monotonic()
        self._minimum = started + duration_s
        self._limit = started + duration_s + limit_s
        self._lock = threading.Lock()
        self._applied_after_faults: set[str] = set()
        self.faults_done = threading.Event()
        """Set by the check once every fault it scheduled has run."""

    def applied(self, kind: str) -> None:
        """A client was told an operation of ``kind`` applied (counts once the faults ran)."""
        if self.faults_done.is_set():
            with self._lock:
                self._applied_after_faults.add(kind)

    def missing(self) -> list[str]:
        """The kinds not yet applied after the faults."""
        with self._lock:
            return [k for k in KINDS_THAT_APPLY if k not in self._applied_after_faults]

    def passed(self) -> bool:
        now = time.monotonic()
        if now >= self._limit:
            return True
        return now >= self._minimum and self.faults_done.is_set() and not self.missing()
