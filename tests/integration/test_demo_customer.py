"""The demo's wallet customer: made once, with a live mandate, a payment waiting and a history
(top-ups, payments, a refund); the relay of ``paysetu run`` delivers her sign-in code as one
console line."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from paysetu.app.context import AppContext
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.customers.rules.identity import CustomerPolicy
from paysetu.customers.rules.movements import HistoryFilter
from paysetu.customers.stores.console_sms import ConsoleSms
from paysetu.customers.usecases import sign_in, wallet_app
from paysetu.demo.customers import PHONE, ensure_demo_customer, texts_relayed
from paysetu.demo.shop import ensure_demo_shop
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets

pytestmark = pytest.mark.postgres


def test_the_demo_customer_signs_in_with_the_printed_code(
    engine: sa.Engine, clock: FixedClock, tmp_path: Path
) -> None:
    context = AppContext(lambda: PostgresUnitOfWork(engine), clock, UlidIds(), SystemSecrets(),
                         customers=CustomerPolicy())
    shop, _ = ensure_demo_shop(context, tmp_path)
    first = ensure_demo_customer(context, tmp_path, shop)
    assert ensure_demo_customer(context, tmp_path, shop) == first
    with context.uow_factory() as uow:
        waiting = uow.payments.awaiting_customer(first.customer_id, 10)
        mandate = uow.mandates.get(first.mandate_id)
    assert len(waiting) == 1  # the second run found the first one still waiting
    assert mandate is not None
    assert mandate.status.value == "active"
    moved = wallet_app.history(context, first.customer_id, HistoryFilter()).movements
    assert sorted((m.kind, m.amount_minor) for m in moved) == [
        ("payment", -260_00), ("payment", -120_00), ("refund", 60_00), ("top_up", 500_00),
        ("top_up", 2_000_00)]
    printed: list[str] = []
    delivered = threading.Event()

    def show(line: str) -> None:
        printed.append(line)
        delivered.set()

    with texts_relayed(context, ConsoleSms(show)):
        sign_in.request_code(context, PHONE, "127.0.0.1")
        assert delivered.wait(timeout=30)
    (line,) = printed
    assert line.startswith(f"SMS to {PHONE}: ")
    code = line.split(": ", 1)[1][:6]
    _token, session = sign_in.verify_code(context, PHONE, code)
    assert session.customer_id == first.customer_id
