"""``paysetu db backup`` / ``db restore --to TIME``: a base backup plus archived WAL, restored
to a moment between two payments.

Why: a standby copies every mistake at once (a bad migration, a wrong bulk write); only a
point-in-time restore brings back the books as they were. The restored server must hold the
first payment and not the second, and its ledger must pass the audit.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from paysetu.access.rules.principals import Principal, Role
from paysetu.app.context import AppContext
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.db import migrate
from paysetu.db.backups import archive_now, base_backup, restore
from paysetu.db.engine import create_engine
from paysetu.db.replication import Node, init_node
from paysetu.kernel.clock import SystemClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets
from paysetu.ledger.usecases.service import LedgerService
from paysetu.payments.usecases import merchants, payments
from paysetu.wallets.usecases import wallets

pytestmark = pytest.mark.postgres


@pytest.fixture
def root() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="paysetu-backup-"))
    try:
        yield folder
    finally:
        for name, port in (("primary", 5432), ("restored", 5434)):
            Node.beside(folder / name, port).stop()
        shutil.rmtree(folder, ignore_errors=True)


def _context(engine: sa.Engine) -> AppContext:
    return AppContext(lambda: PostgresUnitOfWork(engine), SystemClock(), UlidIds(),
                      SystemSecrets())


def _pay(ctx: AppContext, shop: Principal, wallet: str, amount_minor: int) -> str:
    """A payment the operator makes (platform key, with its reason) to ``shop``'s merchant."""
    operator = Principal("key_test_platform", Role.PLATFORM, None, False)
    with ctx.uow_factory() as uow:
        paid = payments.create_payment(ctx, uow, operator, payments.CreatePayment(
            amount_minor, "INR", wallet, merchant=shop.owner_id, confirm=True,
            operator_reason="The backup test's payments"))
        uow.commit()
    assert paid["status"] == "succeeded"
    return str(paid["id"])


def test_restore_to_a_moment_between_two_payments(root: Path) -> None:
    primary = Node.beside(root / "primary", 5432)
    init_node(primary)
    primary.start()
    with primary.connect() as connection:
        connection.execute("CREATE DATABASE paysetu")
    engine = create_engine(primary.url("paysetu"), pool_size=1)
    migrate.upgrade(engine)
    ctx = _context(engine)
    with ctx.uow_factory() as uow:
        merchant = str(merchants.create_merchant(ctx, uow, "Chai Point", "IN", "INR", 0, 0,
                                                 {})["id"])
        customer = wallets.create_customer(ctx, uow, "Ravi", None, "full", {})
        wallet = str(wallets.create_wallet(ctx, uow, customer["id"], "INR")["id"])
        wallets.top_up(ctx, uow, wallet, 1_000_00, "INR", {})
        uow.commit()
    shop = Principal("key_test", Role.MERCHANT, merchant, False)
    backups = root / "backups"
    base_backup(primary, backups)
    engine.dispose()  # the first backup turned archiving on: a restart closed the connections

    first = _pay(ctx, shop, wallet, 120_00)
    moment = primary.scalar("SELECT clock_timestamp()")
    assert isinstance(moment, datetime)
    second = _pay(ctx, shop, wallet, 340_00)
    archive_now(primary)
    engine.dispose()

    restored = restore(backups, moment, root / "restored", 5434)
    assert not restored.in_recovery()
    copy = create_engine(restored.url("paysetu"), pool_size=1)
    try:
        with copy.connect() as connection:
            paid = connection.execute(sa.text("SELECT id FROM payments")).scalars().all()
        assert paid == [first]
        assert second not in paid
        ledger = LedgerService(lambda: PostgresUnitOfWork(copy), SystemClock(), UlidIds())
        assert ledger.audit().passed
    finally:
        copy.dispose()
