"""Builders for the customer-consent tests: customers with a phone, sign-in, PIN, mandates."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient

from paysetu.app.context import AppContext
from paysetu.customers.usecases.sms import recent_messages
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.timestamps import timestamp
from tests.api.conftest import Keys
from tests.api.payment_setup import ok, top_up

PIN = "4826"
NOTICE = timedelta(hours=24, seconds=1)


def customer_wallet(
    client: TestClient, keys: Keys, phone: str, funds_minor: int = 0
) -> tuple[str, str]:
    """``(customer, wallet)``: a full-KYC customer who signs in with ``phone``, funded."""
    customer = ok(client.post("/v1/customers", json={"name": "Asha", "kyc_tier": "full",
                                                      "phone": phone}, headers=keys.platform))
    wallet = ok(client.post("/v1/wallets", json={"customer": customer["id"], "currency": "INR"},
                            headers=keys.platform))
    if funds_minor:
        top_up(client, keys, wallet["id"], funds_minor)
    return str(customer["id"]), str(wallet["id"])


def last_code(context: AppContext, phone: str) -> str:
    """The code in the newest text message to ``phone`` (the outbox is the SMS port)."""
    message = next(m for m in recent_messages(context) if m.phone_e164 == phone)
    return message.body.split()[0]


def sign_in(client: TestClient, context: AppContext, phone: str) -> dict[str, str]:
    """Ask for a code, read it from the outbox, exchange it: the session's headers."""
    ok(client.post("/v1/customer/sign_in_codes", json={"phone": phone}))
    session = ok(client.post("/v1/customer/sessions",
                             json={"phone": phone, "code": last_code(context, phone)}))
    return {"Authorization": f"Bearer {session['token']}"}


def signed_in_with_pin(client: TestClient, context: AppContext, phone: str) -> dict[str, str]:
    headers = sign_in(client, context, phone)
    ok(client.post("/v1/customer/pin", json={"pin": PIN}, headers=headers))
    return headers


def live_mandate(
    client: TestClient, merchant_key: dict[str, str], customer: dict[str, str],
    context: AppContext, wallet_id: str, amount_max_minor: int,
    frequency: str = "as_presented",
) -> str:
    """A mandate the merchant asked for and the customer approved with the PIN."""
    until = timestamp(context.clock.now() + timedelta(days=365))
    mandate = ok(client.post("/v1/mandates", headers=merchant_key, json={
        "wallet": wallet_id, "amount_max_minor": amount_max_minor, "currency": "INR",
        "frequency": frequency, "purpose": "Monthly chai subscription", "valid_until": until}))
    approved = ok(client.post(f"/v1/customer/mandates/{mandate['id']}/approve",
                              json={"pin": PIN}, headers=customer))
    assert approved["status"] == "active"
    return str(mandate["id"])


def notified(
    client: TestClient, merchant_key: dict[str, str], clock: FixedClock, mandate_id: str,
    amount_minor: int,
) -> None:
    """Send the pre-debit notice of one debit and let the 24 hours pass."""
    ok(client.post(f"/v1/mandates/{mandate_id}/notices", headers=merchant_key, json={
        "amount_minor": amount_minor, "debit_after": timestamp(clock.now())}))
    clock.advance(NOTICE)


def charge(
    client: TestClient, headers: dict[str, str], wallet_id: str, amount_minor: int,
    **fields: Any,
) -> Any:
    """The raw response of a merchant's create-and-confirm."""
    body = {"amount_minor": amount_minor, "currency": "INR", "wallet": wallet_id,
            "confirm": True, **fields}
    return client.post("/v1/payments", json=body, headers=headers)
