"""Builders shared by the payments, refunds and escrow API tests: merchants, payers, payments."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from fastapi.testclient import TestClient

from paysetu.app.context import AppContext
from paysetu.app.ports import AppUnitOfWork
from paysetu.kernel.pagination import PageRequest
from paysetu.payments.usecases import approvals
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
    """Create and confirm a payment. With ``merchant_id`` (the platform key's form) it is an
    operator debit with a recorded reason unless ``fields`` say otherwise; with a merchant key
    it debits only under a ``mandate`` and otherwise waits for the customer."""
    body: dict[str, Any] = {"amount_minor": amount_minor, "currency": "INR", "wallet": wallet_id,
                            "confirm": True, **fields}
    if merchant_id is not None:
        body["merchant"] = merchant_id
        body.setdefault("operator_reason", "test: operator debit")
    return ok(client.post("/v1/payments", json=body, headers=headers))


def customer_approves(client: TestClient, headers: dict[str, str], context: AppContext,
                      payment: dict[str, Any]) -> dict[str, Any]:
    """The payment's customer approves it (the use case behind ``/v1/customer/approvals``,
    past the PIN check that tests/api/test_customer_consent.py covers); as ``headers`` see it."""
    assert payment["status"] == "requires_action", payment
    in_transaction(context, lambda uow: approvals.approve_payment(
        context, uow, payment["customer"], payment["id"]))
    return ok(client.get(f"/v1/payments/{payment['id']}", headers=headers))


def pay_approved(
    client: TestClient, headers: dict[str, str], context: AppContext, wallet_id: str,
    amount_minor: int, **fields: Any,
) -> dict[str, Any]:
    """A merchant key's payment, approved by its customer."""
    return customer_approves(client, headers, context,
                             pay(client, headers, wallet_id, amount_minor, **fields))


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
