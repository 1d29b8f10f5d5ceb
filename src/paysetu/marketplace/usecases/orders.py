"""Marketplace orders: one buyer payment to the marketplace, split into seller shares.

Creating an order checks everything first, in this order, and writes nothing on a refusal:
the marketplace, the amount and currency, the lines, that they add up to the amount
(``split_mismatch``), that every seller is this marketplace's (``seller_not_found``) and
verified (``seller_not_verified``), and that no share is smaller than its deductions.

The buyer pays the whole amount to the marketplace through a normal payment: from a wallet
(``wallet``, through :func:`paysetu.payments.usecases.payments.create_payment`, so the
payments' own rules (the customer's consent among them) apply), or on the hosted checkout
(``return_url``: the order gets a checkout session, paid in the order's currency or in
another with an FX quote). Either way the charge calls :func:`order_charge_split` (payments'
``ctx.charge_split`` hook), and the buyer's charge and the split are **one** journal entry: the
wallet pays, the marketplace keeps its commission less paysetu's fee, each seller's net goes to
its hold and the tax withheld to the marketplace's liability accounts
(:mod:`paysetu.marketplace.rules.entries`). A wallet payment waiting for its customer's
approval leaves the order ``requires_action``; it is split when the customer approves.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from paysetu.access.rules.principals import Principal, Role
from paysetu.checkout.rules.sessions import CartLine
from paysetu.checkout.usecases.checkout import CreateCheckoutSession, create_session
from paysetu.events.usecases.events import emit, emit_many
from paysetu.kernel.invariants import invariant
from paysetu.kernel.money import is_currency
from paysetu.kernel.pagination import PageRequest
from paysetu.ledger.rules.entries import Posting
from paysetu.marketplace.rules.entries import MarketplaceAccounts, SplitPart, split_postings
from paysetu.marketplace.rules.errors import MarketplaceRejected, MarketplaceStatus
from paysetu.marketplace.rules.records import (
    Marketplace,
    Order,
    OrderLine,
    OrderState,
    Share,
    ShareState,
)
from paysetu.marketplace.rules.splits import ShareSplit, TaxRates, split_order
from paysetu.marketplace.usecases.accounts import (
    available_minor,
    marketplace_accounts,
    tax_account_ids,
)
from paysetu.marketplace.usecases.objects import order_object, share_object
from paysetu.marketplace.usecases.ports import (
    MarketplaceContext,
    MarketplaceUnitOfWork,
    StagedOrder,
)
from paysetu.marketplace.usecases.sellers import category_is_valid, own_marketplace
from paysetu.payments.rules.errors import PaymentRejected, PaymentStatus
from paysetu.payments.rules.fx_quotes import buy_for_sell
from paysetu.payments.rules.payments import ChargeSplit, Consent, Payment, PaymentState
from paysetu.payments.usecases.checks import (
    check_amount,
    check_cursors,
    check_metadata,
    check_text,
    merchant_scope,
    storable,
)
from paysetu.payments.usecases.fx_payments import open_fx_accounts
from paysetu.payments.usecases.fx_rates import mid_rate
from paysetu.payments.usecases.merchants import merchant_accounts
from paysetu.payments.usecases.objects import payment_object
from paysetu.payments.usecases.payments import (
    CreatePayment,
    create_payment,
    expire_if_due,
)


@dataclass(frozen=True, slots=True)
class CreateOrder:
    """An order across sellers.

    Attributes:
        wallet: Pay now from this wallet (through the payments use case).
        fx_quote: With ``wallet``: a quote whose buy side is the order's amount.
        return_url: Pay on the hosted checkout; the order carries its session and URL.
        mandate: With ``wallet``: the customer's live mandate for the marketplace to debit
            under (the payments' consent rule; without it, or ``operator_reason`` for the
            platform, the order waits in ``requires_action`` for the customer's approval; a
            cross-border one is refused with ``order_payment_needs_consent``).
        operator_reason: With ``wallet``, platform key only: an operator debit, with its reason.
    """

    amount_minor: int
    currency: str
    lines: Sequence[OrderLine]
    marketplace: str | None = None
    wallet: str | None = None
    fx_quote: str | None = None
    return_url: str | None = None
    description: str | None = None
    metadata: Mapping[str, str] | None = None
    mandate: str | None = None
    operator_reason: str | None = None


def _check_lines(ctx: MarketplaceContext, command: CreateOrder) -> None:
    if not is_currency(command.currency):
        raise PaymentRejected(PaymentStatus.CURRENCY_INVALID, param="currency")
    check_amount(command.amount_minor)
    check_text(command.description, "description")
    check_metadata(command.metadata or {})
    if not 0 < len(command.lines) <= ctx.marketplace.lines_max:
        raise MarketplaceRejected(MarketplaceStatus.ORDER_LINES_INVALID, param="lines")
    for index, line in enumerate(command.lines):
        check_amount(line.amount_minor, f"lines[{index}].amount_minor")
        check_text(line.description, f"lines[{index}].description")
        if (line.category is not None and not category_is_valid(line.category)) or not (
            storable(line.seller_id) and line.seller_id
        ):
            raise MarketplaceRejected(
                MarketplaceStatus.ORDER_LINES_INVALID, param=f"lines[{index}]"
            )
    if sum(line.amount_minor for line in command.lines) != command.amount_minor:
        raise MarketplaceRejected(
            MarketplaceStatus.SPLIT_MISMATCH,
            f"The lines add up to {sum(x.amount_minor for x in command.lines)}, not"
            f" amount_minor {command.amount_minor}.",
            "lines",
        )
    if (command.wallet is None) == (command.return_url is None):
        raise MarketplaceRejected(
            MarketplaceStatus.ORDER_LINES_INVALID,
            "Give exactly one of wallet (pay now) and return_url (hosted checkout).",
            "wallet",
        )


def plan_shares(
    ctx: MarketplaceContext,
    uow: MarketplaceUnitOfWork,
    marketplace: Marketplace,
    lines: Sequence[OrderLine],
    currency: str,
    on: datetime,
) -> list[tuple[ShareSplit, str]]:
    """The split with each seller's payout currency, after checking every seller is the
    marketplace's and verified, and that a rate to each seller abroad's currency is known
    (``rate_unavailable`` / ``rate_stale`` now rather than when the buyer pays)."""
    host = uow.merchants.get(marketplace.merchant_id)
    linked = uow.marketplace.linked_sellers(
        marketplace.merchant_id, sorted({line.seller_id for line in lines}))
    commissions = {}
    rates = {}
    for index, line in enumerate(lines):
        seller, link = linked.get(line.seller_id, (None, None))
        if link is None or seller is None:
            raise MarketplaceRejected(
                MarketplaceStatus.SELLER_NOT_FOUND, param=f"lines[{index}].seller"
            )
        if seller.kyc_status.value != "verified":
            raise MarketplaceRejected(
                MarketplaceStatus.SELLER_NOT_VERIFIED, param=f"lines[{index}].seller"
            )
        commissions[seller.merchant_id] = link.commission
        country = ctx.marketplace.tax_country
        taxed = host is not None and host.country == country and seller.country == country
        tax = ctx.marketplace.tax
        rates[seller.merchant_id] = (
            TaxRates(tax.tcs_bps(on.date()), tax.tds_bps(on.date())) if taxed else TaxRates(0, 0)
        )
    shares = split_order(marketplace, lines, commissions, rates)
    for share in shares:
        if share.net_minor < 0:
            raise MarketplaceRejected(MarketplaceStatus.SHARE_BELOW_DEDUCTIONS, param="lines")
    payout = {seller.merchant_id: seller.settlement_currency for seller, _ in linked.values()}
    for abroad in sorted({c for c in payout.values() if c != currency}):
        mid_rate(ctx, uow, currency, abroad)
    return [(share, payout[share.seller_id]) for share in shares]


def _new_order(
    ctx: MarketplaceContext, marketplace: Marketplace, command: CreateOrder,
    splits: Sequence[tuple[ShareSplit, str]], now: datetime,
) -> tuple[Order, list[Share]]:
    order = Order(
        ctx.ids.new_id("mko"), marketplace.merchant_id, command.amount_minor, command.currency,
        OrderState.REQUIRES_PAYMENT, None, None, None, command.description,
        dict(command.metadata or {}), None, now, now)
    shares = [Share(
        ctx.ids.new_id("msh"), order.id, marketplace.merchant_id, s.seller_id,
        command.currency, s.amount_minor, s.commission_minor, s.tcs_minor, s.tds_minor,
        s.net_minor, s.lines, ShareState.PENDING, 0, 0, None, None, now, now, payout,
        s.net_minor if payout == command.currency else 0, None) for s, payout in splits]
    return order, shares


def _open_checkout(
    ctx: MarketplaceContext, uow: MarketplaceUnitOfWork, caller: Principal, order: Order,
    return_url: str, public_base: str,
) -> tuple[Order, str]:
    """A hosted checkout session for the order's whole amount, payable to the marketplace."""
    session = create_session(ctx, uow, caller, CreateCheckoutSession(
        amount_minor=order.amount_minor, currency=order.currency, return_url=return_url,
        description=order.description, client_reference=order.id,
        merchant=order.marketplace_id), public_base)
    return replace(order, checkout_session_id=str(session["id"])), str(session["url"])


def create_order(
    ctx: MarketplaceContext, uow: MarketplaceUnitOfWork, caller: Principal,
    command: CreateOrder, public_base: str,
) -> dict[str, Any]:
    """Check, then either open the hosted checkout for the order or take the wallet payment.

    A wallet order is staged in the unit of work (``uow.marketplace.stage``) and its payment
    created and confirmed in one call (the payments use case); the charge calls
    :func:`order_charge_split`, which writes the order and its shares once, already paid,
    before the ledger entry (so before any balance row is locked), and the buyer's charge and
    the split are one journal entry. A payment that waits for its customer
    (``requires_action``) leaves the order written ``requires_payment`` and waiting with it:
    the split happens when the customer approves, never if they refuse or the approval
    expires."""
    marketplace = own_marketplace(uow, caller, command.marketplace)
    _check_lines(ctx, command)
    now = ctx.clock.now()
    splits = plan_shares(ctx, uow, marketplace, command.lines, command.currency, now)
    order, shares = _new_order(ctx, marketplace, command, splits, now)
    if command.wallet is None:
        order, checkout_url = _open_checkout(
            ctx, uow, caller, order, str(command.return_url), public_base)
        uow.marketplace.insert_order(order, shares)
        emit(ctx, uow, marketplace.merchant_id, "marketplace_order.created",
             order_object(order, shares, checkout_url))
        return order_object(order, shares, checkout_url)
    if command.fx_quote is not None and command.mandate is None and command.operator_reason is None:
        # a quote's rate lock ends long before a customer's approval would: consent up front
        raise MarketplaceRejected(MarketplaceStatus.ORDER_PAYMENT_NEEDS_CONSENT, param="wallet")
    staged = StagedOrder(marketplace, order, shares)
    uow.marketplace.stage(order.id, staged)
    confirmed = create_payment(ctx, uow, caller, CreatePayment(
        amount_minor=command.amount_minor, currency=command.currency, wallet=command.wallet,
        merchant=marketplace.merchant_id, description=command.description,
        metadata={"marketplace_order": order.id}, fx_quote=command.fx_quote,
        mandate=command.mandate, operator_reason=command.operator_reason, confirm=True))
    order = replace(order, payment_id=str(confirmed["id"]))
    if confirmed["status"] == PaymentState.REQUIRES_ACTION.value:
        uow.marketplace.insert_order(order, shares)
        emit(ctx, uow, marketplace.merchant_id, "marketplace_order.created",
             order_object(order, shares, None))
        return order_object(order, shares, None, confirmed)
    if confirmed["status"] != PaymentState.SUCCEEDED.value:
        raise MarketplaceRejected(MarketplaceStatus.PAYMENT_AMOUNT_MISMATCH, param="wallet")
    invariant(staged.paid is not None, "a charged wallet order was split by its charge")
    paid, held = staged.paid or (order, shares)
    return order_object(paid, held, None)


def _paid(
    ctx: MarketplaceContext, uow: MarketplaceUnitOfWork, marketplace: Marketplace, order: Order,
    shares: list[Share], payment_id: str, entry_id: str,
) -> tuple[Order, list[Share], tuple[Posting, ...], MarketplaceAccounts]:
    """The order paid by ``payment_id``, its shares held (a seller abroad's converted at the
    mid rate of now, locked on the share), and the split's postings."""
    now = ctx.clock.now()
    payout_currencies = list(dict.fromkeys(s.payout_currency for s in shares))
    holds, opened = uow.marketplace.hold_accounts(
        [s.seller_id for s in shares if s.payout_currency == payout_currencies[0]],
        payout_currencies[0], tax_account_ids(order.marketplace_id, order.currency))
    host = marketplace_accounts(ctx, uow, order.marketplace_id, order.currency, opened)
    rates = {c: mid_rate(ctx, uow, order.currency, c).value
             for c in sorted({s.payout_currency for s in shares if s.abroad})}
    shares = [replace(s, payout_net_minor=buy_for_sell(
        s.net_minor, rates[s.payout_currency], order.currency, s.payout_currency),
        fx_rate=rates[s.payout_currency]) if s.abroad else s for s in shares]
    if rates:
        open_fx_accounts(ctx, uow, [order.currency, *rates])
    parts = []
    for currency in payout_currencies:
        own = [s for s in shares if s.payout_currency == currency]
        if currency != payout_currencies[0]:
            holds = uow.marketplace.hold_accounts([s.seller_id for s in own], currency)[0]
        parts += [SplitPart(holds.get(s.seller_id)
                            or merchant_accounts(ctx, uow, s.seller_id, currency).escrow,
                            s.net_minor, s.tcs_minor, s.tds_minor, currency, s.payout_net_minor)
                  for s in own]
    postings = split_postings(host, parts, order.currency)
    release_at = now + timedelta(seconds=marketplace.auto_release_s)
    shares = [replace(s, status=ShareState.HELD, held_minor=s.payout_net_minor,
                      release_at=release_at, updated_at=now) for s in shares]
    order = replace(order, status=OrderState.PAID, payment_id=payment_id,
                    split_entry_id=entry_id, paid_at=now, updated_at=now)
    return order, shares, postings, host


def _announce(
    ctx: MarketplaceContext, uow: MarketplaceUnitOfWork, order: Order, shares: list[Share],
    created: dict[str, Any] | None = None,
) -> None:
    """The order paid and its shares held (after its creation, if ``created``), one insert."""
    emit_many(ctx, uow, [
        *([] if created is None else [
            (order.marketplace_id, "marketplace_order.created", created)]),
        *((s.seller_id, "marketplace_share.held", share_object(s)) for s in shares),
        (order.marketplace_id, "marketplace_order.paid", order_object(order, shares, None)),
    ])


def _paying_order(uow: MarketplaceUnitOfWork, payment: Payment) -> Order | None:
    """The order ``payment`` pays, locked: a wallet order names its payment; a checkout
    session's payment is the buyer's own, made on the order's session. Anything else (a
    merchant's metadata naming an order on a payment of its own) pays no order."""
    order_id = payment.metadata.get("marketplace_order") or payment.metadata.get(
        "client_reference")
    if order_id is None or not order_id.startswith("mko_"):
        return None
    order = uow.marketplace.get_order(order_id, for_update=True)
    if order is None or order.marketplace_id != payment.merchant_id:
        return None
    at_checkout = (payment.consent is Consent.BUYER and order.checkout_session_id is not None
                   and order.checkout_session_id == payment.metadata.get("checkout_session"))
    return order if order.payment_id == payment.id or at_checkout else None


def order_charge_split(
    ctx: MarketplaceContext, uow: MarketplaceUnitOfWork, payment: Payment, fee_minor: int,
    entry_id: str,
) -> ChargeSplit | None:
    """Payments' hook (``ctx.charge_split``), called as an order's payment is charged: hold
    the shares and return the split's postings, which ride on the charge's entry ``entry_id``
    (one balanced entry for the buyer's charge and the split)."""
    staged = uow.marketplace.staged(payment.metadata.get("marketplace_order", ""))
    if staged is not None and (staged.paid is not None
                               or staged.order.marketplace_id != payment.merchant_id):
        staged = None
    if staged is not None:
        # created in this unit of work, paid by this payment: nothing to read back
        marketplace, shares = staged.marketplace, staged.shares
        order = replace(staged.order, payment_id=payment.id)
    else:
        found = _paying_order(uow, payment)
        if found is None:
            return None
        order = found
        if order.status is not OrderState.REQUIRES_PAYMENT:
            raise MarketplaceRejected(MarketplaceStatus.ORDER_UNEXPECTED_STATE, param="order")
        known = uow.marketplace.get_marketplace(order.marketplace_id)
        if known is None:
            raise MarketplaceRejected(MarketplaceStatus.MARKETPLACE_NOT_FOUND)
        marketplace = known
        shares = uow.marketplace.shares_of(order.id, for_update=True)
    if payment.amount_minor != order.amount_minor or payment.currency != order.currency:
        raise MarketplaceRejected(MarketplaceStatus.PAYMENT_AMOUNT_MISMATCH, param="payment")
    created = order_object(order, shares, None)
    order, shares, postings, host = _paid(
        ctx, uow, marketplace, order, shares, payment.id, entry_id)
    short = fee_minor - sum(s.commission_minor for s in shares)
    if short > 0 and available_minor(ctx, uow, host.available) < short:
        # paysetu's fee on the marketplace is more than its commission on this order
        raise MarketplaceRejected(MarketplaceStatus.MARKETPLACE_BALANCE_INSUFFICIENT,
                                  param="order")
    if staged is None:
        uow.marketplace.save_paid(order, shares)
        _announce(ctx, uow, order, shares)
    else:  # written once, already paid; its creation announced with its payment
        uow.marketplace.insert_order(order, shares)
        staged.paid = (order, shares)
        _announce(ctx, uow, order, shares, created)
    return ChargeSplit(postings, {"marketplace_order": order.id})


def awaited_payment(
    ctx: MarketplaceContext, uow: MarketplaceUnitOfWork, order: Order
) -> dict[str, Any] | None:
    """The payment an unpaid wallet order waits for (its approval expired lazily, as a read of
    the payment would), or None."""
    if order.status is not OrderState.REQUIRES_PAYMENT or order.payment_id is None:
        return None
    expire_if_due(ctx, uow, order.payment_id)
    payment = uow.payments.get(order.payment_id)
    return None if payment is None else payment_object(payment)


def visible_order(uow: MarketplaceUnitOfWork, caller: Principal, order_id: str) -> Order:
    """The platform and the order's marketplace see it; anyone else gets 404."""
    order = uow.marketplace.get_order(order_id) if storable(order_id) else None
    if order is None or not (
        caller.role is Role.PLATFORM
        or (caller.role is Role.MERCHANT and caller.owner_id == order.marketplace_id)
    ):
        raise MarketplaceRejected(MarketplaceStatus.ORDER_NOT_FOUND, param="order")
    return order


def share_is_visible(caller: Principal, share: Share) -> bool:
    """The platform, the share's marketplace and its seller see it."""
    return caller.role is Role.PLATFORM or (
        caller.role is Role.MERCHANT and caller.owner_id in (share.marketplace_id, share.seller_id)
    )


def list_orders(
    ctx: MarketplaceContext, uow: MarketplaceUnitOfWork, caller: Principal,
    marketplace_id: str | None, page: PageRequest,
) -> tuple[list[dict[str, Any]], bool]:
    marketplace = own_marketplace(uow, caller, marketplace_id)
    check_cursors(page)
    orders, has_more = uow.marketplace.list_orders(marketplace.merchant_id, page)
    return [order_object(o, uow.marketplace.shares_of(o.id), None, awaited_payment(ctx, uow, o))
            for o in orders], has_more


def list_shares(
    uow: MarketplaceUnitOfWork, caller: Principal, page: PageRequest
) -> tuple[list[dict[str, Any]], bool]:
    """A seller's key lists its shares; a marketplace's its shares; the platform all."""
    check_cursors(page)
    scope = merchant_scope(caller)  # a lender's key: 404
    is_host = scope is not None and uow.marketplace.get_marketplace(scope) is not None
    shares, has_more = uow.marketplace.list_shares(
        scope if is_host else None, None if is_host else scope, page)
    return [share_object(s) for s in shares], has_more


def order_cart(uow: MarketplaceUnitOfWork, session_id: str) -> list[CartLine]:
    """Checkout's hook: the lines of the order a session pays, with each seller's name."""
    order = uow.marketplace.order_for_session(session_id, lock=False)
    if order is None:
        return []
    names = {}
    lines = []
    for share in uow.marketplace.shares_of(order.id):
        if share.seller_id not in names:
            seller = uow.marketplace.get_seller(share.seller_id)
            names[share.seller_id] = share.seller_id if seller is None else seller.legal_name
        lines += [CartLine(names[share.seller_id], x.description, x.amount_minor)
                  for x in share.lines]
    return lines
