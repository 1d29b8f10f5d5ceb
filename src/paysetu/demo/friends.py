"""The demo's second wallet customer: Arjun, a friend of Meera's, who once sent her money and
has asked her for some (a pending money request she can pay or decline in the app).

Made through the product's use cases, idempotent like the demo customer: the ids are kept in
``<data_dir>/demo_friend.json``; each run makes sure a request of Arjun's to Meera is
waiting (requests lapse after 7 days).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from paysetu.access.stores.passwords import Argon2Passwords
from paysetu.app.context import AppContext
from paysetu.customers.rules.transfers import RequestState
from paysetu.customers.usecases import money_requests, pins, transfers
from paysetu.demo.customers import PHONE as MEERA_PHONE
from paysetu.demo.customers import PIN, DemoCustomer
from paysetu.demo.shop import DEMO_METADATA
from paysetu.demo.state import read_state, write_state
from paysetu.wallets.usecases import wallets

STATE_FILE = "demo_friend.json"
PHONE = "+919000000002"
TOP_UP_MINOR = 1_500_00
SENT_MINOR = 250_00
REQUESTED_MINOR = 320_00


@dataclass(frozen=True, slots=True)
class DemoFriend:
    customer_id: str
    wallet_id: str
    transfer_id: str


def _create(ctx: AppContext, meera: DemoCustomer) -> DemoFriend:
    with ctx.uow_factory() as uow:
        customer = wallets.create_customer(ctx, uow, "Arjun Mehta", None, "full", DEMO_METADATA,
                                           PHONE)
        wallet = wallets.create_wallet(ctx, uow, customer["id"], "INR")
        wallets.top_up(ctx, uow, wallet["id"], TOP_UP_MINOR, "INR", DEMO_METADATA)
        sent = transfers.move(ctx, uow, str(customer["id"]), meera.customer_id, SENT_MINOR,
                              "INR", "Movie tickets", None)
        assert sent is not None
        uow.commit()
    pins.set_pin(ctx, Argon2Passwords(), str(customer["id"]), PIN, None)
    return DemoFriend(str(customer["id"]), str(wallet["id"]), sent.id)


def ensure_demo_friend(ctx: AppContext, data_dir: Path, meera: DemoCustomer) -> DemoFriend:
    """Arjun (created unless he exists) and a request of his to Meera, pending."""
    path = data_dir / STATE_FILE
    friend = read_state(path, DemoFriend)
    with ctx.uow_factory() as uow:
        exists = friend is not None and uow.wallets.get(friend.wallet_id) is not None
    if friend is None or not exists:
        friend = _create(ctx, meera)
        write_state(path, friend)
    waiting = [r for r in money_requests.recent(ctx, friend.customer_id)
               if r["payer"] == meera.customer_id and r["status"] == RequestState.PENDING]
    if not waiting:
        money_requests.create(ctx, friend.customer_id, MEERA_PHONE, REQUESTED_MINOR, "INR",
                              "Half of the dinner")
    return friend


def print_demo_friend(base: str) -> list[str]:
    """The banner line: Arjun signs in like Meera."""
    return [f"  wallet (2nd customer): {base}/wallet  phone {PHONE}, PIN {PIN};"
            f" his request to Meera waits at {base}/wallet/requests"]
