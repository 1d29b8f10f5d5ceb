"""The demo's marketplace: Haat Bazaar, three sellers (one in the UK), orders across them.

The UK seller is paid in pounds: its shares are converted at the INR/GBP mid rate locked when
each order is paid (a demo rate is loaded when no rate source knows the pair).

The story, through the same use cases as the API: the buyer confirms delivery of a first
order; a second order, placed four days earlier, is released by the auto-release sweep; a third
order has one seller's share partly returned and another's disputed. GST TCS and TDS are
withheld from the Indian sellers. The ids are kept in a state file, so a second run over the
same database adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from paysetu.access.rules.principals import Principal, Role
from paysetu.app.context import AppContext
from paysetu.demo.console import console
from paysetu.demo.state import read_state, write_state
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.money_display import shown
from paysetu.marketplace.rules.records import Commission, OrderLine
from paysetu.marketplace.usecases import holds, orders, returns, sellers
from paysetu.payments.rules.fx_errors import FxRejected
from paysetu.payments.usecases import fx_rates, merchants
from paysetu.wallets.usecases import wallets

STATE_FILE = "demo_marketplace.json"
PLATFORM = Principal("key_demo_marketplace", Role.PLATFORM, None, livemode=False)
SELLERS = (
    ("Asha Books", "IN", "INR", "AAPFU0939F", "27AAPFU0939F1ZV"),
    ("Bharat Crafts", "IN", "INR", "AAGCB7383J", "29AAGCB7383J1Z4"),
    ("Lotus Prints Ltd", "GB", "GBP", None, None),
)
AUTO_RELEASE = timedelta(days=3)


@dataclass(frozen=True, slots=True)
class DemoMarketplace:
    marketplace_id: str
    seller_ids: list[str]
    order_ids: list[str]


def _run(ctx: AppContext, work: Any) -> Any:
    with ctx.uow_factory() as uow:
        result = work(uow)
        uow.commit()
    return result


def _setup(ctx: AppContext) -> tuple[str, list[str], str]:
    """The marketplace, its verified sellers and a funded buyer wallet."""
    host = str(_run(ctx, lambda uow: merchants.create_merchant(
        ctx, uow, "Haat Bazaar", "IN", "INR", 100, 0, {"demo": "marketplace"}))["id"])
    _run(ctx, lambda uow: sellers.create_marketplace(ctx, uow, PLATFORM, sellers.CreateMarketplace(
        host, Commission(1000, 0), {"books": Commission(500, 0)}, False,
        int(AUTO_RELEASE.total_seconds()))))
    made = []
    for name, country, currency, pan, gstin in SELLERS:
        seller = _run(ctx, lambda uow, n=name, c=country, cur=currency, p=pan, g=gstin:
                      sellers.onboard_seller(ctx, uow, PLATFORM, sellers.OnboardSeller(
                          n, c, cur, p, g, marketplace=host)))
        _run(ctx, lambda uow, s=seller: sellers.set_seller_kyc(
            ctx, uow, PLATFORM, str(s["id"]), "verified"))
        made.append(str(seller["id"]))

    _run(ctx, lambda uow: _gbp_rates(ctx, uow))

    def buyer(uow: Any) -> str:
        customer = wallets.create_customer(ctx, uow, "Meera Iyer", None, "full", {})
        wallet = wallets.create_wallet(ctx, uow, str(customer["id"]), "INR")
        wallets.top_up(ctx, uow, str(wallet["id"]), 50_000_00, "INR", {"demo": "marketplace"})
        return str(wallet["id"])

    return host, made, str(_run(ctx, buyer))


DEMO_GBP_PER_INR = "0.0094"


def _gbp_rates(ctx: AppContext, uow: Any) -> None:
    """An INR/GBP rate for the story's days (today, and the aged order's) unless one is known."""
    days = (ctx.clock.now() - AUTO_RELEASE - timedelta(days=1), ctx.clock.now())
    try:
        for day in days:
            fx_rates.mid_rate(replace(ctx, clock=FixedClock(day)), uow, "INR", "GBP")
    except FxRejected:
        rows = "".join(f"INR,GBP,{DEMO_GBP_PER_INR},{d.date().isoformat()}\n" for d in days)
        fx_rates.load_rates(ctx, uow, "base_currency,quote_currency,rate,as_of\n" + rows,
                            "demo")


def _order(ctx: AppContext, host: str, wallet: str, lines: list[tuple[str, int, str]]) -> Any:
    command = orders.CreateOrder(
        amount_minor=sum(a for _, a, _ in lines), currency="INR", wallet=wallet,
        lines=[OrderLine(s, a, "books" if "book" in d.lower() else None, d) for s, a, d in lines],
        marketplace=host, description="Haat Bazaar cart",
        operator_reason="Demo data: the buyer's cart, paid by the operator for the story")
    return _run(ctx, lambda uow: orders.create_order(ctx, uow, PLATFORM, command, ""))


def _story(ctx: AppContext, host: str, s: list[str], wallet: str) -> list[str]:
    delivered = _order(ctx, host, wallet, [(s[0], 1_200_00, "Book: Malgudi Days"),
                                           (s[1], 800_00, "Brass diya pair"),
                                           (s[2], 500_00, "Block print poster")])
    _run(ctx, lambda uow: holds.confirm_delivery(ctx, uow, PLATFORM, delivered["id"]))
    earlier = replace(ctx, clock=FixedClock(ctx.clock.now() - AUTO_RELEASE - timedelta(days=1)))
    aged = _order(earlier, host, wallet, [(s[0], 600_00, "Book: Godaan"),
                                          (s[2], 300_00, "Linen tote")])
    _run(ctx, lambda uow: holds.release_due_shares(ctx, uow, ctx.clock.now()))
    mixed = _order(ctx, host, wallet, [(s[1], 1_500_00, "Madhubani painting"),
                                       (s[2], 700_00, "Silk scarf")])
    by_seller = {x["seller"]: x["id"] for x in mixed["shares"]}
    _run(ctx, lambda uow: returns.return_share(ctx, uow, PLATFORM, by_seller[s[1]], 500_00,
                                               "frame arrived cracked"))
    _run(ctx, lambda uow: holds.dispute_share(ctx, uow, PLATFORM, by_seller[s[2]]))
    return [str(delivered["id"]), str(aged["id"]), str(mixed["id"])]


def ensure_demo_marketplace(ctx: AppContext, data_dir: Path) -> tuple[DemoMarketplace, bool]:
    """The demo marketplace and its story, made unless an earlier run made them."""
    path = data_dir / STATE_FILE
    state = read_state(path, DemoMarketplace)
    if state is not None:
        with ctx.uow_factory() as uow:
            if uow.marketplace.get_marketplace(state.marketplace_id) is not None:
                return state, False
    host, made, wallet = _setup(ctx)
    state = DemoMarketplace(host, made, _story(ctx, host, made, wallet))
    write_state(path, state)
    return state, True


def print_demo_marketplace(ctx: AppContext, state: DemoMarketplace, created: bool) -> None:
    console.print(f"demo marketplace: Haat Bazaar {state.marketplace_id} "
                  f"({'created' if created else 'already there'})", soft_wrap=True)
    with ctx.uow_factory() as uow:
        for order_id in state.order_ids:
            for share in uow.marketplace.shares_of(order_id):
                seller = uow.marketplace.get_seller(share.seller_id)
                name = seller.legal_name if seller else share.seller_id
                paid = ("" if share.fx_rate is None else
                        f"  paid {shown(share.payout_net_minor, share.payout_currency)}"
                        f" at {share.fx_rate}")
                console.print(f"  {order_id} {name:<18} {shown(share.amount_minor, 'INR'):>10}"
                              f"  {share.status.value:<9} refunded "
                              f"{shown(share.refunded_minor, 'INR')}{paid}", soft_wrap=True)
