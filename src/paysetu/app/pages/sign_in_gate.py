"""Sign-ins run in a few in-process slots: one per client address, four in all.

An argon2id check costs 64 MiB and tens of milliseconds of a core, and each sign-in takes a
request thread for its whole route (form, throttle, check, page). Sixty clients posting
unknown emails to ``/login`` used to hold sixty threads and, with the check inside the
transaction, the database pool too: ordinary API reads went from 5 ms to 20 s. Now
:class:`SignInGate`, ASGI middleware in front of the routes, lets a ``POST /login`` in only
when its client address has no sign-in in flight and fewer than :data:`TOTAL_MAX` are running;
any other is answered at once, before its body is read, with 429, ``Retry-After: 1`` and a
short page naming ``login_throttled``: no thread, no form parsing, no database, no hashing.

Slots are per process (like the API rate limiter's buckets) and never queue. The client
address is the connection's, unless ``PAYSETU_TRUSTED_PROXIES`` names the proxy in front.
"""

from __future__ import annotations

import threading
from collections import Counter

from starlette.responses import HTMLResponse
from starlette.types import ASGIApp, Receive, Scope, Send

PER_ADDRESS_MAX = 1
TOTAL_MAX = 4
RETRY_AFTER_S = 1
GATED = ("POST", "/login")

_BUSY_PAGE = (
    '<!doctype html><html lang="en"><meta charset="utf-8"><title>Sign in · paysetu</title>'
    '<p role="alert" data-code="login_throttled">Too many sign-ins at once: try again in a'
    ' second. <a href="/login">Sign in</a></p></html>'
)


class SignInSlots:
    """Slots taken and given back under one lock; :meth:`take` never waits."""

    def __init__(self, per_address_max: int = PER_ADDRESS_MAX, total_max: int = TOTAL_MAX) -> None:
        self._per_address_max = per_address_max
        self._total_max = total_max
        self._in_use: Counter[str] = Counter()
        self._lock = threading.Lock()

    def take(self, client_address: str) -> bool:
        """Take a slot for ``client_address``; False when none is free (nothing taken)."""
        with self._lock:
            if self._in_use.total() >= self._total_max:
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


class SignInGate:
    """ASGI middleware: ``POST /login`` only within a free :class:`SignInSlots` slot."""

    def __init__(self, app: ASGIApp, slots: SignInSlots | None = None) -> None:
        self.app = app
        self.slots = slots or SignInSlots()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or (scope["method"], scope["path"]) != GATED:
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        address = str(client[0]) if client else "-"
        if not self.slots.take(address):
            busy = HTMLResponse(_BUSY_PAGE, status_code=429,
                                headers={"Retry-After": str(RETRY_AFTER_S)})
            await busy(scope, receive, send)
            return
        try:
            await self.app(scope, receive, send)
        finally:
            self.slots.give_back(address)
