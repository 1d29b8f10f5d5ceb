"""``/v1/lenders`` and ``/v1/loan_products``: member lenders, the apex refinancer, products.

The platform onboards lenders and records their funding; a lender key sees only itself;
merchants see no lender (404). Products are readable by every key.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends

from paysetu.kernel.pagination import PageRequest
from paysetu.lending.api.deps import Context, Write
from paysetu.lending.api.models import Lender, LoanProduct
from paysetu.lending.api.schemas import LenderCreate, LenderFunding
from paysetu.lending.usecases import lending
from paysetu.shell.http.context import Caller, PlatformCaller
from paysetu.shell.http.objects import ListOf
from paysetu.shell.http.pagination import list_object, page_request
from paysetu.shell.http.routing import APIRouter

router = APIRouter(tags=["lending"])


@router.post("/lenders", response_model=Lender)
def create_lender(body: LenderCreate, write: Write, _: PlatformCaller) -> Any:
    """Onboard a lender; ``apex: true`` makes it the one apex refinancer (409 if one exists)."""
    return write.run(200, lambda uow: lending.create_lender(
        write.context, uow, body.name, body.kind, body.apex, body.metadata))


@router.get("/lenders/{lender_id}", response_model=Lender)
def get_lender(lender_id: str, context: Context, caller: Caller) -> dict[str, Any]:
    with context.uow_factory() as uow:
        return lending.lender_view(context, uow, caller, lender_id)


@router.get("/lenders", response_model=ListOf[Lender])
def list_lenders(
    context: Context, caller: Caller, page: Annotated[PageRequest, Depends(page_request)]
) -> dict[str, Any]:
    with context.uow_factory() as uow:
        data, has_more = lending.list_lenders(context, uow, caller, page)
    return list_object("/v1/lenders", data, has_more)


@router.post("/lenders/{lender_id}/funding", response_model=Lender)
def fund_lender(lender_id: str, body: LenderFunding, write: Write, _: PlatformCaller) -> Any:
    """Record money the lender commits to lending: its funding account grows."""
    return write.run(200, lambda uow: lending.fund_lender(
        write.context, uow, write.caller, lender_id, body.amount_minor, body.currency))


@router.get("/loan_products", response_model=ListOf[LoanProduct])
def list_products(context: Context, _: Caller) -> dict[str, Any]:
    """The product table: PMMY Shishu, Kishore, Tarun and Tarun Plus by default."""
    with context.uow_factory() as uow:
        data = lending.list_products(uow)
    return list_object("/v1/loan_products", data, False)


@router.get("/loan_products/{product_id}", response_model=LoanProduct)
def get_product(product_id: str, context: Context, _: Caller) -> dict[str, Any]:
    with context.uow_factory() as uow:
        return lending.get_product(uow, product_id)
