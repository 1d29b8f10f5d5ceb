"""Browser tests: the real app under uvicorn on a free loopback port, driven by Debian chromium.

Playwright for Python drives ``/usr/bin/chromium`` (``scripts/ensure_chromium.sh`` installs it
with apt; Playwright's own browser download is never used). Each test gets a fresh database
(the session's embedded PostgreSQL, see ``tests/conftest.py``), a server on it started in a
thread of this process, and pages at desktop (1280x800) and phone (375x740) size. Waiting is
Playwright's auto-waiting on selectors only: no sleeps.

Fixtures:

* ``live_server``: :class:`LiveServer` (``url``, ``context``, ``clock``; ``add_user``,
  ``platform_key``, ``merchant_key`` for setting up data through the services and the API).
* ``alipay_policy``: the server's Alipay gateway wiring, None (gateway off) unless a test
  module overrides this fixture (``tests/browser/alipay_kit.py``).
* ``desktop``, ``phone``: a :class:`playwright.sync_api.Page` of that size, base URL set.
* ``sign_in(page, email, password)``: fills the login form and waits for the next page.
* ``shot(page, name)``: saves ``test-artifacts/screenshots/<name>-<desktop|phone>.png``.

After every browser test the ledger audit passes (:func:`audit_after`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from paysetu.access.rules.principals import Role
from paysetu.access.rules.web_users import WebRole, WebUser
from paysetu.access.stores.passwords import Argon2Passwords
from paysetu.access.usecases import api_keys as access
from paysetu.access.usecases import web_users
from paysetu.alipay.usecases.ports import AlipayPolicy
from paysetu.app.context import AppContext, with_loan_sweep
from paysetu.app.http.app import create_app
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.events.rules.targets import LOOPBACK_NETWORKS
from paysetu.events.usecases.ports import WebhookTargets
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets
from paysetu.ledger.usecases.service import LedgerService
from paysetu.payments.stores.ecb_rates import EcbRates
from paysetu.payments.usecases.ports import PaymentsPolicy
from tests.serving import serving

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 740}
PASSWORD = "correct horse battery staple"
"""The password of every user :meth:`LiveServer.add_user` creates unless told otherwise."""
FAST_PASSWORDS = Argon2Passwords(PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1))
"""argon2id with small parameters: the same code path, a fraction of the CPU per login."""
TIMEOUT_MS = 15_000


@pytest.fixture(autouse=True)
def audit_after(ledger: LedgerService) -> Iterator[None]:
    """After every browser test, whatever the pages did, the ledger audit passes."""
    yield
    report = ledger.audit()
    assert report.passed, report.findings


@dataclass
class LiveServer:
    """The app serving one test's database on ``url``."""

    url: str
    context: AppContext
    clock: FixedClock
    _platform: dict[str, str] = field(default_factory=dict)

    def add_user(
        self, email: str, role: WebRole, *, merchant_id: str | None = None,
        lender_id: str | None = None, password: str = PASSWORD,
    ) -> WebUser:
        return web_users.create_user(self.context, FAST_PASSWORDS, email=email,
                                     password=password, role=role, merchant_id=merchant_id,
                                     lender_id=lender_id)

    def platform_key(self) -> dict[str, str]:
        if not self._platform:
            issued = access.create_key(self.context, Role.PLATFORM, None, livemode=False)
            self._platform["Authorization"] = f"Bearer {issued.secret}"
        return self._platform

    def merchant_key(self, merchant_id: str) -> dict[str, str]:
        issued = access.create_key(self.context, Role.MERCHANT, merchant_id, livemode=False)
        return {"Authorization": f"Bearer {issued.secret}"}

    def api(self) -> httpx.Client:
        """An HTTP client on the live server (the API as a merchant's code would call it)."""
        return httpx.Client(base_url=self.url, timeout=30)


@pytest.fixture
def alipay_policy() -> AlipayPolicy | None:
    """No Alipay gateway by default; a module testing it overrides this fixture."""
    return None


@pytest.fixture
def web_context(
    engine: sa.Engine, clock: FixedClock, alipay_policy: AlipayPolicy | None
) -> AppContext:
    """The services the server uses, on this test's database and the injected clock."""
    return with_loan_sweep(AppContext(
        uow_factory=lambda: PostgresUnitOfWork(engine),
        clock=clock,
        ids=UlidIds(),
        secrets=SystemSecrets(),
        policy=PaymentsPolicy(),
        rates=EcbRates(),
        read_factory=lambda: PostgresUnitOfWork(engine, autocommit=True),
        alipay=alipay_policy,
        webhook_targets=WebhookTargets(LOOPBACK_NETWORKS),  # the receivers run here
    ))


@pytest.fixture
def live_server(web_context: AppContext, clock: FixedClock) -> Iterator[LiveServer]:
    app = create_app(web_context)
    app.state.passwords = FAST_PASSWORDS
    with serving(app) as url:
        yield LiveServer(url, web_context, clock)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/ensure_chromium.sh (apt-get install "
                    "chromium) before the browser tests")
    launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                          args=CHROMIUM_ARGS)
    yield launched
    launched.close()


def _page(browser: Browser, server: LiveServer, viewport: dict[str, int]) -> Iterator[Page]:
    context = browser.new_context(base_url=server.url, viewport=viewport,  # type: ignore[arg-type]
                                  locale="en-IN", timezone_id="UTC")
    context.set_default_timeout(TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def desktop(browser: Browser, live_server: LiveServer) -> Iterator[Page]:
    yield from _page(browser, live_server, DESKTOP)


@pytest.fixture
def phone(browser: Browser, live_server: LiveServer) -> Iterator[Page]:
    yield from _page(browser, live_server, PHONE)


def sign_in(page: Page, email: str, password: str = PASSWORD) -> None:
    """Fill the login form and wait until the browser has left the login page."""
    page.goto("/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/login" not in url)


def _shot(page: Page, name: str, *, full_page: bool = True) -> Path:
    size = "phone" if page.viewport_size and page.viewport_size["width"] < 600 else "desktop"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}-{size}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def viewport_shot(page: Page, name: str) -> Path:
    """Like ``shot``, of what the window shows only: for pages tens of thousands of pixels tall
    (the API reference), whose full-page capture takes longer than any assertion needs."""
    return _shot(page, name, full_page=False)


@pytest.fixture
def shot() -> Callable[[Page, str], Path]:
    """``shot(page, "dashboard")`` saves the page as a full-page PNG and returns its path."""
    return _shot
