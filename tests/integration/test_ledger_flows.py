"""What the ledger does when it accepts: two-phase entries (partial post, void, expiry by the
sweeper and lazily), balancing entries, linked batches, closing accounts, and history (balance
at a time, postings by cursor, entries by metadata), on real PostgreSQL.

Each test checks the four balances after the fact and ends with a passing audit, because these
flows are where reserved and posted amounts could drift from the postings that explain them.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from paysetu.kernel.clock import FixedClock
from paysetu.ledger.rules.entries import (
    Balance,
    Direction,
    EntryKind,
    EntryRequest,
    NewEntry,
    PendingResolution,
    Posting,
)
from paysetu.ledger.rules.errors import (
    AccountRejected,
    AccountStateStatus,
    BatchRejected,
    CreateEntryStatus,
    EntryResult,
    QueryRejected,
    QueryStatus,
)
from paysetu.ledger.usecases.ports import PostingLike
from paysetu.ledger.usecases.service import LedgerService
from tests.integration.ledger_builders import (
    CAPPED,
    CASH,
    FUNDED,
    SHOP,
    WALLET,
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


def balances(ledger: LedgerService, account_id: str) -> Balance:
    return ledger.get_account(account_id).balance


def test_partial_post_moves_part_and_releases_the_rest(chart: LedgerService) -> None:
    chart.apply([move("je_hold", WALLET, SHOP, 700, pending=True)])
    assert balances(chart, WALLET) == Balance(700, 0, 0, FUNDED)
    assert balances(chart, SHOP) == Balance(0, 0, 700, 0)
    chart.apply([PendingResolution("je_capture", "je_hold", post=True, amount_minor=300)])
    assert balances(chart, WALLET) == Balance(0, 300, 0, FUNDED)
    assert balances(chart, SHOP) == Balance(0, 0, 0, 300)
    capture = chart.get_entry("je_capture")
    assert (capture.kind, capture.pending_id, capture.amount_requested) == (
        EntryKind.POST_PENDING, "je_hold", 300,
    )
    assert {(p.account_id, p.direction, p.amount_minor) for p in capture.postings} == {
        (WALLET, Direction.DEBIT, 300), (SHOP, Direction.CREDIT, 300),
    }
    assert chart.get_account(WALLET).balance.available_to_debit == FUNDED - 300
    assert chart.audit().passed


def test_full_post_and_void_release_the_reservation(chart: LedgerService) -> None:
    chart.apply([move("je_a", WALLET, SHOP, 400, pending=True),
                 move("je_b", WALLET, SHOP, 500, pending=True)])
    assert balances(chart, WALLET).debits_pending == 900
    chart.apply([PendingResolution("je_a_post", "je_a", post=True)])
    chart.apply([PendingResolution("je_b_void", "je_b", post=False)])
    assert balances(chart, WALLET) == Balance(0, 400, 0, FUNDED)
    assert balances(chart, SHOP) == Balance(0, 0, 0, 400)
    assert chart.get_entry("je_b_void").postings == ()
    assert chart.audit().passed


def test_the_sweeper_expires_only_timed_out_reservations(
    chart: LedgerService, clock: FixedClock
) -> None:
    chart.apply([move("je_60", WALLET, SHOP, 100, pending=True, timeout_s=60),
                 move("je_120", WALLET, SHOP, 200, pending=True, timeout_s=120),
                 move("je_forever", WALLET, SHOP, 300, pending=True)])
    assert chart.get_entry("je_60").expires_at == clock.now() + timedelta(seconds=60)
    clock.advance(timedelta(seconds=59))
    assert chart.expire() == 0
    clock.advance(timedelta(seconds=1))
    assert chart.expire() == 1
    assert balances(chart, WALLET).debits_pending == 500
    clock.advance(timedelta(days=365))
    assert chart.expire() == 1
    assert chart.expire() == 0
    assert balances(chart, WALLET) == Balance(300, 0, 0, FUNDED)
    assert balances(chart, SHOP) == Balance(0, 0, 300, 0)
    assert chart.audit().passed


def test_a_reservation_can_be_posted_until_its_last_second(
    chart: LedgerService, clock: FixedClock
) -> None:
    chart.apply([move("je_hold", WALLET, SHOP, 100, pending=True, timeout_s=60)])
    clock.advance(timedelta(seconds=59))
    chart.apply([PendingResolution("je_capture", "je_hold", post=True)])
    clock.advance(timedelta(seconds=60))
    assert chart.expire() == 0
    assert balances(chart, SHOP) == Balance(0, 0, 0, 100)


def test_a_new_entry_may_use_funds_whose_reservation_timed_out(
    chart: LedgerService, engine: sa.Engine, clock: FixedClock
) -> None:
    chart.apply([move("je_hold", WALLET, SHOP, FUNDED, pending=True, timeout_s=60)])
    refused_unchanged(engine, chart, [move("je_early", WALLET, CASH, 1)], S.EXCEEDS_CREDITS)
    clock.advance(timedelta(seconds=60))
    # nobody ran the sweeper: the limit check releases the timed-out reservation itself
    chart.apply([move("je_spend", WALLET, CASH, FUNDED)])
    assert balances(chart, WALLET) == Balance(0, FUNDED, 0, FUNDED)
    assert balances(chart, SHOP) == Balance(0, 0, 0, 0)
    late = refused(lambda: chart.apply([PendingResolution("je_late", "je_hold", post=True)]))
    assert late.code is S.PENDING_TRANSFER_EXPIRED
    assert chart.audit().passed


def test_timed_out_reservations_are_released_on_every_account_the_entry_needs(
    chart: LedgerService, clock: FixedClock
) -> None:
    chart.apply([move("je_in", WALLET, SHOP, 500)])
    chart.apply([move("je_hold_w", WALLET, CASH, 500, pending=True, timeout_s=10),
                 move("je_hold_s", SHOP, CASH, 500, pending=True, timeout_s=10)])
    clock.advance(timedelta(seconds=10))
    both = NewEntry("je_both", (
        Posting(WALLET, Direction.DEBIT, 500, "INR"),
        Posting(SHOP, Direction.DEBIT, 500, "INR"),
        Posting(CASH, Direction.CREDIT, 1_000, "INR"),
    ))
    assert [a.replayed for a in chart.apply([both])] == [False]
    assert balances(chart, WALLET) == Balance(0, FUNDED, 0, FUNDED)
    assert balances(chart, SHOP) == Balance(0, 500, 0, 500)
    assert chart.audit().passed


def test_reading_an_account_releases_its_timed_out_reservations(
    chart: LedgerService, clock: FixedClock
) -> None:
    chart.apply([move("je_hold", WALLET, SHOP, 500, pending=True, timeout_s=30)])
    clock.advance(timedelta(seconds=31))
    assert balances(chart, WALLET) == Balance(0, 0, 0, FUNDED)
    assert balances(chart, SHOP) == Balance(0, 0, 0, 0)
    assert chart.expire() == 0  # the read already recorded the expiry
    assert chart.audit().passed


def test_balancing_debit_moves_at_most_what_is_available(chart: LedgerService) -> None:
    chart.apply([move("je_hold", WALLET, CASH, 200, pending=True)])
    applied = chart.apply([move("je_sweep", WALLET, SHOP, 5_000, balancing_debit=True)])
    assert [a.replayed for a in applied] == [False]
    sweep = chart.get_entry("je_sweep")
    assert [p.amount_minor for p in sweep.postings] == [800, 800]
    assert (sweep.amount_requested, sweep.balancing_debit) == (5_000, True)
    assert balances(chart, WALLET).available_to_debit == 0
    # nothing left: applied with 0 (TigerBeetle since 0.16), see test_ledger_tb_balancing.py
    chart.apply([move("je_more", WALLET, SHOP, 1, balancing_debit=True)])
    assert [p.amount_minor for p in chart.get_entry("je_more").postings] == [0, 0]
    small = chart.apply([move("je_small", SHOP, CASH, 30, balancing_debit=True)])
    assert chart.get_entry(small[0].id).postings[0].amount_minor == 30
    assert chart.audit().passed


def test_a_balancing_entry_counts_funds_whose_reservation_timed_out(
    chart: LedgerService, clock: FixedClock
) -> None:
    chart.apply([move("je_hold", WALLET, CASH, 600, pending=True, timeout_s=10)])
    clock.advance(timedelta(seconds=10))
    chart.apply([move("je_sweep", WALLET, SHOP, 5_000, balancing_debit=True)])
    assert chart.get_entry("je_sweep").postings[0].amount_minor == FUNDED
    assert balances(chart, WALLET) == Balance(0, FUNDED, 0, FUNDED)
    assert chart.audit().passed


def test_balancing_credit_moves_at_most_what_the_account_can_take(chart: LedgerService) -> None:
    chart.apply([move("je_lend", CAPPED, CASH, 300)])
    chart.apply([move("je_repay", CASH, CAPPED, 1_000, balancing_credit=True)])
    repay = chart.get_entry("je_repay")
    assert ([p.amount_minor for p in repay.postings], repay.amount_requested) == ([300, 300], 1_000)
    assert balances(chart, CAPPED).available_to_credit == 0
    chart.apply([move("je_x", CASH, CAPPED, 1, balancing_credit=True)])
    assert [p.amount_minor for p in chart.get_entry("je_x").postings] == [0, 0]


def test_a_linked_batch_applies_nothing_when_one_entry_fails(
    chart: LedgerService, engine: sa.Engine
) -> None:
    batch = [
        move("je_1", WALLET, SHOP, 400),
        move("je_2", SHOP, CASH, 100),
        move("je_3", WALLET, SHOP, 601),  # only 600 left after je_1
    ]
    rejection = refused_unchanged(engine, chart, list(batch), S.EXCEEDS_CREDITS,
                                  "entries[2].postings")
    assert isinstance(rejection, BatchRejected)
    assert rejection.results == (
        EntryResult(0, S.LINKED_EVENT_FAILED),
        EntryResult(1, S.LINKED_EVENT_FAILED),
        EntryResult(2, S.EXCEEDS_CREDITS, "postings"),
    )
    middle = refused_unchanged(engine, chart, [batch[0], move("je_2b", SHOP, "acct_gone", 1),
                                               batch[2]], S.CREDIT_ACCOUNT_NOT_FOUND)
    assert isinstance(middle, BatchRejected)
    assert [r.status for r in middle.results] == [
        S.LINKED_EVENT_FAILED, S.CREDIT_ACCOUNT_NOT_FOUND, S.LINKED_EVENT_FAILED,
    ]
    assert [a.id for a in chart.apply(batch[:2])] == ["je_1", "je_2"]


def test_a_later_entry_of_a_batch_may_spend_what_an_earlier_one_brought(
    chart: LedgerService,
) -> None:
    plain = chart.apply([move("je_in", WALLET, SHOP, FUNDED), move("je_out", SHOP, CASH, FUNDED)])
    assert [(a.id, a.replayed) for a in plain] == [("je_in", False), ("je_out", False)]
    mixed: list[EntryRequest] = [
        move("je_hold", CASH, WALLET, 50, pending=True),
        PendingResolution("je_post", "je_hold", post=True),
        move("je_in", WALLET, SHOP, FUNDED),  # stored already: a chain stored in part fails
    ]
    assert refused(lambda: chart.apply(mixed)).code is S.EXISTS
    applied = chart.apply(mixed[:2])
    assert [(a.id, a.replayed) for a in applied] == [("je_hold", False), ("je_post", False)]
    assert balances(chart, SHOP) == Balance(0, FUNDED, 0, FUNDED)
    assert balances(chart, WALLET) == Balance(0, FUNDED, 0, FUNDED + 50)
    assert chart.audit().passed


def test_close_and_reopen_an_account_with_its_events(
    chart: LedgerService, engine: sa.Engine
) -> None:
    chart.apply([move("je_hold", WALLET, SHOP, 10, pending=True)])
    for account_id in (WALLET, SHOP):
        with pytest.raises(AccountRejected) as busy:
            chart.close_account(account_id)
        assert busy.value.code is AccountStateStatus.ACCOUNT_HAS_PENDING_BALANCE
    chart.apply([PendingResolution("je_void", "je_hold", post=False)])
    assert chart.close_account(SHOP, "merchant left").closed
    assert chart.get_account(SHOP).closed
    with pytest.raises(AccountRejected) as twice:
        chart.close_account(SHOP)
    assert twice.value.code is AccountStateStatus.ACCOUNT_ALREADY_CLOSED
    assert not chart.reopen_account(SHOP, "came back").closed
    with pytest.raises(AccountRejected) as open_already:
        chart.reopen_account(SHOP)
    assert open_already.value.code is AccountStateStatus.ACCOUNT_NOT_CLOSED
    with pytest.raises(AccountRejected) as unknown:
        chart.close_account("acct_nope")
    assert (unknown.value.code, unknown.value.param) == (
        AccountStateStatus.ACCOUNT_NOT_FOUND, "account_id",
    )
    with engine.connect() as connection:
        events = connection.execute(sa.text(
            "SELECT event, reason FROM ledger_account_events WHERE account_id = :id ORDER BY id"
        ), {"id": SHOP}).all()
    assert [tuple(e) for e in events] == [
        ("opened", ""), ("closed", "merchant left"), ("reopened", "came back"),
    ]
    chart.apply([move("je_after", WALLET, SHOP, 5)])
    assert balances(chart, SHOP).credits_posted == 5


def test_balance_at_a_time(chart: LedgerService, clock: FixedClock) -> None:
    opened = clock.now()
    clock.advance(timedelta(hours=1))
    paid = clock.now()
    chart.apply([move("je_pay", WALLET, SHOP, 100)])
    clock.advance(timedelta(hours=1))
    held = clock.now()
    chart.apply([move("je_hold", WALLET, SHOP, 50, pending=True)])
    clock.advance(timedelta(hours=1))
    posted = clock.now()
    chart.apply([PendingResolution("je_post", "je_hold", post=True)])
    history = {
        opened - timedelta(microseconds=1): Balance(0, 0, 0, 0),
        opened: Balance(0, 0, 0, FUNDED),
        paid - timedelta(microseconds=1): Balance(0, 0, 0, FUNDED),
        paid: Balance(0, 100, 0, FUNDED),
        held: Balance(50, 100, 0, FUNDED),
        posted - timedelta(microseconds=1): Balance(50, 100, 0, FUNDED),
        posted: Balance(0, 150, 0, FUNDED),
        posted + timedelta(days=1): Balance(0, 150, 0, FUNDED),
    }
    assert {at: chart.balance_at(WALLET, at) for at in history} == history
    assert chart.balance_at(WALLET, clock.now()) == balances(chart, WALLET)
    with pytest.raises(QueryRejected) as unknown:
        chart.balance_at("acct_nope", clock.now())
    assert unknown.value.code is QueryStatus.ACCOUNT_NOT_FOUND


def test_postings_pages_return_every_posting_exactly_once(chart: LedgerService) -> None:
    chart.apply([move(f"je_{i:02}", WALLET, SHOP, i + 1) for i in range(25)])
    seen: list[PostingLike] = []
    cursor: int | None = None
    pages = 0
    while True:
        page, has_more = chart.postings(WALLET, limit=4, starting_after=cursor)
        pages += 1
        seen.extend(page)
        if not has_more:
            break
        cursor = page[-1].sequence
    assert pages == 7  # 26 postings: 6 full pages of 4 and one of 2
    everything, has_more = chart.postings(WALLET, limit=1000)
    assert not has_more
    assert seen == list(everything)
    assert [p.entry_id for p in seen] == ["je_fund"] + [f"je_{i:02}" for i in range(25)]
    assert sorted(p.sequence for p in seen) == [p.sequence for p in seen]
    assert sum(p.amount_minor for p in seen[1:]) == balances(chart, WALLET).debits_posted
    empty, has_more = chart.postings(WALLET, limit=5, starting_after=seen[-1].sequence)
    assert (list(empty), has_more) == ([], False)
    for limit in (0, 1001):
        with pytest.raises(QueryRejected) as bad:
            chart.postings(WALLET, limit=limit)
        assert bad.value.code is QueryStatus.LIMIT_INVALID


def test_find_entries_by_metadata_key_and_value(chart: LedgerService) -> None:
    chart.apply([
        move("je_a", WALLET, SHOP, 1, metadata={"order": "o-1"}),
        move("je_b", WALLET, SHOP, 2, metadata={"order": "o-2", "channel": "upi"}),
        move("je_c", WALLET, SHOP, 3, metadata={"channel": "upi"}),
        move("je_d", WALLET, SHOP, 4, metadata={"order": "o-1", "channel": "card"}),
    ])

    def ids(
        metadata: dict[str, str | None], limit: int = 100, after: str | None = None
    ) -> list[str]:
        found, _ = chart.find_entries(metadata, limit=limit, starting_after=after)
        return [entry.id for entry in found]

    assert ids({"order": None}) == ["je_a", "je_b", "je_d"]
    assert ids({"order": "o-1"}) == ["je_a", "je_d"]
    assert ids({"channel": "upi", "order": None}) == ["je_b"]
    assert ids({"channel": "upi", "order": "o-1"}) == []
    assert ids({"refund": None}) == []
    first, has_more = chart.find_entries({"order": None}, limit=2)
    assert ([e.id for e in first], has_more) == (["je_a", "je_b"], True)
    assert ids({"order": None}, 2, "je_b") == ["je_d"]
    assert chart.find_entries({"order": "o-2"})[0][0].postings[0].amount_minor == 2
    for bad in ({}, {"": None}):
        with pytest.raises(QueryRejected) as rejection:
            chart.find_entries(bad)
        assert rejection.value.code is QueryStatus.METADATA_KEY_INVALID


def test_a_reversal_restores_the_balances_and_links_back(
    chart: LedgerService, engine: sa.Engine
) -> None:
    before = {a: balances(chart, a) for a in (WALLET, SHOP)}
    chart.apply([move("je_hold", WALLET, SHOP, 300, pending=True),
                 PendingResolution("je_capture", "je_hold", post=True, amount_minor=120)])
    applied = chart.reverse("je_capture", "je_refund", {"reason": "returned"})
    assert (applied.id, applied.replayed) == ("je_refund", False)
    refund = chart.get_entry("je_refund")
    assert (refund.kind, refund.reverses_id, dict(refund.metadata)) == (
        EntryKind.SINGLE_PHASE, "je_capture", {"reason": "returned"},
    )
    assert set(refund.postings) == {
        Posting(SHOP, Direction.DEBIT, 120, "INR"), Posting(WALLET, Direction.CREDIT, 120, "INR"),
    }
    after = {a: balances(chart, a) for a in (WALLET, SHOP)}
    assert {a: b.credit_balance_posted for a, b in after.items()} == {
        a: b.credit_balance_posted for a, b in before.items()
    }
    assert snapshot(engine)[1].passed
