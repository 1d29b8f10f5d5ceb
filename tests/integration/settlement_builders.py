"""Builders for settlement tests: merchants, payers, payments and refunds through the services."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from paysetu.access.rules.principals import Principal, Role
from paysetu.app.context import AppContext
from paysetu.app.ports import AppUnitOfWork
from paysetu.kernel.pagination import PageRequest
from paysetu.payments.usecases import merchants, payments, refunds
from paysetu.settlement.usecases import payout_accounts
from paysetu.wallets.usecases import wallets

T = TypeVar("T")
PLATFORM = Principal("key_test_platform", Role.PLATFORM, None, False)


def run(context: AppContext, work: Callable[[AppUnitOfWork], T]) -> T:
    """One use case in its own committed transaction."""
    with context.uow_factory() as uow:
        result = work(uow)
        uow.commit()
    return result


def merchant(context: AppContext, currency: str = "INR", fee_bps: int = 200,
             fee_fixed_minor: int = 0) -> str:
    obj = run(context, lambda uow: merchants.create_merchant(
        context, uow, f"Merchant {currency}", "IN", currency, fee_bps, fee_fixed_minor, {}))
    return str(obj["id"])


def payer(context: AppContext, currency: str, funds_minor: int) -> str:
    customer = run(context, lambda uow: wallets.create_customer(
        context, uow, "Payer", None, "full", {}))
    wallet = run(context, lambda uow: wallets.create_wallet(
        context, uow, customer["id"], currency))
    if funds_minor:
        run(context, lambda uow: wallets.top_up(
            context, uow, wallet["id"], funds_minor, currency, {}))
    return str(wallet["id"])


def pay(context: AppContext, merchant_id: str, wallet_id: str, amount_minor: int,
        currency: str, **fields: Any) -> dict[str, Any]:
    """A payment debited as an operator action (settlement's tests need money moved, not the
    customer's consent, which tests/api/test_customer_consent.py covers)."""
    fields.setdefault("operator_reason", "test: settlement fixture")
    command = payments.CreatePayment(amount_minor, currency, wallet_id, merchant_id,
                                     confirm=True, **fields)
    return run(context, lambda uow: payments.create_payment(context, uow, PLATFORM, command))


def refund(context: AppContext, payment_id: str, amount_minor: int) -> dict[str, Any]:
    return run(context, lambda uow: refunds.create_refund(
        context, uow, PLATFORM, payment_id, amount_minor, None, {}))


def indian_account(context: AppContext, merchant_id: str) -> dict[str, Any]:
    return run(context, lambda uow: payout_accounts.create_payout_account(
        context, uow, PLATFORM, merchant_id, "INR", "Chai Point Pvt Ltd",
        account_number="001234567890", bank_code="HDFC0000123", country="IN"))


def iban_account(context: AppContext, merchant_id: str, currency: str) -> dict[str, Any]:
    return run(context, lambda uow: payout_accounts.create_payout_account(
        context, uow, PLATFORM, merchant_id, currency, "Berliner Kaffee GmbH",
        iban="DE89370400440532013000", bic="COBADEFFXXX"))


def schedule(context: AppContext, merchant_id: str, **terms: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "time_zone": "UTC", "cutoff_local": "00:00", "delay_days": 0, "reserve_bps": 0,
        "reserve_release_days": 0, "payout_minimums": {}, **terms,
    }
    return run(context, lambda uow: payout_accounts.set_schedule(
        context, uow, PLATFORM, merchant_id, **fields))


PAGE = PageRequest(limit=100)
