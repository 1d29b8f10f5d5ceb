"""Customer sign-in with a one-time code, sessions, and the payment PIN over HTTP."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from paysetu.app.context import AppContext
from paysetu.customers.usecases.sms import recent_messages
from paysetu.kernel.clock import FixedClock
from tests.api.conftest import Keys
from tests.api.customer_setup import PIN, charge, customer_wallet, last_code, sign_in
from tests.api.payment_setup import error_code, merchant, ok

PHONE = "+919876566601"


def _session(client: TestClient, phone: str, code: str) -> object:
    return client.post("/v1/customer/sessions", json={"phone": phone, "code": code})


def test_a_code_signs_in_once_and_the_session_is_the_customers(
    client: TestClient, keys: Keys, app_context: AppContext, caplog: pytest.LogCaptureFixture
) -> None:
    customer, _ = customer_wallet(client, keys, PHONE)
    caplog.set_level(logging.DEBUG)
    sent = ok(client.post("/v1/customer/sign_in_codes", json={"phone": "98765 66601"}))
    assert sent["phone"] == "+91********01"
    code = last_code(app_context, PHONE)
    assert len(code) == 6
    assert code.isdigit()
    session = ok(_session(client, "9876566601", code))
    assert (session["customer"], session["has_pin"]) == (customer, False)
    headers = {"Authorization": f"Bearer {session['token']}"}
    assert ok(client.get("/v1/customer/session", headers=headers))["token"] is None
    assert error_code(_session(client, PHONE, code), 401) == "sign_in_code_invalid"
    ok(client.post("/v1/customer/session/delete", headers=headers))
    assert error_code(client.get("/v1/customer/session", headers=headers),
                      401) == "customer_session_invalid"
    assert code not in caplog.text
    assert session["token"] not in caplog.text


def test_wrong_expired_and_replaced_codes_are_refused(
    client: TestClient, keys: Keys, app_context: AppContext, clock: FixedClock
) -> None:
    customer_wallet(client, keys, PHONE)
    ok(client.post("/v1/customer/sign_in_codes", json={"phone": PHONE}))
    old = last_code(app_context, PHONE)
    ok(client.post("/v1/customer/sign_in_codes", json={"phone": PHONE}))
    new = last_code(app_context, PHONE)
    # one active code: the newer one replaced it (unless both drew the same six digits)
    assert old == new or error_code(_session(client, PHONE, old), 401) == "sign_in_code_invalid"
    clock.advance(timedelta(seconds=app_context.customers.code_ttl_s))
    assert error_code(_session(client, PHONE, new), 401) == "sign_in_code_invalid"
    assert error_code(client.post("/v1/customer/sign_in_codes", json={"phone": "12345"}),
                      400) == "phone_invalid"


def test_an_unknown_number_gets_the_same_answer_and_no_message(
    client: TestClient, app_context: AppContext
) -> None:
    answer = ok(client.post("/v1/customer/sign_in_codes", json={"phone": "+919876566699"}))
    assert answer["object"] == "sign_in_code"
    assert [m for m in recent_messages(app_context) if m.phone_e164 == "+919876566699"] == []


def test_the_pin_is_set_once_and_changed_only_with_a_fresh_code(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    customer_wallet(client, keys, PHONE)
    headers = sign_in(client, app_context, PHONE)
    for bad in ("123", "12345", "abcd", "1234567"):
        assert error_code(client.post("/v1/customer/pin", json={"pin": bad}, headers=headers),
                          400) == "pin_format_invalid"
    assert ok(client.post("/v1/customer/pin", json={"pin": PIN}, headers=headers))["has_pin"]
    assert error_code(client.post("/v1/customer/pin", json={"pin": "999999"}, headers=headers),
                      409) == "fresh_sign_in_required"
    ok(client.post("/v1/customer/sign_in_codes", json={"phone": PHONE}))
    code = last_code(app_context, PHONE)
    ok(client.post("/v1/customer/pin", json={"pin": "999999", "code": code}, headers=headers))
    with app_context.uow_factory() as uow:
        stored = uow.customer_auth.claim_pin_try(
            ok(client.get("/v1/customer/session", headers=headers))["customer"],
            app_context.clock.now(), 3, 60)
    assert stored is not None
    assert stored.startswith("$argon2id$")
    assert "999999" not in stored


def test_a_phone_belongs_to_one_customer(client: TestClient, keys: Keys) -> None:
    customer_wallet(client, keys, PHONE)
    again = client.post("/v1/customers", json={"name": "Ravi", "phone": PHONE},
                        headers=keys.platform)
    assert error_code(again, 409) == "phone_taken"
    bad = client.post("/v1/customers", json={"name": "Ravi", "phone": "+91123"},
                      headers=keys.platform)
    assert error_code(bad, 400) == "phone_invalid"


def test_throttled_sign_in_and_a_locked_pin_say_when_to_retry(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    """``Retry-After`` (whole seconds) on every customer throttle, as on the API key limit."""
    _, wallet = customer_wallet(client, keys, PHONE, 10_00)
    payment = ok(charge(client, keys.merchant(app_context, merchant(client, keys)), wallet, 5_00))
    approve = f"/v1/customer/approvals/{payment['id']}/approve"
    for _ in range(app_context.customers.codes_per_phone_max):
        ok(client.post("/v1/customer/sign_in_codes", json={"phone": PHONE}))
    throttled = client.post("/v1/customer/sign_in_codes", json={"phone": PHONE})
    assert error_code(throttled, 429) == "sign_in_throttled"
    assert 0 < int(throttled.headers["Retry-After"]) <= app_context.customers.code_window_s
    headers = {"Authorization": "Bearer " + ok(_session(client, PHONE, last_code(
        app_context, PHONE)))["token"]}
    ok(client.post("/v1/customer/pin", json={"pin": PIN}, headers=headers))
    for _ in range(app_context.customers.pin_tries_max):
        wrong = client.post(approve, json={"pin": "0000"}, headers=headers)
        assert error_code(wrong, 401) == "pin_incorrect"
        assert "Retry-After" not in wrong.headers
    locked = client.post(approve, json={"pin": PIN}, headers=headers)
    assert error_code(locked, 429) == "pin_locked"
    assert int(locked.headers["Retry-After"]) == app_context.customers.pin_lock_s
