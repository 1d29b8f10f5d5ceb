"""Alipay gateway test kit: an app key pair, a live paysetu server, a notification receiver.

The server is the real app under uvicorn on a free loopback port, in a thread of this process,
with the system clock (the SDK stamps requests with ``datetime.now()``) and the gateway's zone
set to this process's local zone (what an operator configures for its merchants' hosts). The
receiver is a merchant's notify endpoint written as a merchant writes one: it hands the form to
the SDK's own ``verify()`` and answers ``success`` only when that accepts it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qsl

from alipay import AliPay
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from paysetu.app.context import AppContext
from paysetu.app.http.app import create_app
from paysetu.check.loopback import loopback_server
from tests.serving import serving


@dataclass(frozen=True)
class KeyPair:
    private_pem: str
    public_pem: str


@cache
def key_pair(name: str) -> KeyPair:
    """A 2048-bit RSA key pair per name (generated once per session), PEM encoded."""
    del name  # the cache key: distinct names, distinct pairs
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(serialization.Encoding.PEM,
                                serialization.PrivateFormat.TraditionalOpenSSL,
                                serialization.NoEncryption()).decode()
    public = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    return KeyPair(private, public)


def sdk(app_id: str, platform_public_key: str, gateway_url: str, *, keys: str = "merchant",
        sign_type: str = "RSA2", notify_url: str | None = None) -> AliPay:
    """The published SDK, unmodified; only its gateway address is set."""
    client = AliPay(appid=app_id, app_notify_url=notify_url,
                    app_private_key_string=key_pair(keys).private_pem,
                    alipay_public_key_string=platform_public_key, sign_type=sign_type)
    client._gateway = gateway_url
    return client


@contextmanager
def live_server(context: AppContext) -> Iterator[str]:
    """The app on 127.0.0.1 at a free port; its base URL (no trailing slash)."""
    with serving(create_app(context)) as url:
        yield url


def local_zone() -> Any:
    """This process's local zone: the zone of the SDK's ``datetime.now()`` timestamps."""
    return datetime.now().astimezone().tzinfo


@dataclass
class Receiver:
    """A merchant's notify endpoint; ``verifier`` is the merchant's SDK client."""

    verifier: AliPay | None = None
    url: str = ""
    received: list[tuple[dict[str, str], bool]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def handle(self, body: bytes) -> bytes:
        form = dict(parse_qsl(body.decode(), keep_blank_values=True))
        data = dict(form)
        signature = data.pop("sign", "")
        assert self.verifier is not None
        verified = self.verifier.verify(data, signature)
        with self.lock:
            self.received.append((form, verified))
        return b"success" if verified else b"fail"


def _handler(receiver: Receiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            answer = receiver.handle(body)
            self.send_response(200)
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: tests assert on ``receiver.received``."""

    return Handler


@contextmanager
def running_receiver() -> Iterator[Receiver]:
    receiver = Receiver()
    with loopback_server(_handler(receiver), "alipay-notify-receiver") as base_url:
        receiver.url = f"{base_url}/alipay/notify"
        yield receiver


def app_body(merchant_id: str) -> dict[str, Any]:
    """A ``POST /v1/alipay_apps`` body for the merchant (the platform key names it)."""
    return {"public_key": key_pair("merchant").public_pem, "merchant": merchant_id}


def precreate_query(app: dict[str, Any], out_trade_no: str, at: datetime,
                    notify_url: str | None = None) -> str:
    """The signed query string of a precreate of 1.00 INR, stamped ``at`` (the server's
    clock, in its zone: a test server on a fixed clock sees the SDK's time as ``at``)."""
    client = sdk(app["id"], app["platform_public_key"], "http://testserver/gateway.do")
    body = client.build_body("alipay.trade.precreate", {
        "out_trade_no": out_trade_no, "total_amount": "1.00", "subject": "Matrix",
        "trans_currency": "INR"}, timestamp=at.strftime("%Y-%m-%d %H:%M:%S"),
        notify_url=notify_url)
    return str(client.sign_data(body))


def trade_no_of(app: dict[str, Any], response_text: str) -> str:
    """The trade number in a precreate answer, once the SDK verified the answer."""
    client = sdk(app["id"], app["platform_public_key"], "http://testserver/gateway.do")
    answer = client._verify_and_return_sync_response(response_text,
                                                     "alipay_trade_precreate_response")
    assert answer["code"] == "10000", answer
    return str(answer["qr_code"]).rsplit("/", 1)[-1]
