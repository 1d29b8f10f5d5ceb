"""A share's hold: released on delivery (the buyer's confirmation for the whole order, the
marketplace's mark per share) or when its auto-release time passes; frozen by a dispute.

Release moves what the hold keeps for the share to the seller's balance, first repaying what
the seller owes from earlier returns (:func:`paysetu.marketplace.rules.entries.release_entry`).
The time-out runs in the worker (:func:`release_due_shares`) and lazily when a share or its
order is read (:func:`release_if_due`), both on the injected clock.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from paysetu.access.rules.principals import Principal, Role
from paysetu.events.usecases.events import emit
from paysetu.marketplace.rules.entries import release_entry
from paysetu.marketplace.rules.errors import MarketplaceRejected, MarketplaceStatus
from paysetu.marketplace.rules.records import Share, ShareState
from paysetu.marketplace.usecases.accounts import owed_minor, seller_accounts
from paysetu.marketplace.usecases.objects import order_object, share_object
from paysetu.marketplace.usecases.orders import awaited_payment, share_is_visible, visible_order
from paysetu.marketplace.usecases.ports import MarketplaceContext, MarketplaceUnitOfWork
from paysetu.payments.usecases.checks import storable

SWEEP_BATCH_MAX = 100


def locked_share(uow: MarketplaceUnitOfWork, caller: Principal, share_id: str) -> Share:
    share = uow.marketplace.get_share(share_id, for_update=True) if storable(share_id) else None
    if share is None or not share_is_visible(caller, share):
        raise MarketplaceRejected(MarketplaceStatus.SHARE_NOT_FOUND, param="share")
    return share


def release(
    ctx: MarketplaceContext, uow: MarketplaceUnitOfWork, share: Share, now: datetime
) -> Share:
    """Move a locked share's hold to its seller (the caller checked it may be released)."""
    accounts = seller_accounts(ctx, uow, share.seller_id, share.payout_currency)
    entry = release_entry(
        ctx.ids.new_id("je"),
        accounts,
        share.held_minor,
        owed_minor(ctx, uow, accounts.recovery),
        share.payout_currency,
        {"kind": "marketplace_release", "order": share.order_id, "share": share.id},
    )
    if entry is not None:
        uow.ledger.apply([entry], now)
    share = replace(
        share, status=ShareState.RELEASED, held_minor=0, released_at=now, updated_at=now
    )
    uow.marketplace.save_share(share)
    obj = share_object(share)
    emit(ctx, uow, share.seller_id, "marketplace_share.released", obj)
    emit(ctx, uow, share.marketplace_id, "marketplace_share.released", obj)
    return share


def release_share(
    ctx: MarketplaceContext,
    uow: MarketplaceUnitOfWork,
    caller: Principal,
    share_id: str,
    *,
    resolve_dispute: bool = False,
) -> dict[str, Any]:
    """The marketplace marks the share delivered (the platform may also end a dispute so)."""
    share = locked_share(uow, caller, share_id)
    if caller.role is not Role.PLATFORM and caller.owner_id != share.marketplace_id:
        raise MarketplaceRejected(MarketplaceStatus.SHARE_NOT_FOUND, param="share")
    if share.status is ShareState.DISPUTED and not (
        resolve_dispute and caller.role is Role.PLATFORM
    ):
        raise MarketplaceRejected(MarketplaceStatus.SHARE_DISPUTED, param="share")
    if share.status not in (ShareState.HELD, ShareState.DISPUTED):
        raise MarketplaceRejected(MarketplaceStatus.SHARE_NOT_HELD, param="share")
    return share_object(release(ctx, uow, share, ctx.clock.now()))


def confirm_delivery(
    ctx: MarketplaceContext, uow: MarketplaceUnitOfWork, caller: Principal, order_id: str
) -> dict[str, Any]:
    """The buyer confirmed receipt of the order: every held share is released (a disputed
    one stays frozen)."""
    order = visible_order(uow, caller, order_id)
    shares = uow.marketplace.shares_of(order.id, for_update=True)
    if not any(s.status is ShareState.HELD for s in shares):
        raise MarketplaceRejected(MarketplaceStatus.SHARE_NOT_HELD, param="order")
    now = ctx.clock.now()
    shares = [release(ctx, uow, s, now) if s.status is ShareState.HELD else s for s in shares]
    return order_object(order, shares, None)


def disputed(uow: MarketplaceUnitOfWork, caller: Principal, limit: int) -> list[Share]:
    """The disputes waiting for a decision, longest frozen first: every marketplace's for the
    platform (which alone may end one in the seller's favour), a marketplace's own else."""
    scope = None if caller.role is Role.PLATFORM else caller.owner_id or ""
    return uow.marketplace.disputed_shares(scope, limit)


def dispute_share(
    ctx: MarketplaceContext, uow: MarketplaceUnitOfWork, caller: Principal, share_id: str
) -> dict[str, Any]:
    """Freeze one share's hold; the order's other shares are untouched."""
    share = locked_share(uow, caller, share_id)
    if caller.role is not Role.PLATFORM and caller.owner_id != share.marketplace_id:
        raise MarketplaceRejected(MarketplaceStatus.SHARE_NOT_FOUND, param="share")
    if share.status is ShareState.DISPUTED:
        raise MarketplaceRejected(MarketplaceStatus.SHARE_DISPUTED, param="share")
    if share.status is not ShareState.HELD:
        raise MarketplaceRejected(MarketplaceStatus.SHARE_NOT_HELD, param="share")
    share = replace(share, status=ShareState.DISPUTED, updated_at=ctx.clock.now())
    uow.marketplace.save_share(share)
    obj = share_object(share)
    emit(ctx, uow, share.seller_id, "marketplace_share.disputed", obj)
    emit(ctx, uow, share.marketplace_id, "marketplace_share.disputed", obj)
    return obj


def release_due_shares(
    ctx: MarketplaceContext,
    uow: MarketplaceUnitOfWork,
    now: datetime,
    limit: int = SWEEP_BATCH_MAX,
) -> int:
    """For the worker: release held shares whose time passed (disputed ones never are)."""
    due = uow.marketplace.due_shares(now, limit)
    for share in due:
        release(ctx, uow, share, now)
    return len(due)


def release_if_due(ctx: MarketplaceContext, uow: MarketplaceUnitOfWork, share: Share) -> Share:
    """The lazy rule: a held share read after its release time is released now."""
    now = ctx.clock.now()
    if share.status is not ShareState.HELD or share.release_at is None or share.release_at > now:
        return share
    locked = uow.marketplace.get_share(share.id, for_update=True)
    if locked is None or locked.status is not ShareState.HELD:
        return locked or share
    return release(ctx, uow, locked, now)


def get_order(
    ctx: MarketplaceContext, uow: MarketplaceUnitOfWork, caller: Principal, order_id: str
) -> dict[str, Any]:
    order = visible_order(uow, caller, order_id)
    shares = [release_if_due(ctx, uow, s) for s in uow.marketplace.shares_of(order.id)]
    return order_object(order, shares, None, awaited_payment(ctx, uow, order))


def get_share(
    ctx: MarketplaceContext, uow: MarketplaceUnitOfWork, caller: Principal, share_id: str
) -> dict[str, Any]:
    share = uow.marketplace.get_share(share_id) if storable(share_id) else None
    if share is None or not share_is_visible(caller, share):
        raise MarketplaceRejected(MarketplaceStatus.SHARE_NOT_FOUND, param="share")
    return share_object(release_if_due(ctx, uow, share))
