"""What the marketplace page shows: to a marketplace its sellers, orders, holds, commission and
this month's tax report; to a seller its shares, holds and payouts; to others, nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from paysetu.access.rules.principals import Principal
from paysetu.kernel.pagination import PageRequest
from paysetu.marketplace.usecases.orders import list_orders, list_shares
from paysetu.marketplace.usecases.ports import (
    MarketplaceContext,
    MarketplaceUnitOfWork,
    ShareTotals,
)
from paysetu.marketplace.usecases.sellers import list_sellers
from paysetu.marketplace.usecases.tax_reports import tax_report
from paysetu.settlement.usecases.queries import list_settlements

ROWS_MAX = 25


@dataclass(frozen=True, slots=True)
class MarketplacePage:
    """``role`` is ``marketplace``, ``seller`` or ``none``; the lists are the newest first."""

    role: str
    totals: list[ShareTotals] = field(default_factory=list)
    sellers: list[dict[str, Any]] = field(default_factory=list)
    orders: list[dict[str, Any]] = field(default_factory=list)
    shares: list[dict[str, Any]] = field(default_factory=list)
    payouts: list[dict[str, Any]] = field(default_factory=list)
    tax: dict[str, Any] | None = None


def marketplace_page(
    ctx: MarketplaceContext, uow: MarketplaceUnitOfWork, caller: Principal
) -> MarketplacePage:
    merchant_id = caller.owner_id or ""
    repo = uow.marketplace
    page = PageRequest(limit=ROWS_MAX)
    if repo.get_marketplace(merchant_id) is not None:
        month = ctx.clock.now().strftime("%Y-%m")
        return MarketplacePage(
            "marketplace", repo.share_totals(merchant_id, None),
            sellers=list_sellers(uow, caller, None, page)[0],
            orders=list_orders(ctx, uow, caller, None, page)[0],
            tax=tax_report(uow, caller, None, month))
    if repo.get_seller(merchant_id) is not None:
        return MarketplacePage(
            "seller", repo.share_totals(None, merchant_id),
            shares=list_shares(uow, caller, page)[0],
            payouts=list_settlements(uow, caller, None, None, page)[0])
    return MarketplacePage("none")
