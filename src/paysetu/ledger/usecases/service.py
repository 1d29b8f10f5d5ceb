"""Ledger use cases: each opens a unit of work, does one thing, commits.

The services add what the database layer should not know: the clock, fresh ids, retries of
transient conflicts, and persisting a lazy expiry that a refused post or void discovered.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import TypeVar

from paysetu.kernel.ports import Clock, IdFactory, TransientConflictError
from paysetu.ledger.rules.audit import AuditReport
from paysetu.ledger.rules.entries import (
    ENTRIES_PER_BATCH_MAX,
    Account,
    Balance,
    EntryRequest,
    JournalEntry,
    NewAccount,
    PendingResolution,
    reversal_of,
)
from paysetu.ledger.rules.entry_codes import RECORDED_FAILURES
from paysetu.ledger.rules.errors import (
    BatchRejected,
    CreateEntryStatus,
    EntryRejected,
    QueryRejected,
    QueryStatus,
)
from paysetu.ledger.usecases.ports import AppliedEntryLike, PostingLike, UnitOfWork

T = TypeVar("T")
RETRIES_MAX = 8
PAGE_SIZE_MAX = 1000


def _check_page_size(limit: int) -> None:
    if not 1 <= limit <= PAGE_SIZE_MAX:
        raise QueryRejected(QueryStatus.LIMIT_INVALID, param="limit")


class LedgerService:
    """The ledger's public operations."""

    def __init__(
        self,
        uow_factory: Callable[[], UnitOfWork],
        clock: Clock,
        ids: IdFactory,
        *,
        statement_factory: Callable[[], UnitOfWork] | None = None,
    ) -> None:
        """``statement_factory``: units of work whose one statement is its own transaction
        (autocommit). A linked batch is one statement, atomic on its own, so applying it that
        way spares the BEGIN and COMMIT round trips. None: use ``uow_factory``."""
        self._uow_factory = uow_factory
        self._statement_factory = statement_factory or uow_factory
        self._clock = clock
        self._ids = ids

    def new_entry_id(self) -> str:
        return self._ids.new_id("je")

    def new_account_id(self) -> str:
        return self._ids.new_id("acct")

    def _in_transaction(
        self, work: Callable[[UnitOfWork], T], factory: Callable[[], UnitOfWork] | None = None
    ) -> T:
        for attempt in range(RETRIES_MAX):
            try:
                with (factory or self._uow_factory)() as uow:
                    result = work(uow)
                    uow.commit()
                    return result
            except TransientConflictError:
                if attempt == RETRIES_MAX - 1:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    def create_accounts(self, accounts: Sequence[NewAccount]) -> list[tuple[Account, bool]]:
        """Open accounts, all or none; an id that exists with the same fields is returned as is."""
        now = self._clock.now()
        return list(self._in_transaction(lambda uow: uow.ledger.create_accounts(accounts, now)))

    def apply(self, entries: Sequence[EntryRequest]) -> list[AppliedEntryLike]:
        """Apply a linked batch (1 to 8,190 entries) in order, all or nothing."""
        if not entries:
            raise EntryRejected(CreateEntryStatus.BATCH_EMPTY, param="entries")
        if len(entries) > ENTRIES_PER_BATCH_MAX:
            raise EntryRejected(CreateEntryStatus.BATCH_TOO_LARGE, param="entries")
        now = self._clock.now()
        try:
            return list(
                self._in_transaction(
                    lambda uow: uow.ledger.apply(entries, now), self._statement_factory
                )
            )
        except EntryRejected as rejection:
            self._after_refusal(entries, rejection, now)
            raise

    def _after_refusal(
        self, entries: Sequence[EntryRequest], rejection: EntryRejected, now: datetime
    ) -> None:
        """What a refusal leaves behind, in a transaction of its own (the refusal rolled back).

        A post or void that found its reservation expired records the expiry, so funds are
        freed. An entry refused for a reason that depended on the ledger's state has its id
        recorded as failed (TigerBeetle's ``id_already_failed``): retried, it fails again.
        """
        index = 0
        if isinstance(rejection, BatchRejected):
            index = next(r.index for r in rejection.results if r.status is rejection.code)
        entry = entries[index]
        if rejection.code is CreateEntryStatus.PENDING_TRANSFER_EXPIRED and isinstance(
            entry, PendingResolution
        ):
            pending_id = entry.pending_id
            self._in_transaction(lambda uow: uow.ledger.expire(now, pending_id=pending_id))
        if rejection.code in RECORDED_FAILURES and rejection.settled:
            code = rejection.code.value
            self._in_transaction(lambda uow: uow.ledger.record_failure(entry.id, code, now))

    def reverse(
        self, entry_id: str, reversal_id: str, metadata: Mapping[str, str]
    ) -> AppliedEntryLike:
        """Undo a posted entry with a new entry of swapped postings that links to it."""
        try:
            original = self.get_entry(entry_id)
        except QueryRejected:
            raise EntryRejected(
                CreateEntryStatus.REVERSED_ENTRY_NOT_FOUND, param="entry_id"
            ) from None
        if original.kind.value not in ("single_phase", "post_pending"):
            raise EntryRejected(CreateEntryStatus.REVERSED_ENTRY_NOT_POSTED, param="entry_id")
        return self.apply([reversal_of(original, reversal_id, metadata)])[0]

    def close_account(self, account_id: str, reason: str = "") -> Account:
        now = self._clock.now()
        return self._in_transaction(
            lambda uow: uow.ledger.set_closed(account_id, True, now, reason)
        )

    def reopen_account(self, account_id: str, reason: str = "") -> Account:
        now = self._clock.now()
        return self._in_transaction(
            lambda uow: uow.ledger.set_closed(account_id, False, now, reason)
        )

    def get_account(self, account_id: str) -> Account:
        now = self._clock.now()
        return self._in_transaction(lambda uow: uow.ledger.get_account(account_id, now))

    def list_accounts(
        self,
        *,
        owner_type: str | None = None,
        owner_id: str | None = None,
        limit: int = 100,
        starting_after: str | None = None,
    ) -> tuple[Sequence[Account], bool]:
        _check_page_size(limit)
        now = self._clock.now()
        return self._in_transaction(
            lambda uow: uow.ledger.list_accounts(
                owner_type=owner_type,
                owner_id=owner_id,
                limit=limit,
                starting_after=starting_after,
                now=now,
            )
        )

    def balance_at(self, account_id: str, at: datetime) -> Balance:
        return self._in_transaction(lambda uow: uow.ledger.balance_at(account_id, at))

    def postings(
        self, account_id: str, *, limit: int = 100, starting_after: int | None = None
    ) -> tuple[Sequence[PostingLike], bool]:
        _check_page_size(limit)
        return self._in_transaction(
            lambda uow: uow.ledger.postings(account_id, limit=limit, starting_after=starting_after)
        )

    def get_entry(self, entry_id: str) -> JournalEntry:
        return self._in_transaction(lambda uow: uow.ledger.get_entry(entry_id))

    def find_entries(
        self,
        metadata: Mapping[str, str | None],
        *,
        limit: int = 100,
        starting_after: str | None = None,
        code: int | None = None,
    ) -> tuple[Sequence[JournalEntry], bool]:
        """Entries by metadata (keys, or keys and values) and, when given, by ``code``."""
        _check_page_size(limit)
        return self._in_transaction(
            lambda uow: uow.ledger.find_entries(
                metadata=metadata, limit=limit, starting_after=starting_after, code=code
            )
        )

    def expire(self, limit: int = 10_000) -> int:
        """Release every pending entry whose timeout has passed; returns how many."""
        now = self._clock.now()
        return self._in_transaction(lambda uow: uow.ledger.expire(now, limit=limit))

    def audit(self) -> AuditReport:
        return self._in_transaction(lambda uow: uow.ledger.audit())
