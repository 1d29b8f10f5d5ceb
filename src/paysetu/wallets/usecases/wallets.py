"""Customers and wallets: open, top up, transfer, withdraw, within the KYC tier's limits.

Each movement is one ledger entry. Limits are checked after the entry is applied, inside the
same transaction, while the ledger holds the wallet account's row lock: a concurrent movement on
the same wallet waits, so two top-ups can never both slip under a limit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from paysetu.events.usecases.events import emit
from paysetu.kernel.money import AMOUNT_MINOR_MAX, is_currency
from paysetu.kernel.phones import e164
from paysetu.ledger.rules.entries import AccountKind, NewAccount, NewEntry
from paysetu.ledger.rules.errors import CreateEntryStatus, EntryRejected
from paysetu.wallets.rules.errors import WalletRejected, WalletStatus
from paysetu.wallets.rules.wallets import Customer, KycTier, Wallet, month_start, transfer_entry
from paysetu.wallets.usecases.objects import customer_object, wallet_movement_object, wallet_object
from paysetu.wallets.usecases.ports import WalletsContext, WalletsUnitOfWork

NAME_LENGTH_MAX = 200


def platform_account(
    uow: WalletsUnitOfWork, ctx: WalletsContext, purpose: str, currency: str
) -> str:
    """The platform's asset account for ``purpose`` (cash-in, payouts) in ``currency``."""
    account_id = f"acct_platform_{purpose}_{currency}"
    uow.ledger.create_accounts(
        [
            NewAccount(
                account_id, currency, AccountKind.ASSET, owner_type="platform", owner_id="paysetu"
            )
        ],
        ctx.clock.now(),
    )
    return account_id


def create_customer(
    ctx: WalletsContext,
    uow: WalletsUnitOfWork,
    name: str,
    email: str | None,
    kyc_tier: str,
    metadata: Mapping[str, str],
    phone: str | None = None,
) -> dict[str, Any]:
    """A new customer; with ``phone``, one who can sign in to the wallet with it."""
    if not (0 < len(name) <= NAME_LENGTH_MAX and name.isprintable()):
        raise WalletRejected(WalletStatus.NAME_INVALID, param="name")
    if kyc_tier not in {t.value for t in KycTier}:
        raise WalletRejected(WalletStatus.KYC_TIER_INVALID, param="kyc_tier")
    phone_e164 = None if phone is None else e164(phone)
    if phone is not None and phone_e164 is None:
        raise WalletRejected(WalletStatus.PHONE_INVALID, param="phone")
    customer = Customer(
        ctx.ids.new_id("cus"), name, email, KycTier(kyc_tier), dict(metadata), ctx.clock.now(),
        phone_e164,
    )
    if not uow.customers.insert(customer):
        raise WalletRejected(WalletStatus.PHONE_TAKEN, param="phone")
    obj = customer_object(customer)
    emit(ctx, uow, None, "customer.created", obj)
    return obj


def get_customer(uow: WalletsUnitOfWork, customer_id: str) -> Customer:
    customer = uow.customers.get(customer_id)
    if customer is None:
        raise WalletRejected(WalletStatus.CUSTOMER_NOT_FOUND, param="customer")
    return customer


def create_wallet(
    ctx: WalletsContext, uow: WalletsUnitOfWork, customer_id: str, currency: str
) -> dict[str, Any]:
    if not is_currency(currency):
        raise WalletRejected(WalletStatus.CURRENCY_INVALID, param="currency")
    get_customer(uow, customer_id)
    wallet_id = ctx.ids.new_id("wal")
    account_id = f"acct_{wallet_id}"
    uow.ledger.create_accounts(
        [
            NewAccount(
                account_id,
                currency,
                AccountKind.LIABILITY,
                debits_must_not_exceed_credits=True,
                owner_type="customer",
                owner_id=customer_id,
                metadata={"wallet": wallet_id},
            )
        ],
        ctx.clock.now(),
    )
    wallet = Wallet(wallet_id, customer_id, currency, account_id, ctx.clock.now())
    if not uow.wallets.insert(wallet):
        raise WalletRejected(WalletStatus.WALLET_EXISTS, param="currency")
    obj = wallet_object(wallet)
    emit(ctx, uow, None, "wallet.created", obj)
    return obj


def get_wallet(uow: WalletsUnitOfWork, wallet_id: str, param: str = "wallet") -> Wallet:
    wallet = uow.wallets.get(wallet_id)
    if wallet is None:
        raise WalletRejected(WalletStatus.WALLET_NOT_FOUND, param=param)
    return wallet


def check_amount(amount_minor: int, currency: str, wallet: Wallet) -> None:
    if amount_minor <= 0:
        raise WalletRejected(WalletStatus.AMOUNT_MUST_BE_POSITIVE, param="amount_minor")
    if amount_minor > AMOUNT_MINOR_MAX:
        raise WalletRejected(WalletStatus.AMOUNT_TOO_LARGE, param="amount_minor")
    if currency != wallet.currency:
        raise WalletRejected(WalletStatus.CURRENCY_MISMATCH, param="currency")


def check_balance_limit(ctx: WalletsContext, uow: WalletsUnitOfWork, wallet_id: str) -> Wallet:
    """Refuse when the wallet, after the movement just applied, holds more than its tier allows."""
    wallet = get_wallet(uow, wallet_id)
    tier = get_customer(uow, wallet.customer_id).kyc_tier
    if not ctx.policy.wallet_limits.balance_allows(tier, wallet.currency, wallet.balance_minor):
        raise WalletRejected(WalletStatus.WALLET_BALANCE_LIMIT_EXCEEDED, param="amount_minor")
    return wallet


def _apply_or_decline(uow: WalletsUnitOfWork, entry: NewEntry, ctx: WalletsContext) -> None:
    """Apply one entry; a wallet without funds is declined with the wallet's own code."""
    try:
        uow.ledger.apply([entry], ctx.clock.now())
    except EntryRejected as rejection:
        if rejection.code is CreateEntryStatus.EXCEEDS_CREDITS:
            raise WalletRejected(
                WalletStatus.EXCEEDS_AVAILABLE_BALANCE, param="amount_minor"
            ) from None
        raise


def top_up(
    ctx: WalletsContext,
    uow: WalletsUnitOfWork,
    wallet_id: str,
    amount_minor: int,
    currency: str,
    metadata: Mapping[str, str],
) -> dict[str, Any]:
    """Credit the wallet from the platform's simulated bank/cash-in account."""
    wallet = get_wallet(uow, wallet_id)
    check_amount(amount_minor, currency, wallet)
    source = platform_account(uow, ctx, "cashin", currency)
    entry_id = ctx.ids.new_id("je")
    meta = {**metadata, "kind": "top_up", "wallet": wallet.id}
    _apply_or_decline(
        uow, transfer_entry(entry_id, source, wallet.account_id, amount_minor, currency, meta), ctx
    )
    wallet = check_balance_limit(ctx, uow, wallet.id)
    tier = get_customer(uow, wallet.customer_id).kyc_tier
    loaded = uow.wallets.loaded_since(wallet.account_id, month_start(ctx.clock.now()))
    if not ctx.policy.wallet_limits.load_allows(tier, currency, loaded):
        raise WalletRejected(WalletStatus.WALLET_LOAD_LIMIT_EXCEEDED, param="amount_minor")
    obj = wallet_movement_object("top_up", wallet, amount_minor, entry_id, None)
    emit(ctx, uow, None, "wallet.topped_up", obj)
    return obj


def transfer(
    ctx: WalletsContext,
    uow: WalletsUnitOfWork,
    source_id: str,
    destination_id: str,
    amount_minor: int,
    currency: str,
    metadata: Mapping[str, str],
) -> dict[str, Any]:
    """Move money between two customers' wallets in the same currency."""
    source = get_wallet(uow, source_id)
    destination = get_wallet(uow, destination_id, param="destination")
    if source.id == destination.id:
        raise WalletRejected(WalletStatus.WALLETS_MUST_BE_DIFFERENT, param="destination")
    check_amount(amount_minor, currency, source)
    check_amount(amount_minor, currency, destination)
    entry_id = ctx.ids.new_id("je")
    meta = {**metadata, "kind": "transfer", "wallet": source.id, "destination": destination.id}
    _apply_or_decline(
        uow,
        transfer_entry(
            entry_id, source.account_id, destination.account_id, amount_minor, currency, meta
        ),
        ctx,
    )
    check_balance_limit(ctx, uow, destination.id)
    obj = wallet_movement_object(
        "transfer", get_wallet(uow, source.id), amount_minor, entry_id, destination.id
    )
    emit(ctx, uow, None, "wallet.transferred", obj)
    return obj


def withdraw(
    ctx: WalletsContext,
    uow: WalletsUnitOfWork,
    wallet_id: str,
    amount_minor: int,
    currency: str,
    metadata: Mapping[str, str],
) -> dict[str, Any]:
    """Pay out of the wallet to the platform's (simulated) bank payout account."""
    wallet = get_wallet(uow, wallet_id)
    check_amount(amount_minor, currency, wallet)
    destination = platform_account(uow, ctx, "payouts", currency)
    entry_id = ctx.ids.new_id("je")
    meta = {**metadata, "kind": "withdrawal", "wallet": wallet.id}
    _apply_or_decline(
        uow,
        transfer_entry(entry_id, wallet.account_id, destination, amount_minor, currency, meta),
        ctx,
    )
    obj = wallet_movement_object(
        "withdrawal", get_wallet(uow, wallet.id), amount_minor, entry_id, None
    )
    emit(ctx, uow, None, "wallet.withdrawn", obj)
    return obj
