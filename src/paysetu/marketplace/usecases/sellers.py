"""Marketplaces and their sellers: make a merchant a marketplace, onboard and verify sellers.

A seller is a merchant of its own (created here through payments' ``create_merchant``, so it
has its accounts, keys and settlement like any merchant) with a seller record: PAN and GSTIN
when Indian, and its KYC status. Until the platform verifies it, it cannot receive funds
(orders naming it are refused). One seller may belong to several marketplaces: the platform
links an existing seller to another marketplace; a marketplace cannot reach a merchant it did
not onboard.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from paysetu.access.rules.principals import Principal, Role
from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.events.usecases.events import emit
from paysetu.kernel.pagination import PageRequest
from paysetu.marketplace.rules.errors import MarketplaceRejected, MarketplaceStatus
from paysetu.marketplace.rules.identity import gstin_is_valid, pan_is_valid
from paysetu.marketplace.rules.records import (
    Commission,
    KycStatus,
    Marketplace,
    Seller,
    SellerLink,
)
from paysetu.marketplace.usecases.objects import marketplace_object, seller_object
from paysetu.marketplace.usecases.ports import MarketplaceContext, MarketplaceUnitOfWork
from paysetu.payments.usecases.checks import check_cursors, check_metadata, storable
from paysetu.payments.usecases.merchants import create_merchant, get_merchant

CATEGORY_LENGTH_MAX = 64


def check_commission(commission: Commission) -> None:
    if not 0 <= commission.bps <= 10_000 or not 0 <= commission.fixed_minor <= 2**62:
        raise MarketplaceRejected(MarketplaceStatus.COMMISSION_INVALID, param="commission_bps")


def category_is_valid(category: str) -> bool:
    return 0 < len(category) <= CATEGORY_LENGTH_MAX and category.isprintable()


@dataclass(frozen=True, slots=True)
class CreateMarketplace:
    merchant: str
    commission: Commission
    category_commissions: Mapping[str, Commission]
    refund_commission: bool
    auto_release_s: int | None = None


def create_marketplace(
    ctx: MarketplaceContext,
    uow: MarketplaceUnitOfWork,
    caller: Principal,
    command: CreateMarketplace,
) -> dict[str, Any]:
    """Make a merchant (the caller's own, or any with the platform key) a marketplace."""
    check_commission(command.commission)
    for category, commission in command.category_commissions.items():
        if not category_is_valid(category):
            raise MarketplaceRejected(
                MarketplaceStatus.COMMISSION_INVALID, param="category_commissions"
            )
        check_commission(commission)
    release_s = command.auto_release_s or ctx.marketplace.auto_release_s
    if not 0 < release_s <= 366 * 24 * 3600:
        raise MarketplaceRejected(MarketplaceStatus.COMMISSION_INVALID, param="auto_release_s")
    merchant = get_merchant(uow, caller, command.merchant if storable(command.merchant) else "")
    repo = uow.marketplace
    if repo.get_marketplace(merchant.id) is not None or repo.get_seller(merchant.id) is not None:
        raise MarketplaceRejected(MarketplaceStatus.MARKETPLACE_EXISTS, param="merchant")
    marketplace = Marketplace(
        merchant.id,
        command.commission,
        dict(command.category_commissions),
        command.refund_commission,
        release_s,
        ctx.clock.now(),
    )
    repo.insert_marketplace(marketplace)
    return marketplace_object(marketplace)


def own_marketplace(
    uow: MarketplaceUnitOfWork, caller: Principal, marketplace_id: str | None
) -> Marketplace:
    """The marketplace the caller acts for: its own (a merchant key) or the one named (the
    platform); 404 otherwise."""
    chosen = marketplace_id if caller.role is Role.PLATFORM else caller.owner_id
    if caller.role is Role.PLATFORM and marketplace_id is None:
        raise RequestRejected(
            RequestStatus.PARAMETER_MISSING,
            "marketplace is required with a platform key.",
            "marketplace",
        )
    found = (
        uow.marketplace.get_marketplace(chosen) if chosen is not None and storable(chosen) else None
    )
    if found is None or (marketplace_id is not None and found.merchant_id != marketplace_id):
        raise MarketplaceRejected(MarketplaceStatus.MARKETPLACE_NOT_FOUND, param="marketplace")
    return found


@dataclass(frozen=True, slots=True)
class OnboardSeller:
    legal_name: str
    country: str
    settlement_currency: str
    pan: str | None = None
    gstin: str | None = None
    commission: Commission | None = None
    marketplace: str | None = None
    metadata: Mapping[str, str] | None = None


def _check_identity(country: str, pan: str | None, gstin: str | None) -> None:
    if country != "IN":
        return
    if pan is None or not pan_is_valid(pan):
        raise MarketplaceRejected(MarketplaceStatus.PAN_INVALID, param="pan")
    if gstin is None or not gstin_is_valid(gstin, pan):
        raise MarketplaceRejected(MarketplaceStatus.GSTIN_INVALID, param="gstin")


def onboard_seller(
    ctx: MarketplaceContext,
    uow: MarketplaceUnitOfWork,
    caller: Principal,
    command: OnboardSeller,
) -> dict[str, Any]:
    """A new seller merchant in the caller's marketplace, KYC ``pending``."""
    marketplace = own_marketplace(uow, caller, command.marketplace)
    check_metadata(command.metadata or {})
    _check_identity(command.country, command.pan, command.gstin)
    if command.commission is not None:
        check_commission(command.commission)
    merchant = create_merchant(
        ctx,
        uow,
        command.legal_name,
        command.country,
        command.settlement_currency,
        0,
        0,
        {**(command.metadata or {}), "marketplace": marketplace.merchant_id},
    )
    now = ctx.clock.now()
    seller = Seller(
        str(merchant["id"]),
        command.legal_name,
        command.country,
        command.settlement_currency,
        command.pan if command.country == "IN" else None,
        command.gstin if command.country == "IN" else None,
        KycStatus.PENDING,
        now,
        now,
    )
    uow.marketplace.insert_seller(seller)
    link = SellerLink(marketplace.merchant_id, seller.merchant_id, command.commission, now)
    uow.marketplace.insert_link(link)
    obj = seller_object(seller, link)
    emit(ctx, uow, marketplace.merchant_id, "marketplace.seller.created", obj)
    return obj


def link_seller(
    ctx: MarketplaceContext,
    uow: MarketplaceUnitOfWork,
    caller: Principal,
    marketplace_id: str,
    seller_id: str,
    commission: Commission | None,
) -> dict[str, Any]:
    """The platform adds an existing seller to another marketplace."""
    if caller.role is not Role.PLATFORM:
        raise MarketplaceRejected(MarketplaceStatus.SELLER_NOT_FOUND, param="seller")
    marketplace = own_marketplace(uow, caller, marketplace_id)
    seller = uow.marketplace.get_seller(seller_id) if storable(seller_id) else None
    if seller is None:
        raise MarketplaceRejected(MarketplaceStatus.SELLER_NOT_FOUND, param="seller")
    if commission is not None:
        check_commission(commission)
    if uow.marketplace.get_link(marketplace.merchant_id, seller.merchant_id) is not None:
        raise MarketplaceRejected(MarketplaceStatus.SELLER_ALREADY_LINKED, param="seller")
    link = SellerLink(marketplace.merchant_id, seller.merchant_id, commission, ctx.clock.now())
    uow.marketplace.insert_link(link)
    obj = seller_object(seller, link)
    emit(ctx, uow, marketplace.merchant_id, "marketplace.seller.created", obj)
    return obj


def visible_seller(
    uow: MarketplaceUnitOfWork, caller: Principal, seller_id: str
) -> tuple[Seller, SellerLink | None]:
    """The platform sees every seller; a seller itself; a marketplace only its own sellers."""
    seller = uow.marketplace.get_seller(seller_id) if storable(seller_id) else None
    if seller is None:
        raise MarketplaceRejected(MarketplaceStatus.SELLER_NOT_FOUND, param="seller")
    if caller.role is Role.PLATFORM or caller.owner_id == seller.merchant_id:
        return seller, None
    link = (
        uow.marketplace.get_link(caller.owner_id, seller.merchant_id)
        if caller.role is Role.MERCHANT and caller.owner_id
        else None
    )
    if link is None:
        raise MarketplaceRejected(MarketplaceStatus.SELLER_NOT_FOUND, param="seller")
    return seller, link


def get_seller(uow: MarketplaceUnitOfWork, caller: Principal, seller_id: str) -> dict[str, Any]:
    return seller_object(*visible_seller(uow, caller, seller_id))


def set_seller_kyc(
    ctx: MarketplaceContext,
    uow: MarketplaceUnitOfWork,
    caller: Principal,
    seller_id: str,
    kyc_status: str,
) -> dict[str, Any]:
    """The platform records the outcome of the seller's KYC."""
    if caller.role is not Role.PLATFORM:
        raise MarketplaceRejected(MarketplaceStatus.SELLER_NOT_FOUND, param="seller")
    if kyc_status not in {k.value for k in KycStatus}:
        raise MarketplaceRejected(MarketplaceStatus.KYC_STATUS_INVALID, param="kyc_status")
    seller, _ = visible_seller(uow, caller, seller_id)
    seller = replace(seller, kyc_status=KycStatus(kyc_status), updated_at=ctx.clock.now())
    uow.marketplace.save_seller_kyc(seller)
    obj = seller_object(seller, None)
    emit(ctx, uow, seller.merchant_id, "marketplace.seller.updated", obj)
    return obj


def list_sellers(
    uow: MarketplaceUnitOfWork, caller: Principal, marketplace_id: str | None, page: PageRequest
) -> tuple[list[dict[str, Any]], bool]:
    marketplace = own_marketplace(uow, caller, marketplace_id)
    check_cursors(page)
    rows, has_more = uow.marketplace.list_sellers(marketplace.merchant_id, page)
    return [seller_object(s, link) for s, link in rows], has_more


def get_marketplace(
    uow: MarketplaceUnitOfWork, caller: Principal, marketplace_id: str
) -> dict[str, Any]:
    """The marketplace, to its own key and the platform (404 otherwise)."""
    if caller.role is not Role.PLATFORM and caller.owner_id != marketplace_id:
        raise MarketplaceRejected(MarketplaceStatus.MARKETPLACE_NOT_FOUND, param="marketplace")
    return marketplace_object(own_marketplace(uow, caller, marketplace_id))
