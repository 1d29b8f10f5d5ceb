"""Conformance with TigerBeetle's two-phase transfers: what a post or void may say about the
pending entry it resolves, and in which order the refusals come.

From TigerBeetle's ``create_transfers`` reference: a post or void may repeat the pending
transfer's accounts, ledger (paysetu: currency) and amount, and is refused when it names
others (``pending_transfer_has_different_*``); a void's amount is zero (paysetu: absent) or
exactly the pending amount; more than reserved is ``exceeds_pending_transfer_amount``; these
come before the pending entry's outcome (already posted, voided, expired). One test per rule.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from paysetu.ledger.rules.entries import EntryKind, PendingResolution
from paysetu.ledger.rules.errors import CreateEntryStatus
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
def held(ledger: LedgerService) -> LedgerService:
    """The chart, with ``je_hold`` reserving 400 from the wallet to the shop."""
    open_chart(ledger)
    ledger.apply([move("je_hold", WALLET, SHOP, 400, pending=True)])
    return ledger


def resolve(post: bool, **named: object) -> PendingResolution:
    return PendingResolution("je_out", "je_hold", post, **named)  # type: ignore[arg-type]


@pytest.mark.parametrize("post", [True, False])
def test_pending_transfer_has_different_debit_account_id(
    held: LedgerService, engine: sa.Engine, post: bool
) -> None:
    refused_unchanged(
        engine,
        held,
        [resolve(post, debit_account_id=SHOP)],
        S.PENDING_TRANSFER_HAS_DIFFERENT_DEBIT_ACCOUNT_ID,
        "debit_account_id",
    )


@pytest.mark.parametrize("post", [True, False])
def test_pending_transfer_has_different_credit_account_id(
    held: LedgerService, engine: sa.Engine, post: bool
) -> None:
    refused_unchanged(
        engine,
        held,
        [resolve(post, credit_account_id=CASH)],
        S.PENDING_TRANSFER_HAS_DIFFERENT_CREDIT_ACCOUNT_ID,
        "credit_account_id",
    )


@pytest.mark.parametrize("post", [True, False])
def test_pending_transfer_has_different_currency(
    held: LedgerService, engine: sa.Engine, post: bool
) -> None:
    refused_unchanged(
        engine,
        held,
        [resolve(post, currency="JPY")],
        S.PENDING_TRANSFER_HAS_DIFFERENT_CURRENCY,
        "currency",
    )


@pytest.mark.parametrize("post", [True, False])
def test_post_or_void_naming_the_pending_entry_succeeds(held: LedgerService, post: bool) -> None:
    held.apply([resolve(post, debit_account_id=WALLET, credit_account_id=SHOP, currency="INR")])
    entry = held.get_entry("je_out")
    assert entry.kind is (EntryKind.POST_PENDING if post else EntryKind.VOID_PENDING)
    wallet = held.get_account(WALLET).balance
    assert (wallet.debits_pending, wallet.debits_posted) == (0, 400 if post else 0)


def test_void_may_name_the_pending_amount(held: LedgerService) -> None:
    held.apply([resolve(False, amount_minor=400)])
    assert held.get_entry("je_out").amount_requested == 400
    assert held.get_account(WALLET).balance.available_to_debit == FUNDED


def test_pending_transfer_has_different_amount(held: LedgerService, engine: sa.Engine) -> None:
    refused_unchanged(
        engine,
        held,
        [resolve(False, amount_minor=399)],
        S.PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT,
        "amount_minor",
    )


@pytest.mark.parametrize("post", [True, False])
def test_exceeds_pending_transfer_amount(
    held: LedgerService, engine: sa.Engine, post: bool
) -> None:
    refused_unchanged(
        engine,
        held,
        [resolve(post, amount_minor=401)],
        S.EXCEEDS_PENDING_TRANSFER_AMOUNT,
        "amount_minor",
    )


def test_pending_transfer_has_different_comes_before_already_posted(
    held: LedgerService, engine: sa.Engine
) -> None:
    held.apply([PendingResolution("je_first", "je_hold", post=True)])
    refused_unchanged(
        engine,
        held,
        [resolve(False, debit_account_id=SHOP)],
        S.PENDING_TRANSFER_HAS_DIFFERENT_DEBIT_ACCOUNT_ID,
    )
    refused_unchanged(
        engine, held, [resolve(False, amount_minor=1)], S.PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT
    )
    refused_unchanged(engine, held, [resolve(False)], S.PENDING_TRANSFER_ALREADY_POSTED)


def test_replayed_void_compares_its_amount(held: LedgerService, engine: sa.Engine) -> None:
    held.apply([resolve(False, amount_minor=400)])
    assert held.apply([resolve(False, amount_minor=400)])[0].replayed
    refused_unchanged(engine, held, [resolve(False)], S.EXISTS_WITH_DIFFERENT_AMOUNT)
