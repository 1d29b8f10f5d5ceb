"""Merchants: onboarding with a fee plan, and their ledger accounts per currency."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from paysetu.access.rules.principals import Principal
from paysetu.events.usecases.events import emit
from paysetu.kernel.countries import is_country
from paysetu.kernel.money import is_currency
from paysetu.ledger.rules.entries import AccountKind, NewAccount
from paysetu.payments.rules.errors import PaymentRejected, PaymentStatus
from paysetu.payments.rules.payments import FeePlan, Merchant, MerchantAccounts
from paysetu.payments.usecases.objects import merchant_object
from paysetu.payments.usecases.ports import PaymentsContext, PaymentsUnitOfWork

NAME_LENGTH_MAX = 200


def create_merchant(
    ctx: PaymentsContext,
    uow: PaymentsUnitOfWork,
    legal_name: str,
    country: str,
    settlement_currency: str,
    fee_bps: int,
    fee_fixed_minor: int,
    metadata: Mapping[str, str],
) -> dict[str, Any]:
    if not (0 < len(legal_name) <= NAME_LENGTH_MAX and legal_name.isprintable()):
        raise PaymentRejected(PaymentStatus.LEGAL_NAME_INVALID, param="legal_name")
    if not is_country(country):
        raise PaymentRejected(PaymentStatus.COUNTRY_INVALID, param="country")
    if not is_currency(settlement_currency):
        raise PaymentRejected(PaymentStatus.CURRENCY_INVALID, param="settlement_currency")
    if not 0 <= fee_bps <= 10_000:
        raise PaymentRejected(PaymentStatus.FEE_PLAN_INVALID, param="fee_bps")
    if not 0 <= fee_fixed_minor <= 2**62:
        raise PaymentRejected(PaymentStatus.FEE_PLAN_INVALID, param="fee_fixed_minor")
    merchant = Merchant(
        ctx.ids.new_id("mer"),
        legal_name,
        country,
        settlement_currency,
        FeePlan(fee_bps, fee_fixed_minor),
        dict(metadata),
        ctx.clock.now(),
    )
    uow.merchants.insert(merchant)
    merchant_accounts(ctx, uow, merchant.id, settlement_currency)
    obj = merchant_object(merchant, uow.merchants.balances(merchant.id))
    emit(ctx, uow, merchant.id, "merchant.created", obj)
    return obj


def merchant_accounts(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, merchant_id: str, currency: str
) -> MerchantAccounts:
    """The merchant's accounts in ``currency``, opened on first use."""
    existing = uow.merchants.accounts(merchant_id, currency)
    if existing is not None:
        return existing
    base = f"acct_{merchant_id}_{currency}"
    accounts = MerchantAccounts(f"{base}_available", f"{base}_escrow", f"{base}_fees")
    uow.ledger.create_accounts(
        [
            NewAccount(
                accounts.available,
                currency,
                AccountKind.LIABILITY,
                debits_must_not_exceed_credits=True,
                owner_type="merchant",
                owner_id=merchant_id,
            ),
            NewAccount(
                accounts.escrow,
                currency,
                AccountKind.LIABILITY,
                debits_must_not_exceed_credits=True,
                owner_type="merchant",
                owner_id=merchant_id,
            ),
            NewAccount(
                accounts.fees,
                currency,
                AccountKind.INCOME,
                owner_type="platform",
                owner_id="paysetu",
                metadata={"merchant": merchant_id},
            ),
        ],
        ctx.clock.now(),
    )
    uow.merchants.add_accounts(merchant_id, currency, accounts)
    return accounts


def get_merchant(uow: PaymentsUnitOfWork, caller: Principal, merchant_id: str) -> Merchant:
    """The merchant if the caller may see it; otherwise, as for a missing one, 404."""
    merchant = uow.merchants.get(merchant_id)
    if merchant is None or not caller.owns_merchant(merchant_id):
        raise PaymentRejected(PaymentStatus.MERCHANT_NOT_FOUND, param="merchant")
    return merchant
