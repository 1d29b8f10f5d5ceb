"""The ledger answers over a real PostgreSQL: a first transfer, a replay, a refusal."""

import pytest

from paysetu.ledger.rules.entries import AccountKind, Direction, NewAccount, NewEntry, Posting
from paysetu.ledger.rules.errors import CreateEntryStatus, EntryRejected
from paysetu.ledger.usecases.service import LedgerService


def test_transfer_then_replay_then_refusal(ledger: LedgerService) -> None:
    ledger.create_accounts([
        NewAccount("acct_cash", "INR", AccountKind.ASSET),
        NewAccount(
            "acct_wallet", "INR", AccountKind.LIABILITY, debits_must_not_exceed_credits=True
        ),
    ])
    top_up = NewEntry("je_topup", (
        Posting("acct_cash", Direction.DEBIT, 10_000, "INR"),
        Posting("acct_wallet", Direction.CREDIT, 10_000, "INR"),
    ))
    assert [a.replayed for a in ledger.apply([top_up])] == [False]
    assert [a.replayed for a in ledger.apply([top_up])] == [True]
    overdraw = NewEntry("je_overdraw", (
        Posting("acct_wallet", Direction.DEBIT, 10_001, "INR"),
        Posting("acct_cash", Direction.CREDIT, 10_001, "INR"),
    ))
    with pytest.raises(EntryRejected) as refused:
        ledger.apply([overdraw])
    assert refused.value.code is CreateEntryStatus.EXCEEDS_CREDITS
    assert ledger.get_account("acct_wallet").balance.credit_balance_posted == 10_000
    assert ledger.audit().passed
