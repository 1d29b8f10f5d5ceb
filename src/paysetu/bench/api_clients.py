"""What one ``paysetu bench api`` client does: take payments for a timed window, over HTTP or not.

Both kinds of client complete the same payments on the same funded wallets:

- an HTTP client is one keep-alive connection (:mod:`.api_http`: the standard library's by
  default, or httpx), sending what a merchant's integration sends (the merchant's secret key,
  an ``Idempotency-Key`` on every POST, as Stripe's libraries do) to the real server over
  loopback;
- a ledger client applies a bare ledger transfer (one two-posting entry from a payer's wallet
  account to the merchant's account, through :class:`LedgerService`): the floor under any
  payment;
- a direct client calls the use cases the routes call, :func:`payments.create_payment` and
  :func:`payments.capture_payment`, each in its own unit of work, in a runtime wired by
  :func:`paysetu.bootstrap.build` (pool of one connection), without HTTP, authentication or
  idempotency records.

Every operation's latency is kept (a few hundred thousand floats at most), so percentiles are
exact rather than bucketed. Any unexpected answer stops the client with its body.
"""

from __future__ import annotations

import json
import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from paysetu.bench.api_http import HttpLibrary, Poster, poster

CURRENCY = "INR"
AMOUNT_MINOR_MIN = 1_00
AMOUNT_MINOR_MAX = 100_00


class Workload(StrEnum):
    AUTOMATIC = "automatic"
    """Create a payment with ``confirm: true`` and automatic capture: one request."""
    MANUAL = "manual"
    """Create and confirm with manual capture (an authorisation), then capture: two requests."""
    MARKETPLACE = "marketplace"
    """One marketplace order across five sellers paid from a wallet: one request (payment,
    split into five held shares with commission and tax, in one transaction)."""


class Channel(StrEnum):
    HTTP = "http"
    DIRECT = "direct"
    LEDGER = "ledger"


@dataclass(frozen=True, slots=True)
class ClientTask:
    """One client's share of a cell.

    Attributes:
        channel: Over HTTP (``base_url``, ``api_key``) or direct (``database_url``).
        merchant_id: The merchant paid (the key's merchant).
        api_key_id: The key's id (the direct client's principal).
        wallets: Funded wallets to pay from, picked at random.
        mandates: Each wallet's live mandate for the merchant (same order): a merchant's
            charge debits automatically only within one (docs/customers.md).
        start_at: ``time.monotonic()`` at which warm-up begins (one clock for all processes).
    """

    channel: Channel
    workload: Workload
    base_url: str
    api_key: str
    database_url: str
    merchant_id: str
    api_key_id: str
    wallets: tuple[str, ...]
    mandates: tuple[str, ...]
    wallet_accounts: tuple[str, ...]
    merchant_account: str
    seed: int
    start_at: float
    warmup_s: float
    duration_s: float
    sellers: tuple[str, ...] = ()
    """The marketplace's sellers (the ``marketplace`` workload: one line for each)."""
    http_client: HttpLibrary = HttpLibrary.STDLIB
    """The HTTP channel's client library."""


@dataclass(frozen=True, slots=True)
class ClientResult:
    """What one client measured: latencies (seconds) of the operations in the window."""

    latencies_s: list[float]
    elapsed_s: float
    applied: int
    """Every payment this client completed, warm-up included (checked against the database)."""
    cpu_s: float = 0.0
    """The client process's CPU over warm-up and window (``applied`` operations); with thread
    clients, the whole bench process's."""

    @property
    def ops_per_s(self) -> float:
        return len(self.latencies_s) / self.elapsed_s


Operation = Callable[[], None]


def _amount(rng: random.Random) -> int:
    return rng.randrange(AMOUNT_MINOR_MIN, AMOUNT_MINOR_MAX)


def _payer(task: ClientTask, rng: random.Random) -> tuple[str, str]:
    """A wallet picked at random and its mandate."""
    index = rng.randrange(len(task.wallets))
    return task.wallets[index], task.mandates[index]


def _expect(post: Poster, path: str, body: dict[str, Any] | None, status: str
            ) -> dict[str, Any]:
    """POST with a fresh idempotency key; the answer's object, which must have ``status``."""
    code, text = post(path, body, uuid.uuid4().hex)
    answer: dict[str, Any] = json.loads(text)
    if code != 200 or answer.get("status") != status:
        raise RuntimeError(f"POST {path}: {code} {text[:500]}")
    return answer


def _lines(task: ClientTask, rng: random.Random) -> list[tuple[str, int]]:
    return [(seller, _amount(rng)) for seller in task.sellers]


def http_operation(task: ClientTask, post: Poster, rng: random.Random) -> Operation:
    """One payment (or marketplace order) over HTTP."""
    manual = task.workload is Workload.MANUAL

    def order() -> None:
        lines = _lines(task, rng)
        wallet, mandate = _payer(task, rng)
        body = {"amount_minor": sum(a for _, a in lines), "currency": CURRENCY,
                "wallet": wallet, "mandate": mandate,
                "lines": [{"seller": s, "amount_minor": a} for s, a in lines]}
        _expect(post, "/v1/marketplace_orders", body, "paid")

    def pay() -> None:
        wallet, mandate = _payer(task, rng)
        body = {"amount_minor": _amount(rng), "currency": CURRENCY, "wallet": wallet,
                "mandate": mandate, "confirm": True,
                "capture_method": "manual" if manual else "automatic"}
        created = _expect(post, "/v1/payments", body,
                          "requires_capture" if manual else "succeeded")
        if manual:
            _expect(post, f"/v1/payments/{created['id']}/capture", None, "succeeded")

    return order if task.workload is Workload.MARKETPLACE else pay


def direct_operation(task: ClientTask, context: Any, rng: random.Random) -> Operation:
    """One payment through the use cases (``context`` is the runtime's ``AppContext``)."""
    # Imported here, in the worker process, not at the bench's start.
    from paysetu.access.rules.principals import Principal, Role  # noqa: PLC0415
    from paysetu.marketplace.rules.records import OrderLine  # noqa: PLC0415
    from paysetu.marketplace.usecases import orders  # noqa: PLC0415
    from paysetu.payments.usecases import payments  # noqa: PLC0415

    caller = Principal(task.api_key_id, Role.MERCHANT, task.merchant_id, livemode=False)
    manual = task.workload is Workload.MANUAL

    def order() -> None:
        lines = [OrderLine(s, a, None, None) for s, a in _lines(task, rng)]
        wallet, mandate = _payer(task, rng)
        command = orders.CreateOrder(sum(x.amount_minor for x in lines), CURRENCY, lines,
                                     wallet=wallet, mandate=mandate)
        with context.uow_factory() as uow:
            orders.create_order(context, uow, caller, command, "http://127.0.0.1")
            uow.commit()

    def pay() -> None:
        wallet, mandate = _payer(task, rng)
        command = payments.CreatePayment(
            _amount(rng), CURRENCY, wallet, mandate=mandate,
            capture_method="manual" if manual else "automatic", confirm=True)
        with context.uow_factory() as uow:
            created = payments.create_payment(context, uow, caller, command)
            uow.commit()
        if manual:
            with context.uow_factory() as uow:
                payments.capture_payment(context, uow, caller, created["id"], None)
                uow.commit()

    return order if task.workload is Workload.MARKETPLACE else pay


def ledger_transfer(ledger: Any, shop: Any, amount_minor: int = AMOUNT_MINOR_MIN
                    ) -> Callable[[int], None]:
    """``transfer(n)``: one bare entry from the n-th wallet's account to the merchant's
    (``ledger`` is a ``LedgerService``, ``shop`` anything with ``wallet_accounts`` and
    ``merchant_account``)."""
    from paysetu.ledger.rules.entries import Direction, NewEntry, Posting  # noqa: PLC0415

    accounts: tuple[str, ...] = shop.wallet_accounts

    def transfer(number: int) -> None:
        ledger.apply([NewEntry(ledger.new_entry_id(), (
            Posting(accounts[number % len(accounts)], Direction.DEBIT, amount_minor, CURRENCY),
            Posting(shop.merchant_account, Direction.CREDIT, amount_minor, CURRENCY),
        ))])

    return transfer


def ledger_operation(task: ClientTask, ledger: Any, rng: random.Random) -> Operation:
    """One bare ledger transfer of a random amount from a random payer to the merchant."""
    def transfer() -> None:
        ledger_transfer(ledger, task, _amount(rng))(rng.randrange(len(task.wallet_accounts)))

    return transfer


def timed(operation: Operation, warm_until: float, measure_until: float) -> ClientResult:
    """Run until ``measure_until``; time only operations begun after ``warm_until``."""
    applied = 0
    while time.monotonic() < warm_until:
        operation()
        applied += 1
    latencies: list[float] = []
    began = time.monotonic()
    while True:
        started = time.perf_counter()
        operation()
        latencies.append(time.perf_counter() - started)
        finished = time.monotonic()
        if finished >= measure_until:
            return ClientResult(latencies, finished - began, applied + len(latencies))


def _wait_and_time(operation: Operation, task: ClientTask) -> ClientResult:
    time.sleep(max(0.0, task.start_at - time.monotonic()))
    warm_until = task.start_at + task.warmup_s
    cpu_before = time.process_time()
    result = timed(operation, warm_until, warm_until + task.duration_s)
    return replace(result, cpu_s=time.process_time() - cpu_before)


def run_client(task: ClientTask) -> ClientResult:
    """Entry point of a client process (or thread): connect, wait for the start, measure."""
    rng = random.Random(task.seed)  # noqa: S311 - workload shape, not secrets
    if task.channel is Channel.HTTP:
        with poster(task.http_client, task.base_url, task.api_key) as post:
            return _wait_and_time(http_operation(task, post, rng), task)
    from paysetu.bootstrap import build  # noqa: PLC0415 - in the worker process
    from paysetu.config import Settings  # noqa: PLC0415

    runtime = build(Settings(database_url=task.database_url, db_pool_size=1,
                             mandate_pre_debit_notice_s=0),
                    migrate_schema=False)
    try:
        if task.channel is Channel.LEDGER:
            return _wait_and_time(ledger_operation(task, runtime.ledger, rng), task)
        return _wait_and_time(direct_operation(task, runtime.context, rng), task)
    finally:
        runtime.close()
