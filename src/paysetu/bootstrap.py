"""The only place that wires settings -> database -> unit of work -> services.

Nothing here runs at import time; callers build a :class:`Runtime` and close it when done.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from paysetu.alipay.stores.notifier import HttpAlipayNotifier
from paysetu.alipay.stores.rsa_keys import PlatformKeyFile
from paysetu.alipay.usecases.ports import AlipayPolicy
from paysetu.app.context import AppContext, with_loan_sweep
from paysetu.app.read_routing import ReadRouter
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.config import Settings
from paysetu.customers.rules.identity import CustomerPolicy
from paysetu.db import migrate, standbys
from paysetu.db.embedded import EmbeddedPostgres
from paysetu.db.engine import create_engine
from paysetu.db.replication import Node
from paysetu.events.stores.guarded_network import SystemResolver
from paysetu.events.usecases.ports import WebhookTargets
from paysetu.kernel.clock import SystemClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.ports import Clock
from paysetu.kernel.secrets import SystemSecrets
from paysetu.ledger.usecases.service import LedgerService
from paysetu.payments.rules.mandates import MandatePolicy
from paysetu.payments.stores.ecb_rates import EcbRates
from paysetu.payments.usecases.ports import FxPolicy, PaymentsPolicy
from paysetu.settlement.rules.payout_accounts import check_payout_account
from paysetu.settlement.usecases.policy import SettlementPolicy


@dataclass
class Runtime:
    """A wired application: engine, services, and the embedded server if one was started."""

    settings: Settings
    engine: sa.Engine
    ledger: LedgerService
    context: AppContext
    embedded: EmbeddedPostgres | None = field(default=None)

    def close(self) -> None:
        self.engine.dispose()


def database_url(settings: Settings) -> tuple[str, EmbeddedPostgres | None]:
    """The configured URL, or a freshly started embedded server's."""
    if settings.database_url:
        return settings.database_url, None
    server = EmbeddedPostgres(settings.data_dir / "postgres")
    standbys.start_all(settings.data_dir, Node.running(server.pgdata),
                       settings.db_synchronous_replication)
    return server.url(), server


def build(
    settings: Settings | None = None, *, clock: Clock | None = None, migrate_schema: bool = True
) -> Runtime:
    """Start (or connect to) the database, apply migrations, and wire the services."""
    settings = settings or Settings()
    url, embedded = database_url(settings)
    engine = create_engine(url, pool_size=settings.db_pool_size)
    if migrate_schema:
        migrate.upgrade(engine)
    writes = engine
    if settings.database_read_url:
        router = ReadRouter(engine, create_engine(settings.database_read_url,
                                                  pool_size=settings.db_pool_size))
        route: Callable[[], sa.Engine] = router.engine
    else:
        def route() -> sa.Engine:
            return writes
    clock = clock or SystemClock()
    ledger = LedgerService(
        lambda: PostgresUnitOfWork(engine),
        clock,
        UlidIds(),
        statement_factory=lambda: PostgresUnitOfWork(engine, autocommit=True),
    )
    context = AppContext(
        uow_factory=lambda: PostgresUnitOfWork(route()),
        clock=clock,
        ids=UlidIds(),
        secrets=SystemSecrets(),
        policy=policy_from(settings),
        fx=fx_policy_from(settings),
        rates=EcbRates(settings.fx_ecb_file),
        settlement=settlement_policy_from(settings),
        read_factory=lambda: PostgresUnitOfWork(engine, autocommit=True),
        alipay=alipay_policy_from(settings),
        customers=customer_policy_from(settings),
        webhook_targets=WebhookTargets(settings.webhook_allowed_networks, SystemResolver()),
    )
    context = with_loan_sweep(context)
    return Runtime(settings, engine, ledger, context, embedded)


def policy_from(settings: Settings) -> PaymentsPolicy:
    """Payments policy from settings (limits default to RBI's PPI tiers)."""
    return PaymentsPolicy(
        authorization_timeout_s=settings.authorization_timeout_s,
        escrow_release_s=settings.escrow_release_s,
        mandates=MandatePolicy(
            pre_debit_notice_s=settings.mandate_pre_debit_notice_s,
            extra_approval_above_minor=settings.mandate_extra_approval_above_minor,
            approval_ttl_s=settings.approval_ttl_s,
        ),
    )


def customer_policy_from(settings: Settings) -> CustomerPolicy:
    """Customer sign-in codes, sessions and PIN locks from settings."""
    return CustomerPolicy(code_ttl_s=settings.customer_code_ttl_s,
                          session_ttl_s=settings.customer_session_ttl_s,
                          remember_ttl_s=settings.customer_remember_ttl_s,
                          pin_lock_s=settings.customer_pin_lock_s,
                          public_base_url=settings.public_base_url)


def fx_policy_from(settings: Settings) -> FxPolicy:
    """FX spreads, quote lock and rate freshness from settings."""
    return FxPolicy(
        spread_bps=settings.fx_spread_bps,
        corridor_spread_bps=dict(settings.fx_corridor_spread_bps),
        quote_ttl_s=settings.fx_quote_ttl_s,
        rate_max_age_days=settings.fx_rate_max_age_days,
    )


def settlement_policy_from(settings: Settings) -> SettlementPolicy:
    """Settlement grace, group size, workers (as many as the pool can serve beside the run's
    own connection) and the payout debtor (its accounts checked now)."""
    name = settings.settlement_debtor_name
    accounts = {
        currency: check_payout_account(
            name, currency, iban=fields.get("iban"), bic=fields.get("bic"),
            account_number=fields.get("account_number"), bank_code=fields.get("bank_code"),
            country=fields.get("country"))
        for currency, fields in settings.settlement_debtor_accounts.items()
    }
    return SettlementPolicy(
        window_grace_s=settings.settlement_window_grace_s,
        pairs_per_transaction=settings.settlement_pairs_per_transaction,
        # the run holds one connection; the pool opens at most 2 x db_pool_size (its overflow
        # equals its size), so more workers would only wait for a connection
        workers=min(settings.settlement_workers, 2 * settings.db_pool_size - 1),
        debtor_name=name, debtor_accounts=accounts,
    )


ALIPAY_PLATFORM_KEY_FILE = "alipay/platform_key.pem"
"""Under ``data_dir``: the gateway's private key, created 0600 on first use."""


def alipay_policy_from(settings: Settings) -> AlipayPolicy:
    """The Alipay gateway: the platform key file, the timestamp zone and tolerance."""
    return AlipayPolicy(
        keys=PlatformKeyFile(settings.data_dir / ALIPAY_PLATFORM_KEY_FILE),
        notifier=HttpAlipayNotifier(allowed_networks=settings.webhook_allowed_networks),
        timezone=ZoneInfo(settings.alipay_timezone),
        timestamp_tolerance_s=settings.alipay_timestamp_tolerance_s,
        public_base_url=settings.public_base_url,
    )
