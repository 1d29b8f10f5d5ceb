"""Brute force of sign-in codes and PINs is counted atomically: parallel attempts count too.

Twenty threads hit PostgreSQL at once (released together by a barrier); each limit lets
exactly its number through, whatever the interleaving, because each attempt is counted by one
statement under the counter row's lock before anything is compared.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher

from paysetu.access.stores.passwords import Argon2Passwords
from paysetu.app.context import AppContext
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.customers.rules.errors import CustomerRejected, CustomerStatus
from paysetu.customers.rules.identity import CustomerPolicy
from paysetu.customers.usecases import pins, sign_in, transfers
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets
from paysetu.wallets.usecases import wallets

pytestmark = pytest.mark.postgres

ATTEMPTS = 20
PHONE = "+919876544400"
FAST = Argon2Passwords(PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1))


@pytest.fixture
def context(engine: sa.Engine, clock: FixedClock) -> AppContext:
    return AppContext(lambda: PostgresUnitOfWork(engine), clock, UlidIds(), SystemSecrets(),
                      customers=CustomerPolicy(codes_per_address_max=7,
                                                lookups_max=6))


def _customer(context: AppContext, phone: str = PHONE) -> str:
    with context.uow_factory() as uow:
        customer = wallets.create_customer(context, uow, "Asha", None, "full", {}, phone)
        uow.commit()
    return str(customer["id"])


def _at_once(attempt: Callable[[int], object]) -> Counter[str]:
    """Run ``attempt(i)`` in ATTEMPTS threads released together; the outcome codes."""
    barrier = threading.Barrier(ATTEMPTS)

    def one(i: int) -> str:
        barrier.wait()
        try:
            attempt(i)
        except CustomerRejected as refusal:
            return refusal.code.value
        return "ok"

    with ThreadPoolExecutor(max_workers=ATTEMPTS) as pool:
        return Counter(pool.map(one, range(ATTEMPTS)))


def test_code_requests_per_number_let_exactly_the_limit_through(context: AppContext) -> None:
    _customer(context)
    outcomes = _at_once(lambda i: sign_in.request_code(context, PHONE, f"198.51.100.{i}"))
    allowed = context.customers.codes_per_phone_max
    assert outcomes == {"ok": allowed, "sign_in_throttled": ATTEMPTS - allowed}


def test_code_requests_per_address_let_exactly_the_limit_through(context: AppContext) -> None:
    outcomes = _at_once(lambda i: sign_in.request_code(
        context, f"+9198765450{i:02d}", "203.0.113.77"))
    allowed = context.customers.codes_per_address_max
    assert outcomes == {"ok": allowed, "sign_in_throttled": ATTEMPTS - allowed}


def test_a_code_gets_exactly_five_checks_even_in_parallel(
    context: AppContext, engine: sa.Engine
) -> None:
    _customer(context)
    sign_in.request_code(context, PHONE, "198.51.100.1")
    outcomes = _at_once(lambda i: sign_in.verify_code(context, PHONE, f"{i:06d}x"))
    assert outcomes == {"sign_in_code_invalid": ATTEMPTS}
    with engine.connect() as connection:
        tries = connection.execute(sa.text(
            "SELECT tries FROM customer_sign_in_codes WHERE phone_e164 = :p"),
            {"p": PHONE}).scalar_one()
    assert tries == context.customers.code_tries_max


def test_three_parallel_wrong_pins_lock_the_pin_and_the_rest_are_not_checked(
    context: AppContext, clock: FixedClock
) -> None:
    customer = _customer(context)
    pins.set_pin(context, FAST, customer, "4826", None)
    outcomes = _at_once(lambda i: pins.verify_pin(context, FAST, customer, "1111"))
    tries = context.customers.pin_tries_max
    assert outcomes == {"pin_incorrect": tries, "pin_locked": ATTEMPTS - tries}
    with pytest.raises(CustomerRejected) as locked:
        pins.verify_pin(context, FAST, customer, "4826")  # even the right PIN, while locked
    assert locked.value.code is CustomerStatus.PIN_LOCKED
    clock.advance(timedelta(seconds=context.customers.pin_lock_s))
    pins.verify_pin(context, FAST, customer, "4826")


def test_a_right_pin_resets_the_count(context: AppContext) -> None:
    customer = _customer(context)
    pins.set_pin(context, FAST, customer, "482613", None)
    for _ in range(3):
        for pin in ("111111", "222222"):
            with pytest.raises(CustomerRejected):
                pins.verify_pin(context, FAST, customer, pin)
        pins.verify_pin(context, FAST, customer, "482613")
        with context.uow_factory() as uow:
            pins.clear_failures(context, uow, customer)
            uow.commit()


def test_payee_lookups_per_customer_let_exactly_the_limit_through(context: AppContext) -> None:
    """Against enumerating numbers: parallel look-ups of different numbers count one by one."""
    customer = _customer(context)
    for i in range(ATTEMPTS):
        _customer(context, f"+9198765446{i:02d}")
    outcomes = _at_once(lambda i: transfers.find_payee(context, customer, f"+9198765446{i:02d}"))
    allowed = context.customers.lookups_max
    assert outcomes == {"ok": allowed, "payee_lookup_throttled": ATTEMPTS - allowed}
