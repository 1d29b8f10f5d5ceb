"""A merchant's settlement onboarding: payout accounts and its settlement schedule.

``/v1/merchants/{id}/payout_accounts``: the merchant (or the platform) registers where it is
paid; bank details are checked now (IBAN and BIC with schwifty, an Indian IFSC by format) and
refused with their own codes, never discovered at payout. The schedule (time zone, cutoff,
T+N, reserve, minimums) is set by the platform: a rolling reserve is the platform's risk
decision, so a merchant key reads it but cannot change it.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from paysetu.settlement.api.deps import Context, Write
from paysetu.settlement.api.models import PayoutAccount, SettlementSchedule
from paysetu.settlement.usecases import payout_accounts
from paysetu.shell.http.context import Caller, PlatformCaller
from paysetu.shell.http.objects import ListOf
from paysetu.shell.http.pagination import list_object
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.http.schemas import Body

router = APIRouter(tags=["settlements"])


class PayoutAccountCreate(Body):
    currency: str = Field(description="ISO 4217 currency paid to this account.")
    holder_name: str = Field(description="The account holder, 1-140 characters.")
    iban: str | None = Field(default=None, description="IBAN (with bic); spaces are ignored.")
    bic: str | None = Field(default=None, description="BIC of the IBAN's bank, 8 or 11.")
    account_number: str | None = Field(
        default=None, description="Local account number (with bank_code), India: 9-18 digits.")
    bank_code: str | None = Field(default=None, description="India: the branch's IFSC.")
    country: str | None = Field(default=None, description="Local accounts: ISO 3166, e.g. IN.")


class ScheduleUpdate(Body):
    time_zone: str = Field(default="UTC", description="IANA time zone of the cutoff.")
    cutoff_local: str = Field(default="00:00", description="Daily cutoff, HH:MM local time.")
    delay_days: int = Field(default=1, description="T+N: settle business day D-N on day D.")
    reserve_bps: int = Field(default=0, description="Rolling reserve, basis points of gross.")
    reserve_release_days: int = Field(
        default=0, description="Days after a window's end when its reserve is released.")
    payout_minimums: dict[str, int] = Field(
        default_factory=dict, description='Per currency, minor units: {"INR": 50000}.')


@router.post("/merchants/{merchant_id}/payout_accounts", response_model=PayoutAccount)
def create_payout_account(merchant_id: str, body: PayoutAccountCreate, write: Write) -> Any:
    """Register the account the merchant is paid to in ``currency`` (replaces the active one)."""
    return write.run(200, lambda uow: payout_accounts.create_payout_account(
        write.context, uow, write.caller, merchant_id, body.currency, body.holder_name,
        iban=body.iban, bic=body.bic, account_number=body.account_number,
        bank_code=body.bank_code, country=body.country))


@router.get(
    "/merchants/{merchant_id}/payout_accounts", response_model=ListOf[PayoutAccount]
)
def list_payout_accounts(merchant_id: str, context: Context, caller: Caller) -> dict[str, Any]:
    """Every payout account of the merchant, active first per currency; numbers are masked."""
    with context.uow_factory() as uow:
        data = payout_accounts.list_payout_accounts(uow, caller, merchant_id)
    return list_object(f"/v1/merchants/{merchant_id}/payout_accounts", data, False)


@router.get(
    "/merchants/{merchant_id}/settlement_schedule", response_model=SettlementSchedule
)
def get_settlement_schedule(merchant_id: str, context: Context, caller: Caller) -> dict[str, Any]:
    with context.uow_factory() as uow:
        return payout_accounts.get_schedule(context, uow, caller, merchant_id)


@router.post(
    "/merchants/{merchant_id}/settlement_schedule", response_model=SettlementSchedule
)
def set_schedule(
    merchant_id: str, body: ScheduleUpdate, write: Write, _: PlatformCaller
) -> Any:
    """Set the merchant's settlement terms; they apply from the next window settled."""
    return write.run(200, lambda uow: payout_accounts.set_schedule(
        write.context, uow, write.caller, merchant_id, time_zone=body.time_zone,
        cutoff_local=body.cutoff_local, delay_days=body.delay_days,
        reserve_bps=body.reserve_bps, reserve_release_days=body.reserve_release_days,
        payout_minimums=body.payout_minimums))
