"""API keys and idempotency keys in PostgreSQL."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
import sqlalchemy as sa

from paysetu.access.rules.principals import ApiKeyRecord, Role
from paysetu.db.deferred import DeferredWrites


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


_LOCK_SQL = "SELECT pg_try_advisory_xact_lock(hashtextextended(%s, 7))"
_GET_SQL = (
    "SELECT request_method, request_path, request_hash, response_status, response_body"
    " FROM idempotency_keys WHERE api_key_id = %s AND key = %s"
)
_SAVE_SQL = (
    "INSERT INTO idempotency_keys (api_key_id, key, request_method, request_path,"
    " request_hash, response_status, response_body, created_at) VALUES (%(a)s, %(k)s,"
    " %(m)s, %(p)s, %(h)s, %(s)s, CAST(%(b)s AS jsonb), %(now)s)"
)


class IdempotencyStore:
    def __init__(self, connection: sa.Connection, writes: DeferredWrites) -> None:
        self._connection = connection
        self._writes = writes

    def lock_and_get(self, api_key_id: str, key: str) -> tuple[bool, StoredResponse | None]:
        """Take the key's transaction-scoped advisory lock (False: a concurrent request holds
        it) and read its stored response, in one round trip.

        Two statements, so the read's snapshot is taken after the lock is held (a response
        committed by the previous holder is seen), sent together in psycopg's pipeline mode
        with the transaction's ``BEGIN``: one round trip where there were three.
        """
        with self._writes.sending() as driver:
            try:
                with driver.cursor() as lock, driver.cursor() as read:
                    with driver.pipeline():
                        lock.execute(_LOCK_SQL, (f"{api_key_id}\x1f{key}",))
                        read.execute(_GET_SQL, (api_key_id, key))
                    locked, row = lock.fetchone(), read.fetchone()
            except psycopg.Error as error:
                if driver.broken:
                    self._connection.invalidate()
                raise sa.exc.DBAPIError.instance(_GET_SQL, None, error, psycopg.Error) from error
        if locked is None or not locked[0]:
            return False, None
        return True, None if row is None else StoredResponse(*row)

    def save(
        self, api_key_id: str, key: str, response: StoredResponse, now: datetime
    ) -> None:
        """Queue the response (:class:`~paysetu.db.deferred.DeferredWrites`): it reaches the
        server with the ``COMMIT``, with any other queued write."""
        self._writes.add(_SAVE_SQL, {
            "a": api_key_id, "k": key, "m": response.request_method,
            "p": response.request_path, "h": response.request_hash, "s": response.status,
            "b": json.dumps(response.body), "now": now,
        })
