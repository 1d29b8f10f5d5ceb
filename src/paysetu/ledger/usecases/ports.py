"""What the services need from the outside world, as Protocols (adapters implement them)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from types import TracebackType
from typing import Protocol, Self

from paysetu.ledger.rules.audit import AuditReport
from paysetu.ledger.rules.entries import (
    Account,
    Balance,
    Direction,
    EntryRequest,
    JournalEntry,
    NewAccount,
)


class AppliedEntryLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def replayed(self) -> bool: ...


class PostingLike(Protocol):
    @property
    def sequence(self) -> int: ...
    @property
    def entry_id(self) -> str: ...
    @property
    def amount_minor(self) -> int: ...
    @property
    def direction(self) -> Direction: ...
    @property
    def currency(self) -> str: ...
    @property
    def pending(self) -> bool: ...
    @property
    def created_at(self) -> datetime: ...


class LedgerRepository(Protocol):
    """Ledger reads and writes inside the unit of work's database transaction."""

    def apply(
        self, entries: Sequence[EntryRequest], now: datetime
    ) -> Sequence[AppliedEntryLike]: ...
    def create_accounts(
        self, accounts: Sequence[NewAccount], now: datetime
    ) -> Sequence[tuple[Account, bool]]: ...
    def get_account(self, account_id: str, now: datetime) -> Account: ...
    def list_accounts(
        self,
        *,
        owner_type: str | None,
        owner_id: str | None,
        limit: int,
        starting_after: str | None,
        now: datetime,
    ) -> tuple[Sequence[Account], bool]: ...
    def set_closed(self, account_id: str, closed: bool, now: datetime, reason: str) -> Account: ...
    def record_failure(self, entry_id: str, code: str, now: datetime) -> None: ...
    def expire(
        self, now: datetime, *, pending_id: str | None = None, limit: int = 10_000
    ) -> int: ...
    def balance_at(self, account_id: str, at: datetime) -> Balance: ...
    def postings(
        self, account_id: str, *, limit: int, starting_after: int | None
    ) -> tuple[Sequence[PostingLike], bool]: ...
    def get_entry(self, entry_id: str) -> JournalEntry: ...
    def find_entries(
        self,
        *,
        metadata: Mapping[str, str | None],
        limit: int,
        starting_after: str | None,
        code: int | None = None,
    ) -> tuple[Sequence[JournalEntry], bool]: ...
    def audit(self) -> AuditReport: ...


class UnitOfWork(Protocol):
    """One database transaction: commit explicitly, anything else rolls back."""

    @property
    def ledger(self) -> LedgerRepository: ...

    def __enter__(self) -> Self: ...
    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
    def commit(self) -> None: ...


