"""Person-to-person money over the customer API: send by number after seeing the masked
payee, refusals that write nothing, idempotency, and money requests (pay, decline, cancel,
expire)."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from argon2 import PasswordHasher
from fastapi.testclient import TestClient

from paysetu.access.stores.passwords import Argon2Passwords
from paysetu.app import worker
from paysetu.app.context import AppContext
from paysetu.customers.usecases import pins, transfers
from paysetu.kernel.clock import FixedClock
from tests.api.conftest import Keys
from tests.api.customer_setup import PIN, sign_in, signed_in_with_pin
from tests.api.payment_setup import error_code, ok, top_up, wallet_balance

MEERA, RAVI, NOBODY = "+919000000001", "+919000000002", "+919000000003"


def _person(
    client: TestClient, keys: Keys, name: str, phone: str, funds_minor: int = 0,
    kyc_tier: str = "full",
) -> tuple[str, str]:
    customer = ok(client.post("/v1/customers", headers=keys.platform, json={
        "name": name, "kyc_tier": kyc_tier, "phone": phone}))
    wallet = ok(client.post("/v1/wallets", headers=keys.platform,
                            json={"customer": customer["id"], "currency": "INR"}))
    if funds_minor:
        top_up(client, keys, wallet["id"], funds_minor)
    return str(customer["id"]), str(wallet["id"])


def _counts(app_context: AppContext) -> tuple[int, ...]:
    """Transfers, money requests and journal entries written so far."""
    with app_context.reader() as uow:
        connection: sa.Connection = uow._connection  # type: ignore[attr-defined]
        return tuple(int(connection.execute(sa.text(f"SELECT count(*) FROM {table}"))
                         .scalar_one())
                     for table in ("customer_transfers", "money_requests", "ledger_entries"))


def _send(client: TestClient, headers: dict[str, str], phone: str, amount_minor: int,
          key: str | None = None, **fields: Any) -> Any:
    extra = {} if key is None else {"Idempotency-Key": key}
    return client.post("/v1/customer/transfers", headers={**headers, **extra}, json={
        "phone": phone, "amount_minor": amount_minor, "currency": "INR", "pin": PIN, **fields})


def test_the_payer_sees_the_masked_payee_then_sends_with_the_pin(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    _, meera_wallet = _person(client, keys, "Meera Sharma", MEERA, 1_000_00)
    ravi, ravi_wallet = _person(client, keys, "Ravi Kumar Verma", RAVI)
    meera = signed_in_with_pin(client, app_context, MEERA)
    payee = ok(client.post("/v1/customer/payees", headers=meera, json={"phone": "90000 00002"}))
    assert payee == {"object": "payee", "name": "Ravi K*** V***", "phone": "+91********02"}
    sent = ok(_send(client, meera, "9000000002", 250_00, note="Chai and samosa"))
    assert (sent["object"], sent["payee"], sent["consent"]) == ("customer_transfer", ravi,
                                                                 "customer")
    assert (sent["amount_minor"], sent["note"], sent["payee_wallet"]) == (250_00,
                                                                          "Chai and samosa",
                                                                          ravi_wallet)
    assert wallet_balance(client, keys, meera_wallet) == (750_00, 0)
    assert wallet_balance(client, keys, ravi_wallet) == (250_00, 0)
    ravi_session = signed_in_with_pin(client, app_context, RAVI)
    (received,) = ok(client.get("/v1/customer/transfers", headers=ravi_session))["data"]
    assert received["id"] == sent["id"]
    assert ok(client.get(f"/v1/customer/transfers/{sent['id']}", headers=meera))["id"] == sent["id"]


def test_refusals_write_nothing(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    _, meera_wallet = _person(client, keys, "Meera Sharma", MEERA, 100_00)
    _person(client, keys, "Ravi Kumar", RAVI)
    nowallet = ok(client.post("/v1/customers", headers=keys.platform, json={
        "name": "Nina", "kyc_tier": "full", "phone": NOBODY}))
    assert nowallet["id"]
    meera = signed_in_with_pin(client, app_context, MEERA)
    before = _counts(app_context)
    assert error_code(_send(client, meera, MEERA, 10_00), 400) == "payee_is_self"
    assert error_code(_send(client, meera, "+919000000099", 10_00), 404) == "payee_not_found"
    assert error_code(_send(client, meera, "12345", 10_00), 400) == "phone_invalid"
    assert error_code(_send(client, meera, NOBODY, 10_00), 409) == "payee_wallet_missing"
    assert error_code(_send(client, meera, RAVI, 10_00, currency="USD"),
                      409) == "payer_wallet_missing"
    assert error_code(_send(client, meera, RAVI, 0), 400) == "amount_must_be_positive"
    assert error_code(_send(client, meera, RAVI, 100_01), 402) == "exceeds_available_balance"
    assert error_code(_send(client, meera, RAVI, 10_00, pin="1111"), 401) == "pin_incorrect"
    assert error_code(_send(client, meera, RAVI, 10_00, note="x" * 141), 400) == "note_invalid"
    assert _counts(app_context) == before
    assert wallet_balance(client, keys, meera_wallet) == (100_00, 0)


def test_the_payees_kyc_balance_limit_is_respected(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    _person(client, keys, "Meera Sharma", MEERA, 1_50_000_00)
    _person(client, keys, "Ravi Kumar", RAVI, kyc_tier="minimum")
    meera = signed_in_with_pin(client, app_context, MEERA)
    before = _counts(app_context)
    assert error_code(_send(client, meera, RAVI, 1_50_000_00),
                      402) == "wallet_balance_limit_exceeded"
    assert _counts(app_context) == before


def test_a_send_is_idempotent_per_key(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    _, meera_wallet = _person(client, keys, "Meera Sharma", MEERA, 1_000_00)
    _person(client, keys, "Ravi Kumar", RAVI)
    meera = signed_in_with_pin(client, app_context, MEERA)
    first = _send(client, meera, RAVI, 100_00, key="rent-april")
    again = _send(client, meera, "9000000002", 100_00, key="rent-april")
    assert first.json() == again.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert error_code(_send(client, meera, RAVI, 200_00, key="rent-april"),
                      400) == "idempotency_key_reused"
    assert wallet_balance(client, keys, meera_wallet) == (900_00, 0)
    assert _counts(app_context)[0] == 1


def test_parallel_sends_with_one_key_move_the_money_once(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    """A double tap: the duplicate waits on the key's unique row, then answers the first."""
    meera, meera_wallet = _person(client, keys, "Meera Sharma", MEERA, 1_000_00)
    _person(client, keys, "Ravi Kumar", RAVI)
    fast = Argon2Passwords(PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1))
    pins.set_pin(app_context, fast, meera, PIN, None)
    taps = app_context.customers.pin_tries_max  # more would lock the PIN, by design
    barrier = threading.Barrier(taps)

    def tap(_: int) -> tuple[dict[str, Any], bool]:
        barrier.wait()
        return transfers.send(app_context, fast, meera, RAVI, 100_00, "INR", None, PIN,
                              "double-tap")

    with ThreadPoolExecutor(max_workers=taps) as pool:
        answers = list(pool.map(tap, range(taps)))
    assert len({body["id"] for body, _ in answers}) == 1
    assert sorted(replayed for _, replayed in answers) == [False] + [True] * (taps - 1)
    assert wallet_balance(client, keys, meera_wallet) == (900_00, 0)
    assert _counts(app_context)[0] == 1


def _request(client: TestClient, headers: dict[str, str], phone: str, amount_minor: int) -> Any:
    return ok(client.post("/v1/customer/money_requests", headers=headers, json={
        "phone": phone, "amount_minor": amount_minor, "currency": "INR", "note": "Dinner"}))


def test_a_request_is_paid_with_the_pin_once(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    _, meera_wallet = _person(client, keys, "Meera Sharma", MEERA)
    _, ravi_wallet = _person(client, keys, "Ravi Kumar", RAVI, 500_00)
    meera = signed_in_with_pin(client, app_context, MEERA)
    ravi = signed_in_with_pin(client, app_context, RAVI)
    asked = _request(client, meera, RAVI, 300_00)
    assert (asked["status"], asked["requester_view"]["name"]) == ("pending", "Meera S***")
    (seen,) = ok(client.get("/v1/customer/money_requests", headers=ravi))["data"]
    assert seen["id"] == asked["id"]
    path = f"/v1/customer/money_requests/{asked['id']}"
    assert error_code(client.post(f"{path}/pay", headers=ravi, json={"pin": "0000"}),
                      401) == "pin_incorrect"
    assert error_code(client.post(f"{path}/pay", headers=meera, json={"pin": PIN}),
                      404) == "money_request_not_found"  # the requester cannot pay it
    paid = ok(client.post(f"{path}/pay", headers=ravi, json={"pin": PIN}))
    assert paid["status"] == "paid"
    assert paid["transfer"]
    transfer = ok(client.get(f"/v1/customer/transfers/{paid['transfer']}", headers=ravi))
    assert (transfer["money_request"], transfer["amount_minor"]) == (asked["id"], 300_00)
    assert wallet_balance(client, keys, meera_wallet) == (300_00, 0)
    assert wallet_balance(client, keys, ravi_wallet) == (200_00, 0)
    assert error_code(client.post(f"{path}/pay", headers=ravi, json={"pin": PIN}),
                      409) == "money_request_not_pending"
    assert error_code(client.post(f"{path}/cancel", headers=meera),
                      409) == "money_request_not_pending"


def test_decline_cancel_and_expiry_move_nothing(
    client: TestClient, keys: Keys, app_context: AppContext, clock: FixedClock
) -> None:
    _person(client, keys, "Meera Sharma", MEERA)
    _, ravi_wallet = _person(client, keys, "Ravi Kumar", RAVI, 500_00)
    meera = signed_in_with_pin(client, app_context, MEERA)
    ravi = signed_in_with_pin(client, app_context, RAVI)
    declined, canceled, lazy, swept = (_request(client, meera, RAVI, 10_00) for _ in range(4))
    base = "/v1/customer/money_requests"
    assert error_code(client.post(f"{base}/{declined['id']}/decline", headers=meera),
                      404) == "money_request_not_found"  # only the payer declines
    assert ok(client.post(f"{base}/{declined['id']}/decline",
                          headers=ravi))["status"] == "declined"
    assert error_code(client.post(f"{base}/{canceled['id']}/cancel", headers=ravi),
                      404) == "money_request_not_found"  # only the requester cancels
    assert ok(client.post(f"{base}/{canceled['id']}/cancel",
                          headers=meera))["status"] == "canceled"
    clock.advance(timedelta(days=7))
    meera, ravi = sign_in(client, app_context, MEERA), sign_in(client, app_context, RAVI)
    assert ok(client.get(f"{base}/{lazy['id']}", headers=ravi))["status"] == "expired"
    assert worker.expire_money_requests(app_context) == 1
    assert ok(client.get(f"{base}/{swept['id']}", headers=meera))["status"] == "expired"
    assert error_code(client.post(f"{base}/{swept['id']}/pay", headers=ravi, json={"pin": PIN}),
                      409) == "money_request_expired"
    assert wallet_balance(client, keys, ravi_wallet) == (500_00, 0)
    assert _counts(app_context)[0] == 0
