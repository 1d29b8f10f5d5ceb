"""A merchant's webhook receiver, as a merchant would write one, on a real local HTTP port.

It verifies each request with :func:`paysetu.webhooks.verify_signature` (400 if that fails),
answers 500 to the first ``failures`` genuine requests (a merchant's bad deploy), and then
processes each event once: a redelivered event id is acknowledged but not processed again.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

from paysetu.check.loopback import loopback_server
from paysetu.webhooks import SIGNATURE_HEADER, SignatureVerificationError, verify_signature


@dataclass
class Received:
    """One request as it arrived, and what the receiver answered."""

    body: bytes
    signature: str
    status: int
    refusal: str | None = None


@dataclass
class Receiver:
    now: Callable[[], int]
    secret: str = ""
    failures: int = 0
    url: str = ""
    requests: list[Received] = field(default_factory=list)
    processed: dict[str, dict[str, Any]] = field(default_factory=dict)
    process_count: int = 0
    got_one: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def handle(self, body: bytes, signature: str) -> int:
        with self.lock:
            try:
                event = verify_signature(body, signature, self.secret, now=self.now())
            except SignatureVerificationError as error:
                self.requests.append(Received(body, signature, 400, error.reason))
                return 400
            status = 200
            if self.failures > 0:
                self.failures -= 1
                status = 500
            elif event["id"] not in self.processed:
                self.processed[event["id"]] = event
                self.process_count += 1
            self.requests.append(Received(body, signature, status))
        self.got_one.set()
        return status


def _handler(receiver: Receiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            status = receiver.handle(body, self.headers.get(SIGNATURE_HEADER, ""))
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the test asserts on ``receiver.requests`` instead."""

    return Handler


@contextmanager
def running_receiver(now: Callable[[], int], failures: int = 0) -> Iterator[Receiver]:
    """A receiver on 127.0.0.1 at a free port, stopped (and its port closed) afterwards."""
    receiver = Receiver(now, failures=failures)
    with loopback_server(_handler(receiver), "webhook-receiver") as base_url:
        receiver.url = f"{base_url}/hooks"
        yield receiver


def dead_url() -> str:
    """A URL on a local port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/hooks"
