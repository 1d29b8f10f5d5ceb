"""Payouts for reconciliation tests, written as rows (a paid-out settlement batch each).

Reconciliation reads payouts and nothing else of settlement, so its tests make them directly:
each payout gets a minimal batch that satisfies the settlement schema's checks (gross = net =
payout, nothing held, nothing carried), in a window of its own.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from ulid import ULID

from paysetu.app.context import AppContext
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.money import Money
from paysetu.kernel.secrets import SystemSecrets
from paysetu.payments.usecases import merchants

_windows = itertools.count()
CREATED_AT = datetime(2026, 4, 1, 6, 0, tzinfo=UTC)

_BATCH = sa.text(
    "INSERT INTO settlement_batches (id, merchant_id, currency, settlement_date, window_start,"
    " window_end, status, item_count, gross_minor, refunds_minor, fees_minor, adjustments_minor,"
    " carried_in_minor, reserve_held_minor, reserve_released_minor, loan_sweep_minor,"
    " net_minor, payout_minor, carried_forward_minor, payout_id, created_at)"
    " VALUES (:batch, :merchant, :currency, :day, :start, :end, 'paid_out', 0, :amount, 0, 0,"
    " 0, 0, 0, 0, 0, :amount, :amount, 0, :payout, :at)"
)
_PAYOUT = sa.text(
    "INSERT INTO payouts (id, batch_id, merchant_id, amount_minor, currency, end_to_end_id,"
    " status, created_at) VALUES (:payout, :batch, :merchant, :amount, :currency, :e2e,"
    " :status, :at)"
)


def context(engine: sa.Engine, clock: FixedClock) -> AppContext:
    return AppContext(lambda: PostgresUnitOfWork(engine), clock, UlidIds(), SystemSecrets())


def merchant(ctx: AppContext, name: str = "Chai Point") -> str:
    with ctx.uow_factory() as uow:
        created = merchants.create_merchant(ctx, uow, name, "IN", "INR", 200, 0, {})
        uow.commit()
    return str(created["id"])


def payout(
    engine: sa.Engine, merchant_id: str, amount: Money, end_to_end_id: str, *,
    status: str = "sent", created_at: datetime = CREATED_AT,
) -> str:
    """Insert a payout (and its batch); returns the payout id."""
    window_end = created_at - timedelta(hours=next(_windows))
    params = {
        "batch": f"stl_{ULID()}", "payout": f"po_{ULID()}", "merchant": merchant_id,
        "currency": amount.currency, "amount": amount.amount_minor, "e2e": end_to_end_id,
        "status": status, "at": created_at, "day": created_at.date(),
        "start": window_end - timedelta(minutes=30), "end": window_end,
    }
    with engine.begin() as connection:
        connection.execute(_BATCH, params)
        connection.execute(_PAYOUT, params)
    return str(params["payout"])


def statuses(engine: sa.Engine) -> dict[str, str]:
    with engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT id, status FROM payouts"))
        return {row.id: row.status for row in rows}


def row_counts(engine: sa.Engine) -> tuple[int, int]:
    """``(runs, lines)`` stored."""
    with engine.connect() as connection:
        runs = connection.execute(sa.text("SELECT count(*) FROM reconciliation_runs")).scalar()
        lines = connection.execute(sa.text("SELECT count(*) FROM reconciliation_lines")).scalar()
    return int(runs or 0), int(lines or 0)
