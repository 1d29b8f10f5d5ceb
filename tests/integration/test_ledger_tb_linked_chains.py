"""Conformance with TigerBeetle's linked chains: one result other than success fails the chain.

In paysetu every batch of more than one entry is one chain (TigerBeetle's ``flags.linked`` on
all but the last event), so TigerBeetle's ``linked_event_chain_open`` cannot arise: the JSON
format has no per-entry ``linked`` key (``reserved_field``, see the unit tests). An id that
already exists is a result other than success too (``exists``): a chain that is partly stored
fails, while a batch stored whole is replayed whole. One test per rule.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from paysetu.ledger.rules.entries import EntryRequest
from paysetu.ledger.rules.errors import BatchRejected, CreateEntryStatus
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


def statuses(rejection: object) -> list[CreateEntryStatus | None]:
    assert isinstance(rejection, BatchRejected)
    return [result.status for result in rejection.results]


def test_linked_event_failed(chart: LedgerService, engine: sa.Engine) -> None:
    batch: list[EntryRequest] = [
        move("je_1", CASH, WALLET, 5),
        move("je_2", WALLET, SHOP, FUNDED + 6),
        move("je_3", CASH, SHOP, 5),
    ]
    rejection = refused_unchanged(engine, chart, batch, S.EXCEEDS_CREDITS, "entries[1].postings")
    assert statuses(rejection) == [S.LINKED_EVENT_FAILED, S.EXCEEDS_CREDITS, S.LINKED_EVENT_FAILED]


def test_exists_fails_the_chain(chart: LedgerService, engine: sa.Engine) -> None:
    chart.apply([move("je_1", CASH, WALLET, 5)])
    rejection = refused_unchanged(
        engine,
        chart,
        [move("je_1", CASH, WALLET, 5), move("je_2", CASH, SHOP, 5)],
        S.EXISTS,
        "entries[0].id",
    )
    assert statuses(rejection) == [S.EXISTS, S.LINKED_EVENT_FAILED]


def test_exists_late_in_the_chain_fails_the_entries_before_it(
    chart: LedgerService, engine: sa.Engine
) -> None:
    chart.apply([move("je_1", CASH, WALLET, 5)])
    rejection = refused_unchanged(
        engine, chart, [move("je_2", CASH, SHOP, 5), move("je_1", CASH, WALLET, 5)], S.EXISTS
    )
    assert statuses(rejection) == [S.LINKED_EVENT_FAILED, S.EXISTS]


def test_exists_with_different_comes_before_exists(chart: LedgerService, engine: sa.Engine) -> None:
    chart.apply([move("je_1", CASH, WALLET, 5)])
    refused_unchanged(
        engine,
        chart,
        [move("je_2", CASH, SHOP, 5), move("je_1", CASH, WALLET, 6)],
        S.EXISTS_WITH_DIFFERENT_AMOUNT,
        "entries[1].postings",
    )


def test_exists_for_an_id_repeated_in_one_batch(chart: LedgerService, engine: sa.Engine) -> None:
    rejection = refused_unchanged(
        engine, chart, [move("je_1", CASH, WALLET, 5), move("je_1", CASH, WALLET, 5)], S.EXISTS
    )
    assert statuses(rejection) == [S.LINKED_EVENT_FAILED, S.EXISTS]


def test_a_batch_stored_whole_is_replayed_whole(chart: LedgerService) -> None:
    batch = [move("je_1", CASH, WALLET, 5), move("je_2", WALLET, SHOP, 5, pending=True)]
    assert [a.replayed for a in chart.apply(batch)] == [False, False]
    assert [a.replayed for a in chart.apply(batch)] == [True, True]
    assert chart.get_account(WALLET).balance.available_to_debit == FUNDED


def test_a_single_entry_is_replayed(chart: LedgerService) -> None:
    assert chart.apply([move("je_fund", CASH, WALLET, FUNDED)])[0].replayed
