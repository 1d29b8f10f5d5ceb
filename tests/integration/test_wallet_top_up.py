"""Topping up from the checkout's simulated sources: the KYC tier's monthly loading limit
refuses what passes it (even when the balance is low again), a declined source or another
customer's wallet writes nothing, and the movement names its source."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from paysetu.app.context import AppContext
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.checkout.rules.errors import CheckoutRejected
from paysetu.checkout.usecases.wallet_top_up import top_up_from_source
from paysetu.customers.rules.movements import HistoryFilter
from paysetu.customers.usecases import wallet_app
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets
from paysetu.wallets.rules.errors import WalletRejected, WalletStatus
from paysetu.wallets.usecases import wallets

pytestmark = pytest.mark.postgres


def _customer(context: AppContext, name: str) -> tuple[str, str]:
    with context.uow_factory() as uow:
        customer = wallets.create_customer(context, uow, name, None, "minimum", {})
        wallet = wallets.create_wallet(context, uow, str(customer["id"]), "INR")
        uow.commit()
    return str(customer["id"]), str(wallet["id"])


def test_the_monthly_loading_limit_and_the_sources_are_enforced(
    engine: sa.Engine, clock: FixedClock
) -> None:
    context = AppContext(lambda: PostgresUnitOfWork(engine), clock, UlidIds(), SystemSecrets())
    asha, wallet = _customer(context, "Asha")
    ravi, _ = _customer(context, "Ravi")
    top_up_from_source(context, asha, wallet, 9_000_00, "upi", None, "asha@okbank")
    with context.uow_factory() as uow:
        wallets.withdraw(context, uow, wallet, 5_000_00, "INR", {})
        uow.commit()
    home = wallet_app.home(context, asha)
    (card,) = home.wallets
    assert (card.allowance.load_left_minor, card.allowance.balance_left_minor) == (
        1_000_00, 6_000_00)
    assert card.allowance.top_up_max_minor() == 1_000_00
    with pytest.raises(WalletRejected) as refused:
        top_up_from_source(context, asha, wallet, 2_000_00, "card", "4242424242424242", None)
    assert refused.value.code is WalletStatus.WALLET_LOAD_LIMIT_EXCEEDED
    with pytest.raises(CheckoutRejected) as declined:
        top_up_from_source(context, asha, wallet, 500_00, "card", "4000000000000002", None)
    assert declined.value.code == "source_declined"
    with pytest.raises(WalletRejected) as other:
        top_up_from_source(context, ravi, wallet, 500_00, "upi", None, "ravi@okbank")
    assert other.value.code is WalletStatus.WALLET_NOT_FOUND
    top_up_from_source(context, asha, wallet, 1_000_00, "card", "4242 4242 4242 4242", None)
    moved = wallet_app.history(context, asha, HistoryFilter(kind="top_up")).movements
    assert [(m.amount_minor, m.source_hint) for m in moved] == [
        (1_000_00, "•••• 4242"), (9_000_00, "asha@okbank")]
    assert wallet_app.history(context, ravi, HistoryFilter()).movements == []
