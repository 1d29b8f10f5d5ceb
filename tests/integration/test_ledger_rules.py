"""Every stateful refusal of the ledger, produced on real PostgreSQL, and proof that a refused
entry or batch wrote nothing (every row and the audit are identical before and after).

These codes come from ``ledger_apply`` in PL/pgSQL, not from Python, so only a real database
can show that each one is reachable, is reported with the right param, and rolls back cleanly.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from paysetu.kernel.clock import FixedClock
from paysetu.kernel.money import AMOUNT_MINOR_MAX
from paysetu.ledger.rules.entries import (
    ENTRIES_PER_BATCH_MAX,
    AccountKind,
    Direction,
    EntryKind,
    EntryRequest,
    NewAccount,
    NewEntry,
    PendingResolution,
    Posting,
)
from paysetu.ledger.rules.errors import AccountRejected, CreateAccountStatus, CreateEntryStatus
from paysetu.ledger.usecases.service import LedgerService
from tests.integration.ledger_builders import (
    CAPPED,
    CASH,
    FUNDED,
    SHOP,
    WALLET,
    YEN,
    move,
    open_chart,
    refused,
    refused_unchanged,
    snapshot,
)

S = CreateEntryStatus
pytestmark = pytest.mark.postgres


@pytest.fixture
def chart(ledger: LedgerService) -> LedgerService:
    open_chart(ledger)
    return ledger


@pytest.mark.parametrize(
    ("entry", "code", "param"),
    [
        (move("je_x", "acct_nope", SHOP, 5), S.DEBIT_ACCOUNT_NOT_FOUND, "postings[0].account_id"),
        (move("je_x", WALLET, "acct_nope", 5), S.CREDIT_ACCOUNT_NOT_FOUND,
         "postings[1].account_id"),
        (move("je_x", "acct_no1", "acct_no2", 5), S.DEBIT_ACCOUNT_NOT_FOUND,
         "postings[0].account_id"),
        # a missing account outranks a currency mismatch on the other posting
        (move("je_x", YEN, "acct_nope", 5), S.CREDIT_ACCOUNT_NOT_FOUND, "postings[1].account_id"),
        (move("je_x", YEN, CASH, 5), S.CURRENCY_MUST_MATCH_ACCOUNT, "postings[0].currency"),
        (move("je_x", CASH, YEN, 5, "JPY"), S.CURRENCY_MUST_MATCH_ACCOUNT, "postings[0].currency"),
        (move("je_x", WALLET, SHOP, FUNDED + 1), S.EXCEEDS_CREDITS, "postings"),
        (move("je_x", CASH, CAPPED, 1), S.EXCEEDS_DEBITS, "postings"),
        (move("je_x", WALLET, SHOP, 1, reverses_id="je_nope"), S.REVERSED_ENTRY_NOT_FOUND,
         "reverses_id"),
    ],
)
def test_refusal_from_stored_accounts_changes_nothing(
    chart: LedgerService, engine: sa.Engine, entry: NewEntry, code: S, param: str
) -> None:
    refused_unchanged(engine, chart, [entry], code, param)


def test_closed_accounts_refuse_debits_and_credits(chart: LedgerService, engine: sa.Engine) -> None:
    chart.close_account(SHOP, "merchant left")
    refused_unchanged(engine, chart, [move("je_x1", SHOP, CASH, 1)],
                      S.DEBIT_ACCOUNT_ALREADY_CLOSED, "postings[0].account_id")
    refused_unchanged(engine, chart, [move("je_x2", WALLET, SHOP, 1)],
                      S.CREDIT_ACCOUNT_ALREADY_CLOSED, "postings[1].account_id")
    chart.close_account(CASH)
    refused_unchanged(engine, chart, [move("je_x3", CASH, SHOP, 1)],
                      S.DEBIT_ACCOUNT_ALREADY_CLOSED, "postings[0].account_id")
    # a missing account or a currency mismatch outranks a closed account
    refused_unchanged(engine, chart, [move("je_x4", SHOP, "acct_nope", 1)],
                      S.CREDIT_ACCOUNT_NOT_FOUND, "postings[1].account_id")
    refused_unchanged(engine, chart, [move("je_x5", SHOP, YEN, 1)],
                      S.CURRENCY_MUST_MATCH_ACCOUNT, "postings[1].currency")
    chart.reopen_account(SHOP)
    chart.reopen_account(CASH)
    assert [a.replayed for a in chart.apply([move("je_x6", WALLET, SHOP, 1)])] == [False]
    # the refused ids stay refused (id_already_failed), though the accounts are open again
    refused_unchanged(engine, chart, [move("je_x2", WALLET, SHOP, 1)], S.ID_ALREADY_FAILED)


def test_a_pending_reservation_counts_against_the_limit(
    chart: LedgerService, engine: sa.Engine
) -> None:
    chart.apply([move("je_hold", WALLET, SHOP, 600, pending=True)])
    refused_unchanged(engine, chart, [move("je_x", WALLET, SHOP, 401)], S.EXCEEDS_CREDITS)
    chart.apply([move("je_y", WALLET, SHOP, 400)])
    assert chart.get_account(WALLET).balance.available_to_debit == 0


def test_overflowing_64_bits_is_refused(ledger: LedgerService, engine: sa.Engine) -> None:
    ledger.create_accounts([NewAccount(f"acct_{n}", "INR", AccountKind.ASSET) for n in "abcd"])
    huge = AMOUNT_MINOR_MAX
    twice_debited = NewEntry("je_big", (
        Posting("acct_a", Direction.DEBIT, huge, "INR"),
        Posting("acct_a", Direction.DEBIT, huge, "INR"),
        Posting("acct_b", Direction.CREDIT, huge, "INR"),
        Posting("acct_c", Direction.CREDIT, huge, "INR"),
    ))
    refused_unchanged(engine, ledger, [twice_debited], S.OVERFLOWS_DEBITS)
    ledger.apply([move("je_max", "acct_c", "acct_d", huge)])
    refused_unchanged(engine, ledger, [move("je_one", "acct_b", "acct_d", 1)],
                      S.OVERFLOWS_CREDITS)
    refused_unchanged(engine, ledger, [move("je_one", "acct_c", "acct_b", 1)], S.OVERFLOWS_DEBITS)


def test_pending_transfer_refusals(chart: LedgerService, engine: sa.Engine) -> None:
    def post(entry_id: str, pending_id: str, amount: int | None = None) -> PendingResolution:
        return PendingResolution(entry_id, pending_id, post=True, amount_minor=amount)

    def void(entry_id: str, pending_id: str) -> PendingResolution:
        return PendingResolution(entry_id, pending_id, post=False)

    chart.apply([move("je_a", WALLET, SHOP, 100, pending=True)])
    chart.apply([move("je_b", WALLET, SHOP, 100, pending=True)])
    three_legs = NewEntry("je_three", (
        Posting(WALLET, Direction.DEBIT, 100, "INR"),
        Posting(SHOP, Direction.CREDIT, 60, "INR"),
        Posting(CASH, Direction.CREDIT, 40, "INR"),
    ), pending=True)
    chart.apply([three_legs])
    refused_unchanged(engine, chart, [post("je_r0", "je_nope")], S.PENDING_TRANSFER_NOT_FOUND,
                      "pending_id")
    refused_unchanged(engine, chart, [void("je_r", "je_fund")], S.PENDING_TRANSFER_NOT_PENDING,
                      "pending_id")
    refused_unchanged(engine, chart, [post("je_r", "je_a", 101)],
                      S.EXCEEDS_PENDING_TRANSFER_AMOUNT, "amount_minor")
    refused_unchanged(engine, chart, [post("je_r", "je_three", 50)],
                      S.PARTIAL_POST_REQUIRES_TWO_POSTINGS, "amount_minor")
    chart.apply([post("je_a_post", "je_a"), void("je_b_void", "je_b")])
    for resolution in (post("je_r", "je_a"), void("je_r", "je_a")):
        refused_unchanged(engine, chart, [resolution], S.PENDING_TRANSFER_ALREADY_POSTED,
                          "pending_id")
    for resolution in (post("je_r", "je_b"), void("je_r", "je_b")):
        refused_unchanged(engine, chart, [resolution], S.PENDING_TRANSFER_ALREADY_VOIDED,
                          "pending_id")
    # an outcome id cannot itself be posted: it is not a pending entry
    refused_unchanged(engine, chart, [post("je_r", "je_a_post")], S.PENDING_TRANSFER_NOT_PENDING)


def test_posting_an_expired_reservation_is_refused_and_frees_the_funds(
    chart: LedgerService, engine: sa.Engine, clock: FixedClock
) -> None:
    chart.apply([move("je_hold", WALLET, SHOP, 700, pending=True, timeout_s=60)])
    clock.advance(timedelta(seconds=60))
    rejection = refused(lambda: chart.apply([PendingResolution("je_r", "je_hold", post=True)]))
    assert (rejection.code, rejection.param) == (S.PENDING_TRANSFER_EXPIRED, "pending_id")
    # the refusal recorded the expiry, so the reservation is released for good
    with engine.connect() as connection:
        outcome = connection.execute(sa.text(
            "SELECT kind, created_at FROM ledger_entries WHERE pending_id = 'je_hold'"
        )).one()
    assert (outcome.kind, outcome.created_at) == (EntryKind.EXPIRE_PENDING.value, clock.now())
    assert chart.get_account(WALLET).balance.debits_pending == 0
    refused_unchanged(engine, chart, [PendingResolution("je_r", "je_hold", post=False)],
                      S.PENDING_TRANSFER_EXPIRED)
    assert chart.expire() == 0


def test_reversal_refusals(chart: LedgerService, engine: sa.Engine) -> None:
    chart.apply([move("je_pay", WALLET, SHOP, 100)])
    chart.apply([move("je_hold", WALLET, SHOP, 100, pending=True)])
    before = snapshot(engine)
    missing = refused(lambda: chart.reverse("je_nope", "je_rev", {}))
    assert (missing.code, missing.param) == (S.REVERSED_ENTRY_NOT_FOUND, "entry_id")
    not_posted = refused(lambda: chart.reverse("je_hold", "je_rev", {}))
    assert (not_posted.code, not_posted.param) == (S.REVERSED_ENTRY_NOT_POSTED, "entry_id")
    assert snapshot(engine) == before
    refused_unchanged(engine, chart, [move("je_rev", SHOP, WALLET, 100, reverses_id="je_hold")],
                      S.REVERSED_ENTRY_NOT_POSTED, "reverses_id")
    chart.reverse("je_pay", "je_rev", {"why": "refund"})
    refused_unchanged(engine, chart, [move("je_rev2", SHOP, WALLET, 100, reverses_id="je_pay")],
                      S.ENTRY_ALREADY_REVERSED, "reverses_id")
    again = refused(lambda: chart.reverse("je_pay", "je_rev2", {}))
    assert again.code is S.ENTRY_ALREADY_REVERSED
    assert chart.reverse("je_pay", "je_rev", {"why": "refund"}).replayed


def _pending(entry_id: str, pending_id: str, post: bool, amount: int | None = None) -> (
    PendingResolution
):
    return PendingResolution(entry_id, pending_id, post=post, amount_minor=amount)


# first submission(s), then a resubmission of the same id with other content
_DIFFERENT_CONTENT: list[tuple[list[EntryRequest], EntryRequest, S, str]] = [
    ([move("je_e", WALLET, SHOP, 10)], move("je_e", WALLET, SHOP, 10, pending=True),
     S.EXISTS_WITH_DIFFERENT_KIND, "id"),
    ([move("je_p", WALLET, SHOP, 10, pending=True), _pending("je_e", "je_p", True)],
     _pending("je_e", "je_p", False), S.EXISTS_WITH_DIFFERENT_KIND, "id"),
    ([move("je_e", WALLET, SHOP, 10)], move("je_e", WALLET, SHOP, 10, balancing_debit=True),
     S.EXISTS_WITH_DIFFERENT_FLAGS, "id"),
    ([move("je_e", WALLET, SHOP, 10, balancing_debit=True)],
     move("je_e", WALLET, SHOP, 10, balancing_credit=True), S.EXISTS_WITH_DIFFERENT_FLAGS, "id"),
    ([move("je_p", WALLET, SHOP, 10, pending=True), move("je_q", WALLET, SHOP, 10, pending=True),
      _pending("je_e", "je_p", True)],
     _pending("je_e", "je_q", True), S.EXISTS_WITH_DIFFERENT_PENDING_ID, "pending_id"),
    ([move("je_e", WALLET, SHOP, 10, pending=True, timeout_s=60)],
     move("je_e", WALLET, SHOP, 10, pending=True, timeout_s=61),
     S.EXISTS_WITH_DIFFERENT_TIMEOUT, "timeout_s"),
    ([move("je_e", WALLET, SHOP, 10, pending=True)],
     move("je_e", WALLET, SHOP, 10, pending=True, timeout_s=60),
     S.EXISTS_WITH_DIFFERENT_TIMEOUT, "timeout_s"),
    ([move("je_e", WALLET, SHOP, 10)], move("je_e", WALLET, CASH, 10),
     S.EXISTS_WITH_DIFFERENT_POSTINGS, "postings"),
    ([move("je_e", WALLET, SHOP, 10)], move("je_e", SHOP, WALLET, 10),
     S.EXISTS_WITH_DIFFERENT_POSTINGS, "postings"),
    ([move("je_e", WALLET, SHOP, 10)], move("je_e", WALLET, SHOP, 11),
     S.EXISTS_WITH_DIFFERENT_AMOUNT, "postings"),
    # a balancing entry is compared on what was asked, not on what it could move
    ([move("je_e", WALLET, SHOP, 5_000, balancing_debit=True)],
     move("je_e", WALLET, SHOP, 7_000, balancing_debit=True),
     S.EXISTS_WITH_DIFFERENT_AMOUNT, "postings"),
    ([move("je_e", WALLET, SHOP, 5_000, balancing_debit=True)],
     move("je_e", WALLET, SHOP, FUNDED, balancing_debit=True),
     S.EXISTS_WITH_DIFFERENT_AMOUNT, "postings"),
    ([move("je_p", WALLET, SHOP, 10, pending=True), _pending("je_e", "je_p", True, 4)],
     _pending("je_e", "je_p", True, 5), S.EXISTS_WITH_DIFFERENT_AMOUNT, "amount_minor"),
    ([move("je_p", WALLET, SHOP, 10, pending=True), _pending("je_e", "je_p", True)],
     _pending("je_e", "je_p", True, 10), S.EXISTS_WITH_DIFFERENT_AMOUNT, "amount_minor"),
    ([move("je_e", WALLET, SHOP, 10, metadata={"order": "1"})],
     move("je_e", WALLET, SHOP, 10, metadata={"order": "2"}),
     S.EXISTS_WITH_DIFFERENT_METADATA, "metadata"),
    ([move("je_p", WALLET, SHOP, 10, pending=True), _pending("je_e", "je_p", False)],
     PendingResolution("je_e", "je_p", post=False, metadata={"k": "v"}),
     S.EXISTS_WITH_DIFFERENT_METADATA, "metadata"),
    ([move("je_e", WALLET, SHOP, 10, code=1)], move("je_e", WALLET, SHOP, 10, code=2),
     S.EXISTS_WITH_DIFFERENT_CODE, "code"),
    ([move("je_in", WALLET, SHOP, 10), move("je_e", SHOP, CASH, 10)],
     move("je_e", SHOP, CASH, 10, reverses_id="je_fund"),
     S.EXISTS_WITH_DIFFERENT_REVERSED_ID, "reverses_id"),
]


@pytest.mark.parametrize(("first", "again", "code", "param"), _DIFFERENT_CONTENT)
def test_an_id_reused_with_other_content_is_refused(
    chart: LedgerService,
    engine: sa.Engine,
    first: list[EntryRequest],
    again: EntryRequest,
    code: S,
    param: str,
) -> None:
    for request in first:
        chart.apply([request])
    refused_unchanged(engine, chart, [again], code, param)
    assert [a.replayed for a in chart.apply([first[-1]])] == [True]


def test_every_exists_with_different_code_is_produced() -> None:
    produced = {code for *_, code, _ in _DIFFERENT_CONTENT}
    assert produced == {code for code in S if code.startswith("exists_with_different_")}


def test_a_replay_writes_nothing(chart: LedgerService, engine: sa.Engine) -> None:
    batch: list[EntryRequest] = [
        move("je_pay", WALLET, SHOP, 100, metadata={"order": "o-1"}),
        move("je_hold", WALLET, SHOP, 50, pending=True, timeout_s=600),
        PendingResolution("je_post", "je_hold", post=True, amount_minor=20),
        move("je_all", WALLET, SHOP, 10_000, balancing_debit=True),
    ]
    assert [a.replayed for a in chart.apply(batch)] == [False] * 4
    chart.reverse("je_pay", "je_rev", {})
    before = snapshot(engine)
    assert [a.replayed for a in chart.apply(batch)] == [True] * 4
    assert chart.reverse("je_pay", "je_rev", {}).replayed
    assert snapshot(engine) == before


def test_batch_size_limits(chart: LedgerService, engine: sa.Engine) -> None:
    before = snapshot(engine)
    empty = refused(lambda: chart.apply([]))
    assert (empty.code, empty.param) == (S.BATCH_EMPTY, "entries")
    batch = [move(f"je_{i}", WALLET, SHOP, 1) for i in range(ENTRIES_PER_BATCH_MAX + 1)]
    too_large = refused(lambda: chart.apply(batch))
    assert (too_large.code, too_large.param) == (S.BATCH_TOO_LARGE, "entries")
    assert snapshot(engine) == before


@pytest.mark.parametrize(
    ("again", "code"),
    [
        (NewAccount(WALLET, "JPY", AccountKind.LIABILITY, debits_must_not_exceed_credits=True),
         CreateAccountStatus.EXISTS_WITH_DIFFERENT_CURRENCY),
        (NewAccount(WALLET, "INR", AccountKind.ASSET, debits_must_not_exceed_credits=True),
         CreateAccountStatus.EXISTS_WITH_DIFFERENT_KIND),
        (NewAccount(WALLET, "INR", AccountKind.LIABILITY),
         CreateAccountStatus.EXISTS_WITH_DIFFERENT_FLAGS),
        (NewAccount(WALLET, "INR", AccountKind.LIABILITY, debits_must_not_exceed_credits=True,
                    owner_type="customer", owner_id="cus_1"),
         CreateAccountStatus.EXISTS_WITH_DIFFERENT_OWNER),
        (NewAccount(WALLET, "INR", AccountKind.LIABILITY, debits_must_not_exceed_credits=True,
                    metadata={"k": "v"}),
         CreateAccountStatus.EXISTS_WITH_DIFFERENT_METADATA),
    ],
)
def test_an_account_id_reused_with_other_fields_is_refused(
    chart: LedgerService, engine: sa.Engine, again: NewAccount, code: CreateAccountStatus
) -> None:
    before = snapshot(engine)
    with pytest.raises(AccountRejected) as rejection:
        chart.create_accounts([NewAccount("acct_new", "INR", AccountKind.ASSET), again])
    assert (rejection.value.code, rejection.value.param) == (code, "id")
    assert snapshot(engine) == before


def test_one_batch_cannot_open_one_id_twice_with_different_fields(
    ledger: LedgerService, engine: sa.Engine
) -> None:
    before = snapshot(engine)
    with pytest.raises(AccountRejected) as rejection:
        ledger.create_accounts([
            NewAccount("acct_dup", "INR", AccountKind.ASSET),
            NewAccount("acct_dup", "JPY", AccountKind.ASSET),
        ])
    assert rejection.value.code is CreateAccountStatus.EXISTS_WITH_DIFFERENT_CURRENCY
    assert snapshot(engine) == before
    same = NewAccount("acct_dup", "INR", AccountKind.ASSET)
    assert [new for _, new in ledger.create_accounts([same, same])] == [True, False]
    assert [new for _, new in ledger.create_accounts([same])] == [False]

