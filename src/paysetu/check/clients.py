"""The bank check's clients: operations over HTTP, each retried with its key until answered.

Every operation (a wallet-to-wallet transfer with the platform key, or a merchant payment with
the merchant's key) carries an ``Idempotency-Key`` and the key again in its metadata (so the
ledger can be searched for it). Timeouts are random and often too short, so requests are cut
off while the server still works on them; a cut-off request, a refused connection (the server
is down), a 5xx or a 409 (the first attempt still running) is retried with the same key after
a short backoff. Some answered operations are sent again and must get the same answer.
"""

from __future__ import annotations

import random
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import httpx

from paysetu.bench.api_server import ServerProcess
from paysetu.check.world import CURRENCY, World

RETRY_PAUSE_S = 0.05
"""Pause between a failed attempt and its retry (a client's backoff, not a wait for a state)."""
TIMEOUT_RANGE_S = (0.02, 1.0)
"""A client's timeout is drawn from this range: short ones often cut requests off."""
REPLAY_SHARE = 0.2
"""Share of applied operations whose key is sent again (the answer must be the same)."""


@dataclass(slots=True)
class Operation:
    """What a client asked, and what it was finally told (``None``: never answered)."""

    key: str
    kind: str
    source: str
    target: str
    amount_minor: int
    answer: str | None = None
    """``applied`` or ``refused`` once answered."""
    object_id: str | None = None
    """The payment (pay_...) or the transfer's ledger entry (je_...) of an applied operation."""


@dataclass(slots=True)
class Traffic:
    """What all clients saw, counted under one lock."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    attempts: int = 0
    transport_errors: int = 0
    """Attempts that timed out, were cut off by a crash, or found no server."""
    retried_answers: Counter[int] = field(default_factory=Counter)
    """HTTP statuses that were retried (5xx, 409 idempotency_key_in_use)."""
    replays_checked: int = 0
    replay_mismatches: list[str] = field(default_factory=list)


def _request(op: Operation, world: World) -> tuple[str, str, dict[str, Any]]:
    """(path, bearer key, JSON body) of the operation."""
    metadata = {"op": op.key}
    if op.kind == "transfer":
        return (f"/v1/wallets/{op.source}/transfers", world.platform_key,
                {"destination": op.target, "amount_minor": op.amount_minor,
                 "currency": CURRENCY, "metadata": metadata})
    return ("/v1/payments", world.merchant_keys[op.target],
            {"amount_minor": op.amount_minor, "currency": CURRENCY, "wallet": op.source,
             "confirm": True, "metadata": metadata})


def _object_id(op: Operation, body: dict[str, Any]) -> str | None:
    """The applied object, or None when the answer says nothing moved (a failed payment)."""
    if op.kind == "transfer":
        return str(body["journal_entry"])
    return str(body["id"]) if body.get("status") == "succeeded" else None


def _retryable(status: int) -> bool:
    """5xx, or 409 ``idempotency_key_in_use`` (the first attempt is still running)."""
    return status >= 500 or status == 409


class Client:
    """One client thread: operations until the deadline."""

    def __init__(self, seed: int, world: World, server: ServerProcess, traffic: Traffic,
                 deadline: float) -> None:
        self._rng = random.Random(seed)  # noqa: S311 - a workload, not a secret
        self._world, self._server, self._traffic = world, server, traffic
        self._deadline = deadline
        self.operations: list[Operation] = []

    def _next(self) -> Operation:
        source = self._rng.choice(self._world.wallets)
        amount = self._rng.randint(1, 3_000_00)
        if self._rng.random() < 0.5:
            target = self._rng.choice([w for w in self._world.wallets if w != source])
            return Operation(str(uuid.uuid4()), "transfer", source, target, amount)
        merchant = self._rng.choice(sorted(self._world.merchant_keys))
        return Operation(str(uuid.uuid4()), "payment", source, merchant, amount)

    def _send(self, client: httpx.Client, op: Operation) -> httpx.Response | None:
        path, key, body = _request(op, self._world)
        timeout = self._rng.uniform(*TIMEOUT_RANGE_S)
        with self._traffic.lock:
            self._traffic.attempts += 1
        try:
            return client.post(self._server.url + path, json=body, timeout=timeout,
                               headers={"Authorization": f"Bearer {key}",
                                        "Idempotency-Key": op.key})
        except httpx.TransportError:
            with self._traffic.lock:
                self._traffic.transport_errors += 1
            return None

    def _settle(self, client: httpx.Client, op: Operation) -> None:
        """Send until answered (or the deadline passes; the operation then stays unknown)."""
        while time.monotonic() < self._deadline:
            response = self._send(client, op)
            if response is None or _retryable(response.status_code):
                if response is not None:
                    with self._traffic.lock:
                        self._traffic.retried_answers[response.status_code] += 1
                time.sleep(RETRY_PAUSE_S)
                continue
            op.object_id = _object_id(op, response.json()) if response.is_success else None
            op.answer = "applied" if op.object_id else "refused"
            # A transient refusal (insufficient funds) is not stored, so only answers that
            # applied something must come back the same.
            if op.answer == "applied" and self._rng.random() < REPLAY_SHARE:
                self._replay(client, op, response)
            return

    def _replay(self, client: httpx.Client, op: Operation, first: httpx.Response) -> None:
        again = self._send(client, op)
        if again is None or _retryable(again.status_code):
            return  # a crash or a slow first write: nothing to compare
        with self._traffic.lock:
            self._traffic.replays_checked += 1
            if (again.status_code, again.json()) != (first.status_code, first.json()):
                self._traffic.replay_mismatches.append(
                    f"key {op.key}: answered {first.status_code} {first.text[:200]} then "
                    f"{again.status_code} {again.text[:200]}")

    def run(self) -> None:
        with httpx.Client() as client:
            while time.monotonic() < self._deadline:
                op = self._next()
                self.operations.append(op)
                self._settle(client, op)
