"""The demo shop: a customer with a funded INR wallet and the merchant "Chai Point".

Made through the same services as the HTTP API, so its objects, ledger entries and events are
like any client's. Loading is idempotent without a table of its own: the ids are kept in
``<data_dir>/demo_shop.json``, and a later run reuses them if they still exist in the database
(a fresh database, or another ``PAYSETU_DATABASE_URL``, gets a new shop).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from paysetu.access.rules.principals import Role
from paysetu.access.usecases import api_keys as access
from paysetu.app.context import AppContext
from paysetu.demo.console import console
from paysetu.demo.state import read_state, write_state
from paysetu.kernel.money import Money
from paysetu.kernel.money_display import format_money
from paysetu.payments.usecases import merchants
from paysetu.wallets.usecases import wallets

STATE_FILE = "demo_shop.json"
TOP_UP_MINOR = 5_000_00
FEE_BPS = 200
DEMO_METADATA = {"demo": "true"}


@dataclass(frozen=True, slots=True)
class DemoShop:
    customer_id: str
    wallet_id: str
    merchant_id: str


@dataclass(frozen=True, slots=True)
class DemoKeys:
    """Freshly issued secrets (shown once, never stored in clear)."""

    platform: str
    merchant: str


def _exists(ctx: AppContext, shop: DemoShop) -> bool:
    with ctx.uow_factory() as uow:
        return (uow.customers.get(shop.customer_id) is not None
                and uow.wallets.get(shop.wallet_id) is not None
                and uow.merchants.get(shop.merchant_id) is not None)


def _create(ctx: AppContext) -> DemoShop:
    with ctx.uow_factory() as uow:
        customer = wallets.create_customer(ctx, uow, "Asha Verma", "asha@example.com", "full",
                                           DEMO_METADATA)
        wallet = wallets.create_wallet(ctx, uow, customer["id"], "INR")
        wallets.top_up(ctx, uow, wallet["id"], TOP_UP_MINOR, "INR", DEMO_METADATA)
        merchant = merchants.create_merchant(ctx, uow, "Chai Point", "IN", "INR", FEE_BPS, 0,
                                             DEMO_METADATA)
        uow.commit()
    return DemoShop(customer["id"], wallet["id"], merchant["id"])


def ensure_demo_shop(ctx: AppContext, data_dir: Path) -> tuple[DemoShop, bool]:
    """The demo shop, created unless it already exists; ``True`` if it was created now."""
    path = data_dir / STATE_FILE
    shop = read_state(path, DemoShop)
    if shop is not None and _exists(ctx, shop):
        return shop, False
    shop = _create(ctx)
    write_state(path, shop)
    return shop, True


def print_demo_shop(ctx: AppContext, shop: DemoShop, created: bool) -> None:
    with ctx.uow_factory() as uow:
        wallet = uow.wallets.get(shop.wallet_id)
    balance = format_money(Money(wallet.balance_minor, wallet.currency)) if wallet else "?"
    console.print(f"demo shop: {'created' if created else 'already there'}")
    console.print(f"  customer Asha Verma  {shop.customer_id}  wallet {shop.wallet_id}: {balance}",
                  soft_wrap=True)
    console.print(f"  merchant Chai Point  {shop.merchant_id}  (IN, INR, fee 2%)", soft_wrap=True)


def issue_demo_keys(ctx: AppContext, shop: DemoShop) -> DemoKeys:
    """A new test-mode platform key and a key for the demo merchant."""
    platform = access.create_key(ctx, Role.PLATFORM, None, livemode=False)
    merchant = access.create_key(ctx, Role.MERCHANT, shop.merchant_id, livemode=False)
    return DemoKeys(platform.secret, merchant.secret)
