"""The set-based SQL of a settlement run: a group of merchant-currency pairs per statement.

A run never loads payments into Python. For a group of windows it inserts every item with one
``INSERT ... SELECT`` (postings of the available accounts in the windows, classified by their
entry's ``kind``, each payment's fee found in the same entry), sums them per batch with one
``GROUP BY``, and checks the result against a second, independent read of the ledger. Only one
row per batch ever reaches Python.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from paysetu.kernel.invariants import invariant
from paysetu.settlement.rules.records import SETTLEMENT_KIND_PREFIX, Payout, SettlementBatch
from paysetu.settlement.rules.run import NewWindow, SettlementCandidate, WindowCheck
from paysetu.settlement.rules.settlement import ItemType, WindowTotals
from paysetu.settlement.stores.settlement_rows import schedule_from_row

RUN_LOCK_KEY = 0x5E771E
"""``pg_advisory_xact_lock`` key that serialises settlement runs."""
RUN_WORK_MEM = "64MB"
"""Sort and hash memory of a run's transactions (one group's per-batch sums stay in memory)."""

_WINDOWS = """unnest(CAST(:batch_ids AS text[]), CAST(:merchants AS text[]),
       CAST(:currencies AS text[]), CAST(:accounts AS text[]), CAST(:fee_accounts AS text[]),
       CAST(:starts AS timestamptz[]), CAST(:ends AS timestamptz[]))
  AS w(batch_id, merchant_id, currency, account_id, fee_account, window_start, window_end)"""

_SIGNED = "CASE p.direction WHEN 'credit' THEN p.amount_minor ELSE -p.amount_minor END"

_CANDIDATES = """
SELECT ma.merchant_id, ma.currency, ma.account_id AS available_account,
       fa.account_id AS fees_account, a.created_at AS opened_at,
       a.credits_posted - a.debits_posted - a.debits_pending AS available_minor,
       s.time_zone, s.cutoff_local, s.delay_days, s.reserve_bps, s.reserve_release_days,
       s.payout_minimums, last.id AS last_batch_id, last.window_end AS last_window_end,
       coalesce(last.carried_forward_minor, 0) AS carried_in_minor,
       pa.id AS payout_account_id
FROM merchant_accounts ma
JOIN merchant_accounts fa ON fa.merchant_id = ma.merchant_id AND fa.currency = ma.currency
     AND fa.purpose = 'fees'
JOIN ledger_accounts a ON a.id = ma.account_id
LEFT JOIN merchant_settlement_settings s ON s.merchant_id = ma.merchant_id
LEFT JOIN LATERAL (
    SELECT b.id, b.window_end, b.carried_forward_minor FROM settlement_batches b
    WHERE b.merchant_id = ma.merchant_id AND b.currency = ma.currency
    ORDER BY b.window_end DESC LIMIT 1) last ON true
LEFT JOIN merchant_payout_accounts pa ON pa.merchant_id = ma.merchant_id
     AND pa.currency = ma.currency AND pa.active
WHERE ma.purpose = 'available'
  AND (CAST(:only AS text) IS NULL OR ma.merchant_id = :only)
  AND (ma.merchant_id, ma.currency) > (:after_merchant, :after_currency)
  AND (CAST(:until_merchant AS text) IS NULL
       OR (ma.merchant_id, ma.currency) <= (:until_merchant, :until_currency))
ORDER BY ma.merchant_id, ma.currency
FOR NO KEY UPDATE OF a
"""

_GROUP_BOUNDS = """
SELECT merchant_id, currency FROM (
    SELECT merchant_id, currency,
           row_number() OVER (ORDER BY merchant_id, currency) AS n
    FROM merchant_accounts
    WHERE purpose = 'available' AND (CAST(:only AS text) IS NULL OR merchant_id = :only)) x
WHERE n % :size = 0
ORDER BY merchant_id, currency
"""
"""Every ``size``-th pair in key order: the last pair of each full group."""

_INSERT_WINDOW_ITEMS = f"""
WITH w AS (SELECT * FROM {_WINDOWS}),
moves AS MATERIALIZED (
    SELECT w.batch_id, m.posting_id, m.entry_id, m.created_at, m.net, m.fee
    FROM w CROSS JOIN LATERAL (
        SELECT x.* FROM (
            SELECT p.id AS posting_id, p.account_id, p.entry_id, p.created_at,
                   {_SIGNED} AS net,
                   sum(p.amount_minor) FILTER (
                       WHERE p.account_id = w.fee_account AND p.direction = 'credit')
                       OVER (PARTITION BY p.entry_id) AS fee
            FROM ledger_postings p
            WHERE p.account_id = ANY(ARRAY[w.account_id, w.fee_account])
              AND p.created_at >= w.window_start AND p.created_at < w.window_end
              AND NOT p.pending) x
        WHERE x.account_id = w.account_id
        OFFSET 0) m
),
kinds AS MATERIALIZED (
    SELECT e.id, e.metadata->>'kind' AS kind,
           coalesce(e.metadata->>'refund', e.metadata->>'payment') AS source_id
    FROM ledger_entries e
    WHERE e.id = ANY(ARRAY(SELECT entry_id FROM moves))
),
classified AS (
    SELECT m.*, e.kind, e.source_id
    FROM moves m JOIN kinds e ON e.id = m.entry_id
    WHERE coalesce(e.kind, '') NOT LIKE :settlement_kinds
),
inserted AS (
    INSERT INTO settlement_items (batch_id, posting_id, type, entry_id, source_id, gross_minor,
                                  fee_minor, net_minor, occurred_at)
    SELECT c.batch_id, c.posting_id, t.type, c.entry_id, c.source_id, c.net + t.fee, t.fee,
           c.net, c.created_at
    FROM classified c
    CROSS JOIN LATERAL (SELECT
        CASE WHEN c.kind IN ('payment', 'capture') AND c.net > 0 THEN 'payment'
             WHEN c.kind = 'escrow_release' AND c.net > 0 THEN 'escrow_release'
             WHEN c.kind = 'refund' AND c.net < 0 THEN 'refund'
             WHEN c.kind = 'fee' AND c.net < 0 THEN 'fee'
             ELSE 'adjustment' END AS type,
        CASE WHEN c.kind = 'payment' AND c.net > 0 THEN coalesce(c.fee, 0)
             WHEN c.kind = 'fee' AND c.net < 0 THEN -c.net
             ELSE 0 END AS fee) t
    RETURNING batch_id, type, gross_minor, fee_minor, net_minor
)
SELECT batch_id, count(*) AS item_count,
       coalesce(sum(gross_minor) FILTER (WHERE type IN ('payment', 'escrow_release')), 0)
           AS gross_minor,
       coalesce(-sum(net_minor) FILTER (WHERE type = 'refund'), 0) AS refunds_minor,
       coalesce(sum(fee_minor), 0) AS fees_minor,
       coalesce(sum(net_minor) FILTER (WHERE type = 'adjustment'), 0) AS adjustments_minor
FROM inserted GROUP BY batch_id
"""
"""Insert every window item of a group of windows and sum them per batch, in one statement.

The group's postings are read first (one index range scan per window); their entries are then
looked up once, with one index scan over the array of their ids (the btree sorts and dedups the
array itself and walks its leaves once, instead of one descent per posting), hash-joined back.
"""

_WINDOW_TYPES = tuple(t.value for t in list(ItemType)[:5])

_WINDOW_CHECKS = f"""
SELECT w.batch_id,
  (SELECT coalesce(sum({_SIGNED}), 0) FROM ledger_postings p
   WHERE p.account_id = w.account_id AND p.created_at >= w.window_start
     AND p.created_at < w.window_end AND NOT p.pending) AS ledger_net_minor,
  (SELECT coalesce(sum(i.net_minor), 0) FROM settlement_items i
   WHERE i.batch_id = w.batch_id AND i.type = ANY(CAST(:window_types AS text[])))
     AS items_net_minor,
  (SELECT coalesce(sum(b.reserve_released_minor - b.reserve_held_minor - b.loan_sweep_minor
                       - b.payout_minor), 0)
   FROM settlement_batches b WHERE b.merchant_id = w.merchant_id AND b.currency = w.currency
     AND b.id <> w.batch_id AND b.created_at >= w.window_start AND b.created_at < w.window_end)
     AS earlier_batches_minor
FROM {_WINDOWS}
"""

_BATCH_COLUMNS = (
    ("id", "text"), ("merchant_id", "text"), ("currency", "text"), ("settlement_date", "date"),
    ("window_start", "timestamptz"), ("window_end", "timestamptz"), ("status", "text"),
    ("carry_reason", "text"), ("item_count", "integer"), ("gross_minor", "bigint"),
    ("refunds_minor", "bigint"), ("fees_minor", "bigint"), ("adjustments_minor", "bigint"),
    ("carried_in_minor", "bigint"), ("reserve_held_minor", "bigint"),
    ("reserve_released_minor", "bigint"), ("loan_sweep_minor", "bigint"), ("net_minor", "bigint"),
    ("payout_minor", "bigint"), ("carried_forward_minor", "bigint"),
    ("reserve_release_at", "timestamptz"), ("payout_account_id", "text"), ("payout_id", "text"),
    ("created_at", "timestamptz"),
)

_PAYOUT_COLUMNS = (
    ("id", "text"), ("batch_id", "text"), ("merchant_id", "text"), ("amount_minor", "bigint"),
    ("currency", "text"), ("end_to_end_id", "text"), ("status", "text"),
    ("created_at", "timestamptz"),
)


def _insert_json_rows(
    connection: sa.Connection, table: str, columns: Sequence[tuple[str, str]],
    rows: Sequence[Mapping[str, Any]],
) -> None:
    """One ``INSERT ... SELECT FROM jsonb_to_recordset`` for all ``rows``."""
    if not rows:
        return
    names = ", ".join(name for name, _ in columns)
    typed = ", ".join(f"{name} {kind}" for name, kind in columns)
    connection.execute(
        sa.text(
            f"INSERT INTO {table} ({names}) SELECT {names}"
            f" FROM jsonb_to_recordset(CAST(:docs AS jsonb)) AS x({typed})"
        ),
        {"docs": json.dumps(list(rows), default=_json_default, separators=(",", ":"))},
    )


def _json_default(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def _batch_row(batch: SettlementBatch) -> dict[str, Any]:
    plan, totals = batch.plan, batch.totals
    return {
        "id": batch.id, "merchant_id": batch.merchant_id, "currency": batch.currency,
        "settlement_date": batch.settlement_date.isoformat(), "window_start": batch.window_start,
        "window_end": batch.window_end, "status": batch.status.value,
        "carry_reason": None if batch.carry_reason is None else batch.carry_reason.value,
        "item_count": totals.item_count, "gross_minor": totals.gross_minor,
        "refunds_minor": totals.refunds_minor, "fees_minor": totals.fees_minor,
        "adjustments_minor": totals.adjustments_minor, "carried_in_minor": batch.carried_in_minor,
        "reserve_held_minor": plan.reserve_held_minor,
        "reserve_released_minor": plan.reserve_released_minor,
        "loan_sweep_minor": plan.loan_sweep_minor, "net_minor": plan.net_minor,
        "payout_minor": plan.payout_minor, "carried_forward_minor": plan.carried_forward_minor,
        "reserve_release_at": batch.reserve_release_at,
        "payout_account_id": batch.payout_account_id, "payout_id": batch.payout_id,
        "created_at": batch.created_at,
    }


def _window_params(windows: Sequence[NewWindow]) -> dict[str, list[Any]]:
    return {
        "batch_ids": [w.batch_id for w in windows],
        "merchants": [w.merchant_id for w in windows],
        "currencies": [w.currency for w in windows],
        "accounts": [w.available_account for w in windows],
        "fee_accounts": [w.fees_account for w in windows],
        "starts": [w.window_start for w in windows],
        "ends": [w.window_end for w in windows],
    }


class SettlementRunStore:
    """The run half of the settlement repository (see :mod:`paysetu.settlement.usecases.ports`)."""

    def __init__(self, connection: sa.Connection) -> None:
        self._connection = connection

    def lock_runs(self) -> None:
        self._connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"),
                                 {"key": RUN_LOCK_KEY})

    def prepare_group(self) -> None:
        self._connection.exec_driver_sql(f"SET LOCAL work_mem = '{RUN_WORK_MEM}'")
        # every entry id is looked up once: a memo of the lookups only costs memory
        self._connection.exec_driver_sql("SET LOCAL enable_memoize = off")

    def group_bounds(self, size: int, merchant_id: str | None) -> list[tuple[str, str]]:
        rows = self._connection.execute(sa.text(_GROUP_BOUNDS),
                                        {"only": merchant_id, "size": size})
        return [(r.merchant_id, r.currency) for r in rows]

    def candidates(
        self, after: tuple[str, str] | None, until: tuple[str, str] | None,
        merchant_id: str | None,
    ) -> list[SettlementCandidate]:
        after_merchant, after_currency = after or ("", "")
        until_merchant, until_currency = until or (None, None)
        rows = self._connection.execute(sa.text(_CANDIDATES), {
            "only": merchant_id, "after_merchant": after_merchant,
            "after_currency": after_currency, "until_merchant": until_merchant,
            "until_currency": until_currency,
        })
        return [
            SettlementCandidate(
                merchant_id=r.merchant_id, currency=r.currency.strip(),
                available_account=r.available_account, fees_account=r.fees_account,
                opened_at=r.opened_at, available_minor=int(r.available_minor),
                schedule=schedule_from_row(r), last_batch_id=r.last_batch_id,
                last_window_end=r.last_window_end, carried_in_minor=int(r.carried_in_minor),
                payout_account_id=r.payout_account_id,
            )
            for r in rows
        ]

    def pair_count(self, merchant_id: str | None) -> int:
        return int(self._connection.execute(sa.text(
            "SELECT count(*) FROM merchant_accounts WHERE purpose = 'available'"
            " AND (CAST(:only AS text) IS NULL OR merchant_id = :only)"),
            {"only": merchant_id}).scalar_one())

    def batch_at(self, merchant_id: str, currency: str, window_end: datetime) -> str | None:
        found = self._connection.execute(
            sa.text("SELECT id FROM settlement_batches WHERE merchant_id = :m AND currency = :c"
                    " AND window_end = :end"),
            {"m": merchant_id, "c": currency, "end": window_end},
        ).scalar_one_or_none()
        return None if found is None else str(found)

    def insert_window_items(self, windows: Sequence[NewWindow]) -> dict[str, WindowTotals]:
        """Insert the windows' items; their totals per batch (batches without items absent)."""
        if not windows:
            return {}
        rows = self._connection.execute(sa.text(_INSERT_WINDOW_ITEMS), {
            **_window_params(windows),
            "settlement_kinds": SETTLEMENT_KIND_PREFIX.replace("_", "\\_") + "%",
        })
        return {
            r.batch_id: WindowTotals(int(r.item_count), int(r.gross_minor), int(r.refunds_minor),
                                     int(r.fees_minor), int(r.adjustments_minor))
            for r in rows
        }

    def reserves_due(self, windows: Sequence[NewWindow]) -> dict[str, tuple[int, list[str]]]:
        rows = self._connection.execute(sa.text(
            f"SELECT w.batch_id, sum(b.reserve_held_minor) AS due, array_agg(b.id) AS ids"
            f" FROM {_WINDOWS} JOIN settlement_batches b ON b.merchant_id = w.merchant_id"
            " AND b.currency = w.currency AND b.reserve_held_minor > 0"
            " AND b.reserve_released_by IS NULL AND b.reserve_release_at <= w.window_end"
            " GROUP BY w.batch_id"), _window_params(windows))
        return {r.batch_id: (int(r.due), list(r.ids)) for r in rows}

    def register_reserve_accounts(self, accounts: Sequence[tuple[str, str, str]]) -> None:
        if accounts:
            self._connection.execute(sa.text(
                "INSERT INTO merchant_accounts (merchant_id, currency, purpose, account_id)"
                " SELECT m, c, 'reserve', a FROM unnest(CAST(:m AS text[]), CAST(:c AS text[]),"
                " CAST(:a AS text[])) AS x(m, c, a) ON CONFLICT DO NOTHING"),
                {"m": [a[0] for a in accounts], "c": [a[1] for a in accounts],
                 "a": [a[2] for a in accounts]})

    def insert_own_items(self, windows: Sequence[NewWindow], entry_ids: Sequence[str]) -> None:
        """Items for the batch's own postings on the available accounts (reserve, sweep,
        payout), typed from the entry's kind."""
        if not entry_ids:
            return
        self._connection.execute(sa.text(
            "INSERT INTO settlement_items (batch_id, type, posting_id, entry_id, source_id,"
            " gross_minor, fee_minor, net_minor, occurred_at)"
            f" SELECT w.batch_id, substr(e.metadata->>'kind', {len(SETTLEMENT_KIND_PREFIX) + 1}),"
            f" p.id, p.entry_id, w.batch_id, {_SIGNED}, 0, {_SIGNED}, p.created_at"
            " FROM ledger_postings p JOIN ledger_entries e ON e.id = p.entry_id"
            " JOIN unnest(CAST(:batch_ids AS text[]), CAST(:accounts AS text[]))"
            "   AS w(batch_id, account_id) ON w.account_id = p.account_id"
            "   AND e.metadata->>'settlement' = w.batch_id"
            " WHERE p.entry_id = ANY(CAST(:entry_ids AS text[]))"),
            {"batch_ids": [w.batch_id for w in windows],
             "accounts": [w.available_account for w in windows], "entry_ids": list(entry_ids)})

    def insert_batches(self, batches: Sequence[SettlementBatch]) -> None:
        _insert_json_rows(self._connection, "settlement_batches", _BATCH_COLUMNS,
                          [_batch_row(b) for b in batches])

    def insert_payouts(self, payouts: Sequence[Payout]) -> None:
        _insert_json_rows(self._connection, "payouts", _PAYOUT_COLUMNS, [
            {"id": p.id, "batch_id": p.batch_id, "merchant_id": p.merchant_id,
             "amount_minor": p.amount_minor, "currency": p.currency,
             "end_to_end_id": p.end_to_end_id, "status": p.status.value,
             "created_at": p.created_at}
            for p in payouts])

    def mark_reserves_released(self, released_by: Mapping[str, Sequence[str]]) -> None:
        pairs = [(held, by) for by, helds in released_by.items() for held in helds]
        if not pairs:
            return
        updated = self._connection.execute(sa.text(
            "UPDATE settlement_batches b SET reserve_released_by = x.by"
            " FROM unnest(CAST(:held AS text[]), CAST(:by AS text[])) AS x(held, by)"
            " WHERE b.id = x.held AND b.reserve_released_by IS NULL"),
            {"held": [p[0] for p in pairs], "by": [p[1] for p in pairs]}).rowcount
        invariant(updated == len(pairs), "each reserve is released exactly once")

    def window_checks(self, windows: Sequence[NewWindow]) -> list[WindowCheck]:
        params: dict[str, Any] = {**_window_params(windows), "window_types": list(_WINDOW_TYPES)}
        rows = self._connection.execute(sa.text(_WINDOW_CHECKS), params)
        return [WindowCheck(r.batch_id, int(r.ledger_net_minor), int(r.items_net_minor),
                            int(r.earlier_batches_minor)) for r in rows]

    def entry_movements(self, entry_ids: Sequence[str]) -> dict[tuple[str, str], int]:
        rows = self._connection.execute(sa.text(
            f"SELECT p.entry_id, p.account_id, sum({_SIGNED}) AS amount FROM ledger_postings p"
            " WHERE p.entry_id = ANY(CAST(:ids AS text[])) GROUP BY p.entry_id, p.account_id"),
            {"ids": list(entry_ids)})
        return {(r.entry_id, r.account_id): int(r.amount) for r in rows}
