"""``/v1/customers``: the platform's customers (payers), with their KYC tier."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends

from paysetu.kernel.pagination import PageRequest
from paysetu.shell.http.context import PlatformCaller
from paysetu.shell.http.objects import ListOf
from paysetu.shell.http.pagination import list_object, page_request
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.http.schemas import CustomerCreate
from paysetu.wallets.api.deps import Context, Write
from paysetu.wallets.api.models import Customer
from paysetu.wallets.usecases import wallets
from paysetu.wallets.usecases.objects import customer_object
from paysetu.wallets.usecases.ports import WalletsUnitOfWork

router = APIRouter(tags=["customers"])


@router.post("/customers", response_model=Customer, status_code=200)
def create_customer(body: CustomerCreate, write: Write, _: PlatformCaller) -> Any:
    return write.run(200, lambda uow: wallets.create_customer(
        write.context, uow, body.name, body.email, body.kyc_tier, body.metadata, body.phone))


@router.get("/customers/{customer_id}", response_model=Customer)
def get_customer(customer_id: str, context: Context, _: PlatformCaller) -> dict[str, Any]:
    with context.uow_factory() as uow:
        return customer_object(wallets.get_customer(uow, customer_id))


@router.get("/customers", response_model=ListOf[Customer])
def list_customers(
    context: Context, _: PlatformCaller, page: Annotated[PageRequest, Depends(page_request)]
) -> dict[str, Any]:
    uow: WalletsUnitOfWork
    with context.uow_factory() as uow:
        items, has_more = uow.customers.list_page(page)
    return list_object("/v1/customers", [customer_object(c) for c in items], has_more)
