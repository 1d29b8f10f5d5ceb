"""The wallet history pages back through every movement: each page is newest first, the
pages follow on without a gap or a repeat, the filters hold on every page, and the last page
says there is nothing older. The monthly statement lists every movement of the month."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from paysetu.app.context import AppContext
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.customers.rules.movements import HistoryFilter
from paysetu.customers.usecases import wallet_app
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets
from paysetu.wallets.usecases import wallets

pytestmark = pytest.mark.postgres

AMOUNTS = [1_00, 2_00, 3_00, 4_00, 5_00, 6_00, 7_00]


def _context(engine: sa.Engine, clock: FixedClock) -> AppContext:
    return AppContext(lambda: PostgresUnitOfWork(engine), clock, UlidIds(), SystemSecrets())


def _wallet_with_movements(context: AppContext) -> tuple[str, str]:
    """Seven top-ups of 1 to 7 rupees and, after each, a withdrawal of 10 paise."""
    with context.uow_factory() as uow:
        customer = wallets.create_customer(context, uow, "Asha", None, "minimum", {})
        wallet = wallets.create_wallet(context, uow, str(customer["id"]), "INR")
        uow.commit()
    for amount in AMOUNTS:
        with context.uow_factory() as uow:
            wallets.top_up(context, uow, str(wallet["id"]), amount, "INR", {})
            wallets.withdraw(context, uow, str(wallet["id"]), 10, "INR", {})
            uow.commit()
    return str(customer["id"]), str(wallet["id"])


def _all_pages(context: AppContext, customer: str, where: HistoryFilter,
               size: int) -> list[list[int]]:
    pages: list[list[int]] = []
    page = wallet_app.history(context, customer, where, page_size=size)
    pages.append([m.amount_minor for m in page.movements])
    while page.older is not None:
        where = HistoryFilter(since=where.since, until=where.until, kind=where.kind,
                              before_posting=page.older)
        page = wallet_app.history(context, customer, where, page_size=size)
        pages.append([m.amount_minor for m in page.movements])
    return pages


def test_the_history_pages_back_without_gap_or_repeat(
    engine: sa.Engine, clock: FixedClock
) -> None:
    context = _context(engine, clock)
    customer, _ = _wallet_with_movements(context)
    newest_first = [m for a in reversed(AMOUNTS) for m in (-10, a)]
    assert _all_pages(context, customer, HistoryFilter(), 4) == [
        newest_first[0:4], newest_first[4:8], newest_first[8:12], newest_first[12:14]]
    assert _all_pages(context, customer, HistoryFilter(kind="top_up"), 3) == [
        [7_00, 6_00, 5_00], [4_00, 3_00, 2_00], [1_00]]
    assert _all_pages(context, customer, HistoryFilter(kind="top_up"), 7) == [
        list(reversed(AMOUNTS))]  # exactly one page: nothing older to offer


def test_the_statement_has_every_movement_of_the_month(
    engine: sa.Engine, clock: FixedClock
) -> None:
    context = _context(engine, clock)
    customer, wallet = _wallet_with_movements(context)
    now = clock.now()
    first = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    statement = wallet_app.statement(context, customer, first, now + timedelta(days=1))
    (account,) = statement.wallets
    assert account.wallet_id == wallet
    assert len(account.lines) == 2 * len(AMOUNTS)
    assert (account.opening_minor, account.closing_minor) == (0, sum(AMOUNTS) - 10 * 7)
