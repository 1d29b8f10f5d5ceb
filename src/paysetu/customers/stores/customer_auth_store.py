"""Customer sign-in codes, request windows, sessions, PINs and the SMS outbox in PostgreSQL.

Each counter moves in one statement under its row's lock (an upsert or an UPDATE ...
RETURNING), so parallel attempts are counted one by one and the decision is taken on the
count that includes them: that is what makes the limits exact under concurrency.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa

from paysetu.customers.rules.identity import CustomerSession, StoredCode
from paysetu.customers.usecases.ports import SmsMessage


def _sms(row: Any) -> SmsMessage:
    return SmsMessage(row.id, row.phone_e164, row.body, row.created_at)


class CustomerAuthStore:
    def __init__(self, connection: sa.Connection) -> None:
        self._connection = connection

    def _one(self, sql: str, params: dict[str, Any]) -> Any:
        return self._connection.execute(sa.text(sql), params).one_or_none()

    def customer_by_phone(self, phone_e164: str) -> str | None:
        row = self._one("SELECT id FROM customers WHERE phone_e164 = :p", {"p": phone_e164})
        return None if row is None else str(row.id)

    def customer_phone(self, customer_id: str) -> str | None:
        row = self._one("SELECT phone_e164 FROM customers WHERE id = :c", {"c": customer_id})
        return None if row is None else row.phone_e164

    def count_request(
        self, throttle_key: str, now: datetime, window_s: int
    ) -> tuple[int, datetime]:
        row = self._one(
            "INSERT INTO customer_code_requests AS r (throttle_key, window_started_at, requests)"
            " VALUES (:key, :now, 1) ON CONFLICT (throttle_key) DO UPDATE SET"
            " requests = CASE WHEN r.window_started_at <= :window_start THEN 1"
            "  ELSE r.requests + 1 END,"
            " window_started_at = CASE WHEN r.window_started_at <= :window_start THEN :now"
            "  ELSE r.window_started_at END"
            " RETURNING requests, window_started_at",
            {"key": throttle_key, "now": now, "window_start": now - timedelta(seconds=window_s)},
        )
        return int(row.requests), row.window_started_at

    def replace_code(
        self, phone_e164: str, salt: bytes, digest: bytes, now: datetime, expires_at: datetime
    ) -> None:
        self._connection.execute(sa.text(
            "INSERT INTO customer_sign_in_codes (phone_e164, salt, code_digest, tries,"
            " created_at, expires_at) VALUES (:p, :salt, :digest, 0, :now, :expires)"
            " ON CONFLICT (phone_e164) DO UPDATE SET salt = EXCLUDED.salt,"
            " code_digest = EXCLUDED.code_digest, tries = 0, created_at = EXCLUDED.created_at,"
            " expires_at = EXCLUDED.expires_at"),
            {"p": phone_e164, "salt": salt, "digest": digest, "now": now, "expires": expires_at})

    def claim_code_try(self, phone_e164: str, tries_max: int) -> StoredCode | None:
        row = self._one(
            "UPDATE customer_sign_in_codes SET tries = tries + 1"
            " WHERE phone_e164 = :p AND tries < :max"
            " RETURNING salt, code_digest, tries, expires_at",
            {"p": phone_e164, "max": tries_max},
        )
        if row is None:
            return None
        return StoredCode(bytes(row.salt), bytes(row.code_digest), row.tries, row.expires_at)

    def consume_code(self, phone_e164: str, digest: bytes) -> bool:
        row = self._one(
            "DELETE FROM customer_sign_in_codes WHERE phone_e164 = :p AND code_digest = :d"
            " RETURNING 1 AS done", {"p": phone_e164, "d": digest})
        return row is not None

    def insert_session(
        self, digest: bytes, customer_id: str, now: datetime, expires_at: datetime
    ) -> None:
        self._connection.execute(sa.text(
            "INSERT INTO customer_sessions (token_sha256, customer_id, created_at, expires_at)"
            " VALUES (:d, :c, :now, :expires)"),
            {"d": digest, "c": customer_id, "now": now, "expires": expires_at})

    def session(self, digest: bytes, now: datetime) -> CustomerSession | None:
        row = self._one(
            "SELECT customer_id, expires_at FROM customer_sessions"
            " WHERE token_sha256 = :d AND expires_at > :now", {"d": digest, "now": now})
        return None if row is None else CustomerSession(row.customer_id, row.expires_at)

    def delete_session(self, digest: bytes) -> None:
        self._connection.execute(
            sa.text("DELETE FROM customer_sessions WHERE token_sha256 = :d"), {"d": digest})

    def has_pin(self, customer_id: str) -> bool:
        return self._one("SELECT 1 FROM customer_pins WHERE customer_id = :c",
                         {"c": customer_id}) is not None

    def claim_pin_try(
        self, customer_id: str, now: datetime, tries_max: int, lock_s: int
    ) -> str | None:
        # failures restart from 1 after a lock ran out; reaching tries_max locks the PIN
        row = self._one(
            "UPDATE customer_pins SET"
            " failures = CASE WHEN locked_until <= :now THEN 1 ELSE failures + 1 END,"
            " locked_until = CASE WHEN (CASE WHEN locked_until <= :now THEN 1"
            "  ELSE failures + 1 END) >= :max THEN CAST(:lock_end AS timestamptz) ELSE NULL END,"
            " updated_at = :now"
            " WHERE customer_id = :c AND (locked_until IS NULL OR locked_until <= :now)"
            " RETURNING pin_hash",
            {"c": customer_id, "now": now, "max": tries_max,
             "lock_end": now + timedelta(seconds=lock_s)},
        )
        return None if row is None else str(row.pin_hash)

    def pin_locked_until(self, customer_id: str, now: datetime) -> datetime | None:
        row = self._one(
            "SELECT locked_until FROM customer_pins WHERE customer_id = :c"
            " AND locked_until > :now", {"c": customer_id, "now": now})
        return None if row is None else row.locked_until

    def clear_pin_failures(self, customer_id: str, now: datetime) -> None:
        self._connection.execute(sa.text(
            "UPDATE customer_pins SET failures = 0, locked_until = NULL, updated_at = :now"
            " WHERE customer_id = :c"), {"c": customer_id, "now": now})

    def set_pin(self, customer_id: str, pin_hash: str, now: datetime) -> None:
        self._connection.execute(sa.text(
            "INSERT INTO customer_pins (customer_id, pin_hash, failures, updated_at)"
            " VALUES (:c, :h, 0, :now) ON CONFLICT (customer_id) DO UPDATE SET"
            " pin_hash = EXCLUDED.pin_hash, failures = 0, locked_until = NULL,"
            " updated_at = EXCLUDED.updated_at"),
            {"c": customer_id, "h": pin_hash, "now": now})

    def queue_sms(self, message: SmsMessage) -> None:
        self._connection.execute(sa.text(
            "INSERT INTO sms_outbox (id, phone_e164, body, created_at)"
            " VALUES (:id, :p, :body, :now)"),
            {"id": message.id, "p": message.phone_e164, "body": message.body,
             "now": message.created_at})

    def unshown_sms(self, limit: int) -> list[SmsMessage]:
        rows = self._connection.execute(sa.text(
            "SELECT * FROM sms_outbox WHERE shown_at IS NULL ORDER BY created_at, id"
            " LIMIT :limit FOR UPDATE SKIP LOCKED"), {"limit": limit})
        return [_sms(r) for r in rows]

    def mark_sms_shown(self, message_ids: list[str], now: datetime) -> None:
        self._connection.execute(sa.text(
            "UPDATE sms_outbox SET shown_at = :now WHERE id = ANY(:ids)"),
            {"ids": message_ids, "now": now})

    def recent_sms(self, limit: int) -> list[SmsMessage]:
        rows = self._connection.execute(sa.text(
            "SELECT * FROM sms_outbox ORDER BY created_at DESC, id DESC LIMIT :limit"),
            {"limit": limit})
        return [_sms(r) for r in rows]
