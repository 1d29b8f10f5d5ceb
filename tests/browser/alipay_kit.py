"""The Alipay gateway in browser tests: the server's gateway wiring and a merchant's shop.

A browser test module turns the gateway on by overriding the ``alipay_policy`` fixture of
``tests/browser/conftest.py`` with :func:`gateway_policy` (every other browser test keeps a
server without it). The merchant's side is written as a merchant writes it with the published
``python-alipay-sdk``, unmodified (``tests/api/alipay_setup.py``): the return page and the notify
endpoint each hand what they received to the SDK's own ``verify()``.

The SDK stamps requests with the host's local time (``datetime.now()``, no zone), so the
gateway reads them in this process's zone and :func:`align_clock` puts the server's injected
clock on the same instant before the SDK signs anything (the tolerance window is 30 minutes).
"""

from __future__ import annotations

import html
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from alipay import AliPay

from paysetu.alipay.stores.notifier import HttpAlipayNotifier
from paysetu.alipay.stores.rsa_keys import PlatformKeyFile
from paysetu.alipay.usecases.ports import AlipayPolicy
from paysetu.check.loopback import loopback_server
from paysetu.events.rules.targets import LOOPBACK_NETWORKS
from tests.api.alipay_setup import key_pair, local_zone, sdk
from tests.browser.conftest import LiveServer
from tests.browser.shop import Shop, ok

RETURN_PATH = "/alipay/return"


@contextmanager
def gateway_policy(key_dir: Path) -> Iterator[AlipayPolicy]:
    """The gateway's wiring: a platform key file in ``key_dir``, HTTP notifications, the
    process's zone (the SDK's timestamps are local time)."""
    notifier = HttpAlipayNotifier(timeout_s=10, allowed_networks=LOOPBACK_NETWORKS)
    try:
        yield AlipayPolicy(PlatformKeyFile(key_dir / "platform_key.pem"), notifier, local_zone())
    finally:
        notifier.close()


def align_clock(server: LiveServer) -> None:
    """Put the server's injected clock on the instant the SDK stamps its requests with."""
    server.clock.set(datetime.now(UTC))


def register_app(server: LiveServer, shop: Shop, notify_url: str | None) -> AliPay:
    """Register the shop's app through the API; the SDK client the shop then configures."""
    body: dict[str, Any] = {"public_key": key_pair("merchant").public_pem}
    if notify_url is not None:
        body["notify_url"] = notify_url
    with server.api() as api:
        app = ok(api.post("/v1/alipay_apps", headers=shop.merchant_key, json=body))
    return sdk(app["id"], app["platform_public_key"], f"{server.url}/gateway.do")


@dataclass
class MerchantSite:
    """The shop's return page and notify endpoint on a loopback port, verifying with the SDK.

    Attributes:
        returns: The query parameters of each visit to the return page, and the SDK's verdict.
        notifications: Each notification form received, and the SDK's verdict.
    """

    url: str = ""
    client: AliPay | None = None
    returns: list[tuple[dict[str, str], bool]] = field(default_factory=list)
    notifications: list[tuple[dict[str, str], bool]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def return_url(self) -> str:
        return f"{self.url}{RETURN_PATH}?shop=chai"

    @property
    def notify_url(self) -> str:
        return f"{self.url}/alipay/notify"

    def verified(self, params: dict[str, str]) -> bool:
        """What a merchant's handler does: everything but ``sign`` to ``verify()``."""
        data = dict(params)
        signature = data.pop("sign", "")
        assert self.client is not None, "the site's SDK client is set before any visit"
        return bool(self.client.verify(data, signature))

    def return_page(self, query: str) -> bytes:
        params = dict(parse_qsl(query, keep_blank_values=True))
        verified = self.verified(params)
        with self.lock:
            self.returns.append((params, verified))
        verdict = "Payment verified" if verified else "Signature check failed"
        order = html.escape(params.get("out_trade_no", ""))
        return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name='
                f'"viewport" content="width=device-width, initial-scale=1"><title>Chai Point'
                f'</title></head><body style="font-family:sans-serif;margin:2rem"><h1>Chai Point'
                f'</h1><p data-testid="verdict">{verdict}</p><p>Order <strong data-testid='
                f'"order">{order}</strong>: thank you!</p></body></html>').encode()

    def notify(self, body: bytes) -> bytes:
        form = dict(parse_qsl(body.decode(), keep_blank_values=True))
        verified = self.verified(form)
        with self.lock:
            self.notifications.append((form, verified))
        return b"success" if verified else b"fail"


def _handler(site: MerchantSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _answer(self, status: int, content_type: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            if parts.path != RETURN_PATH:
                self._answer(404, "text/plain", b"not found")
                return
            self._answer(200, "text/html; charset=utf-8", site.return_page(parts.query))

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            self._answer(200, "text/plain", site.notify(body))

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: tests assert on what the site recorded."""

    return Handler


@contextmanager
def merchant_site() -> Iterator[MerchantSite]:
    """The shop's site on 127.0.0.1 at a free port (set ``client`` before the first visit)."""
    site = MerchantSite()
    with loopback_server(_handler(site), "alipay-merchant-site") as base_url:
        site.url = base_url
        yield site
