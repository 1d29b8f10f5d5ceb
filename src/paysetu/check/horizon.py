"""When the bank check's clients stop sending new operations: not at a fixed time.

A check whose faults left no time for any payment proves nothing about payments. Under load
(two cores shared with other work) one server SIGKILL and one PostgreSQL crash can eat most of
a short run: a fixed deadline then ends the traffic before the system has shown it works. So
the traffic lasts at least the configured duration, and then goes on until every fault has
run, every kind of operation that can move money (a transfer, a payment, a hold, an order) has
been applied at least once, and some operation has been answered after the last fault (the
system recovered: a refusal counts, since a long run may have emptied the wallets), up to a
hard limit. A run that reaches the limit with any of these missing reports it as a violation.
"""

from __future__ import annotations

import threading
import time
from typing import Protocol

RECOVERY_LIMIT_S = 120.0
"""How long past the configured duration the traffic may go on, waiting for what it still
misses (:meth:`Horizon.missing`)."""
KINDS_THAT_APPLY = ("transfer", "payment", "hold", "order")
"""The operations that move money when applied (a mandate-less charge never does)."""


class Deadline(Protocol):
    """When a client stops retrying an operation that has no final answer yet."""

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
    """The traffic's end: the minimum duration, every fault run, every kind applied, an answer
    after the faults; or the hard limit, whichever comes first."""

    def __init__(self, duration_s: float, limit_s: float = RECOVERY_LIMIT_S) -> None:
        started = time.monotonic()
        self._minimum = started + duration_s
        self._limit = started + duration_s + limit_s
        self._lock = threading.Lock()
        self._applied: set[str] = set()
        self._answered_after_faults = False
        self.faults_done = threading.Event()
        """Set by the check once every fault it scheduled has run."""

    def answered(self, kind: str, applied: bool) -> None:
        """A client got its final answer to an operation of ``kind``."""
        with self._lock:
            if applied:
                self._applied.add(kind)
            if self.faults_done.is_set():
                self._answered_after_faults = True

    def missing(self) -> list[str]:
        """What the traffic still waits for, in words (empty: nothing)."""
        with self._lock:
            missing = [f"{k} applied" for k in KINDS_THAT_APPLY if k not in self._applied]
            if not self._answered_after_faults:
                missing.append("an answer after the faults")
            return missing

    def passed(self) -> bool:
        now = time.monotonic()
        if now >= self._limit:
            return True
        return now >= self._minimum and self.faults_done.is_set() and not self.missing()
