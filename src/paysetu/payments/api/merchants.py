"""``/v1/merchants``: onboarding (platform) and a merchant's own profile and balances."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends

from paysetu.kernel.pagination import PageRequest
from paysetu.payments.api.deps import Context, Write
from paysetu.payments.api.models import Merchant
from paysetu.payments.usecases import merchants
from paysetu.payments.usecases.checks import merchant_scope
from paysetu.payments.usecases.objects import merchant_object
from paysetu.shell.http.context import Caller, PlatformCaller
from paysetu.shell.http.objects import ListOf
from paysetu.shell.http.pagination import list_object, page_request
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.http.schemas import MerchantCreate

router = APIRouter(tags=["merchants"])


@router.post("/merchants", response_model=Merchant)
def create_merchant(body: MerchantCreate, write: Write, _: PlatformCaller) -> Any:
    return write.run(200, lambda uow: merchants.create_merchant(
        write.context, uow, body.legal_name, body.country, body.settlement_currency,
        body.fee_bps, body.fee_fixed_minor, body.metadata))


@router.get("/merchants/{merchant_id}", response_model=Merchant)
def get_merchant(merchant_id: str, context: Context, caller: Caller) -> dict[str, Any]:
    with context.uow_factory() as uow:
        merchant = merchants.get_merchant(uow, caller, merchant_id)
        return merchant_object(merchant, uow.merchants.balances(merchant.id))


@router.get("/merchants", response_model=ListOf[Merchant])
def list_merchants(
    context: Context, caller: Caller, page: Annotated[PageRequest, Depends(page_request)]
) -> dict[str, Any]:
    """The platform sees every merchant; a merchant key sees only its own; others get 404."""
    only = merchant_scope(caller)
    with context.uow_factory() as uow:
        items, has_more = uow.merchants.list_page(only, page)
        data = [merchant_object(m, uow.merchants.balances(m.id)) for m in items]
    return list_object("/v1/merchants", data, has_more)
