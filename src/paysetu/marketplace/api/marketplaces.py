"""``/v1/marketplaces`` and ``/v1/sellers``: make a merchant a marketplace, onboard sellers.

A marketplace's key onboards sellers into itself and sees only its own sellers; a seller's key
sees itself; the platform links an existing seller to another marketplace and records KYC.
Anyone else's objects answer 404 (``marketplace_not_found``, ``seller_not_found``).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Query

from paysetu.kernel.pagination import PageRequest
from paysetu.marketplace.api.deps import Context, Write
from paysetu.marketplace.api.models import (
    Marketplace,
    MarketplaceCreate,
    Seller,
    SellerCreate,
    SellerKyc,
    SellerLinkCreate,
)
from paysetu.marketplace.rules.records import Commission
from paysetu.marketplace.usecases import sellers
from paysetu.shell.http.context import Caller
from paysetu.shell.http.objects import ListOf
from paysetu.shell.http.pagination import list_object, page_request
from paysetu.shell.http.routing import APIRouter

router = APIRouter(tags=["marketplaces"])


def _commission(bps: int | None, fixed_minor: int | None) -> Commission | None:
    return None if bps is None and fixed_minor is None else Commission(bps or 0, fixed_minor or 0)


@router.post("/marketplaces", response_model=Marketplace)
def create_marketplace(body: MarketplaceCreate, write: Write) -> Any:
    """Make a merchant a marketplace (its own key, or the platform's for any merchant).

    Commission per line, by precedence: the line's category's, the seller's own, the default;
    each ``bps`` of the line rounded half-up plus the fixed part, never more than the line.
    """
    command = sellers.CreateMarketplace(
        body.merchant, Commission(body.commission_bps, body.commission_fixed_minor),
        {k: Commission(v.commission_bps, v.commission_fixed_minor)
         for k, v in body.category_commissions.items()},
        body.refund_commission, body.auto_release_s)
    return write.run(200, lambda uow: sellers.create_marketplace(
        write.context, uow, write.caller, command))


@router.get("/marketplaces/{marketplace_id}", response_model=Marketplace)
def get_marketplace(marketplace_id: str, context: Context, caller: Caller) -> dict[str, Any]:
    with context.uow_factory() as uow:
        return sellers.get_marketplace(uow, caller, marketplace_id)


@router.post("/marketplaces/{marketplace_id}/sellers", response_model=Seller)
def link_seller(marketplace_id: str, body: SellerLinkCreate, write: Write) -> Any:
    """Platform keys: add an existing seller to another marketplace."""
    commission = _commission(body.commission_bps, body.commission_fixed_minor)
    return write.run(200, lambda uow: sellers.link_seller(
        write.context, uow, write.caller, marketplace_id, body.seller, commission))


@router.post("/sellers", response_model=Seller)
def create_seller(body: SellerCreate, write: Write) -> Any:
    """Onboard a new seller (a merchant of its own) into the caller's marketplace.

    Indian sellers need a PAN and a GSTIN with the PAN inside it and a valid check character
    (``pan_invalid``, ``gstin_invalid``). KYC starts ``pending``: a seller receives funds only
    once the platform marks it ``verified`` (``seller_not_verified``).
    """
    command = sellers.OnboardSeller(
        body.legal_name, body.country, body.settlement_currency, body.pan, body.gstin,
        _commission(body.commission_bps, body.commission_fixed_minor), body.marketplace,
        body.metadata)
    return write.run(200, lambda uow: sellers.onboard_seller(
        write.context, uow, write.caller, command))


@router.post("/sellers/{seller_id}/kyc", response_model=Seller)
def set_seller_kyc(seller_id: str, body: SellerKyc, write: Write) -> Any:
    """Platform keys: record the outcome of the seller's KYC."""
    return write.run(200, lambda uow: sellers.set_seller_kyc(
        write.context, uow, write.caller, seller_id, body.kyc_status))


@router.get("/sellers/{seller_id}", response_model=Seller)
def get_seller(seller_id: str, context: Context, caller: Caller) -> dict[str, Any]:
    with context.uow_factory() as uow:
        return sellers.get_seller(uow, caller, seller_id)


@router.get("/sellers", response_model=ListOf[Seller])
def list_sellers(
    context: Context,
    caller: Caller,
    page: Annotated[PageRequest, Depends(page_request)],
    marketplace: Annotated[str | None, Query(description="Platform keys: whose.")] = None,
) -> dict[str, Any]:
    with context.uow_factory() as uow:
        data, has_more = sellers.list_sellers(uow, caller, marketplace, page)
    return list_object("/v1/sellers", data, has_more)
