"""Conformance with TigerBeetle's ``id_already_failed``: an id refused for a reason that
depended on the ledger's state fails again when retried, whatever the state is by then.

TigerBeetle's transient results (account not found or closed, pending transfer not found,
exceeds_credits/debits) orphan the transfer's id. Without it, a client that retries after
``exceeds_credits`` would see a payment go through a minute later, once funds arrived. Other
refusals, and the entries of a chain that only failed because another did, keep their ids free.
"""

from __future__ import annotations

import psycopg
import pytest
import sqlalchemy as sa

from paysetu.ledger.rules.entries import AccountKind, NewAccount, PendingResolution
from paysetu.ledger.rules.errors import BatchRejected, CreateEntryStatus
from paysetu.ledger.usecases.service import LedgerService
from tests.integration.ledger_builders import (
    CASH,
    FUNDED,
    SHOP,
    WALLET,
    move,
    open_chart,
    refused,
    refused_unchanged,
)

S = CreateEntryStatus
pytestmark = pytest.mark.postgres


@pytest.fixture
def chart(ledger: LedgerService) -> LedgerService:
    open_chart(ledger)
    return ledger


def test_id_already_failed_after_exceeds_credits(chart: LedgerService, engine: sa.Engine) -> None:
    assert refused(lambda: chart.apply([move("je_pay", WALLET, SHOP, FUNDED + 1)])).code is (
        S.EXCEEDS_CREDITS
    )
    chart.apply([move("je_topup", CASH, WALLET, 5)])
    refused_unchanged(
        engine, chart, [move("je_pay", WALLET, SHOP, FUNDED + 1)], S.ID_ALREADY_FAILED, "id"
    )
    chart.apply([move("je_pay_2", WALLET, SHOP, FUNDED + 1)])  # a new id is a new attempt


def test_id_already_failed_after_debit_account_not_found(
    chart: LedgerService, engine: sa.Engine
) -> None:
    entry = move("je_pay", "acct_later", SHOP, 5)
    assert refused(lambda: chart.apply([entry])).code is S.DEBIT_ACCOUNT_NOT_FOUND
    chart.create_accounts([NewAccount("acct_later", "INR", AccountKind.ASSET)])
    refused_unchanged(engine, chart, [entry], S.ID_ALREADY_FAILED)


def test_id_already_failed_after_pending_transfer_not_found(
    chart: LedgerService, engine: sa.Engine
) -> None:
    post = PendingResolution("je_capture", "je_hold", post=True)
    assert refused(lambda: chart.apply([post])).code is S.PENDING_TRANSFER_NOT_FOUND
    chart.apply([move("je_hold", WALLET, SHOP, 5, pending=True)])
    refused_unchanged(engine, chart, [post], S.ID_ALREADY_FAILED)


def test_id_already_failed_after_credit_account_already_closed(
    chart: LedgerService, engine: sa.Engine
) -> None:
    chart.close_account(SHOP)
    entry = move("je_pay", WALLET, SHOP, 5)
    assert refused(lambda: chart.apply([entry])).code is S.CREDIT_ACCOUNT_ALREADY_CLOSED
    chart.reopen_account(SHOP)
    refused_unchanged(engine, chart, [entry], S.ID_ALREADY_FAILED)


def test_id_already_failed_only_for_the_entry_that_failed_in_a_chain(
    chart: LedgerService, engine: sa.Engine
) -> None:
    ok, short = move("je_ok", CASH, WALLET, 5), move("je_short", WALLET, SHOP, FUNDED + 6)
    rejection = refused(lambda: chart.apply([ok, short]))
    assert isinstance(rejection, BatchRejected)
    assert [r.status for r in rejection.results] == [S.LINKED_EVENT_FAILED, S.EXCEEDS_CREDITS]
    chart.apply([ok])  # linked_event_failed is no verdict on je_ok itself
    refused_unchanged(engine, chart, [short], S.ID_ALREADY_FAILED)


def test_refusals_that_do_not_depend_on_state_keep_the_id_free(chart: LedgerService) -> None:
    held = move("je_hold", WALLET, SHOP, 5, pending=True)
    chart.apply([held])
    post = PendingResolution("je_capture", "je_hold", post=True, amount_minor=6)
    assert refused(lambda: chart.apply([post])).code is S.EXCEEDS_PENDING_TRANSFER_AMOUNT
    chart.apply([PendingResolution("je_capture", "je_hold", post=True, amount_minor=5)])


def test_id_already_failed_is_not_a_replay_and_exists_wins(chart: LedgerService) -> None:
    chart.apply([move("je_pay", WALLET, SHOP, 5)])
    assert chart.apply([move("je_pay", WALLET, SHOP, 5)])[0].replayed


def test_failed_ids_are_append_only(chart: LedgerService, engine: sa.Engine) -> None:
    refused(lambda: chart.apply([move("je_pay", WALLET, SHOP, FUNDED + 1)]))
    for statement in (
        "UPDATE ledger_failed_entries SET code = 'x'",
        "DELETE FROM ledger_failed_entries",
    ):
        with engine.connect() as connection, pytest.raises(sa.exc.DBAPIError) as error:
            connection.exec_driver_sql(statement)
        assert isinstance(error.value.orig, psycopg.Error)
        assert error.value.orig.sqlstate == "PSL02"
