"""The set-based close of business against the per-loan one, on the same random books.

Why: :func:`paysetu.lending.usecases.loan_close_day.close_day` computes the term loans' day in
SQL (chunks of loans in a temporary table, the borrower classification in one statement);
:func:`paysetu.lending.usecases.loan_close_day_per_loan.close_day_per_loan` runs the rules in
Python loan by loan and is the reference. Each business day is closed both ways from the same
stored state (the per-loan run is rolled back, the set-based one committed), with the same
deterministic ids, and both must agree entry for entry: the summary, every loan, installment
penalty, credit line and statement row written, the portfolio history, every journal entry
(id, metadata, postings in order) and every account balance.

The book (seeded): the bench's generator (loans paying, stopped 0-150 days before, so every
class from standard to sub-standard, two loans per borrower, credit lines beside them on the
same borrowers) and a few loans of a second lender disbursed through the use cases, then
between the days random partial repayments, prepayments, a foreclosure (a closed loan
releasing its provision and suspense) and a write-off of an NPA. The days cross a month end
(the lines' interest debits) and borrowers into and out of NPA.
"""

from __future__ import annotations

import contextlib
import random
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from paysetu.app.context import AppContext
from paysetu.app.ports import AppUnitOfWork
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.bench.lending_data import BenchBook, generate
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.secrets import SystemSecrets
from paysetu.lending.rules.errors import LendingRejected
from paysetu.lending.usecases import loan_close_day, loan_repayments, loan_write_off
from paysetu.lending.usecases.loan_close_day_per_loan import close_day_per_loan
from tests.integration import lending_builders as lend
from tests.integration import settlement_builders as build

pytestmark = pytest.mark.postgres
FIRST = date(2026, 6, 28)
DAYS = 5


class CountingIds:
    """Ids in call order under a tag, so two runs of the same work name the same rows."""

    def __init__(self) -> None:
        self.tag = "setup"
        self.count = 0

    def restart(self, tag: str) -> None:
        self.tag, self.count = tag, 0

    def new_id(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}_{self.tag}{self.count:06d}"


CloseDay = Callable[[AppContext, AppUnitOfWork, date], dict[str, Any]]

_STATE = {
    "loans": "SELECT * FROM loans ORDER BY id",
    "penalties": "SELECT loan_id, number, penalty_minor FROM loan_installments"
                 " ORDER BY loan_id, number",
    "lines": "SELECT * FROM credit_lines ORDER BY id",
    "line_movements": "SELECT * FROM credit_line_movements ORDER BY id",
    "line_debits": "SELECT * FROM credit_line_interest_debits ORDER BY line_id, debited_on",
    "days": "SELECT * FROM lending_close_days ORDER BY business_date",
    "history": "SELECT * FROM lending_portfolio_days"
               " ORDER BY business_date, lender_id, currency, category",
    "entries": "SELECT id, kind, metadata FROM ledger_entries WHERE id LIKE :tag ORDER BY id",
    "postings": "SELECT p.entry_id, p.account_id, p.direction, p.amount_minor, p.currency"
                " FROM ledger_postings p WHERE p.entry_id LIKE :tag"
                " ORDER BY p.entry_id, p.account_id, p.direction",
    "accounts": "SELECT id, debits_posted, credits_posted, debits_pending, credits_pending"
                " FROM ledger_accounts ORDER BY id",
}


def state(connection: sa.Connection, tag: str) -> dict[str, list[tuple[Any, ...]]]:
    return {name: [tuple(r) for r in connection.execute(sa.text(sql), {"tag": f"%\\_{tag}%"})]
            for name, sql in _STATE.items()}


def closed_both_ways(context: AppContext, ids: CountingIds, day: date) -> dict[str, Any]:
    """Close ``day`` per loan (rolled back), then set-based (committed); both agree."""
    outcomes: list[tuple[dict[str, Any], dict[str, list[tuple[Any, ...]]]]] = []
    paths: tuple[CloseDay, ...] = (close_day_per_loan, loan_close_day.close_day)
    for path in paths:
        ids.restart(f"c{day:%m%d}")
        with context.uow_factory() as uow:
            summary = path(context, uow, day)
            outcomes.append((summary, state(uow.loans._connection, ids.tag)))  # type: ignore[attr-defined]
            if path is loan_close_day.close_day:
                uow.commit()
    (old, old_state), (new, new_state) = outcomes
    assert new == old
    for name in _STATE:
        assert new_state[name] == old_state[name], name
    assert old_state["entries"], "close of business booked nothing"
    return new


def book(context: AppContext, clock: FixedClock, engine: sa.Engine,
         rnd: random.Random) -> list[str]:
    """The bench's book, and a second lender's loans with other terms; the loan ids."""
    generate(engine, BenchBook(rnd.randint(60, 120), FIRST, rnd.randint(20, 60)))
    lend.move_to(clock, FIRST - timedelta(days=rnd.randint(95, 130)), time(10))
    bank = lend.funded_lender(context)
    for shop in [build.merchant(context, fee_bps=0) for _ in range(3)]:
        lend.disbursed_loan(context, bank, shop, rnd.randint(60_000, 4_00_000) * 100,
                            rnd.choice([6, 12, 24]), rate_bps=rnd.choice([900, 1400, 2200]))
    with engine.connect() as connection:
        return [r[0] for r in connection.execute(sa.text("SELECT id FROM loans ORDER BY id"))]


def repayments(context: AppContext, loans: list[str], rnd: random.Random) -> None:
    """Random partial repayments and prepayments, and now and then a foreclosure or the
    write-off of an NPA (refusals are part of the game: nothing is written)."""
    for loan_id in rnd.sample(loans, min(len(loans), 12)):
        kind = rnd.choice(["manual", "manual", "manual", "prepayment", "foreclosure",
                           "write_off"])
        amount = None if kind == "foreclosure" else rnd.randint(1, 4_00_000) * 10

        def work(uow: AppUnitOfWork, loan_id: str = loan_id, kind: str = kind,
                 amount: int | None = amount) -> Any:
            if kind == "write_off":
                return loan_write_off.write_off_loan(context, uow, lend.PLATFORM, loan_id,
                                                     "Beyond recovery")
            return loan_repayments.repay_loan(context, uow, lend.PLATFORM, loan_id, kind,
                                              amount)
        with contextlib.suppress(LendingRejected):
            build.run(context, work)


@pytest.mark.parametrize("seed", [20, 31])
def test_set_based_close_of_business_books_what_the_per_loan_one_does(
    engine: sa.Engine, clock: FixedClock, seed: int
) -> None:
    rnd = random.Random(seed)
    ids = CountingIds()
    context = AppContext(lambda: PostgresUnitOfWork(engine), clock, ids, SystemSecrets())
    loans = book(context, clock, engine, rnd)
    seen: set[str] = set()
    for offset in range(DAYS):
        day = FIRST + timedelta(days=offset)
        if offset:
            lend.move_to(clock, day, time(10))
            ids.restart(f"r{day:%m%d}")
            repayments(context, loans, rnd)
        clock.advance(datetime.combine(day, time(21), UTC) - clock.now())
        summary = closed_both_ways(context, ids, day)
        seen |= {c for c, n in summary["classes"].items() if n}
        seen |= set(summary["class_changes"])
    assert {"standard", "sma_0", "sma_1", "sma_2", "substandard"} <= seen
    assert any("->standard" in change or "->substandard" in change for change in seen)
