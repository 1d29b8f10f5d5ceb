"""Customers and wallets over HTTP: the happy path, limits, errors, idempotency."""

from __future__ import annotations

from fastapi.testclient import TestClient

from paysetu.app.context import AppContext
from tests.api.conftest import Keys


def _customer(client: TestClient, keys: Keys, tier: str = "minimum") -> str:
    response = client.post("/v1/customers", json={"name": "Asha", "kyc_tier": tier},
                           headers=keys.platform)
    assert response.status_code == 200, response.text
    return str(response.json()["id"])


def _wallet(client: TestClient, keys: Keys, customer: str, currency: str = "INR") -> str:
    response = client.post("/v1/wallets", json={"customer": customer, "currency": currency},
                           headers=keys.platform)
    assert response.status_code == 200, response.text
    return str(response.json()["id"])


def test_top_up_transfer_withdraw(client: TestClient, keys: Keys) -> None:
    asha = _wallet(client, keys, _customer(client, keys))
    ravi = _wallet(client, keys, _customer(client, keys))
    r = client.post(f"/v1/wallets/{asha}/top_ups",
                    json={"amount_minor": 5000_00, "currency": "INR"}, headers=keys.platform)
    assert r.status_code == 200, r.text
    assert r.json()["journal_entry"].startswith("je_")
    r = client.post(f"/v1/wallets/{asha}/transfers",
                    json={"amount_minor": 1200_00, "currency": "INR", "destination": ravi},
                    headers=keys.platform)
    assert r.status_code == 200, r.text
    r = client.post(f"/v1/wallets/{ravi}/withdrawals",
                    json={"amount_minor": 200_00, "currency": "INR"}, headers=keys.platform)
    assert r.status_code == 200, r.text
    balances = [client.get(f"/v1/wallets/{w}", headers=keys.platform).json()["balance_minor"]
                for w in (asha, ravi)]
    assert balances == [3800_00, 1000_00]


def test_errors_have_stripe_shape_and_change_nothing(client: TestClient, keys: Keys) -> None:
    asha = _wallet(client, keys, _customer(client, keys))
    cases = [
        ({"amount_minor": 0, "currency": "INR"}, 400, "amount_must_be_positive"),
        ({"amount_minor": "100", "currency": "INR"}, 400, "parameter_invalid"),
        ({"amount_minor": 10.5, "currency": "INR"}, 400, "parameter_invalid"),
        ({"amount_minor": 100, "currency": "USD"}, 400, "currency_mismatch"),
        ({"amount_minor": 100, "currency": "INR", "extra": 1}, 400, "parameter_unknown"),
        ({"currency": "INR"}, 400, "parameter_missing"),
        ({"amount_minor": 10_001_00, "currency": "INR"}, 402, "wallet_balance_limit_exceeded"),
    ]
    for body, status, code in cases:
        r = client.post(f"/v1/wallets/{asha}/top_ups", json=body, headers=keys.platform)
        assert r.status_code == status, (body, r.text)
        error = r.json()["error"]
        assert error["code"] == code
        assert set(error) == {"type", "code", "message", "param", "request_id"}
    r = client.post(f"/v1/wallets/{asha}/top_ups", content=b"{not json",
                    headers={**keys.platform, "Content-Type": "application/json"})
    assert r.status_code == 400
    assert r.json()["error"]["code"] == "body_not_json"
    assert client.get(f"/v1/wallets/{asha}", headers=keys.platform).json()["balance_minor"] == 0


def test_idempotency_replay_and_mismatch(client: TestClient, keys: Keys) -> None:
    asha = _wallet(client, keys, _customer(client, keys))
    headers = {**keys.platform, "Idempotency-Key": "topup-1"}
    body = {"amount_minor": 100_00, "currency": "INR"}
    first = client.post(f"/v1/wallets/{asha}/top_ups", json=body, headers=headers)
    second = client.post(f"/v1/wallets/{asha}/top_ups", json=body, headers=headers)
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    assert second.headers["Idempotent-Replayed"] == "true"
    other = client.post(f"/v1/wallets/{asha}/top_ups", json={**body, "amount_minor": 1},
                        headers=headers)
    assert other.status_code == 400
    assert other.json()["error"]["code"] == "idempotency_key_reused"
    balance = client.get(f"/v1/wallets/{asha}", headers=keys.platform).json()["balance_minor"]
    assert balance == 100_00


def test_authentication(client: TestClient, keys: Keys) -> None:
    assert client.get("/v1/customers").json()["error"]["code"] == "api_key_missing"
    bad = {"Authorization": "Bearer sk_test_nope"}
    r = client.get("/v1/customers", headers=bad)
    assert r.status_code == 401
    assert r.json()["error"]["code"] == "api_key_invalid"
    assert client.get("/v1/customers", headers=keys.platform).status_code == 200


def test_merchant_onboarding_and_scoping(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    r = client.post("/v1/merchants", json={"legal_name": "Chai Point", "country": "IN",
                                            "settlement_currency": "INR", "fee_bps": 200},
                    headers=keys.platform)
    assert r.status_code == 200, r.text
    merchant = r.json()
    assert merchant["balances"] == [{"currency": "INR", "available_minor": 0, "pending_minor": 0,
                                     "escrow_minor": 0}]
    other = client.post("/v1/merchants", json={"legal_name": "Other", "country": "CN",
                                                "settlement_currency": "CNY"},
                        headers=keys.platform).json()
    own = keys.merchant(app_context, merchant["id"])
    assert client.get(f"/v1/merchants/{merchant['id']}", headers=own).status_code == 200
    hidden = client.get(f"/v1/merchants/{other['id']}", headers=own)
    assert hidden.status_code == 404
    assert hidden.json()["error"]["code"] == "merchant_not_found"
    listed = client.get("/v1/merchants", headers=own).json()["data"]
    assert [m["id"] for m in listed] == [merchant["id"]]
    assert client.post("/v1/customers", json={"name": "x"}, headers=own).status_code == 404
    bad = client.post("/v1/merchants", json={"legal_name": "X", "country": "ZZ",
                                              "settlement_currency": "INR"}, headers=keys.platform)
    assert bad.json()["error"]["code"] == "country_invalid"
