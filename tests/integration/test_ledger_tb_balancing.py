"""Conformance with TigerBeetle's balancing transfers: the amount is capped by the account's net
balance on the balancing side, whether or not the account carries a limit flag.

TigerBeetle: with ``balancing_debit``, amount = min(amount, credits_posted - (debits_posted +
debits_pending)), saturating at zero; ``balancing_credit`` mirrors it. One test per rule.
A balancing entry with nothing to move succeeds with amount 0, as in TigerBeetle since 0.16
(before 0.16 it was refused with ``exceeds_credits`` / ``exceeds_debits``).
"""

from __future__ import annotations

import pytest

from paysetu.ledger.rules.entries import AccountKind, NewAccount
from paysetu.ledger.usecases.service import LedgerService
from tests.integration.ledger_builders import (
    CASH,
    FUNDED,
    SHOP,
    WALLET,
    move,
    open_chart,
)

pytestmark = pytest.mark.postgres
FREE = "acct_free"  # a liability without any limit flag


@pytest.fixture
def chart(ledger: LedgerService) -> LedgerService:
    open_chart(ledger)
    ledger.create_accounts([NewAccount(FREE, "INR", AccountKind.LIABILITY)])
    ledger.apply([move("je_free_in", CASH, FREE, 700)])
    return ledger


def moved(ledger: LedgerService, entry_id: str) -> list[int]:
    return [p.amount_minor for p in ledger.get_entry(entry_id).postings]


def test_balancing_debit_caps_by_the_net_balance_without_a_flag(chart: LedgerService) -> None:
    chart.apply([move("je_sweep", FREE, SHOP, 5_000, balancing_debit=True)])
    assert moved(chart, "je_sweep") == [700, 700]
    assert chart.get_entry("je_sweep").amount_requested == 5_000


def test_balancing_debit_counts_pending_debits(chart: LedgerService) -> None:
    chart.apply([move("je_hold", FREE, SHOP, 200, pending=True)])
    chart.apply([move("je_sweep", FREE, SHOP, 5_000, balancing_debit=True)])
    assert moved(chart, "je_sweep") == [500, 500]


def test_balancing_credit_caps_by_the_net_balance_without_a_flag(chart: LedgerService) -> None:
    # CASH (an unflagged asset) has 1,700 of debits and no credits: it can take 1,700.
    chart.apply([move("je_back", FREE, CASH, 9_000, balancing_credit=True)])
    assert moved(chart, "je_back") == [FUNDED + 700, FUNDED + 700]


def test_balancing_moves_the_smaller_of_both_caps(chart: LedgerService) -> None:
    chart.apply([move("je_both", FREE, CASH, 9_000, balancing_debit=True, balancing_credit=True)])
    assert moved(chart, "je_both") == [700, 700]


def test_balancing_debit_with_nothing_to_move_succeeds_with_amount_0(chart: LedgerService) -> None:
    before = chart.get_account(CASH).balance
    [applied] = chart.apply([move("je_none", CASH, SHOP, 5, balancing_debit=True)])
    assert not applied.replayed
    assert moved(chart, "je_none") == [0, 0]
    assert chart.get_entry("je_none").amount_requested == 5
    assert chart.get_account(CASH).balance == before
    # a replay asks the same 5 and is recognised; asking more is another request
    assert chart.apply([move("je_none", CASH, SHOP, 5, balancing_debit=True)])[0].replayed


def test_balancing_credit_with_nothing_to_take_succeeds_with_amount_0(
    chart: LedgerService,
) -> None:
    before = chart.get_account(WALLET).balance
    chart.apply([move("je_none", CASH, WALLET, 5, balancing_credit=True)])
    assert moved(chart, "je_none") == [0, 0]
    assert chart.get_account(WALLET).balance == before
