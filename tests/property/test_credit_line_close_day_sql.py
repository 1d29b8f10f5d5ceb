"""The credit lines' close of business in SQL equals the pure rules, on random books (hypothesis).

Close of business computes each line's day in SQL (:mod:`paysetu.lending.stores.
credit_line_close_day_store`); :mod:`paysetu.lending.rules.credit_line_close_day` and
:mod:`paysetu.lending.rules.credit_line_classification` are the same rules in Python, with the
worked dates of ``tests/unit/test_lending_credit_lines.py``. Each example writes a random book
of lines straight into the tables (foreign keys off: ``session_replication_role = replica``,
inside a transaction that is rolled back), runs the SQL path with a random borrower
classification, and compares every figure and every written column with the Python rules' on
the same lines: drawing power, accrual, month-end debit, penal charge, out-of-order runs and
days, the date classification reads, class, provision, suspense, closing, the release of a line
closed since the last run, and the lines' rows of the portfolio history (outstanding, PAR
30/60/90, NPA, provisions).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paysetu.lending.rules.classification import NPA_CLASSES, AssetClass, Classification
from paysetu.lending.rules.credit_line_classification import line_class
from paysetu.lending.rules.credit_line_close_day import (
    LineSnapshot,
    line_figures,
    line_update,
    released,
)
from paysetu.lending.rules.credit_lines import POLICY, dp_window, is_month_end
from paysetu.lending.rules.portfolio_history import LoanStanding, portfolio_day
from paysetu.lending.stores.credit_lines_store import CreditLineStore

NOW = datetime(2027, 1, 1, tzinfo=UTC)
DECIDED = [c for c in AssetClass if c is not AssetClass.LOSS]
STORED = [c for c in AssetClass if c is not AssetClass.SMA_0]


@dataclass(frozen=True, slots=True)
class Book:
    """One random line: its stored row, balances, sales, interest debits, and the class the
    borrower's classification gives it."""

    active: bool
    limit_minor: int
    rate_bps: int
    penal_rate_bps: int
    review_offset: int
    drawn_minor: int
    receivable_minor: int
    rate_balance_days: int
    accrued_minor: int
    through_offset: int | None
    penal_minor: int
    over_offset: int | None
    debit_offset: int | None
    credit_offset: int | None
    stored_class: AssetClass
    provision_minor: int
    suspense_minor: int
    batches: tuple[tuple[int, int, int], ...]
    """``(days before the day, gross, refunds)`` of each settlement batch."""
    debits: tuple[tuple[int, int, int], ...]
    """``(days before the day, amount, covered)`` of each interest debit."""
    decided: AssetClass
    dpd: int
    """The borrower classification's days past due for the line."""


def _offset(high: int) -> st.SearchStrategy[int | None]:
    return st.none() | st.integers(0, high)


books = st.builds(
    Book,
    active=st.booleans() | st.just(True),
    limit_minor=st.integers(1, 10**9),
    rate_bps=st.integers(0, 3_000),
    penal_rate_bps=st.integers(0, 1_000),
    review_offset=st.integers(-400, 400),
    drawn_minor=st.integers(0, 2 * 10**9),
    receivable_minor=st.integers(0, 10**7),
    rate_balance_days=st.integers(0, 10**13),
    accrued_minor=st.integers(0, 10**7),
    through_offset=st.none() | st.integers(-2, 3),
    penal_minor=st.integers(0, 10**5) | st.just(0),
    over_offset=_offset(200),
    debit_offset=_offset(200),
    credit_offset=_offset(200),
    stored_class=st.sampled_from(STORED),
    provision_minor=st.integers(0, 10**6),
    suspense_minor=st.integers(0, 10**6),
    batches=st.lists(st.tuples(st.integers(0, 120), st.integers(0, 10**9),
                               st.integers(0, 10**8)),
                     max_size=3, unique_by=lambda b: b[0]).map(tuple),
    debits=st.lists(st.tuples(st.integers(1, 200), st.integers(1, 10**6),
                              st.integers(0, 10**6)),
                    max_size=2, unique_by=lambda d: d[0]).map(tuple),
    decided=st.sampled_from(DECIDED),
    dpd=st.integers(0, 200),
)
days = st.integers(0, 730).map(lambda n: date(2026, 1, 1) + timedelta(days=n))


def _before(on: date, offset: int | None) -> date | None:
    return None if offset is None else on - timedelta(days=offset)


def _npa_since(asset_class: AssetClass, on: date) -> date | None:
    return on - timedelta(days=100) if asset_class in NPA_CLASSES else None


def _insert(connection: sa.Connection, n: int, b: Book, on: date) -> LineSnapshot:
    """Line ``n`` of the book as rows; the snapshot the Python rules read of it."""
    line, merchant = f"cln_p{n:03d}", f"mer_p{n:03d}"
    drawn, interest = f"acct_{line}_drawn", f"acct_{line}_interest"
    for account, balance in ((drawn, b.drawn_minor), (interest, b.receivable_minor)):
        connection.execute(sa.text(
            "INSERT INTO ledger_accounts (id, currency, kind, credits_must_not_exceed_debits,"
            " debits_posted, created_at) VALUES (:id, 'INR', 'asset', true, :b, :now)"),
            {"id": account, "b": balance, "now": NOW})
    npa_since = _npa_since(b.stored_class, on)
    row: dict[str, Any] = {
        "id": line, "merchant_id": merchant, "lender_id": "lnd_p", "category": "kishore",
        "currency": "INR", "limit_minor": b.limit_minor, "rate_bps": b.rate_bps,
        "penal_rate_bps": b.penal_rate_bps, "sweep_bps": 1000,
        "review_due": on + timedelta(days=b.review_offset),
        "status": "active" if b.active else "closed", "drawn_account_id": drawn,
        "interest_account_id": interest, "funding_account_id": "acct_funding",
        "drawing_power_minor": 0, "dp_net_settled_minor": 0, "dp_as_of": on,
        "sanctioned_on": on - timedelta(days=300),
        "closed_on": None if b.active else on - timedelta(days=1),
        "rate_balance_days": b.rate_balance_days, "interest_accrued_minor": b.accrued_minor,
        "interest_accrued_through": _before(on, b.through_offset),
        "penal_charges_minor": b.penal_minor, "over_since": _before(on, b.over_offset),
        "debit_since": _before(on, b.debit_offset),
        "last_credit_on": _before(on, b.credit_offset), "asset_class": b.stored_class.value,
        "npa_since": npa_since,
        # a closed line in the book still holds a provision or suspense
        "provision_minor": b.provision_minor or (0 if b.active else 1),
        "interest_suspense_minor": b.suspense_minor, "created_at": NOW, "updated_at": NOW,
    }
    connection.execute(sa.text(
        f"INSERT INTO credit_lines ({', '.join(row)}) VALUES ({', '.join(':' + k for k in row)})"),
        row)
    for offset, gross, refunds in b.batches:
        connection.execute(sa.text(
            "INSERT INTO settlement_batches (id, merchant_id, currency, settlement_date,"
            " window_start, window_end, status, carry_reason, item_count, gross_minor,"
            " refunds_minor, fees_minor, adjustments_minor, carried_in_minor,"
            " reserve_held_minor, reserve_released_minor, loan_sweep_minor, net_minor,"
            " payout_minor, carried_forward_minor, created_at)"
            " VALUES (:id, :m, 'INR', :d, :start, :end, 'carried_forward', 'no_payout_account',"
            " 1, :g, :r, 0, 0, 0, 0, 0, 0, :g - :r, 0, :g - :r, :now)"),
            {"id": f"stl_p{n:03d}x{offset}", "m": merchant, "d": on - timedelta(days=offset),
             "g": gross, "r": refunds, "now": NOW,
             "start": NOW - timedelta(days=offset + 1), "end": NOW - timedelta(days=offset)})
    for offset, amount, covered in b.debits:
        connection.execute(sa.text(
            "INSERT INTO credit_line_interest_debits (line_id, debited_on, amount_minor,"
            " covered_minor) VALUES (:l, :d, :a, :c)"),
            {"l": line, "d": on - timedelta(days=offset), "a": amount,
             "c": min(covered, amount)})
    first, _ = dp_window(POLICY, on)
    net = sum(g - r for offset, g, r in b.batches if on - timedelta(days=offset) >= first)
    open_debits = sorted(on - timedelta(days=o) for o, a, c in b.debits if min(c, a) < a)
    return LineSnapshot(
        line_id=line, active=b.active, merchant_id=merchant, lender_id="lnd_p",
        category="kishore", currency="INR", drawn_account_id=drawn,
        interest_account_id=interest, limit_minor=b.limit_minor, rate_bps=b.rate_bps,
        penal_rate_bps=b.penal_rate_bps, review_due=row["review_due"],
        drawn_minor=b.drawn_minor, interest_receivable_minor=b.receivable_minor,
        rate_balance_days=b.rate_balance_days, interest_accrued_minor=b.accrued_minor,
        interest_accrued_through=row["interest_accrued_through"],
        penal_charges_minor=b.penal_minor, over_since=row["over_since"],
        debit_since=row["debit_since"], last_credit_on=row["last_credit_on"],
        uncovered_since=open_debits[0] if open_debits else None,
        uncovered_minor=sum(a - min(c, a) for _, a, c in b.debits),
        asset_class=b.stored_class, npa_since=npa_since,
        provision_minor=row["provision_minor"], interest_suspense_minor=b.suspense_minor,
        net_settled_minor=net)


@pytest.fixture
def connection(engine: sa.Engine) -> Iterator[sa.Connection]:
    with engine.connect() as conn:
        yield conn


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(on=days, book=st.lists(books, min_size=1, max_size=8))
def test_sql_close_of_business_equals_the_rules(connection: sa.Connection, on: date,
                                                book: list[Book]) -> None:
    with connection.begin() as transaction:
        connection.execute(sa.text("SET LOCAL session_replication_role = replica"))
        snapshots = [_insert(connection, n, b, on) for n, b in enumerate(book)]
        store = CreditLineStore(connection)
        bounds = store.close_day_figures(on, dp_window(POLICY, on)[0], is_month_end(on), POLICY)
        decided = {s.line_id: Classification(b.decided, b.dpd, _npa_since(b.decided, on))
                   for s, b in zip(snapshots, book, strict=True) if s.active}
        store.close_day_decided(on, "", bounds[-1], [
            (i, line_class(c), c.npa_since, c.days_past_due) for i, c in sorted(decided.items())])
        figures = {r.id: r for r in connection.execute(sa.text("SELECT * FROM cob_lines"))}
        history = store.close_day_portfolio(on)
        store.close_day_save(on, NOW, "", bounds[-1])
        saved = {r.id: r for r in connection.execute(sa.text("SELECT * FROM credit_lines"))}
        transaction.rollback()
    standings = []
    for s in snapshots:
        got, row = figures[s.line_id], saved[s.line_id]
        if not s.active:
            expected = released(s)
            assert (row.status, row.provision_minor, row.interest_suspense_minor) == (
                "closed", 0, 0)
            assert (row.asset_class, row.npa_since) == (s.asset_class.value, s.npa_since)
            assert row.interest_accrued_through == expected.interest_accrued_through
            continue
        f = line_figures(s, on, POLICY)
        u = line_update(f, decided[s.line_id], on)
        assert (got.dp, got.net_settled) == (f.drawing_power.amount_minor,
                                             s.net_settled_minor)
        assert (got.accrual, got.debit, got.drawn, got.penal_today) == (
            f.accrual_minor, f.debit_minor, f.drawn_minor, f.penal_minor)
        assert got.oldest_overdue == f.day.oldest_overdue
        assert (got.ooo_from, got.ooo_days) == (f.day.out_of_order_from,
                                                f.day.out_of_order_days)
        assert (row.drawing_power_minor, row.dp_net_settled_minor, row.rate_balance_days,
                row.interest_accrued_minor, row.interest_accrued_through,
                row.penal_charges_minor, row.over_since, row.debit_since,
                row.out_of_order_days, row.asset_class, row.npa_since, row.provision_minor,
                row.interest_suspense_minor, row.status == "closed") == (
            u.drawing_power_minor, u.dp_net_settled_minor, u.rate_balance_days,
            u.interest_accrued_minor, u.interest_accrued_through, u.penal_charges_minor,
            u.over_since, u.debit_since, u.out_of_order_days, u.asset_class.value,
            u.npa_since, u.provision_minor, u.interest_suspense_minor, u.closes)
        if not u.closes:
            standings.append(LoanStanding(
                s.lender_id, s.category, s.currency, f.drawn_minor,
                decided[s.line_id].days_past_due, u.asset_class, u.npa_since is not None,
                u.provision_minor, credit_line=True))
    assert history == portfolio_day(on, standings)

