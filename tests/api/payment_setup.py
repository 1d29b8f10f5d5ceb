"""Builders shared by the payments, refunds and escrow API tests: merchants, payers, payments."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from fastapi.testclient import TestClient

from paysetu.app.context import AppContext
from paysetu.app.ports import AppUnitOfWork
from paysetu.kernel.pagination import PageRequest
from tests.api.conftest import Keys

T = TypeVar("T")


def ok(response: Any) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def error_code(response: Any, status: int) -> str:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert set(error) == {"type", "code", "message", "param", "request_id"}
    return str(error["code"])


def merchant(client: TestClient, keys: Keys, fee_bps: int = 200, fee_fixed_minor: int = 0) -> str:
    body = {"legal_name": "Chai Point", "country": "IN", "settlement_currency": "INR",
            "fee_bps": fee_bps, "fee_fixed_minor": fee_fixed_minor}
    return str(ok(client.post("/v1/merchants", json=body, headers=keys.platform))["id"])


def wallet(client: TestClient, keys: Keys, funds_minor: int = 0, tier: str = "full") -> str:
    customer = ok(client.post("/v1/customers", json={"name": "Asha", "kyc_tier": tier},
                              headers=keys.platform))["id"]
    wallet_id = str(ok(client.post("/v1/wallets", json={"customer": customer, "currency": "INR"},
                                   headers=keys.platform))["id"])
    if funds_minor:
        top_up(client, keys, wallet_id, funds_minor)
    return wallet_id


def top_up(client: TestClient, keys: Keys, wallet_id: str, amount_minor: int) -> None:
    ok(client.post(f"/v1/wallets/{wallet_id}/top_ups",
                   json={"amount_minor": amount_minor, "currency": "INR"}, headers=keys.platform))


def wallet_balance(client: TestClient, keys: Keys, wallet_id: str) -> tuple[int, int]:
    """``(balance, pending)`` of a wallet."""
    body = ok(client.get(f"/v1/wallets/{wallet_id}", headers=keys.platform))
    return int(body["balance_minor"]), int(body["pending_minor"])


def merchant_balance(client: TestClient, keys: Keys, merchant_id: str) -> dict[str, int]:
    body = ok(client.get(f"/v1/merchants/{merchant_id}", headers=keys.platform))
    (inr,) = [b for b in body["balances"] if b["currency"] == "INR"]
    return {k: int(v) for k, v in inr.items() if k != "currency"}


def pay(
    client: TestClient, headers: dict[str, str], wallet_id: str, amount_minor: int,
    merchant_id: str | None = None, **fields: Any,
) -> dict[str, Any]:
    body: dict[str, Any] = {"amount_minor": amount_minor, "currency": "INR", "wallet": wallet_id,
                            "confirm": True, **fields}
    if merchant_id is not None:
        body["merchant"] = merchant_id
    return ok(client.post("/v1/payments", json=body, headers=headers))


def in_transaction(context: AppContext, work: Callable[[AppUnitOfWork], T]) -> T:
    """Run a service function the way the worker does: one transaction, committed."""
    with context.uow_factory() as uow:
        result = work(uow)
        uow.commit()
    return result


def event_types(context: AppContext, merchant_id: str) -> list[str]:
    """The merchant's event types, sorted (ids made in one millisecond have no order)."""
    with context.uow_factory() as uow:
        events, _ = uow.events.list_page(merchant_id, None, PageRequest(limit=100))
    return sorted(e.type for e in events)
