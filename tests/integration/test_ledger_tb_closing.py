"""Conformance with TigerBeetle's closing transfers (``closing_debit`` / ``closing_credit``).

TigerBeetle's reference (``transfer.md``, ``account.md``): a closing flag requires a pending
transfer (``closing_transfer_must_be_pending``); when it succeeds, the debit (credit) account is
closed atomically with the movement; a closed account refuses every transfer except voiding a
pending one; voiding the closing transfer, or its expiry, reopens the account; it cannot be
posted (its account is closed). paysetu closes every account the entry debits (credits), records
each change as an account event, and refuses to reopen by hand an account that a pending
closing entry holds closed. One test per rule.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from paysetu.kernel.clock import FixedClock
from paysetu.ledger.rules.entries import Balance, EntryKind, PendingResolution
from paysetu.ledger.rules.errors import (
    AccountRejected,
    AccountStateStatus,
    CreateEntryStatus,
    EntryRejected,
)
from paysetu.ledger.usecases.service import LedgerService
from tests.integration.ledger_builders import (
    CASH,
    FUNDED,
    SHOP,
    WALLET,
    move,
    open_chart,
    refused_unchanged,
)

S = CreateEntryStatus
pytestmark = pytest.mark.postgres


@pytest.fixture
def chart(ledger: LedgerService) -> LedgerService:
    open_chart(ledger)
    return ledger


def events(engine: sa.Engine, account_id: str) -> list[tuple[str, str]]:
    with engine.connect() as connection:
        rows = connection.execute(
            sa.text(
                "SELECT event, reason FROM ledger_account_events WHERE account_id = :id ORDER BY id"
            ),
            {"id": account_id},
        ).all()
    return [(r.event, r.reason) for r in rows]


def close_wallet(ledger: LedgerService, amount: int = FUNDED, timeout_s: int | None = None) -> None:
    """The close-account recipe: the wallet's last movement and its closing, atomically."""
    closing = move(
        "je_close", WALLET, CASH, amount, pending=True, closing_debit=True, timeout_s=timeout_s
    )
    ledger.apply([closing])


def test_closing_transfer_must_be_pending() -> None:
    with pytest.raises(EntryRejected) as refused:
        move("je_close", WALLET, CASH, 5, closing_debit=True)
    assert (refused.value.code, refused.value.param) == (
        S.CLOSING_TRANSFER_MUST_BE_PENDING,
        "closing_debit",
    )


def test_closing_debit_closes_the_debit_account_atomically(
    chart: LedgerService, engine: sa.Engine
) -> None:
    close_wallet(chart)
    wallet = chart.get_account(WALLET)
    assert wallet.closed
    assert wallet.balance == Balance(FUNDED, 0, 0, FUNDED)
    assert not chart.get_account(CASH).closed
    assert chart.get_entry("je_close").closing_debit
    assert events(engine, WALLET)[-1] == ("closed", "closing entry je_close")


def test_closing_credit_closes_the_credit_account(chart: LedgerService) -> None:
    chart.apply([move("je_close", CASH, SHOP, 0, pending=True, closing_credit=True)])
    assert chart.get_account(SHOP).closed
    assert not chart.get_account(CASH).closed


def test_a_closed_account_refuses_new_entries(chart: LedgerService, engine: sa.Engine) -> None:
    close_wallet(chart, 0)
    refused_unchanged(
        engine,
        chart,
        [move("je_in", CASH, WALLET, 5)],
        S.CREDIT_ACCOUNT_ALREADY_CLOSED,
        "postings[1].account_id",
    )


def test_a_closing_entry_on_a_closed_account_is_refused(
    chart: LedgerService, engine: sa.Engine
) -> None:
    close_wallet(chart, 0)
    refused_unchanged(
        engine,
        chart,
        [move("je_again", WALLET, CASH, 0, pending=True, closing_debit=True)],
        S.DEBIT_ACCOUNT_ALREADY_CLOSED,
        "postings[0].account_id",
    )


def test_voiding_the_closing_entry_reopens_the_account(
    chart: LedgerService, engine: sa.Engine
) -> None:
    close_wallet(chart)
    chart.apply([PendingResolution("je_reopen", "je_close", post=False)])
    wallet = chart.get_account(WALLET)
    assert not wallet.closed
    assert wallet.balance == Balance(0, 0, 0, FUNDED)
    assert events(engine, WALLET)[-1] == ("reopened", "void je_reopen")
    chart.apply([move("je_in", CASH, WALLET, 5)])


def test_posting_a_closing_entry_is_refused_as_its_account_is_closed(
    chart: LedgerService, engine: sa.Engine
) -> None:
    close_wallet(chart)
    refused_unchanged(
        engine,
        chart,
        [PendingResolution("je_post", "je_close", post=True)],
        S.DEBIT_ACCOUNT_ALREADY_CLOSED,
        "pending_id",
    )


def test_expiry_of_the_closing_entry_reopens_the_account(
    chart: LedgerService, engine: sa.Engine, clock: FixedClock
) -> None:
    close_wallet(chart, 0, timeout_s=60)
    clock.advance(timedelta(seconds=60))
    # read before any expiry is written: the lapsed closing entry holds nothing closed
    [listed] = [a for a in chart.list_accounts(limit=1000)[0] if a.id == WALLET]
    assert not listed.closed
    # a new entry writes the expiry (lazily) and applies
    chart.apply([move("je_in", CASH, WALLET, 5)])
    assert chart.get_entry("je_close").kind is EntryKind.PENDING
    assert events(engine, WALLET)[-1] == ("reopened", "expiry of je_close")
    assert not chart.get_account(WALLET).closed


def test_the_sweeper_reopens_an_account_whose_closing_entry_expired(
    chart: LedgerService, engine: sa.Engine, clock: FixedClock
) -> None:
    close_wallet(chart, 0, timeout_s=60)
    clock.advance(timedelta(seconds=61))
    assert chart.expire() == 1
    assert events(engine, WALLET)[-1] == ("reopened", "expiry of je_close")


def test_an_account_held_closed_by_a_closing_entry_is_not_reopened_by_hand(
    chart: LedgerService,
) -> None:
    close_wallet(chart, 0)
    with pytest.raises(AccountRejected) as refused:
        chart.reopen_account(WALLET, "by hand")
    assert refused.value.code is AccountStateStatus.ACCOUNT_CLOSED_BY_PENDING_ENTRY
    assert chart.get_account(WALLET).closed


def test_a_replay_with_other_closing_flags_is_exists_with_different_flags(
    chart: LedgerService, engine: sa.Engine
) -> None:
    close_wallet(chart, 0)
    refused_unchanged(
        engine,
        chart,
        [move("je_close", WALLET, CASH, 0, pending=True)],
        S.EXISTS_WITH_DIFFERENT_FLAGS,
        "id",
    )
