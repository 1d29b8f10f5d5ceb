"""Senders of webhook requests: over HTTP with httpx, and a recording fake for tests.

The HTTP sender connects only to public addresses, or to networks the operator allowed
(:mod:`.guarded_network`, judged at connection time), never follows redirects (a 3xx is a failed
attempt, as at Stripe: the signed request must reach the registered URL), never raises for
network trouble (refused targets and connections, timeouts and TLS errors are results, with the
reason in ``error``), and keeps neither request headers nor response bodies in what it
returns, so no signature or secret reaches the log.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Self

import httpx

from paysetu.events.rules.targets import Network
from paysetu.events.rules.webhooks import SendResult
from paysetu.events.stores.guarded_network import guarded_client

ERROR_LENGTH_MAX = 300


def _elapsed_ms(started: float) -> int:
    return max(0, round((time.perf_counter() - started) * 1000))


class HttpWebhookSender:
    """:class:`~paysetu.app.ports.WebhookSender` over one pooled ``httpx.Client``."""

    def __init__(
        self, timeout_s: float = 10.0, transport: httpx.BaseTransport | None = None,
        allowed_networks: Sequence[Network] = (),
    ) -> None:
        self._client = guarded_client(timeout_s, allowed_networks, transport)

    def send(self, url: str, body: bytes, headers: dict[str, str]) -> SendResult:
        started = time.perf_counter()
        try:
            response = self._client.post(url, content=body, headers=headers)
        except httpx.TimeoutException as error:
            return SendResult(None, f"timeout: {type(error).__name__}", _elapsed_ms(started))
        except httpx.HTTPError as error:
            reason = f"{type(error).__name__}: {error}"[:ERROR_LENGTH_MAX]
            return SendResult(None, reason, _elapsed_ms(started))
        duration_ms = _elapsed_ms(started)
        if 200 <= response.status_code < 300:
            return SendResult(response.status_code, None, duration_ms)
        return SendResult(response.status_code, f"HTTP {response.status_code}", duration_ms)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


@dataclass
class SentRequest:
    url: str
    body: bytes
    headers: dict[str, str]


@dataclass
class RecordingWebhookSender:
    """A fake sender: records each request and answers with the next scripted status (200 once
    the script runs out); ``None`` in the script stands for an unreachable endpoint."""

    script: list[int | None] = field(default_factory=list)
    sent: list[SentRequest] = field(default_factory=list)

    def send(self, url: str, body: bytes, headers: dict[str, str]) -> SendResult:
        self.sent.append(SentRequest(url, body, dict(headers)))
        status = self.script.pop(0) if self.script else 200
        if status is None:
            return SendResult(None, "ConnectError: unreachable (fake)", 0)
        error = None if 200 <= status < 300 else f"HTTP {status}"
        return SendResult(status, error, 0)
