"""What access's use cases need from outside: API keys, idempotency records, web users.

Adapters in :mod:`paysetu.access.stores` implement these Protocols; each repository is bound
to the unit of work's connection, so a use case's writes commit in one database transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from paysetu.access.rules.principals import ApiKeyRecord
from paysetu.access.rules.web_users import LoginFailures, WebSession, WebUser
from paysetu.kernel.ports import Clock, IdFactory, SecretSource
from paysetu.ledger.usecases.ports import UnitOfWork

if TYPE_CHECKING:  # lending_ports and checkout_ports import PageRequest from here
    pass


class StoredResponseLike(Protocol):
    @property
    def request_method(self) -> str: ...
    @property
    def request_path(self) -> str: ...
    @property
    def request_hash(self) -> str: ...
    @property
    def status(self) -> int: ...
    @property
    def body(self) -> Any: ...


class ApiKeyRepository(Protocol):
    def insert(self, record: ApiKeyRecord) -> None: ...
    def get(self, key_id: str) -> ApiKeyRecord | None: ...
    def list_page(self, owner_id: str | None) -> list[ApiKeyRecord]: ...
    def revoke(self, key_id: str, now: datetime) -> bool: ...


class IdempotencyRepository(Protocol):
    def lock_and_get(self, api_key_id: str, key: str
                     ) -> tuple[bool, StoredResponseLike | None]:
        """Try the key's transaction-scoped lock (False: held elsewhere), then read its stored
        response (None when the lock was not taken)."""
        ...
    def save(self, api_key_id: str, key: str, response: Any, now: datetime) -> None: ...


class WebUserRepository(Protocol):
    """Web users, their sessions (by token digest) and failed-login counters."""

    def insert(self, user: WebUser) -> bool: ...
    def merchant_exists(self, merchant_id: str) -> bool:
        """Whether the merchant a merchant user is scoped to exists."""
        ...
    def lender_exists(self, lender_id: str) -> bool:
        """Whether the lender a lender user is scoped to exists."""
        ...
    def by_email(self, email: str) -> WebUser | None: ...
    def list_users(self) -> list[WebUser]: ...
    def set_password_hash(self, user_id: str, password_hash: str) -> None: ...
    def insert_session(
        self, digest: bytes, user_id: str, csrf_token: str, now: datetime, expires_at: datetime
    ) -> None: ...
    def session(self, digest: bytes, now: datetime) -> WebSession | None: ...
    def delete_session(self, digest: bytes) -> None: ...
    def delete_expired_sessions(self, user_id: str, now: datetime) -> None: ...
    def lock_failures(self, email: str, client_address: str) -> LoginFailures | None:
        """The pair's failed logins, the pair locked until the unit of work ends."""
        ...
    def record_failure(self, email: str, client_address: str, now: datetime) -> None: ...
    def clear_failures(self, email: str, client_address: str) -> None: ...


class AccessUnitOfWork(UnitOfWork, Protocol):
    """One database transaction with the ledger and access's repositories."""

    def savepoint(self) -> AbstractContextManager[object]:
        """A nested transaction: rolled back alone if its block raises."""
        ...

    @property
    def api_keys(self) -> ApiKeyRepository: ...
    @property
    def idempotency(self) -> IdempotencyRepository: ...
    @property
    def web_users(self) -> WebUserRepository: ...


class AccessContext(Protocol):
    """What access's use cases take: units of work, the clock, ids, secrets.

    Each capability above extends it with its own repositories and policy; the assembly's
    ``AccessContext`` (:mod:`paysetu.app.context`) satisfies them all.
    """

    @property
    def uow_factory(self) -> Callable[[], AccessUnitOfWork]: ...
    @property
    def clock(self) -> Clock: ...
    @property
    def ids(self) -> IdFactory: ...
    @property
    def secrets(self) -> SecretSource: ...
    def reader(self) -> AccessUnitOfWork:
        """A unit of work for a one-statement read outside any transaction."""
        ...
