"""The PostgreSQL unit of work: one connection, one transaction, the ledger repository on it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from functools import cached_property
from types import TracebackType
from typing import Self

import sqlalchemy as sa

from paysetu.access.stores.api_keys_store import ApiKeyStore, IdempotencyStore
from paysetu.access.stores.web_users_store import WebUserStore
from paysetu.alipay.stores.alipay_store import AlipayStore
from paysetu.app.stats_store import StatsStore
from paysetu.checkout.stores.checkout_store import CheckoutSessionStore
from paysetu.customers.stores.customer_auth_store import CustomerAuthStore
from paysetu.customers.stores.notifications_store import NotificationsStore
from paysetu.customers.stores.transfers_store import CustomerTransferStore
from paysetu.customers.stores.wallet_history_store import WalletHistoryStore
from paysetu.db.deferred import DeferredWrites
from paysetu.events.stores.events_store import EventStore
from paysetu.events.stores.webhooks_store import WebhookStore
from paysetu.kernel.ports import TransientConflictError
from paysetu.ledger.rules.audit import AuditReport
from paysetu.ledger.rules.entries import Account, Balance, EntryRequest, JournalEntry, NewAccount
from paysetu.ledger.stores import audit_store as audit
from paysetu.ledger.stores import entry_reads, ledger_store
from paysetu.lending.stores.credit_lines_store import CreditLineStore
from paysetu.lending.stores.lending_store import LendingStore
from paysetu.lending.stores.loans_store import LoanStore
from paysetu.marketplace.stores.marketplace_store import MarketplaceStore
from paysetu.payments.stores.balance_store import BalanceTransactionStore
from paysetu.payments.stores.dashboard_store import DashboardStore
from paysetu.payments.stores.fx_store import FxQuoteStore, FxRateStore
from paysetu.payments.stores.mandates_store import MandateStore
from paysetu.payments.stores.merchants_store import MerchantStore
from paysetu.payments.stores.payments_store import PaymentStore, RefundStore
from paysetu.settlement.stores.reconciliation_store import ReconciliationStore
from paysetu.settlement.stores.settlement_store import SettlementStore
from paysetu.wallets.stores.customers_store import CustomerStore, WalletStore

_RETRYABLE_SQLSTATES = frozenset({"40001", "40P01"})
"""Serialization failure and deadlock: the server aborted the transaction, a retry may pass."""


class PostgresLedgerRepository:
    """:class:`~paysetu.ledger.usecases.ports.LedgerRepository` over one SQLAlchemy connection.

    The ledger's hot path talks to psycopg directly, out of sight of SQLAlchemy's hook that
    sends the unit of work's queued writes (:mod:`paysetu.db.deferred`): :meth:`apply` sends
    them in the same round trip as its call; the other methods go through SQLAlchemy, whose
    hook sends them first.
    """

    def __init__(self, connection: sa.Connection, writes: DeferredWrites) -> None:
        self._connection = connection
        self._writes = writes

    def apply(
        self, entries: Sequence[EntryRequest], now: datetime
    ) -> list[ledger_store.AppliedEntry]:
        with self._writes.sending():
            return ledger_store.apply_entries(self._connection, entries, now)

    def create_accounts(
        self, accounts: Sequence[NewAccount], now: datetime
    ) -> list[tuple[Account, bool]]:
        return ledger_store.create_accounts(self._connection, accounts, now)

    def get_account(self, account_id: str, now: datetime) -> Account:
        return ledger_store.get_account(self._connection, account_id, now)

    def list_accounts(
        self,
        *,
        owner_type: str | None,
        owner_id: str | None,
        limit: int,
        starting_after: str | None,
        now: datetime,
    ) -> tuple[list[Account], bool]:
        return ledger_store.list_accounts(
            self._connection,
            owner_type=owner_type,
            owner_id=owner_id,
            limit=limit,
            starting_after=starting_after,
            now=now,
        )

    def set_closed(self, account_id: str, closed: bool, now: datetime, reason: str) -> Account:
        return ledger_store.set_account_closed(self._connection, account_id, closed, now, reason)

    def record_failure(self, entry_id: str, code: str, now: datetime) -> None:
        ledger_store.record_failure(self._connection, entry_id, code, now)

    def expire(self, now: datetime, *, pending_id: str | None = None, limit: int = 10_000) -> int:
        return ledger_store.expire_pending(
            self._connection, now, pending_id=pending_id, limit=limit
        )

    def balance_at(self, account_id: str, at: datetime) -> Balance:
        return ledger_store.balance_at(self._connection, account_id, at)

    def postings(
        self, account_id: str, *, limit: int, starting_after: int | None
    ) -> tuple[list[entry_reads.StoredPosting], bool]:
        return entry_reads.list_postings(
            self._connection, account_id, limit=limit, starting_after=starting_after
        )

    def get_entry(self, entry_id: str) -> JournalEntry:
        return entry_reads.get_entry(self._connection, entry_id)

    def find_entries(
        self,
        *,
        metadata: Mapping[str, str | None],
        limit: int,
        starting_after: str | None,
        code: int | None = None,
    ) -> tuple[list[JournalEntry], bool]:
        return entry_reads.find_entries(
            self._connection,
            metadata=metadata,
            limit=limit,
            starting_after=starting_after,
            code=code,
        )

    def audit(self) -> AuditReport:
        self._connection.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        return audit.run_audit(self._connection)


class PostgresUnitOfWork:
    """``with uow: ...; uow.commit()``; leaving the block without commit rolls back.

    Repositories are created on first use, all on the same connection and transaction.

    ``autocommit=True`` makes a unit of one statement: a lookup (an API key) or one write that
    is atomic on its own (``ledger_apply``: a linked batch in one call, whose deferred balance
    check runs when the statement's own transaction commits). Each statement is its own
    transaction, so there is no BEGIN, COMMIT or ROLLBACK round trip; never use it for two
    writes that must stand or fall together. It also spares psycopg's prepared statements:
    psycopg deallocates all of a connection's prepared statements whenever a transaction on it
    is rolled back.
    """

    ledger: PostgresLedgerRepository

    def __init__(self, engine: sa.Engine, *, autocommit: bool = False) -> None:
        self._engine = engine
        self._autocommit = autocommit

    def __enter__(self) -> Self:
        self._connection = self._engine.connect()
        if self._autocommit:
            # Set on psycopg itself: SQLAlchemy's isolation_level option would ask the server
            # for the level on every checkout and set it back on every return (two round trips
            # on a path that exists to save them). psycopg's commit and rollback send nothing
            # while no transaction is open, so SQLAlchemy's own calls stay harmless.
            ledger_store.driver_connection(self._connection).autocommit = True
        self._transaction = self._connection.begin()
        self._writes = DeferredWrites(self._connection)
        self.ledger = PostgresLedgerRepository(self._connection, self._writes)
        return self

    def savepoint(self) -> AbstractContextManager[None]:
        """``with uow.savepoint(): ...``: an exception in the block undoes the block's writes.

        Queued with the deferred writes (:mod:`paysetu.db.deferred`), so ``SAVEPOINT`` costs
        no round trip of its own and needs no ``RELEASE``.
        """
        return self._writes.savepoint()

    @cached_property
    def api_keys(self) -> ApiKeyStore:
        return ApiKeyStore(self._connection)

    @cached_property
    def idempotency(self) -> IdempotencyStore:
        return IdempotencyStore(self._connection, self._writes)

    @cached_property
    def customers(self) -> CustomerStore:
        return CustomerStore(self._connection)

    @cached_property
    def wallets(self) -> WalletStore:
        return WalletStore(self._connection, self._writes)

    @cached_property
    def events(self) -> EventStore:
        return EventStore(self._connection, self._writes)

    @cached_property
    def merchants(self) -> MerchantStore:
        return MerchantStore(self._connection, self._writes)

    @cached_property
    def payments(self) -> PaymentStore:
        return PaymentStore(self._connection, self._writes)

    @cached_property
    def refunds(self) -> RefundStore:
        return RefundStore(self._connection)

    @cached_property
    def mandates(self) -> MandateStore:
        return MandateStore(self._connection, self._writes)

    @cached_property
    def customer_auth(self) -> CustomerAuthStore:
        return CustomerAuthStore(self._connection)

    @cached_property
    def wallet_history(self) -> WalletHistoryStore:
        return WalletHistoryStore(self._connection)

    @cached_property
    def notifications(self) -> NotificationsStore:
        return NotificationsStore(self._connection)

    @cached_property
    def customer_transfers(self) -> CustomerTransferStore:
        return CustomerTransferStore(self._connection)

    @cached_property
    def balance_transactions(self) -> BalanceTransactionStore:
        return BalanceTransactionStore(self._connection)

    @cached_property
    def webhooks(self) -> WebhookStore:
        return WebhookStore(self._connection)

    @cached_property
    def marketplace(self) -> MarketplaceStore:
        return MarketplaceStore(self._connection)

    @cached_property
    def stats(self) -> StatsStore:
        return StatsStore(self._connection)

    @cached_property
    def reconciliations(self) -> ReconciliationStore:
        return ReconciliationStore(self._connection)

    @cached_property
    def settlements(self) -> SettlementStore:
        return SettlementStore(self._connection)

    @cached_property
    def fx_rates(self) -> FxRateStore:
        return FxRateStore(self._connection)

    @cached_property
    def fx_quotes(self) -> FxQuoteStore:
        return FxQuoteStore(self._connection)

    @cached_property
    def lending(self) -> LendingStore:
        return LendingStore(self._connection)

    @cached_property
    def loans(self) -> LoanStore:
        return LoanStore(self._connection)

    @cached_property
    def credit_lines(self) -> CreditLineStore:
        return CreditLineStore(self._connection)

    @cached_property
    def checkout_sessions(self) -> CheckoutSessionStore:
        return CheckoutSessionStore(self._connection)

    @cached_property
    def web_dashboard(self) -> DashboardStore:
        return DashboardStore(self._connection)

    @cached_property
    def web_users(self) -> WebUserStore:
        return WebUserStore(self._connection)

    @cached_property
    def alipay(self) -> AlipayStore:
        return AlipayStore(self._connection)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            self._writes.discard()
            if self._transaction.is_active:
                self._transaction.rollback()
            if self._autocommit:
                self._return_to_transactions()
        finally:
            self._writes.close()
            self._connection.close()
        if isinstance(exc, sa.exc.DBAPIError):
            # Whatever statement (or the commit) the server aborted for a deadlock or a
            # serialization failure, the whole transaction can be retried: say so.
            sqlstate = getattr(exc.orig, "sqlstate", None)
            if sqlstate in _RETRYABLE_SQLSTATES:
                raise TransientConflictError(str(sqlstate)) from exc

    def commit(self) -> None:
        """Send the queued writes and ``COMMIT`` in one round trip, then close SQLAlchemy's
        transaction (psycopg sends nothing more: the server's is already committed)."""
        self._writes.commit()
        self._transaction.commit()

    def _return_to_transactions(self) -> None:
        """Give the pool back a connection in transaction mode, as every other user expects."""
        if self._connection.invalidated:
            return
        driver = ledger_store.driver_connection(self._connection)
        if driver.broken or driver.closed:
            self._connection.invalidate()
            return
        driver.autocommit = False
