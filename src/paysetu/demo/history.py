"""The demo's history: eight months of trading by three small merchants, settled every day.

A new user should open a dashboard with something in it: payments going back months, refunds,
a settlement batch a day with its payout, bank statements that matched them, and enough
history for the lending underwriter to judge a merchant. So the demo replays a seeded story
through the same services the API uses, with the clock set back to each moment of it (a
:class:`FixedClock` in a copy of the context): the objects, ledger entries and events are what
clients would have produced on those days, and the ledger audit holds as for any other data.

The story (seeded, so every fresh database gets the same one):

* merchants *Jaipur Block Prints* and *Kerala Spice Co.* (India, INR, paid out to an IFSC
  account) and *Camden Chai Ltd* (United Kingdom, GBP, paid to an IBAN), opened
  :data:`HISTORY_DAYS` days ago, settled T+1 at 18:00 in their own time zones;
* regular buyers with wallets in those currencies pay them a few times a day, the merchants'
  trade growing over the months; about one payment in thirty is partly refunded;
* each morning the day before's window is settled; each Monday a bank statement books the
  past week's payouts and is reconciled (the demo's final statement, with its deliberate
  mismatch, is left to :mod:`.demo_reconciliation`).

The history ends the day before today and the ids are kept in ``<data_dir>/demo_history.json``:
a later run over the same database finds it there and adds nothing. It takes a while the first
time (a progress bar shows the days); the file is written after every traded day, so a first
run cut short (Ctrl-C) is resumed by the next one rather than begun again.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from paysetu.access.rules.principals import Principal, Role
from paysetu.app.context import AppContext
from paysetu.demo.console import console
from paysetu.demo.state import read_state, write_state
from paysetu.kernel.clock import FixedClock
from paysetu.payments.usecases import merchants, payments, refunds
from paysetu.settlement.rules.statements import StatementFormat
from paysetu.settlement.stores.camt053_writer import statement_for_payouts
from paysetu.settlement.stores.statement_files import read_statement
from paysetu.settlement.usecases import payout_accounts, reconciliation
from paysetu.settlement.usecases.settlement import settle
from paysetu.wallets.usecases import wallets

STATE_FILE = "demo_history.json"
HISTORY_DAYS = 240
SEED = 20260401
DEMO_METADATA = {"demo": "history"}
PLATFORM = Principal("key_demo_history", Role.PLATFORM, None, False)


@dataclass(frozen=True, slots=True)
class DemoMerchant:
    """One merchant of the story and how it trades."""

    name: str
    country: str
    currency: str
    time_zone: str
    fee_bps: int
    payout: dict[str, str]
    """Keyword arguments of :func:`payout_accounts.create_payout_account` after the currency."""
    price_range: tuple[int, int]
    """A sale's price, in minor units."""
    sales_per_day: tuple[int, int]
    """Sales on a day at the start of the story; the trade doubles by its end."""


MERCHANTS = (
    DemoMerchant("Jaipur Block Prints", "IN", "INR", "Asia/Kolkata", 200,
                 {"holder_name": "Jaipur Block Prints", "account_number": "50100234567891",
                  "bank_code": "HDFC0000123", "country": "IN"},
                 (350_00, 4_800_00), (2, 5)),
    DemoMerchant("Kerala Spice Co.", "IN", "INR", "Asia/Kolkata", 180,
                 {"holder_name": "Kerala Spice Co.", "account_number": "000405123456",
                  "bank_code": "SBIN0070123", "country": "IN"},
                 (120_00, 2_200_00), (3, 6)),
    DemoMerchant("Camden Chai Ltd", "GB", "GBP", "Europe/London", 150,
                 {"holder_name": "Camden Chai Ltd", "iban": "GB33BUKB20201555555555",
                  "bic": "BUKBGB22"},
                 (3_50, 45_00), (1, 4)),
)
BUYERS = (
    ("Meera Iyer", "INR"), ("Rohan Gupta", "INR"), ("Farah Khan", "INR"),
    ("Vikram Singh", "INR"), ("Oliver Hughes", "GBP"), ("Amelia Clarke", "GBP"),
)


@dataclass(frozen=True, slots=True)
class DemoHistory:
    """The ids of the story's merchants (in :data:`MERCHANTS` order) and buyers' wallets."""

    merchant_ids: list[str]
    wallet_ids: list[str]
    through: str
    """The last day traded (ISO date)."""
    since: str = ""
    """The first day the story trades (ISO date)."""
    until: str = ""
    """The last day the story trades (ISO date); ``through`` reaches it when the replay is
    done. Both are empty in the state files of earlier versions, written only when done."""

    @property
    def finished(self) -> bool:
        return not self.until or self.through >= self.until


def _exists(ctx: AppContext, history: DemoHistory) -> bool:
    with ctx.uow_factory() as uow:
        return all(uow.merchants.get(m) is not None for m in history.merchant_ids) and all(
            uow.wallets.get(w) is not None for w in history.wallet_ids)


def _at(ctx: AppContext, clock: FixedClock) -> AppContext:
    return replace(ctx, clock=clock)


def _open(ctx: AppContext) -> DemoHistory:
    """The merchants (with payout accounts and schedules) and the buyers' wallets."""
    with ctx.uow_factory() as uow:
        merchant_ids = []
        for m in MERCHANTS:
            merchant = merchants.create_merchant(ctx, uow, m.name, m.country, m.currency,
                                                 m.fee_bps, 0, DEMO_METADATA)
            payout_accounts.create_payout_account(ctx, uow, PLATFORM, merchant["id"], m.currency,
                                                  **m.payout)
            payout_accounts.set_schedule(ctx, uow, PLATFORM, merchant["id"],
                                         time_zone=m.time_zone, cutoff_local="18:00",
                                         delay_days=1, reserve_bps=0, reserve_release_days=0,
                                         payout_minimums={})
            merchant_ids.append(merchant["id"])
        wallet_ids = []
        for name, currency in BUYERS:
            email = name.lower().replace(" ", ".") + "@example.com"
            customer = wallets.create_customer(ctx, uow, name, email, "full", DEMO_METADATA)
            wallet_ids.append(wallets.create_wallet(ctx, uow, customer["id"], currency)["id"])
        uow.commit()
    return DemoHistory(merchant_ids, wallet_ids, "")


def _sales(rng: random.Random, day: date, progress: float) -> list[tuple[datetime, int]]:
    """The day's sales as (moment, merchant index), in time order, at shop hours local time."""
    sales = []
    for index, merchant in enumerate(MERCHANTS):
        low, high = merchant.sales_per_day
        count = rng.randint(low, high) + round(rng.random() * progress * high)
        opening = datetime.combine(day, time(10, 0), tzinfo=ZoneInfo(merchant.time_zone))
        sales += [(opening.astimezone(UTC) + timedelta(seconds=rng.randint(0, 9 * 3600)), index)
                  for _ in range(count)]
    return sorted(sales)


def _trade_day(ctx: AppContext, clock: FixedClock, rng: random.Random, history: DemoHistory,
               day: date, progress: float) -> None:
    """One day's sales of every merchant, then the day's refunds (about one sale in thirty,
    half its price, after the last sale), in one transaction."""
    refunded: list[tuple[str, int]] = []
    with ctx.uow_factory() as uow:
        for moment, index in _sales(rng, day, progress):
            merchant, merchant_id = MERCHANTS[index], history.merchant_ids[index]
            clock.set(moment)
            step = 50 if merchant.currency == "INR" else 5
            amount = rng.randrange(*merchant.price_range, step)
            wallet = rng.choice([w for w, (_, c) in zip(history.wallet_ids, BUYERS, strict=True)
                                 if c == merchant.currency])
            wallets.top_up(ctx, uow, wallet, amount, merchant.currency, DEMO_METADATA)
            paid = payments.create_payment(ctx, uow, PLATFORM, payments.CreatePayment(
                amount, merchant.currency, wallet, merchant=merchant_id,
                description="Counter sale", metadata=DEMO_METADATA, confirm=True,
                buyer_present=True))
            if rng.random() < 1 / 30:
                refunded.append((paid["id"], amount // 2))
        for payment_id, amount in refunded:
            clock.advance(timedelta(minutes=7))
            refunds.create_refund(ctx, uow, PLATFORM, payment_id, amount,
                                  "requested_by_customer", DEMO_METADATA)
        uow.commit()


def _reconcile_week(ctx: AppContext, merchant_ids: list[str]) -> None:
    """The bank's statement of every outstanding payout, imported (all of them match)."""
    with ctx.uow_factory() as uow:
        payouts = [p for m in merchant_ids for p in reconciliation.demo_payouts(uow, m)]
    if not payouts:
        return
    content = statement_for_payouts(payouts, ctx.clock.now())
    statement = read_statement(content, StatementFormat.CAMT053)
    with ctx.uow_factory() as uow:
        reconciliation.reconcile_statement(ctx, uow, statement)
        uow.commit()


def _close_day(ctx: AppContext, clock: FixedClock, history: DemoHistory, day: date) -> None:
    """The next morning: settle ``day``'s window; on a Monday, reconcile the week's payouts."""
    clock.set(datetime.combine(day + timedelta(days=1), time(5, 0), tzinfo=UTC))
    settle(ctx, day + timedelta(days=1))
    if (day + timedelta(days=1)).weekday() == 0:
        clock.advance(timedelta(hours=4))
        _reconcile_week(ctx, history.merchant_ids)


def _replay(ctx: AppContext, history: DemoHistory, path: Path,
            tick: Callable[[], None]) -> DemoHistory:
    """Trade each day after ``history.through`` up to ``history.until`` and close it, saving
    the state after every traded day, so that a replay cut short (Ctrl-C) resumes where it
    stopped. A day trades in one transaction, and settling or reconciling a day again is a
    no-op, so resuming repeats nothing."""
    since, until = date.fromisoformat(history.since), date.fromisoformat(history.until)
    day = date.fromisoformat(history.through)
    clock = FixedClock(datetime.combine(day, time(5, 0), tzinfo=UTC))
    at = _at(ctx, clock)
    if day >= since:  # traded before the cut; its close may not have run
        _close_day(at, clock, history, day)
    while day < until:
        day += timedelta(days=1)
        # Seeded by the day: the story is the same whether or not the replay was resumed.
        rng = random.Random(SEED * 1_000_000 + day.toordinal())  # noqa: S311 - not a secret
        clock.set(datetime.combine(day, time(0, 0), tzinfo=UTC))
        growth = (day - since).days / ((until - since).days + 1)
        _trade_day(at, clock, rng, history, day, growth)
        history = replace(history, through=day.isoformat())
        write_state(path, history)
        _close_day(at, clock, history, day)
        tick()
    return history


def ensure_demo_history(
    ctx: AppContext, data_dir: Path, days: int = HISTORY_DAYS
) -> tuple[DemoHistory, bool]:
    """The story over ``days`` days, replayed unless this database already has it (or resumed
    where an earlier run was cut short); ``True`` if any day was replayed now."""
    path = data_dir / STATE_FILE
    history = read_state(path, DemoHistory)
    if history is not None and not _exists(ctx, history):
        history = None  # a state file from another database
    if history is not None and history.finished:
        return history, False
    if history is None:
        today = ctx.clock.now().astimezone(UTC).date()
        first = today - timedelta(days=days)
        last = today - timedelta(days=2)  # its window settles yesterday, never in the future
        start = datetime.combine(first - timedelta(days=1), time(9, 0), tzinfo=UTC)
        history = replace(_open(_at(ctx, FixedClock(start))),
                          through=(first - timedelta(days=1)).isoformat(),
                          since=first.isoformat(), until=last.isoformat())
        write_state(path, history)
    from rich.progress import Progress  # noqa: PLC0415 - only the first run shows it

    remaining = (date.fromisoformat(history.until) - date.fromisoformat(history.through)).days
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("demo history: trading days", total=remaining)
        history = _replay(ctx, history, path, lambda: progress.advance(task))
    return history, True


def print_demo_history(ctx: AppContext, history: DemoHistory, created: bool) -> None:
    with ctx.uow_factory() as uow:
        names = [(m.name, uow.merchants.get(i)) for m, i in zip(MERCHANTS, history.merchant_ids,
                                                                strict=True)]
    console.print(f"demo history: {'replayed' if created else 'already there'} "
                  f"(trading through {history.through})", soft_wrap=True)
    for name, merchant in names:
        if merchant is not None:
            console.print(f"  merchant {name}  {merchant.id}  ({merchant.country}, "
                          f"{merchant.settlement_currency})", soft_wrap=True)
