"""Parallel requests with one Idempotency-Key pay once.

The key's advisory lock and its stored response are read together with the ``BEGIN`` in one
pipeline, and the stored response is queued to travel with the ``COMMIT``
(``paysetu.db.deferred``): whoever loses the race is told the key is in use, or replays the
winner's answer once it committed; the wallet is debited once either way.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi.testclient import TestClient

from tests.api.conftest import Keys
from tests.api.payment_setup import error_code, merchant, ok, wallet, wallet_balance

SENDERS = 6


def test_parallel_payments_with_one_idempotency_key_debit_the_wallet_once(
    client: TestClient, keys: Keys,
) -> None:
    merchant_id = merchant(client, keys)
    wallet_id = wallet(client, keys, funds_minor=10_000)
    body = {"amount_minor": 500, "currency": "INR", "wallet": wallet_id, "confirm": True,
            "merchant": merchant_id, "operator_reason": "test: parallel retries"}
    headers = {**keys.platform, "Idempotency-Key": "pay-race-1"}
    start = threading.Barrier(SENDERS)

    def send(_: int) -> Any:
        start.wait()
        return client.post("/v1/payments", json=body, headers=headers)

    with ThreadPoolExecutor(SENDERS) as pool:
        responses = list(pool.map(send, range(SENDERS)))
    paid = {ok(r)["id"] for r in responses if r.status_code == 200}
    refused = [error_code(r, 409) for r in responses if r.status_code != 200]
    assert len(paid) == 1, responses
    assert set(refused) <= {"idempotency_key_in_use"}, refused
    replay = ok(client.post("/v1/payments", json=body, headers=headers))
    assert replay["id"] in paid
    assert replay["status"] == "succeeded"
    assert wallet_balance(client, keys, wallet_id) == (10_000 - 500, 0)
