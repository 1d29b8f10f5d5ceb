"""Checkout sessions in PostgreSQL: a priced order and which payment paid it, never money.

Paying or expiring a session first locks its row (``FOR NO KEY UPDATE``): two tabs, a double
click or a retry that reach the database together run one after the other, and the second sees
the ``complete`` the first left. ``payment_id`` is unique besides, so even a path that forgot
the lock could not attach a second payment.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from paysetu.checkout.rules.sessions import CheckoutSession, CheckoutState, SourceKind
from paysetu.db.pagination import fetch_page
from paysetu.kernel.invariants import invariant
from paysetu.kernel.pagination import PageRequest

_MUTABLE = (
    "status", "presentment_currency", "presentment_amount_minor", "fx_quote_id", "payment_id",
    "source_kind", "source_hint", "completed_at", "updated_at",
)
_STATE_WHERE = {
    None: "true",
    CheckoutState.OPEN: "status = 'open' AND expires_at > :now",
    CheckoutState.COMPLETE: "status = 'complete'",
    CheckoutState.EXPIRED: "(status = 'expired' OR (status = 'open' AND expires_at <= :now))",
}


def _session(row: sa.Row[Any]) -> CheckoutSession:
    return CheckoutSession(
        id=row.id, merchant_id=row.merchant_id, amount_minor=row.amount_minor,
        currency=row.currency, description=row.description, return_url=row.return_url,
        cancel_url=row.cancel_url, client_reference=row.client_reference, metadata=row.metadata,
        status=CheckoutState(row.status), presentment_currency=row.presentment_currency,
        presentment_amount_minor=row.presentment_amount_minor, fx_quote_id=row.fx_quote_id,
        payment_id=row.payment_id,
        source_kind=None if row.source_kind is None else SourceKind(row.source_kind),
        source_hint=row.source_hint, expires_at=row.expires_at, completed_at=row.completed_at,
        created_at=row.created_at, updated_at=row.updated_at,
    )


def _params(session: CheckoutSession) -> dict[str, Any]:
    return {
        "id": session.id, "merchant_id": session.merchant_id,
        "amount_minor": session.amount_minor, "currency": session.currency,
        "description": session.description, "return_url": session.return_url,
        "cancel_url": session.cancel_url, "client_reference": session.client_reference,
        "metadata": json.dumps(dict(session.metadata)), "status": session.status.value,
        "presentment_currency": session.presentment_currency,
        "presentment_amount_minor": session.presentment_amount_minor,
        "fx_quote_id": session.fx_quote_id, "payment_id": session.payment_id,
        "source_kind": None if session.source_kind is None else session.source_kind.value,
        "source_hint": session.source_hint, "expires_at": session.expires_at,
        "completed_at": session.completed_at, "created_at": session.created_at,
        "updated_at": session.updated_at,
    }


class CheckoutSessionStore:
    def __init__(self, connection: sa.Connection) -> None:
        self._connection = connection

    def insert(self, session: CheckoutSession) -> None:
        params = _params(session)
        values = ", ".join(
            "CAST(:metadata AS jsonb)" if name == "metadata" else f":{name}" for name in params
        )
        self._connection.execute(
            sa.text(f"INSERT INTO checkout_sessions ({', '.join(params)}) VALUES ({values})"),
            params,
        )

    def get(self, session_id: str, *, for_update: bool = False) -> CheckoutSession | None:
        lock = " FOR NO KEY UPDATE" if for_update else ""
        row = self._connection.execute(
            sa.text(f"SELECT * FROM checkout_sessions WHERE id = :id{lock}"), {"id": session_id}
        ).one_or_none()
        return None if row is None else _session(row)

    def save(self, session: CheckoutSession) -> None:
        params = _params(session)
        assignments = ", ".join(f"{name} = :{name}" for name in _MUTABLE)
        result = self._connection.execute(
            sa.text(f"UPDATE checkout_sessions SET {assignments} WHERE id = :id"),
            {name: params[name] for name in (*_MUTABLE, "id")},
        )
        invariant(result.rowcount == 1, f"checkout session {session.id} exists when saved")

    def list_page(
        self, merchant_id: str | None, state: CheckoutState | None, now: datetime,
        page: PageRequest,
    ) -> tuple[list[CheckoutSession], bool]:
        rows, has_more = fetch_page(
            self._connection,
            "SELECT * FROM checkout_sessions",
            f"(CAST(:merchant AS text) IS NULL OR merchant_id = :merchant)"
            f" AND {_STATE_WHERE[state]}",
            {"merchant": merchant_id, "now": now},
            page,
        )
        return [_session(r) for r in rows], has_more
