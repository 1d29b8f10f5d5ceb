"""Data for the browser tests, made the way a merchant's code or the platform makes it: the API."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from paysetu.access.rules.web_users import WebRole
from paysetu.payments.usecases import approvals
from tests.browser.conftest import LiveServer


def ok(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


@dataclass(frozen=True)
class Shop:
    """A merchant with a signed-in-able user, a funded buyer wallet and API keys."""

    merchant_id: str
    email: str
    wallet_id: str
    merchant_key: dict[str, str]


def open_shop(server: LiveServer, name: str, email: str, funds_minor: int = 1_50_000_00) -> Shop:
    """A merchant named ``name`` (INR), its web user ``email``, and a buyer wallet with funds."""
    platform = server.platform_key()
    with server.api() as api:
        merchant = ok(api.post("/v1/merchants", headers=platform, json={
            "legal_name": name, "country": "IN", "settlement_currency": "INR",
            "fee_bps": 200, "fee_fixed_minor": 0}))["id"]
        customer = ok(api.post("/v1/customers", headers=platform,
                               json={"name": f"Buyer of {name}", "kyc_tier": "full"}))["id"]
        wallet = ok(api.post("/v1/wallets", headers=platform,
                             json={"customer": customer, "currency": "INR"}))["id"]
        ok(api.post(f"/v1/wallets/{wallet}/top_ups", headers=platform,
                    json={"amount_minor": funds_minor, "currency": "INR"}))
    server.add_user(email, WebRole.MERCHANT, merchant_id=merchant)
    return Shop(merchant, email, wallet, server.merchant_key(merchant))


def pay(server: LiveServer, shop: Shop, amount_minor: int, description: str) -> dict[str, Any]:
    """A wallet payment to the shop, created with the merchant's API key and approved by the
    buyer (the use case behind the wallet's approve button, past its PIN check)."""
    with server.api() as api:
        waiting = ok(api.post("/v1/payments", headers=shop.merchant_key, json={
            "amount_minor": amount_minor, "currency": "INR", "wallet": shop.wallet_id,
            "confirm": True, "description": description}))
        context = server.context
        with context.uow_factory() as uow:
            approvals.approve_payment(context, uow, waiting["customer"], waiting["id"])
            uow.commit()
        return ok(api.get(f"/v1/payments/{waiting['id']}", headers=shop.merchant_key))


def merchant_balance(server: LiveServer, shop: Shop) -> dict[str, Any]:
    with server.api() as api:
        body = ok(api.get(f"/v1/merchants/{shop.merchant_id}", headers=shop.merchant_key))
    (inr,) = [b for b in body["balances"] if b["currency"] == "INR"]
    return dict(inr)
