"""What the database holds against what the bank check's clients were told.

* no operation moved money twice (its key, kept in the metadata, appears at most once among
  succeeded payments and transfer entries);
* every acknowledged operation is stored as the object it was acknowledged with;
* no refused operation (or canceled hold) moved money, and nothing moved that no client sent;
* every reservation (a hold's authorisation) ended posted, voided or expired;
* no wallet is negative;
* every event of the check's merchants reached the webhook receiver, signed;
* marketplace orders (:func:`orders`): a paid order's succeeded payment is its amount and its
  one journal entry is the charge with the split in it; an unpaid order moved nothing and its
  shares are pending; a delivered order's shares are released; the shares add up to the order;
  each seller's escrow (hold) account holds exactly what its held and disputed shares keep.
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
    " UNION ALL SELECT metadata->>'op', id FROM marketplace_orders"
    " WHERE metadata ? 'op' AND status = 'paid'"
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
        if op.kind == "order" and op.resolution is not None:
            outcome = op.resolution
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


_ORDER_FINDINGS = (
    ("paid without its succeeded payment of the order's amount",
     "SELECT o.id FROM marketplace_orders o LEFT JOIN payments p ON p.id = o.payment_id"
     " WHERE o.status = 'paid' AND (p.id IS NULL OR p.status <> 'succeeded'"
     " OR p.amount_minor <> o.amount_minor OR p.currency <> o.currency)"),
    ("not exactly one journal entry (the charge with the split) for a paid order",
     "SELECT o.id FROM marketplace_orders o WHERE o.status = 'paid' AND ("
     " SELECT count(*) FROM ledger_entries e WHERE e.metadata->>'marketplace_order' = o.id"
     " AND e.id = o.split_entry_id AND e.metadata->>'payment' = o.payment_id) <> 1"),
    ("an unpaid order moved money or has a share that is not pending",
     "SELECT o.id FROM marketplace_orders o WHERE o.status <> 'paid' AND (EXISTS ("
     " SELECT 1 FROM ledger_entries e WHERE e.metadata->>'marketplace_order' = o.id)"
     " OR EXISTS (SELECT 1 FROM marketplace_shares s WHERE s.order_id = o.id"
     " AND s.status <> 'pending'))"),
    ("shares do not add up to the order",
     "SELECT o.id FROM marketplace_orders o JOIN marketplace_shares s ON s.order_id = o.id"
     " GROUP BY o.id, o.amount_minor HAVING sum(s.amount_minor) <> o.amount_minor"),
    ("a seller's hold account differs from what its held and disputed shares keep",
     "SELECT a.merchant_id FROM merchant_accounts a JOIN ledger_accounts l ON l.id = a.account_id"
     " WHERE a.purpose = 'escrow' AND a.merchant_id IN (SELECT seller_id FROM"
     " marketplace_shares) AND l.credits_posted - l.debits_posted <> (SELECT"
     " coalesce(sum(s.held_minor), 0) FROM marketplace_shares s WHERE s.seller_id ="
     " a.merchant_id AND s.payout_currency = a.currency AND s.status IN ('held', 'disputed'))"),
)


def orders(engine: sa.Engine, ops: Sequence[Operation]) -> list[str]:
    """The marketplace's invariants (module docstring), and delivered orders released."""
    with engine.connect() as connection:
        found = [f"marketplace {what}: {row}" for what, sql in _ORDER_FINDINGS
                 for row in connection.execute(sa.text(sql)).scalars().all()]
        unreleased = set(connection.execute(sa.text(
            "SELECT o.metadata->>'op' FROM marketplace_orders o JOIN marketplace_shares s"
            " ON s.order_id = o.id WHERE o.metadata ? 'op' AND s.status <> 'released'"
        )).scalars().all())
    found += [f"order {op.key} was confirmed delivered, yet a share is not released"
              for op in ops if op.kind == "order" and op.resolution == "delivered"
              and op.key in unreleased]
    return found
