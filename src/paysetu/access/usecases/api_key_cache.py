"""API key records kept in memory for a moment, so a request need not read its key each time.

Authenticating a request read its ``api_keys`` row every time: one database round trip per
request, a fifth of a payment's. :class:`ApiKeyCache` keeps the records of keys that just
authenticated, and :func:`paysetu.access.usecases.api_keys.authenticate` checks a presented key
against a kept record exactly as against the row: the record holds only the salt and the salted
hash of the secret (never the secret), so the presented secret is hashed and compared in
constant time on every request, hit or miss, and a wrong secret is refused as before.

Safety:

- Only live records are kept (not revoked when read); an unknown, malformed or wrong key is
  never kept, so every refusal is decided by the database as before.
- Revocation through :func:`~paysetu.access.usecases.api_keys.revoke_key` (the dashboard, the
  CLI) drops the key's record from every cache of this process at once
  (:func:`forget_everywhere`). Another process (a second
  server worker, the CLI revoking a key the server holds) reads the row again within
  :data:`TTL_S` seconds: that is the documented bound for a revocation made elsewhere.
- The cache is bounded (:data:`SIZE_MAX` keys, least recently used dropped first) and
  thread-safe (routes authenticate on the event loop and in the thread pool).
- It is keyed by the key's public id; a record belongs to one key id, and one database: the
  same process serving two databases would see ids that are ULIDs, unique across both.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable

from paysetu.access.rules.principals import ApiKeyRecord

TTL_S = 2.0
"""How long a record is used before its row is read again: the longest a key revoked by
another process keeps working here."""
SIZE_MAX = 10_000


class ApiKeyCache:
    """Live API key records by key id, each for at most ``ttl_s`` seconds."""

    def __init__(self, clock: Callable[[], float], ttl_s: float = TTL_S,
                 size_max: int = SIZE_MAX) -> None:
        """``clock``: a monotonic clock in seconds (``time.monotonic``; tests drive their own)."""
        if ttl_s < 0 or size_max < 1:
            raise ValueError("a cache needs a non-negative lifetime and room for one key")
        self._ttl_s, self._size_max, self._clock = ttl_s, size_max, clock
        self._records: OrderedDict[str, tuple[float, ApiKeyRecord]] = OrderedDict()
        self._lock = threading.Lock()
        self._drops = 0
        _CACHES.add(self)

    @property
    def drops(self) -> int:
        """How many revocations this cache has seen: read before reading a row, passed to
        :meth:`keep`, so that a row read before a revocation here is not kept after it."""
        return self._drops

    def get(self, key_id: str) -> ApiKeyRecord | None:
        """The kept record of ``key_id`` while it is fresh, else None."""
        now = self._clock()
        with self._lock:
            kept = self._records.get(key_id)
            if kept is None:
                return None
            if now >= kept[0]:
                del self._records[key_id]
                return None
            self._records.move_to_end(key_id)
            return kept[1]

    def keep(self, record: ApiKeyRecord, drops_before: int) -> None:
        """Keep a live record read from the database after :attr:`drops` was
        ``drops_before`` (not kept when a key was revoked here meanwhile, or it is revoked)."""
        if record.revoked_at is not None or self._ttl_s == 0:
            return
        expires = self._clock() + self._ttl_s
        with self._lock:
            if self._drops != drops_before:
                return
            self._records[record.id] = (expires, record)
            self._records.move_to_end(record.id)
            while len(self._records) > self._size_max:
                self._records.popitem(last=False)

    def drop(self, key_id: str) -> None:
        """Forget ``key_id`` (it was just revoked)."""
        with self._lock:
            self._drops += 1
            self._records.pop(key_id, None)

    def __len__(self) -> int:
        with self._lock:
            return len(self._records)


_CACHES: weakref.WeakSet[ApiKeyCache] = weakref.WeakSet()


def forget_everywhere(key_id: str) -> None:
    """Every cache of this process forgets ``key_id`` (it was just revoked)."""
    for cache in list(_CACHES):
        cache.drop(key_id)
