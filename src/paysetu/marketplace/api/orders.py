"""``/v1/marketplace_orders``, ``/v1/marketplace_shares``, ``/v1/marketplace_tax_reports``.

The marketplace's key creates and sees its orders and their shares; a seller's key sees only
its own shares (its orders and other sellers' shares answer 404); the platform sees all.
Reading a held share after its release time releases it (the worker does the same).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Query, Request

from paysetu.kernel.pagination import PageRequest
from paysetu.marketplace.api.deps import Context, Write
from paysetu.marketplace.api.models import (
    MarketplaceOrder,
    MarketplaceOrderCreate,
    MarketplaceShare,
    MarketplaceShareReturn,
    MarketplaceTaxReport,
    ShareRelease,
    ShareReturnCreate,
)
from paysetu.marketplace.rules.records import OrderLine
from paysetu.marketplace.usecases import holds, orders, returns, tax_reports
from paysetu.shell.http.context import Caller
from paysetu.shell.http.objects import ListOf
from paysetu.shell.http.pagination import list_object, page_request
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.http.schemas import EmptyBody

router = APIRouter(tags=["marketplace orders"])


@router.post("/marketplace_orders", response_model=MarketplaceOrder)
def create_order(body: MarketplaceOrderCreate, write: Write, request: Request) -> Any:
    """One buyer payment for a cart from several sellers, split into held seller shares.

    Give ``wallet`` to pay now (a normal payment to the marketplace), or ``return_url`` for the
    hosted checkout (``checkout_url``; the buyer may pay in another currency with an FX quote).
    Refused, with nothing written: lines that do not add up (``split_mismatch``), a seller not
    in this marketplace (``seller_not_found``) or not verified (``seller_not_verified``).
    """
    command = orders.CreateOrder(
        amount_minor=body.amount_minor, currency=body.currency,
        lines=[OrderLine(x.seller, x.amount_minor, x.category, x.description)
               for x in body.lines],
        marketplace=body.marketplace, wallet=body.wallet, fx_quote=body.fx_quote,
        return_url=body.return_url, description=body.description, metadata=body.metadata,
        mandate=body.mandate, operator_reason=body.operator_reason)
    base = str(request.base_url).rstrip("/")
    return write.run(200, lambda uow: orders.create_order(
        write.context, uow, write.caller, command, base))


@router.get("/marketplace_orders/{order_id}", response_model=MarketplaceOrder)
def get_order(order_id: str, context: Context, caller: Caller) -> dict[str, Any]:
    with context.uow_factory() as uow:
        found = holds.get_order(context, uow, caller, order_id)
        uow.commit()
    return found


@router.get("/marketplace_orders", response_model=ListOf[MarketplaceOrder])
def list_orders(
    context: Context,
    caller: Caller,
    page: Annotated[PageRequest, Depends(page_request)],
    marketplace: Annotated[str | None, Query(description="Platform keys: whose.")] = None,
) -> dict[str, Any]:
    with context.uow_factory() as uow:
        data, has_more = orders.list_orders(context, uow, caller, marketplace, page)
    return list_object("/v1/marketplace_orders", data, has_more)


@router.post("/marketplace_orders/{order_id}/confirm_delivery",
             response_model=MarketplaceOrder)
def confirm_delivery(order_id: str, write: Write, _body: EmptyBody | None = None) -> Any:
    """The buyer confirmed receipt: every held share goes to its seller (disputed ones stay)."""
    return write.run(200, lambda uow: holds.confirm_delivery(
        write.context, uow, write.caller, order_id))


@router.get("/marketplace_shares/{share_id}", response_model=MarketplaceShare)
def get_share(share_id: str, context: Context, caller: Caller) -> dict[str, Any]:
    with context.uow_factory() as uow:
        found = holds.get_share(context, uow, caller, share_id)
        uow.commit()
    return found


@router.get("/marketplace_shares", response_model=ListOf[MarketplaceShare])
def list_shares(
    context: Context, caller: Caller, page: Annotated[PageRequest, Depends(page_request)]
) -> dict[str, Any]:
    """A seller's key: its shares in every marketplace; a marketplace's key: its orders'."""
    with context.uow_factory() as uow:
        data, has_more = orders.list_shares(uow, caller, page)
    return list_object("/v1/marketplace_shares", data, has_more)


@router.post("/marketplace_shares/{share_id}/release", response_model=MarketplaceShare)
def release_share(share_id: str, write: Write, body: ShareRelease | None = None) -> Any:
    """The marketplace marks the share delivered; the platform may end a dispute so."""
    resolve = body is not None and body.resolve_dispute
    return write.run(200, lambda uow: holds.release_share(
        write.context, uow, write.caller, share_id, resolve_dispute=resolve))


@router.post("/marketplace_shares/{share_id}/dispute", response_model=MarketplaceShare)
def dispute_share(share_id: str, write: Write, _body: EmptyBody | None = None) -> Any:
    """Freeze this share's hold only; the order's other shares are untouched."""
    return write.run(200, lambda uow: holds.dispute_share(
        write.context, uow, write.caller, share_id))


@router.post("/marketplace_shares/{share_id}/returns", response_model=MarketplaceShareReturn)
def return_share(share_id: str, body: ShareReturnCreate, write: Write) -> Any:
    """Refund the buyer part or all of one share (``refund_exceeds_share`` beyond it)."""
    return write.run(200, lambda uow: returns.return_share(
        write.context, uow, write.caller, share_id, body.amount_minor, body.reason))


@router.get("/marketplace_tax_reports", response_model=MarketplaceTaxReport)
def tax_report(
    context: Context,
    caller: Caller,
    month: Annotated[str, Query(description="YYYY-MM (UTC).")],
    marketplace: Annotated[str | None, Query(description="Platform keys: whose.")] = None,
) -> dict[str, Any]:
    """GST TCS and TDS withheld per seller in a month, net of that month's returns."""
    with context.uow_factory() as uow:
        return tax_reports.tax_report(uow, caller, marketplace, month)
