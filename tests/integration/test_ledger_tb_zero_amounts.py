"""Conformance with TigerBeetle's zero amounts (since 0.16): where a transfer of 0 is allowed.

TigerBeetle's reference (``transfer.md``, ``two-phase-transfers.md``): a transfer's amount may
be 0; a post moves the amount it names, so a post of 0 moves nothing and releases the whole
reservation; a void's amount 0 means "the pending amount"; a balancing transfer with nothing
to move is written with amount 0 (``test_ledger_tb_balancing.py``). paysetu stores the entry's
postings with 0, so history and replays still name the accounts; amounts stay never negative.
One test per rule.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from paysetu.ledger.rules.entries import (
    Balance,
    Direction,
    EntryKind,
    NewEntry,
    PendingResolution,
    Posting,
)
from paysetu.ledger.rules.errors import CreateEntryStatus, EntryRejected
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


def amounts(ledger: LedgerService, entry_id: str) -> list[int]:
    return [p.amount_minor for p in ledger.get_entry(entry_id).postings]


def test_a_single_phase_entry_of_0_is_applied_and_moves_nothing(chart: LedgerService) -> None:
    before = [chart.get_account(a).balance for a in (WALLET, SHOP)]
    [applied] = chart.apply([move("je_zero", WALLET, SHOP, 0)])
    assert not applied.replayed
    assert amounts(chart, "je_zero") == [0, 0]
    assert [chart.get_account(a).balance for a in (WALLET, SHOP)] == before
    assert chart.apply([move("je_zero", WALLET, SHOP, 0)])[0].replayed
    assert chart.audit().passed


def test_a_pending_entry_of_0_reserves_nothing_and_can_be_posted(chart: LedgerService) -> None:
    chart.apply([move("je_hold", WALLET, SHOP, 0, pending=True)])
    assert chart.get_account(WALLET).balance == Balance(0, 0, 0, FUNDED)
    chart.apply([PendingResolution("je_post", "je_hold", post=True)])
    assert chart.get_entry("je_post").kind is EntryKind.POST_PENDING
    assert amounts(chart, "je_post") == [0, 0]


def test_a_post_of_0_releases_the_hold_and_moves_nothing(chart: LedgerService) -> None:
    chart.apply([move("je_hold", WALLET, SHOP, 400, pending=True)])
    assert chart.get_account(WALLET).balance == Balance(400, 0, 0, FUNDED)
    chart.apply([PendingResolution("je_post", "je_hold", post=True, amount_minor=0)])
    assert chart.get_account(WALLET).balance == Balance(0, 0, 0, FUNDED)
    assert chart.get_account(SHOP).balance == Balance(0, 0, 0, 0)
    posted = chart.get_entry("je_post")
    assert (posted.kind, posted.amount_requested) == (EntryKind.POST_PENDING, 0)
    assert amounts(chart, "je_post") == [0, 0]
    # it is the pending entry's outcome: nothing else may resolve it
    with pytest.raises(EntryRejected) as second:
        chart.apply([PendingResolution("je_void", "je_hold", post=False)])
    assert second.value.code is S.PENDING_TRANSFER_ALREADY_POSTED
    assert chart.audit().passed


def test_a_post_of_0_releases_a_hold_of_more_than_two_postings(chart: LedgerService) -> None:
    fan_out = NewEntry(
        "je_hold",
        (
            Posting(WALLET, Direction.DEBIT, 300, "INR"),
            Posting(SHOP, Direction.CREDIT, 200, "INR"),
            Posting(CASH, Direction.CREDIT, 100, "INR"),
        ),
        pending=True,
    )
    chart.apply([fan_out])
    chart.apply([PendingResolution("je_post", "je_hold", post=True, amount_minor=0)])
    assert chart.get_account(WALLET).balance == Balance(0, 0, 0, FUNDED)
    assert amounts(chart, "je_post") == [0, 0, 0]


def test_a_partial_post_above_0_still_needs_two_postings(
    chart: LedgerService, engine: sa.Engine
) -> None:
    chart.apply(
        [
            NewEntry(
                "je_hold",
                (
                    Posting(WALLET, Direction.DEBIT, 300, "INR"),
                    Posting(SHOP, Direction.CREDIT, 200, "INR"),
                    Posting(CASH, Direction.CREDIT, 100, "INR"),
                ),
                pending=True,
            )
        ]
    )
    refused_unchanged(
        engine,
        chart,
        [PendingResolution("je_post", "je_hold", post=True, amount_minor=50)],
        S.PARTIAL_POST_REQUIRES_TWO_POSTINGS,
        "amount_minor",
    )


def test_a_void_of_amount_0_voids_the_pending_amount(chart: LedgerService) -> None:
    chart.apply([move("je_hold", WALLET, SHOP, 400, pending=True)])
    chart.apply([PendingResolution("je_void", "je_hold", post=False, amount_minor=0)])
    assert chart.get_account(WALLET).balance == Balance(0, 0, 0, FUNDED)
    # 0 is "not given": the same request as a void naming no amount
    assert chart.apply([PendingResolution("je_void", "je_hold", post=False)])[0].replayed


def test_a_negative_amount_is_refused(chart: LedgerService) -> None:
    with pytest.raises(EntryRejected) as refused:
        move("je_negative", WALLET, SHOP, -1)
    assert refused.value.code is S.AMOUNT_MUST_NOT_BE_NEGATIVE
