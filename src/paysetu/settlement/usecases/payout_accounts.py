"""Merchant onboarding for settlement: payout accounts and settlement schedules.

Bank details are checked when they are registered
(:mod:`paysetu.settlement.rules.payout_accounts`), not
when the first payout bounces. A new account for a currency replaces the active one; batches
already paid keep pointing at the account they used. Schedules are the merchant's settlement
terms; without one the deployment's default applies (``"default": true`` in the object).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from paysetu.access.rules.principals import Principal
from paysetu.payments.usecases.checks import storable
from paysetu.payments.usecases.merchants import get_merchant
from paysetu.settlement.rules.payout_accounts import PayoutAccount, check_payout_account
from paysetu.settlement.rules.settlement import check_schedule
from paysetu.settlement.usecases.objects import payout_account_object, schedule_object
from paysetu.settlement.usecases.ports import SettlementContext, SettlementUnitOfWork


def create_payout_account(
    ctx: SettlementContext,
    uow: SettlementUnitOfWork,
    caller: Principal,
    merchant_id: str,
    currency: str,
    holder_name: str,
    *,
    iban: str | None = None,
    bic: str | None = None,
    account_number: str | None = None,
    bank_code: str | None = None,
    country: str | None = None,
) -> dict[str, Any]:
    """Register where ``merchant_id`` is paid in ``currency`` (refused with a code if invalid)."""
    merchant = get_merchant(uow, caller, merchant_id if storable(merchant_id) else "")
    details = check_payout_account(
        holder_name,
        currency,
        iban=iban,
        bic=bic,
        account_number=account_number,
        bank_code=bank_code,
        country=country,
    )
    account = PayoutAccount(ctx.ids.new_id("pac"), merchant.id, details, True, ctx.clock.now())
    uow.settlements.insert_payout_account(account)
    return payout_account_object(account)


def list_payout_accounts(
    uow: SettlementUnitOfWork, caller: Principal, merchant_id: str
) -> list[dict[str, Any]]:
    merchant = get_merchant(uow, caller, merchant_id if storable(merchant_id) else "")
    return [payout_account_object(a) for a in uow.settlements.list_payout_accounts(merchant.id)]


def get_schedule(
    ctx: SettlementContext, uow: SettlementUnitOfWork, caller: Principal, merchant_id: str
) -> dict[str, Any]:
    merchant = get_merchant(uow, caller, merchant_id if storable(merchant_id) else "")
    own = uow.settlements.get_schedule(merchant.id)
    return schedule_object(merchant.id, own or ctx.settlement.default_schedule, own is not None)


def set_schedule(
    ctx: SettlementContext,
    uow: SettlementUnitOfWork,
    caller: Principal,
    merchant_id: str,
    *,
    time_zone: str,
    cutoff_local: str,
    delay_days: int,
    reserve_bps: int,
    reserve_release_days: int,
    payout_minimums: Mapping[str, int],
) -> dict[str, Any]:
    """Set the merchant's schedule; it applies from the next window settled."""
    merchant = get_merchant(uow, caller, merchant_id if storable(merchant_id) else "")
    schedule = check_schedule(
        time_zone, cutoff_local, delay_days, reserve_bps, reserve_release_days, payout_minimums
    )
    uow.settlements.save_schedule(merchant.id, schedule, ctx.clock.now())
    return schedule_object(merchant.id, schedule, True)
