"""API test fixtures: the FastAPI app over a fresh migrated database, and keys for each role.

After every test in this directory the ledger audit passes (:func:`audit_after`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from paysetu.access.rules.principals import Role
from paysetu.access.usecases import api_keys as access
from paysetu.alipay.stores.notifier import RecordingAlipayNotifier
from paysetu.alipay.stores.rsa_keys import PlatformKeyFile
from paysetu.alipay.usecases.ports import AlipayPolicy
from paysetu.app.context import AppContext
from paysetu.app.http.app import create_app
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.events.rules.targets import LOOPBACK_NETWORKS
from paysetu.events.usecases.ports import WebhookTargets
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets
from paysetu.ledger.usecases.service import LedgerService
from paysetu.payments.usecases.ports import PaymentsPolicy


@pytest.fixture(autouse=True)
def audit_after(ledger: LedgerService) -> Iterator[None]:
    """After every API test, whatever it did or was refused, the ledger audit passes."""
    yield
    report = ledger.audit()
    assert report.passed, report.findings


@pytest.fixture(scope="session")
def alipay_keys(tmp_path_factory: pytest.TempPathFactory) -> PlatformKeyFile:
    """One Alipay platform key pair for the session (generated on first use)."""
    return PlatformKeyFile(tmp_path_factory.mktemp("alipay") / "platform_key.pem")


@pytest.fixture
def app_context(
    engine: sa.Engine, clock: FixedClock, alipay_keys: PlatformKeyFile
) -> AppContext:
    return AppContext(
        uow_factory=lambda: PostgresUnitOfWork(engine),
        clock=clock,
        ids=UlidIds(),
        secrets=SystemSecrets(),
        policy=PaymentsPolicy(),
        read_factory=lambda: PostgresUnitOfWork(engine, autocommit=True),
        alipay=AlipayPolicy(alipay_keys, RecordingAlipayNotifier(), UTC),
        webhook_targets=WebhookTargets(LOOPBACK_NETWORKS),  # the receivers run here
    )


@pytest.fixture
def client(app_context: AppContext) -> Iterator[TestClient]:
    with TestClient(create_app(app_context), raise_server_exceptions=True) as test_client:
        yield test_client


@dataclass(frozen=True)
class Keys:
    platform: dict[str, str]

    def merchant(self, context: AppContext, merchant_id: str) -> dict[str, str]:
        issued = access.create_key(context, Role.MERCHANT, merchant_id, livemode=False)
        return {"Authorization": f"Bearer {issued.secret}"}


@pytest.fixture
def keys(app_context: AppContext) -> Keys:
    issued = access.create_key(app_context, Role.PLATFORM, None, livemode=False)
    return Keys(platform={"Authorization": f"Bearer {issued.secret}"})
