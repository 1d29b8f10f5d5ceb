"""Per-API-key rate limiting: a token bucket per key, refused with 429 and ``Retry-After``.

One runaway client (a retry loop without backoff, a leaked key) must not starve every other
merchant of the server's connections and database. Each key gets ``rate_per_s`` requests a
second on average and bursts of up to ``burst``; past that a request is refused before any use
case runs (``rate_limited``, HTTP 429) with ``Retry-After`` saying when a token is back, as
Stripe does. Requests without a valid key are refused by authentication first and never reach
a bucket.

The buckets live in the server process: with several processes behind a balancer each one
limits on its own (the effective limit is the sum). The clock is injected so that tests can
drive it without waiting.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.config import Settings


class RateLimited(RequestRejected):
    """``rate_limited``: the key used its burst; ``retry_after_s`` until the next token."""

    def __init__(self, retry_after_s: int) -> None:
        super().__init__(RequestStatus.RATE_LIMITED,
                         f"Too many requests for this API key: retry after {retry_after_s} s.")
        self.retry_after_s = retry_after_s


@dataclass(slots=True)
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """Token buckets by key: ``rate_per_s`` refill, ``burst`` capacity (thread-safe)."""

    def __init__(self, rate_per_s: float, burst: int,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if rate_per_s <= 0 or burst < 1:
            raise ValueError("a rate limit needs a positive rate and a burst of at least 1")
        self._rate, self._burst, self._clock = rate_per_s, burst, clock
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    @property
    def rate_per_s(self) -> float:
        return self._rate

    @property
    def burst(self) -> int:
        return self._burst

    def take(self, key: str) -> None:
        """Spend one of ``key``'s tokens, or raise :class:`RateLimited`."""
        now = self._clock()
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                bucket = self._buckets[key] = _Bucket(float(self._burst), now)
            bucket.tokens = min(float(self._burst),
                                bucket.tokens + (now - bucket.updated) * self._rate)
            bucket.updated = now
            if bucket.tokens < 1.0:
                raise RateLimited(max(1, math.ceil((1.0 - bucket.tokens) / self._rate)))
            bucket.tokens -= 1.0


def from_settings(settings: Settings, *, workers: int = 1) -> RateLimiter | None:
    """The limiter ``PAYSETU_RATE_LIMIT_PER_S`` / ``_BURST`` ask for; None when the rate is 0.

    Buckets live in one process: with ``workers`` server processes sharing the connections,
    each gets its share, so a key's limit stays about the configured one whichever answers.
    """
    if settings.rate_limit_per_s == 0:
        return None
    return RateLimiter(settings.rate_limit_per_s / workers,
                       max(1, settings.rate_limit_burst // workers))
