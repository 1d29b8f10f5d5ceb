"""The settlement bench's fee in SQL equals the product's fee rule in Python (hypothesis).

Why: ``paysetu bench settlement`` writes its payments set-based in PostgreSQL, each with the fee
the product would have booked, and the settlement it measures reports those fees back; the
bench's nets are compared with a baseline, so a fee that drifted from the product's rule would
go unnoticed. :data:`paysetu.bench.settlement_data.FEE_SQL` (half up to the minor unit, integer
division in SQL) must give :meth:`paysetu.payments.rules.payments.FeePlan.fee_for` for every
amount and rate, the halves included.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paysetu.bench.settlement_data import FEE_SQL
from paysetu.payments.rules.payments import FeePlan

pytestmark = pytest.mark.postgres

AMOUNTS = st.one_of(
    st.integers(min_value=1, max_value=10**14),
    st.integers(min_value=1, max_value=10_000),
    st.integers(min_value=0, max_value=10**6).map(lambda n: n * 10_000 + 5_000),
)
"""Amounts up to a trillion units of any currency (no bigint overflow at 10,000 bps), small
ones, and ones that land on a half."""


@pytest.fixture
def connection(engine: sa.Engine) -> Iterator[sa.Connection]:
    with engine.connect() as connection:
        yield connection


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(amounts=st.lists(AMOUNTS, min_size=1, max_size=20),
       fee_bps=st.integers(min_value=0, max_value=10_000))
def test_the_bench_fee_in_sql_is_the_product_fee(
    connection: sa.Connection, amounts: list[int], fee_bps: int
) -> None:
    found = connection.execute(
        sa.text(f"SELECT {FEE_SQL} FROM unnest(CAST(:amounts AS bigint[]))"
                " WITH ORDINALITY AS x(amount_minor, n) ORDER BY n"),
        {"amounts": amounts, "fee_bps": fee_bps}).scalars().all()
    assert found == [FeePlan(fee_bps, 0).fee_for(amount) for amount in amounts]
