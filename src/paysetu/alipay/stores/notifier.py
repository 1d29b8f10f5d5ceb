"""Senders of the gateway's notifications: form-encoded POSTs over httpx, and a recording fake.

Like the webhook sender (:mod:`paysetu.events.stores.webhook_sender`): public addresses only
(or networks the operator allowed), judged when connecting; no redirects followed,
network trouble is a result and never an exception, and neither the form (it carries a
signature) nor the receiver's body reaches the returned error beyond a short excerpt of what it
answered instead of ``success``.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Self

import httpx

from paysetu.alipay.rules.gateway import NOTIFY_SUCCESS
from paysetu.events.rules.targets import Network
from paysetu.events.rules.webhooks import SendResult
from paysetu.events.stores.guarded_network import guarded_client

ERROR_LENGTH_MAX = 300
ANSWER_EXCERPT_MAX = 40


def _elapsed_ms(started: float) -> int:
    return max(0, round((time.perf_counter() - started) * 1000))


def outcome(status_code: int, body: str, duration_ms: int) -> SendResult:
    """Acknowledged only by a 2xx whose body is ``success``."""
    if 200 <= status_code < 300 and body.strip() == NOTIFY_SUCCESS:
        return SendResult(status_code, None, duration_ms)
    answered = body.strip()[:ANSWER_EXCERPT_MAX]
    return SendResult(status_code, f"HTTP {status_code}, answered {answered!r}", duration_ms)


class HttpAlipayNotifier:
    """:class:`~paysetu.alipay.usecases.ports.AlipayNotifier` over one pooled ``httpx.Client``."""

    def __init__(self, timeout_s: float = 10.0, allowed_networks: Sequence[Network] = (),
                 transport: httpx.BaseTransport | None = None) -> None:
        self._timeout_s = timeout_s
        self._allowed = tuple(allowed_networks)
        self._transport = transport
        self._client: httpx.Client | None = None
        """Opened on the first notification: most processes (the API, the CLI) send none."""

    def send(self, url: str, form: Mapping[str, str]) -> SendResult:
        if self._client is None:
            self._client = guarded_client(self._timeout_s, self._allowed, self._transport)
        started = time.perf_counter()
        try:
            response = self._client.post(url, data=dict(form))
        except httpx.TimeoutException as error:
            return SendResult(None, f"timeout: {type(error).__name__}", _elapsed_ms(started))
        except httpx.HTTPError as error:
            reason = f"{type(error).__name__}: {error}"[:ERROR_LENGTH_MAX]
            return SendResult(None, reason, _elapsed_ms(started))
        return outcome(response.status_code, response.text, _elapsed_ms(started))

    def close(self) -> None:
        if self._client is not None:
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
class RecordingAlipayNotifier:
    """A fake: records each form and answers the next scripted body (``success`` once the
    script runs out)."""

    script: list[str] = field(default_factory=list)
    sent: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def send(self, url: str, form: Mapping[str, str]) -> SendResult:
        self.sent.append((url, dict(form)))
        body = self.script.pop(0) if self.script else NOTIFY_SUCCESS
        return outcome(200, body, 0)
