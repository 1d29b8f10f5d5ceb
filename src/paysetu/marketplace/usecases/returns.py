"""Returns of one seller's share: only that share, its seller and the tax on it move.

A return of ``amount`` gives back, by the cumulative rule of :mod:`..rules.splits`, the tax
withheld on it and (when the marketplace's policy says so) its commission; the seller's part is
the rest. The seller's part comes from the share's hold while it is held (or disputed), then
from the seller's available balance, and whatever those cannot cover is booked on the seller's
recovery account: a negative seller balance repaid from its next releases, never lost. One
entry moves all of that to the marketplace's balance; the buyer is then refunded through the
order's payment by payments' own refund (cross-border refunds go back in the buyer's currency
there). Returns of a share never total more than the share (``refund_exceeds_share``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from paysetu.access.rules.principals import Principal, Role
from paysetu.events.usecases.events import emit
from paysetu.kernel.invariants import InvariantViolation
from paysetu.marketplace.rules.entries import ReturnParts, return_entry
from paysetu.marketplace.rules.errors import MarketplaceRejected, MarketplaceStatus
from paysetu.marketplace.rules.records import Share, ShareRefund, ShareState
from paysetu.marketplace.rules.splits import return_split
from paysetu.marketplace.usecases.accounts import (
    available_minor,
    marketplace_accounts,
    seller_accounts,
)
from paysetu.marketplace.usecases.holds import locked_share
from paysetu.marketplace.usecases.objects import share_object, share_return_object
from paysetu.marketplace.usecases.ports import MarketplaceContext, MarketplaceUnitOfWork
from paysetu.payments.rules.fx_quotes import buy_for_sell
from paysetu.payments.usecases.checks import check_amount, check_text
from paysetu.payments.usecases.fx_payments import open_fx_accounts
from paysetu.payments.usecases.refunds import create_refund

_HELD = (ShareState.HELD, ShareState.DISPUTED)


def _checked_amount(share: Share, amount_minor: int | None) -> int:
    if share.status is ShareState.PENDING:
        raise MarketplaceRejected(MarketplaceStatus.ORDER_UNEXPECTED_STATE, param="share")
    left = share.amount_minor - share.refunded_minor
    amount = left if amount_minor is None else amount_minor
    if amount > left or amount <= 0:
        raise MarketplaceRejected(
            MarketplaceStatus.REFUND_EXCEEDS_SHARE,
            f"{left} of share {share.id} is left to return.", "amount_minor")
    return amount


def _parts(
    ctx: MarketplaceContext, uow: MarketplaceUnitOfWork, share: Share, amount: int,
    refund_commission: bool,
) -> tuple[ReturnParts, int]:
    """Where the return's money comes from, and the commission it gives back."""
    earlier = uow.marketplace.share_refunds(share.id)
    parts = [share.tcs_minor, share.tds_minor] + (
        [share.commission_minor] if refund_commission else [])
    given = [sum(r.tcs_minor for r in earlier), sum(r.tds_minor for r in earlier)] + (
        [sum(r.commission_minor for r in earlier)] if refund_commission else [])
    borne = share.net_minor + (0 if refund_commission else share.commission_minor)
    seller_part, back = return_split(
        share.amount_minor, borne, parts, given, share.refunded_minor, amount)
    payout_part = seller_part
    if share.fx_rate is not None:  # a seller abroad: at the rate locked on the share
        before = borne * share.refunded_minor // share.amount_minor
        payout_part = (
            buy_for_sell(before + seller_part, share.fx_rate, share.currency,
                         share.payout_currency)
            - buy_for_sell(before, share.fx_rate, share.currency, share.payout_currency))
    accounts = seller_accounts(ctx, uow, share.seller_id, share.payout_currency)
    from_hold = min(payout_part, share.held_minor if share.status in _HELD else 0)
    from_balance = min(payout_part - from_hold,
                       max(0, available_minor(ctx, uow, accounts.available)))
    return ReturnParts(from_hold, from_balance, payout_part - from_hold - from_balance,
                       back[0], back[1], seller_part), back[2] if refund_commission else 0


def return_share(
    ctx: MarketplaceContext, uow: MarketplaceUnitOfWork, caller: Principal, share_id: str,
    amount_minor: int | None, reason: str | None,
) -> dict[str, Any]:
    """Refund the buyer ``amount_minor`` (default: what is left) of one share."""
    if amount_minor is not None:
        check_amount(amount_minor)
    check_text(reason, "reason")
    share = locked_share(uow, caller, share_id)
    if caller.role is not Role.PLATFORM and caller.owner_id != share.marketplace_id:
        raise MarketplaceRejected(MarketplaceStatus.SHARE_NOT_FOUND, param="share")
    amount = _checked_amount(share, amount_minor)
    order = uow.marketplace.get_order(share.order_id)
    marketplace = uow.marketplace.get_marketplace(share.marketplace_id)
    if order is None or order.payment_id is None or marketplace is None:
        raise InvariantViolation("a paid share's order, payment and marketplace exist")
    parts, commission = _parts(ctx, uow, share, amount, marketplace.refund_commission)
    now = ctx.clock.now()
    entry = return_entry(
        ctx.ids.new_id("je"), marketplace_accounts(ctx, uow, share.marketplace_id, share.currency),
        seller_accounts(ctx, uow, share.seller_id, share.payout_currency), parts,
        share.currency, share.payout_currency,
        {"kind": "marketplace_return", "order": share.order_id, "share": share.id})
    if entry is not None:
        if share.abroad:
            open_fx_accounts(ctx, uow, [share.currency, share.payout_currency])
        uow.ledger.apply([entry], now)
    refund = create_refund(ctx, uow, caller, order.payment_id, amount, reason,
                           {"marketplace_share": share.id})
    refunded = share.refunded_minor + amount
    share = replace(
        share, refunded_minor=refunded, held_minor=share.held_minor - parts.from_hold_minor,
        status=(ShareState.REFUNDED if refunded == share.amount_minor and share.status in _HELD
                else share.status), updated_at=now)
    uow.marketplace.save_share(share)
    returned = ShareRefund(
        ctx.ids.new_id("mrf"), share.id, str(refund["id"]), None if entry is None else entry.id,
        amount, commission, parts.tcs_minor, parts.tds_minor, parts.from_hold_minor,
        parts.from_balance_minor, parts.recovered_later_minor, now)
    uow.marketplace.insert_share_refund(returned)
    obj = share_object(share)
    emit(ctx, uow, share.seller_id, "marketplace_share.refunded", obj)
    emit(ctx, uow, share.marketplace_id, "marketplace_share.refunded", obj)
    return share_return_object(returned)
