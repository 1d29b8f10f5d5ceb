"""The API bench's world: one merchant, its secret key, and funded full-KYC payer wallets.

Built through the product's own use cases (merchant onboarding, customers, wallets, top-ups
from the simulated cash-in account), so every balance the clients spend is explained by the
ledger and the final audit covers the setup too.
"""

from __future__ import annotations

from dataclasses import dataclass

from paysetu.access.rules.principals import Role
from paysetu.access.usecases import api_keys as access
from paysetu.bootstrap import Runtime
from paysetu.payments.usecases import merchants
from paysetu.wallets.usecases import wallets

WALLET_FUNDS_MINOR = 2_00_000_00
"""Each wallet's top-up: the full-KYC balance limit (₹2,00,000), thousands of payments' worth."""
WALLETS_PER_TRANSACTION = 100


@dataclass(frozen=True, slots=True)
class Shop:
    """What the clients need: whom to pay, the key to do it with, and who pays.

    Attributes:
        api_key: The merchant's secret key (``sk_test_...``), for the HTTP clients.
        api_key_id: Its id, the principal of the direct clients.
    """

    merchant_id: str
    api_key: str
    api_key_id: str
    wallets: tuple[str, ...]


def open_shop(runtime: Runtime, wallet_count: int) -> Shop:
    """Onboard the merchant (2% fee), issue its key, open and fund ``wallet_count`` wallets."""
    ctx = runtime.context
    with ctx.uow_factory() as uow:
        merchant = merchants.create_merchant(ctx, uow, "Bench Chai Point", "IN", "INR", 200, 0,
                                             {})
        uow.commit()
    opened: list[str] = []
    while len(opened) < wallet_count:
        with ctx.uow_factory() as uow:
            for _ in range(min(WALLETS_PER_TRANSACTION, wallet_count - len(opened))):
                number = len(opened) + 1
                customer = wallets.create_customer(ctx, uow, f"Payer {number}", None, "full", {})
                wallet = wallets.create_wallet(ctx, uow, customer["id"], "INR")
                wallets.top_up(ctx, uow, wallet["id"], WALLET_FUNDS_MINOR, "INR", {})
                opened.append(str(wallet["id"]))
            uow.commit()
    key = access.create_key(ctx, Role.MERCHANT, merchant["id"], livemode=False)
    with runtime.engine.connect() as connection:
        connection.exec_driver_sql("ANALYZE")
        connection.commit()  # ANALYZE in a rolled-back transaction keeps no statistics
    return Shop(str(merchant["id"]), key.secret, key.record.id, tuple(opened))
