"""Conformance with TigerBeetle's expiry: once a pending transfer's timeout has passed, no read
shows its amounts as pending, whether or not its expiry has been written yet.

TigerBeetle expires pending transfers in its own pulse, so lookups never see a lapsed hold.
paysetu expires lazily; reads subtract lapsed holds themselves, for one account and for a list,
including a hold whose lazy expiry was skipped because another transaction held the lock of
its other account; the balance at a past time, and an account returned by a repeated create,
likewise. One test per rule.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from paysetu.kernel.clock import FixedClock
from paysetu.ledger.rules.entries import AccountKind, NewAccount
from paysetu.ledger.usecases.service import LedgerService
from tests.integration.ledger_builders import FUNDED, SHOP, WALLET, move, open_chart

pytestmark = pytest.mark.postgres


@pytest.fixture
def lapsed(ledger: LedgerService, clock: FixedClock) -> LedgerService:
    """The chart, with a hold of 300 from the wallet to the shop whose 10 s have passed."""
    open_chart(ledger)
    ledger.apply([move("je_hold", WALLET, SHOP, 300, pending=True, timeout_s=10)])
    clock.advance(timedelta(seconds=10))
    return ledger


def pending_of(ledger: LedgerService) -> dict[str, tuple[int, int]]:
    page, _ = ledger.list_accounts(limit=100)
    return {a.id: (a.balance.debits_pending, a.balance.credits_pending) for a in page}


def test_list_accounts_shows_no_expired_hold(lapsed: LedgerService) -> None:
    shown = pending_of(lapsed)
    assert (shown[WALLET], shown[SHOP]) == ((0, 0), (0, 0))


def test_list_accounts_shows_a_live_hold(ledger: LedgerService, clock: FixedClock) -> None:
    open_chart(ledger)
    ledger.apply([move("je_hold", WALLET, SHOP, 300, pending=True, timeout_s=10)])
    clock.advance(timedelta(seconds=9))
    assert pending_of(ledger)[WALLET] == (300, 0)


def test_get_account_shows_no_expired_hold_while_its_expiry_is_skipped(
    lapsed: LedgerService, engine: sa.Engine
) -> None:
    with engine.connect() as other, other.begin():
        other.execute(
            sa.text("SELECT 1 FROM ledger_accounts WHERE id = :id FOR UPDATE"), {"id": SHOP}
        )
        wallet = lapsed.get_account(WALLET)
    assert wallet.balance.debits_pending == 0
    assert wallet.balance.available_to_debit == FUNDED
    assert lapsed.get_entry("je_hold").kind.value == "pending"  # its expiry was not written


def test_balance_at_a_time_shows_no_hold_expired_by_then(
    lapsed: LedgerService, clock: FixedClock
) -> None:
    """The expiry is written later (here: never); the hold held nothing once 10 s had passed."""
    assert lapsed.balance_at(WALLET, clock.now() - timedelta(seconds=1)).debits_pending == 300
    assert lapsed.balance_at(WALLET, clock.now()).debits_pending == 0
    lapsed.expire()
    clock.advance(timedelta(hours=1))
    assert lapsed.balance_at(WALLET, clock.now() - timedelta(hours=1)).debits_pending == 0


def test_creating_an_existing_account_again_shows_no_expired_hold(lapsed: LedgerService) -> None:
    [(wallet, created)] = lapsed.create_accounts(
        [NewAccount(WALLET, "INR", AccountKind.LIABILITY, debits_must_not_exceed_credits=True)]
    )
    assert not created
    assert wallet.balance.debits_pending == 0
