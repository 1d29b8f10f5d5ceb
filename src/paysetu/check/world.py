"""The bank check's world: merchants with keys and webhook endpoints, funded wallets, and a
live mandate of each wallet's customer for each merchant (a merchant's payment debits only
within one; without it, it waits for the customer). The first merchant is also a marketplace
with three verified sellers (two Indian, withheld GST TCS and TDS; one abroad), so clients
place orders split across sellers.

Made through the product's use cases (so the ledger explains every balance the clients
spend), before the server starts: after this, money only moves inside the system.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from paysetu.access.rules.principals import Principal, Role
from paysetu.access.usecases import api_keys as access
from paysetu.app.context import AppContext
from paysetu.app.ports import AppUnitOfWork
from paysetu.bootstrap import build
from paysetu.check.receiver import Receiver
from paysetu.config import Settings
from paysetu.events.rules.targets import LOOPBACK_NETWORKS
from paysetu.marketplace.rules.records import Commission
from paysetu.marketplace.usecases import sellers
from paysetu.payments.usecases import mandates, merchants
from paysetu.payments.usecases import webhook_endpoints as webhooks
from paysetu.wallets.usecases import wallets

CURRENCY = "INR"
WALLET_FUNDS_MINOR = 20_000_00
"""Each wallet's funding: a tenth of the full-KYC limit, so transfers in are rarely refused."""
PAYMENT_MAX_MINOR = 500_00
"""The largest payment a client makes (and each mandate's maximum per debit)."""


@dataclass(frozen=True, slots=True)
class World:
    """What the clients need: keys, wallets, and the money they share."""

    platform_key: str
    merchant_keys: dict[str, str]
    wallets: list[str]
    total_minor: int
    mandates: dict[tuple[str, str], str]
    """(wallet, merchant) -> the live mandate a payment names."""
    marketplace: str
    """The first merchant, a marketplace: its key places orders."""
    sellers: list[str]
    """The marketplace's verified sellers (all paid in the world's currency)."""


SELLERS = (
    ("Check Books", "IN", "AAPFU0939F", "27AAPFU0939F1ZV"),
    ("Check Crafts", "IN", "AAGCB7383J", "29AAGCB7383J1Z4"),
    ("Check Prints Ltd", "GB", None, None),
)


def open_world(database_url: str, wallet_count: int, merchant_count: int,
               receiver: Receiver) -> World:
    """Merchants (each with a key and an endpoint on ``receiver``) and funded wallets."""
    runtime = build(Settings(database_url=database_url, db_pool_size=2,
                             webhook_allowed_networks=LOOPBACK_NETWORKS))  # the receiver's
    try:
        ctx = runtime.context
        platform = access.create_key(ctx, Role.PLATFORM, None, livemode=False)
        caller = Principal(platform.record.id, Role.PLATFORM, None, False)
        keys: dict[str, str] = {}
        opened: list[str] = []
        with ctx.uow_factory() as uow:
            for n in range(1, merchant_count + 1):
                merchant = str(merchants.create_merchant(
                    ctx, uow, f"Check Shop {n}", "IN", CURRENCY, 200, 0, {})["id"])
                endpoint = webhooks.create_endpoint(
                    ctx, uow, caller, receiver.url_for(merchant), ["*"], None, merchant)
                receiver.secrets[merchant] = str(endpoint["secret"])
                keys[merchant] = ""
            host = next(iter(keys))
            sellers.create_marketplace(ctx, uow, caller, sellers.CreateMarketplace(
                host, Commission(1000, 0), {}, True, 3600))
            onboarded = []
            for name, country, pan, gstin in SELLERS:
                seller = sellers.onboard_seller(ctx, uow, caller, sellers.OnboardSeller(
                    name, country, CURRENCY, pan, gstin, marketplace=host))
                sellers.set_seller_kyc(ctx, uow, caller, str(seller["id"]), "verified")
                onboarded.append(str(seller["id"]))
            for n in range(1, wallet_count + 1):
                customer = wallets.create_customer(ctx, uow, f"Client {n}", None, "full", {})
                wallet = wallets.create_wallet(ctx, uow, customer["id"], CURRENCY)
                wallets.top_up(ctx, uow, wallet["id"], WALLET_FUNDS_MINOR, CURRENCY, {})
                opened.append(str(wallet["id"]))
            uow.commit()
        mandated: dict[tuple[str, str], str] = {}
        for merchant in keys:
            issued = access.create_key(ctx, Role.MERCHANT, merchant, livemode=False)
            keys[merchant] = issued.secret
            merchant_caller = Principal(issued.record.id, Role.MERCHANT, merchant, False)
            with ctx.uow_factory() as uow:
                for wallet_id in opened:
                    mandated[wallet_id, merchant] = _live_mandate(
                        ctx, uow, merchant_caller, wallet_id)
                uow.commit()
        return World(platform.secret, keys, opened, WALLET_FUNDS_MINOR * wallet_count, mandated,
                     host, onboarded)
    finally:
        runtime.close()


def _live_mandate(ctx: AppContext, uow: AppUnitOfWork, caller: Principal, wallet: str) -> str:
    """An on-demand mandate up to the largest payment, approved by the wallet's customer (the
    check stands in for the customer's PIN)."""
    mandate = mandates.create_mandate(ctx, uow, caller, mandates.CreateMandate(
        wallet, PAYMENT_MAX_MINOR, CURRENCY, "as_presented", "Check orders",
        ctx.clock.now() + timedelta(days=365)))
    mandates.act_on_mandate(ctx, uow, str(mandate["customer"]), str(mandate["id"]), "approve")
    return str(mandate["id"])
