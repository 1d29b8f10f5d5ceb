"""The ledger accounts of marketplaces and sellers, opened on first use.

A seller's hold is its escrow account (one per seller and currency: the issue's "ledger account
per seller hold"); what it owes back from returns it could not cover is an asset account of the
platform's books on the seller (``..._recovery``), repaid from its next releases. The
marketplace's GST TCS and TDS withheld are liability accounts of the marketplace, per currency.
"""

from __future__ import annotations

from collections.abc import Collection

from paysetu.ledger.rules.entries import AccountKind, NewAccount
from paysetu.marketplace.rules.entries import MarketplaceAccounts, SellerAccounts
from paysetu.marketplace.usecases.ports import MarketplaceContext, MarketplaceUnitOfWork
from paysetu.payments.usecases.merchants import merchant_accounts


def tax_account_ids(marketplace_id: str, currency: str) -> tuple[str, str]:
    """The marketplace's GST TCS and TDS liability accounts in ``currency``."""
    base = f"acct_{marketplace_id}_{currency}"
    return f"{base}_gst_tcs", f"{base}_income_tax_tds"


def marketplace_accounts(
    ctx: MarketplaceContext, uow: MarketplaceUnitOfWork, marketplace_id: str, currency: str,
    opened: Collection[str] = (),
) -> MarketplaceAccounts:
    """The marketplace's accounts, its tax accounts opened unless ``opened`` names them."""
    accounts = MarketplaceAccounts(
        merchant_accounts(ctx, uow, marketplace_id, currency).available,
        *tax_account_ids(marketplace_id, currency),
    )
    missing = [
            NewAccount(
                account,
                currency,
                AccountKind.LIABILITY,
                owner_type="merchant",
                owner_id=marketplace_id,
                metadata={"purpose": purpose},
            )
            for account, purpose in (
                (accounts.gst_tcs, "gst_tcs"),
                (accounts.income_tax_tds, "income_tax_tds"),
            )
            if account not in opened
    ]
    if missing:
        uow.ledger.create_accounts(missing, ctx.clock.now())
    return accounts


def seller_accounts(
    ctx: MarketplaceContext, uow: MarketplaceUnitOfWork, seller_id: str, currency: str
) -> SellerAccounts:
    own = merchant_accounts(ctx, uow, seller_id, currency)
    recovery = f"acct_{seller_id}_{currency}_recovery"
    uow.ledger.create_accounts(
        [
            NewAccount(
                recovery,
                currency,
                AccountKind.ASSET,
                owner_type="merchant",
                owner_id=seller_id,
                metadata={"purpose": "marketplace_recovery"},
            )
        ],
        ctx.clock.now(),
    )
    return SellerAccounts(own.available, own.escrow, recovery)


def available_minor(ctx: MarketplaceContext, uow: MarketplaceUnitOfWork, account: str) -> int:
    """What a liability account can still be debited (posted credits less all debits)."""
    balance = uow.ledger.get_account(account, ctx.clock.now()).balance
    return balance.credits_posted - balance.debits_posted - balance.debits_pending


def owed_minor(ctx: MarketplaceContext, uow: MarketplaceUnitOfWork, account: str) -> int:
    """What a seller owes on its recovery (asset) account (never below 0: a settlement's
    recovery sweep racing a release could repay a little too much, which is then simply a
    credit the seller's next return draws on)."""
    balance = uow.ledger.get_account(account, ctx.clock.now()).balance
    return max(0, balance.debits_posted - balance.credits_posted)
