"""In-process slots for password checks: a few per client address, a few in total.

An argon2id check costs about 64 MiB and tens of milliseconds of a core. Sixty clients posting
unknown emails to ``/login`` used to hold sixty request threads and, before the checks moved
out of transactions, sixty database connections: ordinary API reads went from 5 ms to 11 s.
Now each web process runs at most :data:`PER_ADDRESS_MAX` checks for one client address and
:data:`TOTAL_MAX` in all; a sign-in that finds no free slot is refused at once with
``login_throttled`` (``Retry-After: 1``), so it costs neither a thread for long nor the pool.

The slots are per process (like the API rate limiter's buckets): with several workers each has
its own. They never queue, so a refused sign-in never waits for one.
"""

from __future__ import annotations

import threading
from collections import Counter

PER_ADDRESS_MAX = 1
TOTAL_MAX = 4


class SignInSlots:
    """:class:`~paysetu.access.usecases.web_users.SignInSlots` guarded by one lock."""

    def __init__(self, per_address_max: int = PER_ADDRESS_MAX, total_max: int = TOTAL_MAX) -> None:
        self._per_address_max = per_address_max
        self._total_max = total_max
        self._in_use: Counter[str] = Counter()
        self._lock = threading.Lock()

    def take(self, client_address: str) -> bool:
        with self._lock:
            if sum(self._in_use.values()) >= self._total_max:
                return False
            if self._in_use[client_address] >= self._per_address_max:
                return False
            self._in_use[client_address] += 1
            return True

    def give_back(self, client_address: str) -> None:
        with self._lock:
            self._in_use[client_address] -= 1
            if self._in_use[client_address] <= 0:
                del self._in_use[client_address]
