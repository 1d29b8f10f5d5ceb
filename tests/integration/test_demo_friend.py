"""The demo's second customer: made once, with a past transfer to Meera and a request to her
that a second run keeps (one pending, not two)."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from paysetu.app.context import AppContext
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.customers.rules.identity import CustomerPolicy
from paysetu.customers.usecases import money_requests, transfers
from paysetu.demo.customers import ensure_demo_customer
from paysetu.demo.friends import REQUESTED_MINOR, SENT_MINOR, ensure_demo_friend
from paysetu.demo.shop import ensure_demo_shop
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets

pytestmark = pytest.mark.postgres


def test_meera_has_a_transfer_from_arjun_and_his_request_waiting(
    engine: sa.Engine, clock: FixedClock, tmp_path: Path
) -> None:
    context = AppContext(lambda: PostgresUnitOfWork(engine), clock, UlidIds(), SystemSecrets(),
                         customers=CustomerPolicy())
    shop, _ = ensure_demo_shop(context, tmp_path)
    meera = ensure_demo_customer(context, tmp_path, shop)
    first = ensure_demo_friend(context, tmp_path, meera)
    assert ensure_demo_friend(context, tmp_path, meera) == first
    (received,) = transfers.recent_transfers(context, meera.customer_id)
    assert (received["payer"], received["amount_minor"]) == (first.customer_id, SENT_MINOR)
    (asked,) = money_requests.recent(context, meera.customer_id)
    assert (asked["requester"], asked["status"], asked["amount_minor"]) == (
        first.customer_id, "pending", REQUESTED_MINOR)
