"""The bank check's faults: the API server killed (SIGKILL) and PostgreSQL crashed, at random
moments of the run, each restarted at once.

A SIGKILLed server cuts off the requests in flight (some already committed, their answers
lost); an immediate PostgreSQL shutdown aborts every open transaction and breaks every pooled
connection of the server, the worker and the reader. Both are what the idempotency keys, the
outbox and the transactions must survive.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable

from paysetu.bench.api_server import ServerProcess


def schedule(count: int, duration_s: float, rng: random.Random) -> list[float]:
    """``count`` moments (seconds from the start) within the middle of the run."""
    return sorted(rng.uniform(0.1, 0.9) * duration_s for _ in range(count))


def inject(moments: list[float], fault: Callable[[], None], stop: threading.Event) -> int:
    """Run ``fault`` at each moment (until ``stop``); returns how many ran."""
    started = time.monotonic()
    done = 0
    for moment in moments:
        if stop.wait(max(0.0, started + moment - time.monotonic())):
            break
        fault()
        done += 1
    return done


RESTART_ATTEMPTS = 30
"""A restart fails while PostgreSQL is itself restarting; it is tried again this often."""


def server_crash(server: ServerProcess) -> Callable[[], None]:
    def crash() -> None:
        server.kill()
        for attempt in range(RESTART_ATTEMPTS):
            try:
                server.start()
                return
            except RuntimeError:
                if attempt == RESTART_ATTEMPTS - 1:
                    raise
                time.sleep(1.0)

    return crash

