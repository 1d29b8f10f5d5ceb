"""The API bench's world: one merchant (also a marketplace with five verified sellers), its
secret key, funded full-KYC payer wallets, and each wallet's live mandate for the merchant
(so that a charge is an automatic debit, not a payment waiting for its customer).

Built through the product's own use cases (merchant onboarding, customers, wallets, top-ups
from the simulated cash-in account), so every balance the clients spend is explained by the
ledger and the final audit covers the setup too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from paysetu.access.rules.principals import Principal, Role
from paysetu.access.usecases import api_keys as access
from paysetu.app.context import AppContext
from paysetu.app.ports import AppUnitOfWork
from paysetu.bootstrap import Runtime
from paysetu.marketplace.rules.identity import gstin_check_character
from paysetu.marketplace.rules.records import Commission
from paysetu.marketplace.usecases import sellers as marketplace
from paysetu.payments.usecases import mandates, merchants
from paysetu.payments.usecases.merchants import merchant_accounts
from paysetu.wallets.rules.wallets import Wallet
from paysetu.wallets.usecases import wallets

WALLET_FUNDS_MINOR = 2_00_000_00
"""Each wallet's top-up: the full-KYC balance limit (₹2,00,000), thousands of payments' worth."""
WALLETS_PER_TRANSACTION = 100
MANDATE_MAX_MINOR = 5 * 100_00
"""Each mandate's maximum per debit: the bench's largest marketplace order (five lines of at
most the largest payment, ``api_clients``)."""
SELLERS = 5
"""Sellers of the marketplace workload: every order has one line for each."""
PLATFORM = Principal("key_bench_setup", Role.PLATFORM, None, livemode=False)
SETUP_TABLES = ("merchants", "merchant_accounts", "api_keys", "customers", "wallets", "mandates",
                "ledger_accounts", "marketplaces", "sellers", "marketplace_sellers")
"""The tables the setup fills and the clients only read or update: analyzed once it is done.

The tables the clients grow (payments, events, idempotency keys, ledger entries and postings,
orders) are not. ``ANALYZE`` of a nearly empty table tells the planner it is one page, and a
connection's cached plan of a lookup in it (a prepared statement's generic plan, a foreign-key
check) stays a sequential scan while the run adds thousands of rows, until autovacuum analyzes
it again: every payment got slower the longer the bench ran. A table never analyzed is planned
as at least ten pages (PostgreSQL's rule for a new table), which takes the index, as a
production table of any size does."""


def _open_marketplace(runtime: Runtime, merchant_id: str) -> tuple[str, ...]:
    """Make the merchant a marketplace (10% commission) with verified Indian sellers."""
    ctx = runtime.context
    made = []
    with ctx.uow_factory() as uow:
        marketplace.create_marketplace(ctx, uow, PLATFORM, marketplace.CreateMarketplace(
            merchant_id, Commission(1000, 0), {}, True, 7 * 24 * 3600))
        for number in range(1, SELLERS + 1):
            pan = f"BENCH{number:04d}A"
            gstin = f"27{pan}1Z" + gstin_check_character(f"27{pan}1Z")
            seller = marketplace.onboard_seller(ctx, uow, PLATFORM, marketplace.OnboardSeller(
                f"Bench Seller {number}", "IN", "INR", pan, gstin, marketplace=merchant_id))
            marketplace.set_seller_kyc(ctx, uow, PLATFORM, str(seller["id"]), "verified")
            made.append(str(seller["id"]))
        uow.commit()
    return tuple(made)


@dataclass(frozen=True, slots=True)
class Shop:
    """What the clients need: whom to pay, the key to do it with, and who pays.

    Attributes:
        api_key: The merchant's secret key (``sk_test_...``), for the HTTP clients.
        api_key_id: Its id, the principal of the direct clients.
        wallet_accounts: The wallets' ledger accounts, in the same order (the bare transfers
            of the ledger channel debit them).
        merchant_account: The merchant's available INR account (a payment's credit, and the
            ledger channel's).
    """

    merchant_id: str
    api_key: str
    api_key_id: str
    wallets: tuple[str, ...]
    mandates: tuple[str, ...]
    """Each wallet's live mandate (same order)."""
    wallet_accounts: tuple[str, ...]
    merchant_account: str
    sellers: tuple[str, ...] = ()
    """The merchant is also a marketplace with these verified sellers."""


def _account_of(wallet: Wallet | None) -> str:
    if wallet is None:
        raise RuntimeError("a wallet just opened in this transaction is missing")
    return wallet.account_id


def open_shop(runtime: Runtime, wallet_count: int) -> Shop:
    """Onboard the merchant (2% fee), issue its key, open and fund ``wallet_count`` wallets."""
    ctx = runtime.context
    with ctx.uow_factory() as uow:
        merchant = merchants.create_merchant(ctx, uow, "Bench Chai Point", "IN", "INR", 200, 0,
                                             {})
        uow.commit()
    key = access.create_key(ctx, Role.MERCHANT, merchant["id"], livemode=False)
    caller = Principal(key.record.id, Role.MERCHANT, str(merchant["id"]), livemode=False)
    opened: list[str] = []
    mandated: list[str] = []
    accounts: list[str] = []
    while len(opened) < wallet_count:
        with ctx.uow_factory() as uow:
            for _ in range(min(WALLETS_PER_TRANSACTION, wallet_count - len(opened))):
                number = len(opened) + 1
                customer = wallets.create_customer(ctx, uow, f"Payer {number}", None, "full", {})
                wallet = wallets.create_wallet(ctx, uow, customer["id"], "INR")
                wallets.top_up(ctx, uow, wallet["id"], WALLET_FUNDS_MINOR, "INR", {})
                opened.append(str(wallet["id"]))
                accounts.append(_account_of(uow.wallets.get(str(wallet["id"]))))
                mandated.append(_live_mandate(ctx, uow, caller, str(wallet["id"])))
            uow.commit()
    with ctx.uow_factory() as uow:
        available = merchant_accounts(ctx, uow, merchant["id"], "INR").available
        uow.commit()
    sellers = _open_marketplace(runtime, str(merchant["id"]))
    with runtime.engine.connect() as connection:
        connection.exec_driver_sql(f"ANALYZE {', '.join(SETUP_TABLES)}")
        connection.commit()  # ANALYZE in a rolled-back transaction keeps no statistics
    return Shop(str(merchant["id"]), key.secret, key.record.id, tuple(opened), tuple(mandated),
                tuple(accounts), available, sellers)


def _live_mandate(ctx: AppContext, uow: AppUnitOfWork, caller: Principal, wallet_id: str) -> str:
    """The merchant asks for an on-demand mandate; the customer approves it (the bench stands
    in for the customer's PIN, which the customers' own tests cover)."""
    mandate = mandates.create_mandate(ctx, uow, caller, mandates.CreateMandate(
        wallet_id, MANDATE_MAX_MINOR, "INR", "as_presented", "Bench orders",
        ctx.clock.now() + timedelta(days=365)))
    mandates.act_on_mandate(ctx, uow, str(mandate["customer"]), str(mandate["id"]), "approve")
    return str(mandate["id"])
