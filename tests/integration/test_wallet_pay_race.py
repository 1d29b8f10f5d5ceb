"""A double tap on the pay page pays once: parallel payments with one request key answer the
same payment, and the wallet is debited once (a transaction lock on customer and key, and a
unique index behind it)."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher

from paysetu.access.stores.passwords import Argon2Passwords
from paysetu.app.context import AppContext
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.customers.usecases import pins, wallet_pay
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets
from paysetu.payments.usecases import merchants
from paysetu.wallets.usecases import wallets

pytestmark = pytest.mark.postgres

FAST = Argon2Passwords(PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1))


@pytest.fixture
def context(engine: sa.Engine, clock: FixedClock) -> AppContext:
    return AppContext(lambda: PostgresUnitOfWork(engine), clock, UlidIds(), SystemSecrets())


def test_parallel_submits_of_one_request_key_pay_once(
    context: AppContext, engine: sa.Engine
) -> None:
    with context.uow_factory() as uow:
        shop = merchants.create_merchant(context, uow, "Chai Point", "IN", "INR", 200, 0, {})
        customer = wallets.create_customer(context, uow, "Asha", None, "full", {},
                                           "+919876544411")
        wallet = wallets.create_wallet(context, uow, str(customer["id"]), "INR")
        wallets.top_up(context, uow, str(wallet["id"]), 1_000_00, "INR", {})
        uow.commit()
    pins.set_pin(context, FAST, str(customer["id"]), "4826", None)
    tries = context.customers.pin_tries_max
    barrier = threading.Barrier(tries)
    order = wallet_pay.PayOrder(str(shop["id"]), 250_00, "INR", "tap-1")

    def tap(_: int) -> str:
        barrier.wait()
        return str(wallet_pay.pay_merchant(context, FAST, str(customer["id"]), "4826",
                                           order)["id"])

    with ThreadPoolExecutor(tries) as pool:
        ids = set(pool.map(tap, range(tries)))
    assert len(ids) == 1
    with engine.connect() as connection:
        count = connection.execute(sa.text(
            "SELECT count(*) FROM payments WHERE customer_id = :c"),
            {"c": customer["id"]}).scalar_one()
    assert count == 1
    with context.uow_factory() as uow:
        paid_from = uow.wallets.get(str(wallet["id"]))
    assert paid_from is not None
    assert paid_from.balance_minor == 750_00
