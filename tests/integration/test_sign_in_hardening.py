"""Sign-in under attack, on real PostgreSQL (issue 15, items 2 and 3).

- 30 parallel wrong passwords for one email and address get exactly ``FREE_FAILURES`` password
  checks: the attempt is counted under a lock before the check (the old count, read without a
  lock and written after the slow check, let 24 of 30 through);
- no password check runs while a database connection is held, for a known or an unknown email,
  and both cost one check;
- a sign-in that finds no free slot (one per address, four in all) is answered 429 at once by
  the gate, never reaching the route (no thread, no database, no hashing);
- ``X-Forwarded-For`` from 127.0.0.1 does not change the client address unless the proxy is
  configured (uvicorn believed it by default).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine, MutableMapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import sqlalchemy as sa
import uvicorn

from paysetu.access.rules.web_errors import WebRejected, WebStatus
from paysetu.access.rules.web_users import FREE_FAILURES, WebRole
from paysetu.access.usecases import web_users
from paysetu.access.usecases.web_users import LoginThrottled
from paysetu.app.context import AppContext
from paysetu.app.pages.sign_in_gate import SignInGate, SignInSlots
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.cli.serve import proxy_options
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets

PASSWORD = "a long enough passphrase"
ATTEMPTS = 30
WAIT_S = 30.0


class GatedHasher:
    """A cheap stand-in hasher (argon2id-shaped strings) whose checks wait until every attempt
    has either reached a check or been refused: the widest race window, without sleeping. It
    records, for each check, how many connections were checked out of the pool then."""

    def __init__(self, engine: sa.Engine, attempts: int) -> None:
        self.engine = engine
        self.attempts = attempts
        self.checks = 0
        self.refused = 0
        self.connections_held: list[int] = []
        self.lock = threading.Lock()
        self.everyone_arrived = threading.Event()

    def _arrived(self) -> None:
        if self.checks + self.refused >= self.attempts:
            self.everyone_arrived.set()

    def was_refused(self) -> None:
        with self.lock:
            self.refused += 1
            self._arrived()

    def hash(self, password: str) -> str:
        return "$argon2id$plain:" + password

    def verify(self, password_hash: str, password: str) -> bool:
        with self.lock:
            self.checks += 1
            pool: Any = self.engine.pool
            self.connections_held.append(pool.checkedout())
            self._arrived()
        self.everyone_arrived.wait(WAIT_S)
        return password_hash == "$argon2id$plain:" + password

    def needs_rehash(self, password_hash: str) -> bool:
        return False


@pytest.fixture
def context(engine: sa.Engine, clock: FixedClock) -> AppContext:
    return AppContext(lambda: PostgresUnitOfWork(engine), clock, UlidIds(), SystemSecrets())


def _attempt(context: AppContext, hasher: GatedHasher, email: str) -> str:
    try:
        web_users.log_in(context, hasher, email=email, password="wrong guess!",
                         client_address="203.0.113.5")
    except WebRejected as error:
        if isinstance(error, LoginThrottled):
            hasher.was_refused()
        return error.code
    return "signed in"


def test_parallel_wrong_passwords_get_exactly_the_free_checks(
    context: AppContext, engine: sa.Engine,
) -> None:
    hasher = GatedHasher(engine, ATTEMPTS)
    web_users.create_user(context, hasher, email="owner@shop.example", password=PASSWORD,
                          role=WebRole.ADMIN)
    with ThreadPoolExecutor(max_workers=ATTEMPTS) as pool:
        codes = list(pool.map(lambda _: _attempt(context, hasher, "owner@shop.example"),
                              range(ATTEMPTS)))
    assert hasher.checks == FREE_FAILURES
    assert codes.count(WebStatus.LOGIN_FAILED.value) == FREE_FAILURES
    assert codes.count(WebStatus.LOGIN_THROTTLED.value) == ATTEMPTS - FREE_FAILURES


@pytest.mark.parametrize("email", ["owner@shop.example", "nobody@shop.example"])
def test_known_and_unknown_emails_cost_one_check_and_hold_no_connection(
    context: AppContext, engine: sa.Engine, email: str,
) -> None:
    hasher = GatedHasher(engine, 1)
    web_users.create_user(context, hasher, email="owner@shop.example", password=PASSWORD,
                          role=WebRole.ADMIN)
    hasher.checks = 0
    assert _attempt(context, hasher, email) == WebStatus.LOGIN_FAILED.value
    assert (hasher.checks, hasher.connections_held) == (1, [0])
    with pytest.raises(WebRejected):
        web_users.log_in(context, hasher, email="owner@shop.example", password=PASSWORD + "x",
                         client_address="203.0.113.6")
    _token, session = web_users.log_in(context, hasher, email="owner@shop.example",
                                       password=PASSWORD, client_address="203.0.113.6")
    assert session.user.email == "owner@shop.example"
    assert hasher.connections_held == [0, 0, 0]


def _scope(client: str, method: str = "POST", path: str = "/login") -> dict[str, Any]:
    return {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
            "method": method, "scheme": "http", "path": path, "raw_path": path.encode(),
            "query_string": b"", "root_path": "", "server": ("127.0.0.1", 8000),
            "client": (client, 50000), "headers": [(b"x-forwarded-for", b"203.0.113.77")]}


async def _receive() -> dict[str, Any]:
    return {"type": "http.request", "body": b"", "more_body": False}


def _run(work: Callable[[], Coroutine[Any, Any, None]]) -> None:
    """``asyncio.run(work())`` on a thread of its own: the browser tests' Playwright keeps an
    event loop running on the main thread for the whole session, where ``asyncio.run`` refuses
    to start (and the coroutine it was given is left never awaited)."""
    with ThreadPoolExecutor(1) as thread:
        thread.submit(lambda: asyncio.run(work())).result()


def _through_gate(gate: SignInGate, scope: dict[str, Any]) -> int:
    """The status the gate answers with (200 when it let the request through)."""
    sent: list[dict[str, Any]] = []

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(dict(message))

    _run(lambda: gate(scope, _receive, send))
    return int(sent[0]["status"]) if sent else 200


def test_without_a_free_slot_a_sign_in_is_answered_at_once_and_never_reaches_the_route() -> None:
    reached: list[str] = []

    async def route(scope: MutableMapping[str, Any], _receive: Any, _send: Any) -> None:
        reached.append(scope["client"][0])

    slots = SignInSlots(per_address_max=1, total_max=2)
    gate = SignInGate(route, slots)
    assert slots.take("198.51.100.1")  # a sign-in of this address is in flight
    assert _through_gate(gate, _scope("198.51.100.1")) == 429
    assert _through_gate(gate, _scope("198.51.100.1", "GET")) == 200, "only POST /login"
    assert _through_gate(gate, _scope("198.51.100.1", path="/v1/customers")) == 200
    assert _through_gate(gate, _scope("198.51.100.2")) == 200, "another address may"
    assert slots.take("198.51.100.2")
    assert _through_gate(gate, _scope("198.51.100.3")) == 429, "the total is reached"
    slots.give_back("198.51.100.1")
    assert _through_gate(gate, _scope("198.51.100.3")) == 200
    assert reached == ["198.51.100.1", "198.51.100.1", "198.51.100.2", "198.51.100.3"]


def _client_seen(options: dict[str, Any]) -> str:
    """The client address an app sees under uvicorn's configured middleware, for a request
    from 127.0.0.1 carrying ``X-Forwarded-For`` (driven in memory: no socket)."""
    seen: list[str] = []

    async def app(scope: dict[str, Any], receive: Callable[..., Any],
                  send: Callable[..., Any]) -> None:
        seen.append(scope["client"][0])

    config = uvicorn.Config(app, **options)
    config.load()

    async def send(_message: dict[str, Any]) -> None:
        return None

    _run(lambda: config.loaded_app(_scope("127.0.0.1"), _receive, send))
    return seen[0]


def test_forwarded_headers_are_believed_only_from_configured_proxies() -> None:
    assert _client_seen(proxy_options("")) == "127.0.0.1"
    assert _client_seen(proxy_options("127.0.0.1")) == "203.0.113.77"
    assert _client_seen({}) == "203.0.113.77", "uvicorn's own default believes loopback"
