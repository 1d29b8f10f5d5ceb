"""The bank check's clients: operations over HTTP, each retried with its key until answered.

Every operation (a wallet-to-wallet transfer with the platform key, a merchant payment with
the merchant's key under the customer's mandate, a hold: a manual-capture one, then captured
or canceled, or a charge: a merchant payment without a mandate, which must wait for the
customer and never move money, or an order: the marketplace's order split across two or three
sellers, paid from the wallet under the customer's mandate, then often confirmed delivered)
carries an
``Idempotency-Key`` and the key again in its metadata (so the ledger can be searched for it).
Timeouts are random and often too short, so requests are cut off while the server still works
on them; a cut-off request, a refused connection (the server is down), a 5xx or a 409 (the
first attempt still running) is retried with the same key after a short backoff. Some applied
operations are sent again and must get the same answer.
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
from paysetu.check.horizon import Deadline, FixedDeadline, Horizon
from paysetu.check.world import CURRENCY, PAYMENT_MAX_MINOR, World

RETRY_PAUSE_S = 0.05
"""Pause between a failed attempt and its retry (a client's backoff, not a wait for a state)."""
TIMEOUT_RANGE_S = (0.02, 1.0)
"""A client's timeout is drawn from this range: short ones often cut requests off."""
REPLAY_SHARE = 0.2
"""Share of applied operations whose key is sent again (the answer must be the same)."""


@dataclass(slots=True)
class Operation:
    """What a client asked, and what it was finally told (``None``: not answered yet).

    A ``hold`` is a manual-capture payment: authorised first, then captured (in full or in
    part) or canceled by a second request with its own key.
    """

    key: str
    kind: str
    source: str
    target: str
    amount_minor: int
    answer: str | None = None
    """``applied`` or ``refused`` once answered."""
    object_id: str | None = None
    """The payment (pay_...) or the transfer's ledger entry (je_...) of an applied operation."""
    resolution: str | None = None
    """A hold's end: ``captured`` or ``canceled``; an order's ``delivered``; ``lost`` when
    the server no longer knew the authorisation or order it had acknowledged (asynchronous
    replication, a failover)."""
    resolve_request: tuple[str, str, dict[str, Any]] | None = None
    """A hold's second request (path, key, body) once sent: retried as is until answered."""


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
    applied: list[tuple[float, float]] = field(default_factory=list)
    """For each request answered with a success (2xx), ``time.monotonic()`` when its first
    attempt was sent and when the success came. A request first sent after a failure is a
    new key, so its success is a new commit (a retry of an older key may be answered from
    the stored response, committed before): the gaps are write unavailability."""


def _lines(op: Operation, world: World) -> list[dict[str, Any]]:
    """The order's lines: its amount over two or three sellers (by its key, reproducibly)."""
    count = 2 + int(op.key[-1], 16) % 2 if op.amount_minor >= 3 else 1
    sellers = world.sellers[:count]
    parts = [op.amount_minor // count] * count
    parts[0] += op.amount_minor - sum(parts)
    return [{"seller": s, "amount_minor": a, "description": f"line {n}"}
            for n, (s, a) in enumerate(zip(sellers, parts, strict=True))]


def _request(op: Operation, world: World) -> tuple[str, str, dict[str, Any]]:
    """(path, bearer key, JSON body) of the operation's first request."""
    metadata = {"op": op.key}
    if op.kind == "order":
        return ("/v1/marketplace_orders", world.merchant_keys[op.target], {
            "amount_minor": op.amount_minor, "currency": CURRENCY, "wallet": op.source,
            "mandate": world.mandates[op.source, op.target], "metadata": metadata,
            "lines": _lines(op, world)})
    if op.kind == "transfer":
        return (f"/v1/wallets/{op.source}/transfers", world.platform_key,
                {"destination": op.target, "amount_minor": op.amount_minor,
                 "currency": CURRENCY, "metadata": metadata})
    body = {"amount_minor": op.amount_minor, "currency": CURRENCY, "wallet": op.source,
            "confirm": True, "metadata": metadata,
            "capture_method": "manual" if op.kind == "hold" else "automatic"}
    if op.kind != "charge":
        body["mandate"] = world.mandates[op.source, op.target]
    return ("/v1/payments", world.merchant_keys[op.target], body)


def _object_id(op: Operation, body: dict[str, Any]) -> str | None:
    """The applied object, or None when the answer says nothing moved (a failed payment)."""
    if op.kind == "transfer":
        return str(body["journal_entry"])
    if op.kind == "order":
        return str(body["id"]) if body.get("status") == "paid" else None
    applied = "requires_capture" if op.kind == "hold" else "succeeded"  # a charge: never
    return str(body["id"]) if body.get("status") == applied else None


def _retryable(status: int) -> bool:
    """5xx, or 409 ``idempotency_key_in_use`` (the first attempt is still running)."""
    return status >= 500 or status == 409


class Client:
    """One client thread: operations until the horizon, then :meth:`finish` answers the rest."""

    def __init__(self, seed: int, world: World, server: ServerProcess, traffic: Traffic,
                 horizon: Horizon) -> None:
        self._rng = random.Random(seed)  # noqa: S311 - a workload, not a secret
        self._world, self._server, self._traffic = world, server, traffic
        self._horizon = horizon
        self.operations: list[Operation] = []

    def _next(self) -> Operation:
        source = self._rng.choice(self._world.wallets)
        amount = self._rng.randint(1, PAYMENT_MAX_MINOR)  # many before wallets run dry
        draw = self._rng.random()
        if draw < 0.4:
            target = self._rng.choice([w for w in self._world.wallets if w != source])
            return Operation(str(uuid.uuid4()), "transfer", source, target, amount)
        if draw >= 0.85:
            return Operation(str(uuid.uuid4()), "order", source, self._world.marketplace, amount)
        merchant = self._rng.choice(sorted(self._world.merchant_keys))
        kind = "payment" if draw < 0.65 else "charge" if draw < 0.72 else "hold"
        return Operation(str(uuid.uuid4()), kind, source, merchant, amount)

    def _send(self, client: httpx.Client, path: str, key: str, body: dict[str, Any],
              idempotency_key: str) -> httpx.Response | None:
        timeout = self._rng.uniform(*TIMEOUT_RANGE_S)
        with self._traffic.lock:
            self._traffic.attempts += 1
        try:
            return client.post(self._server.url + path, json=body, timeout=timeout,
                               headers={"Authorization": f"Bearer {key}",
                                        "Idempotency-Key": idempotency_key})
        except httpx.TransportError:
            with self._traffic.lock:
                self._traffic.transport_errors += 1
            return None

    def _answer(self, client: httpx.Client, request: tuple[str, str, dict[str, Any]],
                idempotency_key: str, until: Deadline) -> httpx.Response | None:
        """Send until a final answer (None if ``until`` passes first)."""
        first_sent = time.monotonic()
        while not until.passed():
            response = self._send(client, *request, idempotency_key)
            if response is not None and not _retryable(response.status_code):
                if response.is_success:
                    with self._traffic.lock:
                        self._traffic.applied.append((first_sent, time.monotonic()))
                return response
            if response is not None:
                with self._traffic.lock:
                    self._traffic.retried_answers[response.status_code] += 1
            time.sleep(RETRY_PAUSE_S)
        return None

    def _start(self, client: httpx.Client, op: Operation, until: Deadline) -> None:
        request = _request(op, self._world)
        response = self._answer(client, request, op.key, until)
        if response is None:
            return
        op.object_id = _object_id(op, response.json()) if response.is_success else None
        op.answer = "applied" if op.object_id else "refused"
        if op.kind == "charge" and response.is_success and not op.object_id:
            op.answer = "waiting"  # for the customer: what a mandate-less charge must get
        self._horizon.answered(op.kind, op.answer == "applied")
        # A transient refusal (insufficient funds) is not stored, so only answers that
        # applied something must come back the same.
        if op.answer == "applied" and self._rng.random() < REPLAY_SHARE:
            self._replay(client, request, op.key, response)

    def _resolve(self, client: httpx.Client, op: Operation, until: Deadline,
                 cancel: bool = False) -> None:
        """Capture (all or part) or cancel a held payment; the same request until answered."""
        if op.resolve_request is None:
            key = self._world.merchant_keys[op.target]
            if cancel or self._rng.random() < 0.4:
                op.resolve_request = (f"/v1/payments/{op.object_id}/cancel", key, {})
            else:
                part = {} if self._rng.random() < 0.5 else {
                    "amount_minor": self._rng.randint(1, op.amount_minor)}
                op.resolve_request = (f"/v1/payments/{op.object_id}/capture", key, part)
        response = self._answer(client, op.resolve_request, op.key + ":resolve", until)
        if response is None:
            return
        if response.status_code == 404:
            op.resolution = "lost"  # the authorisation it was told of is gone (a failover)
            return
        status = response.json().get("status") if response.is_success else None
        if status not in {"succeeded", "canceled"}:
            raise RuntimeError(f"hold {op.key}: {op.resolve_request[0]} answered "
                               f"{response.status_code} {response.text[:300]}")
        op.resolution = "captured" if status == "succeeded" else "canceled"

    def _replay(self, client: httpx.Client, request: tuple[str, str, dict[str, Any]],
                idempotency_key: str, first: httpx.Response) -> None:
        again = self._send(client, *request, idempotency_key)
        if again is None or _retryable(again.status_code):
            return  # a crash or a slow first write: nothing to compare
        with self._traffic.lock:
            self._traffic.replays_checked += 1
            if (again.status_code, again.json()) != (first.status_code, first.json()):
                self._traffic.replay_mismatches.append(
                    f"key {idempotency_key}: answered {first.status_code} {first.text[:200]} "
                    f"then {again.status_code} {again.text[:200]}")

    def run(self) -> None:
        with httpx.Client() as client:
            while not self._horizon.passed():
                op = self._next()
                self.operations.append(op)
                self._start(client, op, self._horizon)
                if op.kind == "hold" and op.answer == "applied":
                    self._resolve(client, op, self._horizon)
                if op.kind == "order" and op.answer == "applied" and self._rng.random() < 0.5:
                    self._deliver(client, op, self._horizon)

    def _deliver(self, client: httpx.Client, op: Operation, until: Deadline) -> None:
        """The buyer confirms an order's delivery: its shares are released to the sellers."""
        if op.resolve_request is None:
            op.resolve_request = (f"/v1/marketplace_orders/{op.object_id}/confirm_delivery",
                                  self._world.merchant_keys[op.target], {})
        response = self._answer(client, op.resolve_request, op.key + ":resolve", until)
        if response is None:
            return
        if response.status_code == 404:
            op.resolution = "lost"  # the order it was told of is gone (a failover)
            return
        if not response.is_success or {x["status"] for x in response.json()["shares"]} != {
                "released"}:
            raise RuntimeError(f"order {op.key}: confirm_delivery answered "
                               f"{response.status_code} {response.text[:300]}")
        op.resolution = "delivered"

    def finish(self, until: float) -> None:
        """After the traffic: learn the answer of every operation still open (the same
        request, the same key), and cancel every hold not yet captured or canceled, so that
        no reservation is left pending."""
        deadline = FixedDeadline(until)
        with httpx.Client() as client:
            for op in self.operations:
                if op.answer is None:
                    self._start(client, op, deadline)
                if op.kind == "hold" and op.answer == "applied" and op.resolution is None:
                    self._resolve(client, op, deadline, cancel=True)
                if op.kind == "order" and op.resolve_request is not None and (
                        op.resolution is None):
                    self._deliver(client, op, deadline)
