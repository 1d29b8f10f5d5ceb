"""Web users, sessions and failed-login counters in PostgreSQL (migration 0010)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa

from paysetu.access.rules.web_users import LoginFailures, WebRole, WebSession, WebUser

_USER_COLUMNS = "u.id, u.email, u.role, u.merchant_id, u.lender_id, u.password_hash, u.created_at"


def _user(row: Any) -> WebUser:
    return WebUser(row.id, row.email, WebRole(row.role), row.merchant_id, row.lender_id,
                   row.password_hash, row.created_at)


class WebUserStore:
    def __init__(self, connection: sa.Connection) -> None:
        self._connection = connection

    def insert(self, user: WebUser) -> bool:
        """False when the email is taken (nothing written)."""
        result = self._connection.execute(
            sa.text(
                "INSERT INTO web_users (id, email, role, merchant_id, lender_id, password_hash,"
                " created_at) VALUES (:id, :email, :role, :merchant_id, :lender_id, :hash, :at)"
                " ON CONFLICT (email) DO NOTHING"
            ),
            {"id": user.id, "email": user.email, "role": user.role.value,
             "merchant_id": user.merchant_id, "lender_id": user.lender_id,
             "hash": user.password_hash, "at": user.created_at},
        )
        return result.rowcount == 1

    def merchant_exists(self, merchant_id: str) -> bool:
        return self._exists("SELECT 1 FROM merchants WHERE id = :id", merchant_id)

    def lender_exists(self, lender_id: str) -> bool:
        return self._exists("SELECT 1 FROM lenders WHERE id = :id", lender_id)

    def _exists(self, query: str, object_id: str) -> bool:
        return self._connection.execute(sa.text(query), {"id": object_id}).first() is not None

    def by_email(self, email: str) -> WebUser | None:
        row = self._connection.execute(
            sa.text(f"SELECT {_USER_COLUMNS} FROM web_users u WHERE u.email = :email"),
            {"email": email},
        ).one_or_none()
        return None if row is None else _user(row)

    def list_users(self) -> list[WebUser]:
        rows = self._connection.execute(
            sa.text(f"SELECT {_USER_COLUMNS} FROM web_users u ORDER BY u.email"))
        return [_user(row) for row in rows]

    def set_password_hash(self, user_id: str, password_hash: str) -> None:
        self._connection.execute(
            sa.text("UPDATE web_users SET password_hash = :hash WHERE id = :id"),
            {"id": user_id, "hash": password_hash},
        )

    def insert_session(
        self, digest: bytes, user_id: str, csrf_token: str, now: datetime, expires_at: datetime
    ) -> None:
        self._connection.execute(
            sa.text(
                "INSERT INTO web_sessions (token_sha256, user_id, csrf_token, created_at,"
                " expires_at) VALUES (:digest, :user_id, :csrf, :now, :expires_at)"
            ),
            {"digest": digest, "user_id": user_id, "csrf": csrf_token, "now": now,
             "expires_at": expires_at},
        )

    def session(self, digest: bytes, now: datetime) -> WebSession | None:
        """The unexpired session with this token digest, with its user."""
        row = self._connection.execute(
            sa.text(
                f"SELECT {_USER_COLUMNS}, s.csrf_token, s.expires_at FROM web_sessions s"
                " JOIN web_users u ON u.id = s.user_id"
                " WHERE s.token_sha256 = :digest AND s.expires_at > :now"
            ),
            {"digest": digest, "now": now},
        ).one_or_none()
        return None if row is None else WebSession(_user(row), row.csrf_token, row.expires_at)

    def delete_session(self, digest: bytes) -> None:
        self._connection.execute(
            sa.text("DELETE FROM web_sessions WHERE token_sha256 = :digest"), {"digest": digest})

    def delete_expired_sessions(self, user_id: str, now: datetime) -> None:
        self._connection.execute(
            sa.text("DELETE FROM web_sessions WHERE user_id = :user_id AND expires_at <= :now"),
            {"user_id": user_id, "now": now},
        )

    def lock_failures(self, email: str, client_address: str) -> LoginFailures | None:
        """The pair's failures, with the pair locked until the transaction ends.

        A transaction-scoped advisory lock on the pair (a row lock cannot lock a row that
        does not exist yet): parallel sign-ins of one pair claim their attempts one by one.
        """
        self._connection.execute(
            sa.text("SELECT pg_advisory_xact_lock(hashtextextended(:pair, 15))"),
            {"pair": f"{len(email)}:{email}{client_address}"},
        )
        row = self._connection.execute(
            sa.text(
                "SELECT failures, last_failed_at FROM web_login_failures"
                " WHERE email = :email AND client_address = :address"
            ),
            {"email": email, "address": client_address},
        ).one_or_none()
        return None if row is None else LoginFailures(row.failures, row.last_failed_at)

    def record_failure(self, email: str, client_address: str, now: datetime) -> None:
        self._connection.execute(
            sa.text(
                "INSERT INTO web_login_failures (email, client_address, failures, last_failed_at)"
                " VALUES (:email, :address, 1, :now) ON CONFLICT (email, client_address)"
                " DO UPDATE SET failures = web_login_failures.failures + 1, last_failed_at = :now"
            ),
            {"email": email, "address": client_address, "now": now},
        )

    def clear_failures(self, email: str, client_address: str) -> None:
        self._connection.execute(
            sa.text(
                "DELETE FROM web_login_failures WHERE email = :email"
                " AND client_address = :address"
            ),
            {"email": email, "address": client_address},
        )
