"""What the database holds against what the bank check's clients were told.

* no operation moved money twice (its key, kept in the metadata, appears at most once among
  succeeded payments and transfer entries);
* every acknowledged operation is stored as the object it was acknowledged with;
* no refused operation (or canceled hold) moved money, and nothing moved that no client sent;
* every reservation (a hold's authorisation) ended posted, voided or expired;
* no wallet is negative;
* every event of the check's merchants reached the webhook receiver, signed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import sqlalchemy as sa

from paysetu.check.clients import Operation

_MOVED = (
    "SELECT metadata->>'op' AS op, id FROM payments WHERE metadata ? 'op' AND status = 'succeeded'"
    " UNION ALL SELECT metadata->>'op', id FROM ledger_entries"
    " WHERE metadata->>'kind' = 'transfer' AND metadata ? 'op'"
)


def operations(engine: sa.Engine, ops: Sequence[Operation]) -> tuple[Counter[str], list[str]]:
    """Counts of operations by kind and answer, and the violations found."""
    with engine.connect() as connection:
        rows = connection.execute(sa.text(_MOVED)).all()
        negative = connection.execute(sa.text(
            "SELECT w.id FROM wallets w JOIN ledger_accounts a ON a.id = w.account_id"
            " WHERE a.credits_posted - a.debits_posted - a.debits_pending < 0")).scalars().all()
    times = Counter(str(op) for op, _ in rows)
    moved = {str(op): str(object_id) for op, object_id in rows}
    violations = [f"operation {op} moved money {n} times" for op, n in times.items() if n > 1]
    violations += [f"wallet {w} is negative" for w in negative]
    counts: Counter[str] = Counter()
    for op in ops:
        outcome = op.answer or "unanswered"
        if op.kind == "hold" and op.answer == "applied":
            outcome = op.resolution or "held"
        counts[f"{op.kind} {outcome}"] += 1
        stored = moved.get(op.key)
        moves = op.answer == "applied" and op.kind != "charge" and (
            op.kind != "hold" or op.resolution == "captured")
        if op.kind == "charge" and op.answer == "applied":
            violations.append(f"charge {op.key}: a merchant key debited a wallet alone")
        if outcome == "lost":
            violations.append(f"hold {op.key} was authorised as {op.object_id}, then unknown")
        elif op.answer is None or outcome == "held":
            violations.append(f"{op.kind} {op.key} was never answered in full")
        elif moves and stored != op.object_id:
            violations.append(f"{op.kind} {op.key} acknowledged as {op.object_id}, "
                              f"stored as {stored}")
        elif not moves and stored is not None:
            violations.append(f"{op.kind} {op.key} ended {outcome}, yet moved money ({stored})")
    sent = {op.key for op in ops}
    violations += [f"money moved by an operation no client sent: {k}"
                   for k in sorted(set(moved) - sent)]
    return counts, violations


def lost(engine: sa.Engine, ops: Sequence[Operation]) -> list[str]:
    """Keys of operations acknowledged as having moved money that the database does not hold
    as acknowledged (a failover lost the commit the client had been told of; a retry may have
    applied it again as another object)."""
    with engine.connect() as connection:
        stored = {str(op): str(i) for op, i in connection.execute(sa.text(_MOVED)).all()}
    return [op.key for op in ops if op.resolution == "lost" or (
        op.answer == "applied" and op.kind != "charge" and stored.get(op.key) != op.object_id
        and (op.kind != "hold" or op.resolution == "captured"))]


def unresolved_reservations(engine: sa.Engine) -> int:
    """Pending ledger entries with no outcome (posted, voided or expired)."""
    with engine.connect() as connection:
        return int(connection.execute(sa.text(
            "SELECT count(*) FROM ledger_entries e WHERE e.kind = 'pending' AND NOT EXISTS"
            " (SELECT 1 FROM ledger_entries o WHERE o.pending_id = e.id)")).scalar_one())


def pending_deliveries(engine: sa.Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(sa.text(
            "SELECT count(*) FROM webhook_deliveries WHERE status = 'pending'")).scalar_one())


def undelivered_events(engine: sa.Engine, merchant_ids: Sequence[str],
                       received: set[str]) -> list[str]:
    """Events of these merchants, since their endpoint was registered, that the receiver
    never accepted (whether or not the outbox has a delivery row for them)."""
    with engine.connect() as connection:
        events = connection.execute(sa.text(
            "SELECT e.id FROM events e JOIN webhook_endpoints w ON w.merchant_id = e.merchant_id"
            " WHERE e.merchant_id = ANY(:ids) AND e.created_at >= w.created_at"),
            {"ids": list(merchant_ids)}).scalars().all()
    return sorted(set(events) - received)
