"""The bank check's webhook receiver: verifies every delivery, records each event id once.

Written as a merchant would (:func:`paysetu.webhooks.verify_signature` with the endpoint's
secret, found by the URL path; 400 for anything that fails), so that "every event delivered at
least once" is checked on what a real receiver accepted, not on the outbox's own records.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

from paysetu.check.loopback import loopback_server
from paysetu.webhooks import SIGNATURE_HEADER, SignatureVerificationError, verify_signature


@dataclass
class Receiver:
    """Secrets by endpoint path; what arrived, deduplicated by event id."""

    base_url: str = ""
    secrets: dict[str, str] = field(default_factory=dict)
    events: set[str] = field(default_factory=set)
    deliveries: int = 0
    refused: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url_for(self, name: str) -> str:
        return f"{self.base_url}/hooks/{name}"

    def handle(self, path: str, body: bytes, signature: str) -> int:
        secret = self.secrets.get(path.rsplit("/", 1)[-1])
        with self.lock:
            self.deliveries += 1
            if secret is None:
                self.refused["unknown endpoint"] += 1
                return 404
            try:
                event = verify_signature(body, signature, secret, now=int(time.time()))
            except SignatureVerificationError as error:
                self.refused[error.reason] += 1
                return 400
            self.events.add(str(event["id"]))
        return 200


def _handler(receiver: Receiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            status = receiver.handle(self.path, body, self.headers.get(SIGNATURE_HEADER, ""))
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the report counts what arrived."""

    return Handler


@contextmanager
def running_receiver() -> Iterator[Receiver]:
    """A receiver on 127.0.0.1 at a free port, stopped afterwards."""
    receiver = Receiver()
    with loopback_server(_handler(receiver), "check-receiver") as base_url:
        receiver.base_url = base_url
        yield receiver
