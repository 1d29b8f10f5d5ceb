"""Marketplace orders through the use cases on real PostgreSQL: split, holds, returns, refusals.

Every test ends with the ledger audit passing (tests/api/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from paysetu.access.rules.principals import Principal, Role
from paysetu.app.context import AppContext
from paysetu.app.ports import AppUnitOfWork
from paysetu.kernel.clock import FixedClock
from paysetu.ledger.rules.errors import PaysetuError
from paysetu.marketplace.rules.records import Commission, OrderLine
from paysetu.marketplace.usecases import holds, orders, returns, sellers
from paysetu.payments.rules.mandates import MandatePolicy
from paysetu.payments.usecases import fx_rates, mandates
from tests.api.conftest import Keys
from tests.api.payment_setup import in_transaction, merchant, wallet

PLATFORM = Principal("key_test", Role.PLATFORM, None, False)


def notices_off(context: AppContext) -> AppContext:
    """Pre-debit notices off (``pre_debit_notice_s=0``): the marketplace tests are about splits,
    holds and tax; the customer's consent is a live on-demand mandate (:func:`live_mandate`),
    whose notice rule tests/api/test_mandates_api.py covers."""
    return replace(context, policy=replace(
        context.policy, mandates=MandatePolicy(pre_debit_notice_s=0)))


@pytest.fixture
def app_context(app_context: AppContext) -> AppContext:
    return notices_off(app_context)


def live_mandate(ctx: AppContext, host: str, payer: str) -> str:
    """The marketplace asks for an on-demand mandate on ``payer``; its customer approves it (as
    the PIN-checked customer route would)."""
    def work(uow: AppUnitOfWork) -> str:
        made = mandates.create_mandate(ctx, uow, as_merchant(host), mandates.CreateMandate(
            payer, 1_000_000_00, "INR", "as_presented", "Marketplace orders",
            ctx.clock.now() + timedelta(days=365)))
        mandates.act_on_mandate(ctx, uow, str(made["customer"]), str(made["id"]), "approve")
        return str(made["id"])

    return str(run(ctx, work))
PAN_A, GSTIN_A = "AAPFU0939F", "27AAPFU0939F1ZV"
PAN_B, GSTIN_B = "AAGCB7383J", "29AAGCB7383J1Z4"


def as_merchant(merchant_id: str) -> Principal:
    return Principal("key_test", Role.MERCHANT, merchant_id, False)


def run(ctx: AppContext, work: Callable[[AppUnitOfWork], Any]) -> Any:
    return in_transaction(ctx, work)


def code_of(ctx: AppContext, work: Callable[[AppUnitOfWork], Any]) -> str:
    with pytest.raises(PaysetuError) as refused:
        run(ctx, work)
    return str(refused.value.code)


def balance(ctx: AppContext, account: str) -> int:
    with ctx.uow_factory() as uow:
        b = uow.ledger.get_account(account, ctx.clock.now()).balance
    return b.credits_posted - b.debits_posted


def rows(engine: sa.Engine) -> tuple[int, ...]:
    with engine.connect() as c:
        return tuple(
            int(c.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one())
            for t in (
                "ledger_entries",
                "marketplace_orders",
                "marketplace_shares",
                "payments",
                "refunds",
                "marketplace_share_refunds",
                "events",
            )
        )


USD_PER_INR = "0.012"


def usd_rate(ctx: AppContext) -> None:
    """Today's INR/USD mid rate (a manual rate): the US seller is paid in dollars."""
    today = ctx.clock.now().date().isoformat()
    run(ctx, lambda uow: fx_rates.load_rates(
        ctx, uow, f"base_currency,quote_currency,rate,as_of\nINR,USD,{USD_PER_INR},{today}\n"))


def verify(ctx: AppContext, seller: str) -> None:
    run(ctx, lambda uow: sellers.set_seller_kyc(ctx, uow, PLATFORM, seller, "verified"))


def setup_market(
    ctx: AppContext, client: TestClient, keys: Keys, refund_commission: bool = True
) -> dict[str, str]:
    host = merchant(client, keys, fee_bps=200)
    run(
        ctx,
        lambda uow: sellers.create_marketplace(
            ctx,
            uow,
            PLATFORM,
            sellers.CreateMarketplace(
                host, Commission(1000, 0), {"books": Commission(500, 0)}, refund_commission, 3600
            ),
        ),
    )
    mkt = as_merchant(host)

    def onboard(
        name: str,
        country: str,
        currency: str,
        pan: str | None,
        gstin: str | None,
        commission: Commission | None = None,
    ) -> str:
        made = run(
            ctx,
            lambda uow: sellers.onboard_seller(
                ctx,
                uow,
                mkt,
                sellers.OnboardSeller(name, country, currency, pan, gstin, commission),
            ),
        )
        return str(made["id"])

    ids = {
        "host": host,
        "a": onboard("Asha Books", "IN", "INR", PAN_A, GSTIN_A),
        "b": onboard("Bharat Crafts", "IN", "INR", PAN_B, GSTIN_B, Commission(800, 5_00)),
        "c": onboard("Carol Prints LLC", "US", "USD", None, None),
    }
    for key in "abc":
        verify(ctx, ids[key])
    usd_rate(ctx)
    return ids


def order(
    ctx: AppContext,
    ids: dict[str, str],
    payer: str,
    lines: list[tuple[str, int, str | None]],
    amount: int | None = None,
) -> dict[str, Any]:
    command = orders.CreateOrder(
        amount_minor=amount if amount is not None else sum(x[1] for x in lines),
        currency="INR",
        lines=[OrderLine(ids[s], a, c, None) for s, a, c in lines],
        wallet=payer,
        mandate=live_mandate(ctx, ids["host"], payer),
    )
    return dict(
        run(
            ctx,
            lambda uow: orders.create_order(
                ctx, uow, as_merchant(ids["host"]), command, "http://127.0.0.1"
            ),
        )
    )


def test_one_payment_splits_into_held_shares_commission_and_tax(
    client: TestClient, keys: Keys, app_context: AppContext, clock: FixedClock,
    engine: sa.Engine,
) -> None:
    ctx = app_context
    ids = setup_market(ctx, client, keys)
    payer = wallet(client, keys, 10_000_00)
    made = order(
        ctx, ids, payer, [("a", 600_00, "books"), ("b", 300_00, None), ("c", 100_00, None)]
    )
    assert made["status"] == "paid"
    got = {
        s["seller"]: (
            s["commission_minor"],
            s["tcs_minor"],
            s["tds_minor"],
            s["net_minor"],
            s["status"],
        )
        for s in made["shares"]
    }
    assert got == {
        ids["a"]: (30_00, 3_00, 60, 566_40, "held"),
        ids["b"]: (29_00, 1_50, 30, 269_20, "held"),
        ids["c"]: (10_00, 0, 0, 90_00, "held"),
    }
    assert made["commission_minor"] == 69_00
    with ctx.uow_factory() as uow:
        entry = uow.ledger.get_entry(made["journal_entry"])
    # one entry: the buyer's wallet, the marketplace (commission less fee), paysetu's fee,
    # two rupee holds, TCS, TDS, and the US seller's dollars through the FX positions (INR in,
    # USD out, its dollar hold); balanced per currency (the database re-checks it)
    assert len(entry.postings) == 10
    usd = {p.account_id: p.amount_minor for p in entry.postings if p.currency == "USD"}
    assert usd == {"acct_platform_fx_USD": 1_08, f"acct_{ids['c']}_USD_escrow": 1_08}
    abroad = next(x for x in made["shares"] if x["seller"] == ids["c"])
    assert (abroad["payout_currency"], abroad["payout_net_minor"], abroad["fx_rate"],
            abroad["held_minor"]) == ("USD", 1_08, "0.012", 1_08)
    assert entry.metadata["payment"] == made["payment"]
    assert entry.metadata["marketplace_order"] == made["id"]
    with engine.connect() as c:
        assert c.execute(sa.text(
            "SELECT count(*) FROM ledger_entries WHERE metadata->>'payment' = :p"),
            {"p": made["payment"]}).scalar_one() == 1
    host = ids["host"]
    assert balance(ctx, f"acct_{host}_INR_available") == 69_00 - 20_00  # commission - fee
    assert balance(ctx, f"acct_{host}_INR_gst_tcs") == 4_50
    assert balance(ctx, f"acct_{host}_INR_income_tax_tds") == 90
    assert balance(ctx, f"acct_{ids['a']}_INR_escrow") == 566_40
    # the marketplace marks A delivered; B is disputed; the auto-release frees C only
    share = {s["seller"]: s["id"] for s in made["shares"]}
    run(ctx, lambda uow: holds.release_share(ctx, uow, as_merchant(host), share[ids["a"]]))
    assert balance(ctx, f"acct_{ids['a']}_INR_available") == 566_40
    run(ctx, lambda uow: holds.dispute_share(ctx, uow, as_merchant(host), share[ids["b"]]))
    clock.advance(timedelta(seconds=3599))
    assert run(ctx, lambda uow: holds.release_due_shares(ctx, uow, clock.now())) == 0
    clock.advance(timedelta(seconds=1))
    assert run(ctx, lambda uow: holds.release_due_shares(ctx, uow, clock.now())) == 1
    # the US seller is held and paid in dollars, at the rate locked when the order was paid
    assert balance(ctx, f"acct_{ids['c']}_USD_available") == 1_08  # 90.00 INR x 0.012
    assert balance(ctx, f"acct_{ids['b']}_INR_escrow") == 269_20
    # a seller key sees its own share, 404 for another's and for the order
    seen = run(ctx, lambda uow: holds.get_share(ctx, uow, as_merchant(ids["b"]), share[ids["b"]]))
    assert seen["status"] == "disputed"
    assert (
        code_of(ctx, lambda uow: holds.get_share(ctx, uow, as_merchant(ids["b"]), share[ids["a"]]))
        == "share_not_found"
    )
    assert (
        code_of(ctx, lambda uow: orders.visible_order(uow, as_merchant(ids["b"]), made["id"]))
        == "order_not_found"
    )


def test_return_touches_one_share_and_after_payout_leaves_seller_owing(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    ctx = app_context
    ids = setup_market(ctx, client, keys, refund_commission=False)
    host = ids["host"]
    payer = wallet(client, keys, 10_000_00)
    made = order(ctx, ids, payer, [("a", 600_00, "books"), ("b", 300_00, None)])
    share = {s["seller"]: s["id"] for s in made["shares"]}
    # partial return of B while held: only B's hold and tax move; A untouched
    part = run(
        ctx,
        lambda uow: returns.return_share(
            ctx, uow, as_merchant(host), share[ids["b"]], 100_00, "damaged"
        ),
    )
    assert (part["object"], part["from_hold_minor"]) == ("marketplace_share_return", 9940)
    part = run(ctx, lambda uow: holds.get_share(ctx, uow, as_merchant(host), share[ids["b"]]))
    assert (part["refunded_minor"], part["status"]) == (100_00, "held")
    assert balance(ctx, f"acct_{ids['a']}_INR_escrow") == 566_40
    # B's part: 100_00 - tcs 50 - tds 10 (commission kept by policy)
    assert part["held_minor"] == 269_20 - (100_00 - 50 - 10)
    assert (
        code_of(
            ctx,
            lambda uow: returns.return_share(
                ctx, uow, as_merchant(host), share[ids["b"]], 200_01, None
            ),
        )
        == "refund_exceeds_share"
    )
    # A is released (paid), then returned in full: more than its net, the rest is owed
    run(ctx, lambda uow: holds.release_share(ctx, uow, as_merchant(host), share[ids["a"]]))
    run(
        ctx,
        lambda uow: returns.return_share(ctx, uow, as_merchant(host), share[ids["a"]], None, None),
    )
    owed = 600_00 - 3_00 - 60 - 566_40
    assert balance(ctx, f"acct_{ids['a']}_INR_available") == 0
    assert balance(ctx, f"acct_{ids['a']}_INR_recovery") == -owed
    # A's next release repays what it owes first
    again = order(ctx, ids, payer, [("a", 100_00, "books")])
    run(ctx, lambda uow: holds.release_share(ctx, uow, as_merchant(host), again["shares"][0]["id"]))
    assert balance(ctx, f"acct_{ids['a']}_INR_recovery") == 0
    assert balance(ctx, f"acct_{ids['a']}_INR_available") == (
        again["shares"][0]["net_minor"] - owed
    )
    assert balance(ctx, f"acct_{host}_INR_gst_tcs") == (1_50 - 50) + 0 + 50  # B, A, new A


def create_with(
    ctx: AppContext, host: str, command: orders.CreateOrder
) -> Callable[[AppUnitOfWork], Any]:
    return lambda uow: orders.create_order(ctx, uow, as_merchant(host), command, "http://127.0.0.1")


def test_bad_orders_are_refused_and_write_nothing(
    client: TestClient, keys: Keys, app_context: AppContext, engine: sa.Engine
) -> None:
    ctx = app_context
    ids = setup_market(ctx, client, keys)
    other = setup_market(ctx, client, keys)
    payer = wallet(client, keys, 1_000_00)
    fresh = run(
        ctx,
        lambda uow: sellers.onboard_seller(
            ctx, uow, as_merchant(ids["host"]), sellers.OnboardSeller("New Seller", "US", "USD")
        ),
    )
    ids["new"], ids["foreign"] = str(fresh["id"]), other["a"]
    before = rows(engine)
    cases = [
        ([("a", 100_00, None)], 100_01, "split_mismatch"),
        ([("foreign", 100_00, None)], None, "seller_not_found"),
        ([("host", 100_00, None)], None, "seller_not_found"),
        ([("new", 100_00, None)], None, "seller_not_verified"),
        ([("a", 100_00, None)], 0, "amount_must_be_positive"),
        ([], 0, "amount_must_be_positive"),
    ]
    for lines, amount, expected in cases:
        command = orders.CreateOrder(
            amount_minor=amount if amount is not None else sum(x[1] for x in lines),
            currency="INR",
            lines=[OrderLine(ids[s], a, c, None) for s, a, c in lines],
            wallet=payer,
        )
        assert code_of(ctx, create_with(ctx, ids["host"], command)) == expected
    assert (
        code_of(
            ctx,
            lambda uow: sellers.onboard_seller(
                ctx,
                uow,
                as_merchant(ids["host"]),
                sellers.OnboardSeller("X", "IN", "INR", PAN_A, GSTIN_B),
            ),
        )
        == "gstin_invalid"
    )
    assert rows(engine) == before


def test_a_seller_abroad_bears_returns_in_its_own_currency_at_the_locked_rate(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    """The US seller's share: held in dollars; a return takes its part back in dollars at the
    rate locked on the share (through the FX positions), after release from its balance and
    then its dollar recovery account, repaid from its next release."""
    ctx = app_context
    ids = setup_market(ctx, client, keys, refund_commission=False)
    host, seller = ids["host"], ids["c"]
    payer = wallet(client, keys, 10_000_00)
    made = order(ctx, ids, payer, [("c", 100_00, None)])
    (share,) = made["shares"]
    assert (share["net_minor"], share["payout_net_minor"]) == (90_00, 1_08)
    # half returned while held: the seller bears 50.00 INR (commission kept) = 0.60 USD
    part = run(ctx, lambda uow: returns.return_share(
        ctx, uow, as_merchant(host), share["id"], 50_00, None))
    assert (part["from_hold_minor"], part["from_balance_minor"]) == (60, 0)
    assert balance(ctx, f"acct_{seller}_USD_escrow") == 48
    run(ctx, lambda uow: holds.release_share(ctx, uow, as_merchant(host), share["id"]))
    assert balance(ctx, f"acct_{seller}_USD_available") == 48
    # the rest after release: 0.48 from its balance, 0.12 owed on its dollar recovery account
    rest = run(ctx, lambda uow: returns.return_share(
        ctx, uow, as_merchant(host), share["id"], None, None))
    assert (rest["from_hold_minor"], rest["from_balance_minor"],
            rest["recovered_later_minor"]) == (0, 48, 12)
    assert balance(ctx, f"acct_{seller}_USD_recovery") == -12
    assert balance(ctx, "acct_platform_fx_USD") == 1_20 - 1_08  # the position bought back
    again = order(ctx, ids, payer, [("c", 100_00, None)])
    run(ctx, lambda uow: holds.release_share(
        ctx, uow, as_merchant(host), again["shares"][0]["id"]))
    assert balance(ctx, f"acct_{seller}_USD_recovery") == 0
    assert balance(ctx, f"acct_{seller}_USD_available") == 1_08 - 12
