"""The demo's wallet customer: Meera signs in with her mobile number and a one-time code
(``paysetu run`` prints each code it "texts"), has a payment PIN, a live mandate for the demo
shop, a history (two top-ups, two payments she approved, a partial refund of one) and a payment
of the shop's waiting for her approval.

Made through the product's use cases. Idempotent like the demo shop: the ids are kept in
``<data_dir>/demo_customer.json``; each run makes sure a payment is waiting (approvals lapse
after 15 minutes, so the one of a previous run is usually gone).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa

from paysetu.access.rules.principals import Principal, Role
from paysetu.access.stores.passwords import Argon2Passwords
from paysetu.app.context import AppContext
from paysetu.app.ports import AppUnitOfWork
from paysetu.customers.stores.console_sms import ConsoleSms
from paysetu.customers.usecases import pins
from paysetu.customers.usecases.ports import SmsGateway
from paysetu.customers.usecases.sms import deliver_outbox
from paysetu.demo.console import console
from paysetu.demo.shop import DEMO_METADATA, DemoShop
from paysetu.demo.state import read_state, write_state
from paysetu.payments.usecases import approvals, mandates, payments, refunds
from paysetu.wallets.usecases import wallets

logger = logging.getLogger(__name__)
STATE_FILE = "demo_customer.json"
PHONE = "+919000000001"
PIN = "2580"
"""The demo customer's payment PIN (a demo: printed by ``paysetu run``)."""
TOP_UP_MINOR = 2_000_00
PENDING_MINOR = 180_00
MANDATE_MAX_MINOR = 499_00
UPI_TOP_UP_MINOR = 500_00
PAID = (("4 masala chai", 120_00), ("Filter coffee and 2 vada", 260_00))
REFUND_MINOR = 60_00
"""Part of the second payment comes back (a vada was out of stock)."""


@dataclass(frozen=True, slots=True)
class DemoCustomer:
    customer_id: str
    wallet_id: str
    mandate_id: str


def _merchant(shop: DemoShop) -> Principal:
    return Principal("key_demo", Role.MERCHANT, shop.merchant_id, livemode=False)


def _create(ctx: AppContext, shop: DemoShop) -> DemoCustomer:
    with ctx.uow_factory() as uow:
        customer = wallets.create_customer(ctx, uow, "Meera Iyer", None, "full", DEMO_METADATA,
                                           PHONE)
        wallet = wallets.create_wallet(ctx, uow, customer["id"], "INR")
        wallets.top_up(ctx, uow, wallet["id"], TOP_UP_MINOR, "INR", DEMO_METADATA)
        mandate = mandates.create_mandate(ctx, uow, _merchant(shop), mandates.CreateMandate(
            str(wallet["id"]), MANDATE_MAX_MINOR, "INR", "monthly", "Chai subscription",
            ctx.clock.now() + timedelta(days=365)))
        mandates.act_on_mandate(ctx, uow, str(customer["id"]), str(mandate["id"]), "approve")
        _history(ctx, uow, shop, str(customer["id"]), str(wallet["id"]))
        uow.commit()
    pins.set_pin(ctx, Argon2Passwords(), str(customer["id"]), PIN, None)
    return DemoCustomer(str(customer["id"]), str(wallet["id"]), str(mandate["id"]))


def _history(ctx: AppContext, uow: AppUnitOfWork, shop: DemoShop, customer_id: str,
             wallet_id: str) -> None:
    """A UPI top-up, two payments Meera approved, a partial refund of the second."""
    wallets.top_up(ctx, uow, wallet_id, UPI_TOP_UP_MINOR, "INR",
                   {**DEMO_METADATA, "source": "upi", "source_hint": "meera@okbank"})
    paid: list[str] = []
    for description, amount in PAID:
        payment = payments.create_payment(ctx, uow, _merchant(shop), payments.CreatePayment(
            amount, "INR", wallet_id, description=description, metadata=DEMO_METADATA,
            confirm=True))
        approvals.approve_payment(ctx, uow, customer_id, str(payment["id"]))
        paid.append(str(payment["id"]))
    refunds.create_refund(ctx, uow, _merchant(shop), paid[-1], REFUND_MINOR,
                          "requested_by_customer", DEMO_METADATA)


def ensure_demo_customer(ctx: AppContext, data_dir: Path, shop: DemoShop) -> DemoCustomer:
    """Meera (created unless she exists) and a payment of the shop's waiting for her."""
    path = data_dir / STATE_FILE
    demo = read_state(path, DemoCustomer)
    with ctx.uow_factory() as uow:
        exists = demo is not None and uow.wallets.get(demo.wallet_id) is not None
    if demo is None or not exists:
        demo = _create(ctx, shop)
        write_state(path, demo)
    with ctx.uow_factory() as uow:
        if not uow.payments.awaiting_customer(demo.customer_id, 1):
            payments.create_payment(ctx, uow, _merchant(shop), payments.CreatePayment(
                PENDING_MINOR, "INR", demo.wallet_id, description="2 masala chai, 1 samosa",
                metadata=DEMO_METADATA, confirm=True))
        uow.commit()
    return demo


def print_demo_customer(base: str) -> list[str]:
    """The banner lines: how to sign in to the wallet as Meera."""
    return [
        f"  wallet app:  {base}/wallet  (phone-sized pages, English and Hindi)",
        f"    sign in as Meera: phone {PHONE}, then the 6-digit code printed below as an"
        f" SMS line (also at {base}/wallet/outbox); payment PIN {PIN}",
        f"  scan to pay: the shop's QR code at {base}/dashboard/qr (a phone opens it);"
        f" no camera: {base}/wallet/scan",
    ]


RELAY_INTERVAL_S = 1.0


def _announce(line: str) -> None:
    console.print(line, soft_wrap=True, markup=False, highlight=False)
    console.file.flush()


@contextmanager
def texts_relayed(ctx: AppContext, gateway: SmsGateway | None = None) -> Iterator[None]:
    """While inside: a thread prints each queued text message as a console line (the default
    SMS adapter of ``paysetu run``), once a second; it stops when the block ends."""
    stop = threading.Event()
    sms = gateway or ConsoleSms(_announce)

    def relay() -> None:
        while not stop.wait(RELAY_INTERVAL_S):
            try:
                deliver_outbox(ctx, sms)
            except sa.exc.SQLAlchemyError as error:  # the database restarting: next round
                logger.warning("sms relay: %s", type(error).__name__)

    thread = threading.Thread(target=relay, name="sms-relay", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=5)
