"""The term loans' close-of-business rules in SQL equal the Python rules (hypothesis).

Why: :mod:`paysetu.lending.stores.loan_close_day_set_store` writes the rules of
:mod:`paysetu.lending.rules.classification` (days past due, SMA buckets, NPA at 90 days and the
borrower-wide NPA, NPA age by whole months from the NPA date, provisions half-up) and
:func:`~paysetu.lending.rules.loans.accrual_increase` in SQL. Random books of loans and credit
lines (borrowers shared between them, arrears from none to over four years, NPA dates known or
not, month ends and 29 February among the dates, loans accrued through the day or not, closed
loans still holding provisions) go into the temporary tables close of business fills; the SQL's
class, days past due, NPA date, accrual, provision and suspense of every loan must be what the
Python rules give.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paysetu.lending.rules.classification import (
    AssetClass,
    LoanArrears,
    classify,
    is_npa,
    provision_for,
)
from paysetu.lending.rules.loans import accrual_increase
from paysetu.lending.rules.schedule import add_months
from paysetu.lending.stores.loans_store import LoanStore

pytestmark = pytest.mark.postgres

BORROWERS = st.tuples(st.sampled_from(["mer_a", "mer_b", "mer_c"]),
                      st.sampled_from(["lnd_x", "lnd_y"]))
days = st.dates(date(2024, 1, 1), date(2029, 12, 31)) | st.sampled_from(
    [date(2024, 2, 29), date(2025, 2, 28), date(2028, 2, 29), date(2026, 3, 31)])


EDGES = [0, 1, 29, 30, 31, 59, 60, 61, 89, 90, 91]
"""Days past due at the buckets' edges (SMA-1 at 30, SMA-2 at 60, NPA at 90)."""
NpaAge = tuple[int, int] | None
"""An NPA date as whole months and days before the day (None: performing)."""


def _ago(high: int) -> st.SearchStrategy[int | None]:
    return st.one_of(st.none(), st.sampled_from(EDGES), st.sampled_from(EDGES),
                     st.sampled_from(EDGES), st.integers(-40, 120), st.integers(-40, high))


def _npa_age() -> st.SearchStrategy[NpaAge]:
    """Mostly none (a borrower with one known NPA date is an NPA), else near 12, 24 or 48
    months (the NPA classes' edges, by whole months) or anywhere up to five years."""
    near = st.tuples(st.sampled_from([0, 12, 24, 48]), st.integers(-1, 1))
    anywhere = st.tuples(st.integers(0, 60), st.integers(0, 30))
    return st.one_of(*[st.none()] * 6, near, anywhere)


def _npa_since(on: date, age: NpaAge) -> date | None:
    return None if age is None else add_months(on, -age[0]) - timedelta(days=age[1])


@dataclass(frozen=True)
class Row:
    active: bool
    borrower: tuple[str, str]
    overdue_ago: int | None
    npa_age: NpaAge
    stored_class: AssetClass
    accrued: int
    through_ago: int | None
    target: int
    outstanding: int
    interest_paid: int
    provision: int
    suspense: int


rows = st.builds(
    Row, active=st.booleans() | st.just(True), borrower=BORROWERS,
    overdue_ago=_ago(1_600), npa_age=_npa_age(),
    stored_class=st.sampled_from([c for c in AssetClass if c is not AssetClass.LOSS]),
    accrued=st.integers(0, 10**9), through_ago=st.none() | st.integers(-2, 30),
    target=st.integers(0, 10**9), outstanding=st.integers(0, 10**11),
    interest_paid=st.integers(0, 10**8), provision=st.integers(0, 10**9),
    suspense=st.integers(0, 10**9))
lines = st.tuples(BORROWERS, _ago(1_600), _npa_age())


def _before(on: date, ago: int | None) -> date | None:
    return None if ago is None else on - timedelta(days=ago)


@pytest.fixture
def connection(engine: sa.Engine) -> Iterator[sa.Connection]:
    with engine.connect() as conn:
        yield conn


def _insert(connection: sa.Connection, on: date, loans: list[Row],
            book: list[tuple[tuple[str, str], int | None, NpaAge]]) -> None:
    LoanStore(connection).close_day_loan_figures(on)  # creates the tables (no loans stored)
    connection.execute(sa.text(
        "CREATE TEMP TABLE cob_lines (id text, active boolean, merchant_id text,"
        " lender_id text, oldest_overdue date, npa_since0 date) ON COMMIT DROP"))
    for n, r in enumerate(loans):
        connection.execute(sa.text(
            "INSERT INTO cob_loans VALUES (:id, :active, :m, :l, 'kishore', 'INR', :acct,"
            " :accrued, :through, :cls, :npa, :provision, :suspense, 200, :overdue, :target,"
            " :outstanding, :paid)"),
            {"id": f"loan_{n:03d}", "active": r.active, "m": r.borrower[0], "l": r.borrower[1],
             "acct": f"acct_{n}", "accrued": r.accrued, "through": _before(on, r.through_ago),
             "cls": r.stored_class.value, "npa": _npa_since(on, r.npa_age),
             "provision": r.provision, "suspense": r.suspense,
             "overdue": _before(on, r.overdue_ago), "target": r.target,
             "outstanding": r.outstanding, "paid": r.interest_paid})
    for n, (borrower, overdue_ago, npa_age) in enumerate(book):
        connection.execute(sa.text(
            "INSERT INTO cob_lines VALUES (:id, true, :m, :l, :overdue, :npa)"),
            {"id": f"cln_{n:03d}", "m": borrower[0], "l": borrower[1],
             "overdue": _before(on, overdue_ago), "npa": _npa_since(on, npa_age)})


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(on=days, loans=st.lists(rows, min_size=1, max_size=10),
       book=st.lists(lines, max_size=4))
def test_sql_classes_and_figures_equal_the_rules(
    connection: sa.Connection, on: date, loans: list[Row],
    book: list[tuple[tuple[str, str], int | None, NpaAge]],
) -> None:
    with connection.begin() as transaction:
        _insert(connection, on, loans, book)
        store = LoanStore(connection)
        store.close_day_classify(on)
        legs = store.close_day_loan_day(on, "", "loan_999")
        got = {r.id: r for r in connection.execute(sa.text("SELECT * FROM cob_loan_days"))}
        transaction.rollback()
    arrears = [LoanArrears(f"loan_{n:03d}", r.borrower, _before(on, r.overdue_ago),
                           _npa_since(on, r.npa_age)) for n, r in enumerate(loans) if r.active]
    arrears += [LoanArrears(f"cln_{n:03d}", b, _before(on, o), _npa_since(on, a))
                for n, (b, o, a) in enumerate(book)]
    decided = classify(arrears, on)
    expected_legs = []
    for n, r in enumerate(loans):
        row = got[f"loan_{n:03d}"]
        if not r.active:
            assert (row.asset_class, row.npa_since, row.dpd) == (
                r.stored_class.value, _npa_since(on, r.npa_age), 0)
            assert (row.increase, row.provision, row.suspense) == (None, 0, 0)
            continue
        c = decided[f"loan_{n:03d}"]
        assert (row.asset_class, row.npa_since, row.dpd) == (
            c.asset_class.value, c.npa_since, c.days_past_due)
        increase = accrual_increase(r.accrued, _before(on, r.through_ago), r.target, on)
        assert row.increase == increase
        assert row.accrued == r.accrued + (increase or 0)
        assert row.through == (on if increase is not None else _before(on, r.through_ago))
        assert row.provision == provision_for(r.outstanding, c.asset_class)
        npa = is_npa(c.asset_class)
        assert row.npa == npa
        assert row.suspense == (r.accrued + (increase or 0) - r.interest_paid if npa else 0)
        if increase:
            expected_legs.append(("lnd", npa, f"acct_{n}", increase))
    assert [(leg[0][:3], leg[2], leg[3], leg[4]) for leg in legs] == expected_legs


def _check(connection: sa.Connection, on: date, loans: list[Row],
           book: list[tuple[tuple[str, str], int | None, NpaAge]]) -> None:
    with connection.begin() as transaction:
        _insert(connection, on, loans, book)
        store = LoanStore(connection)
        store.close_day_classify(on)
        store.close_day_loan_day(on, "", "loan_~")
        got = {r.id: r for r in connection.execute(sa.text("SELECT * FROM cob_loan_days"))}
        transaction.rollback()
    decided = classify([LoanArrears(f"loan_{n:03d}", r.borrower, _before(on, r.overdue_ago),
                                    _npa_since(on, r.npa_age)) for n, r in enumerate(loans)], on)
    for n in range(len(loans)):
        row, c = got[f"loan_{n:03d}"], decided[f"loan_{n:03d}"]
        assert (row.asset_class, row.npa_since, row.dpd) == (
            c.asset_class.value, c.npa_since, c.days_past_due), n


@pytest.mark.parametrize("on", [date(2026, 3, 31), date(2028, 2, 29), date(2027, 1, 31)])
def test_every_bucket_edge_classifies_as_the_rules(connection: sa.Connection, on: date) -> None:
    """Each loan its own borrower: every days past due from -2 to 130 (SMA-0/1/2, NPA at 90),
    and NPA dates around 12, 24 and 48 months back (sub-standard, D1, D2, D3) with arrears."""
    plain = Row(True, ("mer", "lnd_x"), None, None, AssetClass.STANDARD, 0, None, 0, 0, 0, 0, 0)
    loans = [replace(plain, borrower=(f"mer_{d}", "lnd_x"), overdue_ago=d)
             for d in range(-2, 131)]
    loans += [replace(plain, borrower=(f"mer_npa_{m}_{e}", "lnd_x"), overdue_ago=200,
                      npa_age=(m, e)) for m in (0, 12, 24, 48, 60) for e in (-1, 0, 1)]
    _check(connection, on, loans, [])
