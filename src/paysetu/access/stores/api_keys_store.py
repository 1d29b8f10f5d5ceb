"""API keys and idempotency keys in PostgreSQL."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from paysetu.access.rules.principals import ApiKeyRecord, Role


@dataclass(frozen=True, slots=True)
class StoredResponse:
    """A response kept for an Idempotency-Key, with the fingerprint of its request."""

    request_method: str
    request_path: str
    request_hash: str
    status: int
    body: Any


class ApiKeyStore:
    def __init__(self, connection: sa.Connection) -> None:
        self._connection = connection

    def insert(self, record: ApiKeyRecord) -> None:
        self._connection.execute(
            sa.text(
                "INSERT INTO api_keys (id, role, owner_id, livemode, salt, secret_hash, hint,"
                " created_at) VALUES (:id, :role, :owner_id, :livemode, :salt, :secret_hash,"
                " :hint, :created_at)"
            ),
            {
                "id": record.id, "role": record.role.value, "owner_id": record.owner_id,
                "livemode": record.livemode, "salt": record.salt,
                "secret_hash": record.secret_hash, "hint": record.hint,
                "created_at": record.created_at,
            },
        )

    def get(self, key_id: str) -> ApiKeyRecord | None:
        row = self._connection.execute(
            sa.text("SELECT * FROM api_keys WHERE id = :id"), {"id": key_id}
        ).one_or_none()
        if row is None:
            return None
        return ApiKeyRecord(
            row.id, Role(row.role), row.owner_id, row.livemode, bytes(row.salt),
            bytes(row.secret_hash), row.hint, row.created_at, row.revoked_at,
        )

    def list_page(self, owner_id: str | None) -> list[ApiKeyRecord]:
        rows = self._connection.execute(
            sa.text(
                "SELECT id FROM api_keys WHERE CAST(:owner AS text) IS NULL OR owner_id = :owner"
                " ORDER BY id"
            ),
            {"owner": owner_id},
        )
        return [record for row in rows if (record := self.get(row.id)) is not None]

    def revoke(self, key_id: str, now: datetime) -> bool:
        result = self._connection.execute(
            sa.text(
                "UPDATE api_keys SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL"
            ),
            {"id": key_id, "now": now},
        )
        return result.rowcount == 1


class IdempotencyStore:
    def __init__(self, connection: sa.Connection) -> None:
        self._connection = connection

    def try_lock(self, api_key_id: str, key: str) -> bool:
        """Transaction-scoped advisory lock; False when a concurrent request holds it."""
        return bool(
            self._connection.execute(
                sa.text("SELECT pg_try_advisory_xact_lock(hashtextextended(:k, 7))"),
                {"k": f"{api_key_id}\x1f{key}"},
            ).scalar_one()
        )

    def get(self, api_key_id: str, key: str) -> StoredResponse | None:
        row = self._connection.execute(
            sa.text(
                "SELECT request_method, request_path, request_hash, response_status,"
                " response_body FROM idempotency_keys WHERE api_key_id = :a AND key = :k"
            ),
            {"a": api_key_id, "k": key},
        ).one_or_none()
        if row is None:
            return None
        return StoredResponse(
            row.request_method, row.request_path, row.request_hash, row.response_status,
            row.response_body,
        )

    def save(
        self, api_key_id: str, key: str, response: StoredResponse, now: datetime
    ) -> None:
        self._connection.execute(
            sa.text(
                "INSERT INTO idempotency_keys (api_key_id, key, request_method, request_path,"
                " request_hash, response_status, response_body, created_at) VALUES (:a, :k, :m,"
                " :p, :h, :s, CAST(:b AS jsonb), :now)"
            ),
            {
                "a": api_key_id, "k": key, "m": response.request_method,
                "p": response.request_path, "h": response.request_hash, "s": response.status,
                "b": json.dumps(response.body), "now": now,
            },
        )
