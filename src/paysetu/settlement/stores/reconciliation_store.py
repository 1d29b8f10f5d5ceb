"""Reconciliation runs and their lines in PostgreSQL, and the payouts they settle.

A run's row, its lines and the ``paid`` status of the payouts it matched are written in the
unit of work's one transaction. The payouts a statement names are locked (``FOR NO KEY
UPDATE``, in id order) before they are compared, so two statements imported at once cannot
both match the same payout; the unique index on matched lines is the last word on that.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa

from paysetu.kernel.invariants import InvariantViolation
from paysetu.kernel.money import Money
from paysetu.settlement.rules.reconciliation import (
    OUTSTANDING_STATUSES,
    PAID_STATUS,
    RETURNED_STATUS,
    LineCategory,
    LineResult,
    PayoutRef,
    ReconciliationRun,
)
from paysetu.settlement.rules.statements import Direction, StatementFormat, StatementLine

_COUNT_COLUMNS = {category: f"{category.value}_count" for category in LineCategory}
_PAYOUT_COLUMNS = (
    "p.id AS payout_id, p.end_to_end_id AS payout_end_to_end_id, p.amount_minor AS "
    "payout_amount_minor, p.currency AS payout_currency, p.merchant_id AS payout_merchant_id, "
    "(p.created_at AT TIME ZONE 'UTC')::date AS payout_created_on, p.status AS payout_status"
)
_LINE_COLUMNS = (
    "position", "category", "location", "booking_date", "end_to_end_id", "amount_minor",
    "currency", "direction", "description", "payout_id", "reason",
)


def _run(row: sa.Row[Any]) -> ReconciliationRun:
    return ReconciliationRun(
        id=row.id, statement_sha256=row.statement_sha256, format=StatementFormat(row.format),
        statement_id=row.statement_id, statement_date=row.statement_date,
        currencies=tuple(c.strip() for c in row.currencies), line_count=row.line_count,
        counts={c: int(getattr(row, column)) for c, column in _COUNT_COLUMNS.items()},
        created_at=row.created_at,
    )


def _payout(row: sa.Row[Any]) -> PayoutRef | None:
    if row.payout_id is None:
        return None
    return PayoutRef(
        id=row.payout_id, end_to_end_id=row.payout_end_to_end_id,
        amount=Money(row.payout_amount_minor, row.payout_currency.strip()),
        merchant_id=row.payout_merchant_id, created_on=row.payout_created_on,
        status=row.payout_status,
    )


def _result(row: sa.Row[Any]) -> LineResult:
    line = None
    if row.location is not None:
        line = StatementLine(
            row.location, row.booking_date, row.end_to_end_id,
            Money(row.amount_minor, row.currency.strip()), Direction(row.direction),
            row.description,
        )
    return LineResult(row.position, LineCategory(row.category), line, _payout(row), row.reason)


def _line_params(run_id: str, result: LineResult) -> dict[str, Any]:
    line = result.line
    return {
        "run_id": run_id, "position": result.position, "category": result.category.value,
        "location": None if line is None else line.location[:300],
        "booking_date": None if line is None else line.booking_date,
        "end_to_end_id": None if line is None else line.end_to_end_id,
        "amount_minor": None if line is None else line.amount.amount_minor,
        "currency": None if line is None else line.amount.currency,
        "direction": None if line is None else line.direction.value,
        "description": "" if line is None else line.description,
        "payout_id": None if result.payout is None else result.payout.id,
        "reason": result.reason,
    }


class ReconciliationStore:
    def __init__(self, connection: sa.Connection) -> None:
        self._connection = connection

    def get_run(self, run_id: str) -> ReconciliationRun | None:
        row = self._connection.execute(
            sa.text("SELECT * FROM reconciliation_runs WHERE id = :id"), {"id": run_id}
        ).one_or_none()
        return None if row is None else _run(row)

    def get_run_by_sha256(self, sha256: str) -> ReconciliationRun | None:
        row = self._connection.execute(
            sa.text("SELECT * FROM reconciliation_runs WHERE statement_sha256 = :sha"),
            {"sha": sha256},
        ).one_or_none()
        return None if row is None else _run(row)

    def list_runs(
        self, limit: int, starting_after: str | None
    ) -> tuple[list[ReconciliationRun], bool]:
        """Newest first; ``starting_after`` pages to older runs."""
        rows = list(self._connection.execute(
            sa.text(
                "SELECT * FROM reconciliation_runs"
                " WHERE (CAST(:after AS text) IS NULL OR id < :after)"
                " ORDER BY id DESC LIMIT :limit"
            ),
            {"after": starting_after, "limit": limit + 1},
        ))
        return [_run(r) for r in rows[:limit]], len(rows) > limit

    def insert_run(self, run: ReconciliationRun) -> bool:
        """False when a run of the same file exists (committed by a concurrent import)."""
        counts = {column: run.counts[c] for c, column in _COUNT_COLUMNS.items()}
        row = self._connection.execute(
            sa.text(
                "INSERT INTO reconciliation_runs (id, statement_sha256, format, statement_id,"
                " statement_date, currencies, line_count, " + ", ".join(counts) + ", created_at)"
                " VALUES (:id, :sha, :format, :statement_id, :statement_date, :currencies,"
                " :line_count, " + ", ".join(f":{c}" for c in counts) + ", :created_at)"
                " ON CONFLICT (statement_sha256) DO NOTHING RETURNING id"
            ),
            {
                "id": run.id, "sha": run.statement_sha256, "format": run.format.value,
                "statement_id": run.statement_id, "statement_date": run.statement_date,
                "currencies": list(run.currencies), "line_count": run.line_count,
                "created_at": run.created_at, **counts,
            },
        ).one_or_none()
        return row is not None

    def insert_lines(self, run_id: str, results: Sequence[LineResult]) -> None:
        """``COPY`` the lines in, on the unit of work's connection (and so its transaction)."""
        if not results:
            return
        columns = ("run_id", *_LINE_COLUMNS)
        driver = self._connection.connection.driver_connection
        if driver is None:  # pragma: no cover - a live connection always has one
            raise InvariantViolation("the connection is closed")
        with driver.cursor() as cursor, cursor.copy(
            f"COPY reconciliation_lines ({', '.join(columns)}) FROM STDIN"
        ) as copy:
            for result in results:
                params = _line_params(run_id, result)
                copy.write_row([params[c] for c in columns])

    def lines_page(
        self, run_id: str, category: LineCategory | None, after_position: int, limit: int
    ) -> tuple[list[LineResult], bool]:
        """Lines in report order after ``after_position``, optionally of one category."""
        rows = list(self._connection.execute(
            sa.text(
                f"SELECT {', '.join('l.' + c for c in _LINE_COLUMNS)}, {_PAYOUT_COLUMNS}"
                " FROM reconciliation_lines l LEFT JOIN payouts p ON p.id = l.payout_id"
                " WHERE l.run_id = :run AND l.position > :after"
                " AND (CAST(:category AS text) IS NULL OR l.category = :category)"
                " ORDER BY l.position LIMIT :limit"
            ),
            {"run": run_id, "after": after_position, "limit": limit + 1,
             "category": None if category is None else category.value},
        ))
        return [_result(r) for r in rows[:limit]], len(rows) > limit

    def payouts_by_end_to_end_id(self, end_to_end_ids: Collection[str]) -> dict[str, PayoutRef]:
        """The payouts with these ids, any status, locked until the transaction ends."""
        if not end_to_end_ids:
            return {}
        rows = self._connection.execute(
            sa.text(
                f"SELECT {_PAYOUT_COLUMNS} FROM payouts p"
                " WHERE p.end_to_end_id = ANY(:ids) ORDER BY p.id FOR NO KEY UPDATE"
            ),
            {"ids": sorted(end_to_end_ids)},
        )
        found = (_payout(row) for row in rows)
        return {p.end_to_end_id: p for p in found if p is not None}

    def outstanding_payouts(
        self, currencies: Collection[str] | None, last_day: date | None,
        merchant_id: str | None = None, excluding: Collection[str] = (),
    ) -> list[PayoutRef]:
        """Payouts not yet reconciled, created no later than ``last_day`` (UTC days), in
        these currencies (None: any) and of this merchant (None: any), without those whose
        end-to-end ids are ``excluding``, oldest first."""
        rows = self._connection.execute(
            sa.text(
                f"SELECT {_PAYOUT_COLUMNS} FROM payouts p"
                " WHERE p.status = ANY(:statuses)"
                " AND NOT (p.end_to_end_id = ANY(:excluding))"
                " AND (CAST(:currencies AS text[]) IS NULL OR p.currency = ANY(:currencies))"
                " AND (CAST(:merchant AS text) IS NULL OR p.merchant_id = :merchant)"
                " AND (CAST(:last_day AS date) IS NULL"
                "      OR (p.created_at AT TIME ZONE 'UTC')::date <= :last_day)"
                " ORDER BY p.created_at, p.id"
            ),
            {"statuses": sorted(OUTSTANDING_STATUSES), "merchant": merchant_id,
             "excluding": sorted(excluding),
             "currencies": None if currencies is None else sorted(currencies),
             "last_day": last_day},
        )
        return [p for p in (_payout(row) for row in rows) if p is not None]

    def mark_paid(self, payout_ids: Collection[str]) -> int:
        """Outstanding payouts among ``payout_ids`` become ``paid``; returns how many did."""
        if not payout_ids:
            return 0
        result = self._connection.execute(
            sa.text(
                "UPDATE payouts SET status = :paid"
                " WHERE id = ANY(:ids) AND status = ANY(:statuses)"
            ),
            {"paid": PAID_STATUS, "ids": sorted(payout_ids),
             "statuses": sorted(OUTSTANDING_STATUSES)},
        )
        return int(result.rowcount)

    def mark_returned(self, returns: Collection[tuple[str, str]]) -> int:
        """Paid or outstanding payouts among ``(payout id, reason)`` become ``returned`` with
        the reason, and the payout accounts they were paid to are set aside (inactive): the
        merchant registers a corrected one. Returns how many payouts were returned."""
        if not returns:
            return 0
        reasons = dict(returns)
        result = self._connection.execute(
            sa.text(
                "UPDATE payouts p SET status = :returned, return_reason = r.reason"
                " FROM unnest(CAST(:ids AS text[]), CAST(:reasons AS text[])) AS r(id, reason)"
                " WHERE p.id = r.id AND p.status = ANY(:statuses)"
            ),
            {"returned": RETURNED_STATUS, "ids": sorted(reasons),
             "reasons": [reasons[i] for i in sorted(reasons)],
             "statuses": sorted(OUTSTANDING_STATUSES | {PAID_STATUS})},
        )
        self._connection.execute(
            sa.text(
                "UPDATE merchant_payout_accounts SET active = false WHERE active AND id IN"
                " (SELECT payout_account_id FROM settlement_batches WHERE payout_id = ANY(:ids))"
            ),
            {"ids": sorted(reasons)},
        )
        return int(result.rowcount)
