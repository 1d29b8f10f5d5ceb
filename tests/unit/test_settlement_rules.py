"""Settlement rules without a database: windows, schedules, and what a batch pays or carries."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from paysetu.settlement.rules.errors import SettlementRejected, SettlementStatus
from paysetu.settlement.rules.records import (
    SettlementAccounts,
    batch_entries,
    end_to_end_id,
)
from paysetu.settlement.rules.settlement import (
    BatchInputs,
    BatchStatus,
    CarryReason,
    SettlementSchedule,
    WindowTotals,
    check_schedule,
    plan_batch,
)


@pytest.mark.parametrize(
    ("schedule", "day", "end"),
    [
        (SettlementSchedule(), date(2026, 4, 2), datetime(2026, 4, 2, tzinfo=UTC)),
        (SettlementSchedule(delay_days=0), date(2026, 4, 2), datetime(2026, 4, 3, tzinfo=UTC)),
        (SettlementSchedule("Asia/Kolkata", time(18), 1), date(2026, 4, 2),
         datetime(2026, 4, 1, 12, 30, tzinfo=UTC)),
        (SettlementSchedule("Asia/Kolkata", time(0), 2), date(2026, 4, 3),
         datetime(2026, 4, 1, 18, 30, tzinfo=UTC)),
        # 02:30 does not exist in New York on 8 March 2026: read with the offset before (EST)
        (SettlementSchedule("America/New_York", time(2, 30), 0), date(2026, 3, 8),
         datetime(2026, 3, 8, 7, 30, tzinfo=UTC)),
        (SettlementSchedule("America/New_York", time(1, 30), 0), date(2026, 11, 1),
         datetime(2026, 11, 1, 5, 30, tzinfo=UTC)),  # the first of the two 01:30s (EDT)
    ],
)
def test_a_window_ends_at_the_first_cutoff_of_business_day_d_minus_n(
    schedule: SettlementSchedule, day: date, end: datetime
) -> None:
    assert schedule.window_end(day) == end


def test_a_valid_schedule_is_read_from_request_fields() -> None:
    schedule = check_schedule("Asia/Kolkata", "18:30", 2, 500, 90, {"INR": 100_00})
    assert schedule == SettlementSchedule("Asia/Kolkata", time(18, 30), 2, 500, 90,
                                          {"INR": 100_00})


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        (("Mars/Olympus", "00:00", 1, 0, 0, {}), SettlementStatus.TIME_ZONE_INVALID),
        (("", "00:00", 1, 0, 0, {}), SettlementStatus.TIME_ZONE_INVALID),
        (("UTC", "24:00", 1, 0, 0, {}), SettlementStatus.CUTOFF_INVALID),
        (("UTC", "6:00", 1, 0, 0, {}), SettlementStatus.CUTOFF_INVALID),
        (("UTC", "06:00:30", 1, 0, 0, {}), SettlementStatus.CUTOFF_INVALID),
        (("UTC", "00:00", -1, 0, 0, {}), SettlementStatus.DELAY_DAYS_INVALID),
        (("UTC", "00:00", 31, 0, 0, {}), SettlementStatus.DELAY_DAYS_INVALID),
        (("UTC", "00:00", 1, 10_001, 30, {}), SettlementStatus.RESERVE_INVALID),
        (("UTC", "00:00", 1, 500, 0, {}), SettlementStatus.RESERVE_INVALID),
        (("UTC", "00:00", 1, 500, 366, {}), SettlementStatus.RESERVE_INVALID),
        (("UTC", "00:00", 1, 0, 0, {"RUPEE": 1}), SettlementStatus.PAYOUT_MINIMUM_INVALID),
        (("UTC", "00:00", 1, 0, 0, {"INR": -1}), SettlementStatus.PAYOUT_MINIMUM_INVALID),
    ],
)
def test_bad_schedules_are_refused_with_their_code(
    fields: tuple[str, str, int, int, int, dict[str, int]], code: SettlementStatus
) -> None:
    with pytest.raises(SettlementRejected) as refused:
        check_schedule(*fields)
    assert refused.value.code is code


def _inputs(**changes: object) -> BatchInputs:
    fields: dict[str, object] = {
        "totals": WindowTotals(3, 10_000, 1_000, 200, 0), "carried_in_minor": 0,
        "available_minor": 1_000_000, "reserve_to_hold_minor": 0, "reserve_released_minor": 0,
        "loan_claim_minor": 0, "payout_minimum_minor": 0, "has_payout_account": True,
        **changes,
    }
    return BatchInputs(**fields)  # type: ignore[arg-type]


def test_the_net_is_gross_minus_refunds_fees_reserve_plus_release_minus_sweep() -> None:
    plan = plan_batch(_inputs(carried_in_minor=-300, reserve_to_hold_minor=1_000,
                              reserve_released_minor=400, loan_claim_minor=500))
    assert plan.net_minor == 10_000 - 1_000 - 200 - 300 - 1_000 + 400 - 500
    assert (plan.payout_minor, plan.carried_forward_minor, plan.status) == (
        plan.net_minor, 0, BatchStatus.PAID_OUT)


@pytest.mark.parametrize(
    ("changes", "reason", "payout", "carried"),
    [
        ({"totals": WindowTotals(1, 0, 500, 0, 0)}, CarryReason.NEGATIVE_NET, 0, -500),
        ({"totals": WindowTotals(2, 500, 500, 0, 0)}, CarryReason.ZERO_NET, 0, 0),
        ({"has_payout_account": False}, CarryReason.NO_PAYOUT_ACCOUNT, 0, 8_800),
        ({"payout_minimum_minor": 9_000}, CarryReason.BELOW_MINIMUM, 0, 8_800),
        ({"available_minor": 5_000}, CarryReason.INSUFFICIENT_BALANCE, 5_000, 3_800),
        ({"available_minor": 5_000, "payout_minimum_minor": 6_000},
         CarryReason.INSUFFICIENT_BALANCE, 0, 8_800),
    ],
)
def test_what_cannot_be_paid_is_carried_forward_with_its_reason(
    changes: dict[str, object], reason: CarryReason, payout: int, carried: int
) -> None:
    plan = plan_batch(_inputs(**changes))
    assert (plan.carry_reason, plan.payout_minor, plan.carried_forward_minor) == (
        reason, payout, carried)
    assert plan.payout_minor + plan.carried_forward_minor == plan.net_minor


def test_reserve_and_sweep_never_take_more_than_the_balance_holds() -> None:
    plan = plan_batch(_inputs(available_minor=700, reserve_to_hold_minor=1_000,
                              loan_claim_minor=10_000))
    assert (plan.reserve_held_minor, plan.loan_sweep_minor, plan.payout_minor) == (700, 0, 0)
    swept = plan_batch(_inputs(available_minor=2_000, loan_claim_minor=10_000))
    assert (swept.loan_sweep_minor, swept.payout_minor) == (2_000, 0)


def test_the_reserve_is_rounded_half_up() -> None:
    schedule = SettlementSchedule(reserve_bps=250, reserve_release_days=30)
    assert [schedule.reserve_for(g) for g in (0, 19, 20, 21, 100, -50)] == [0, 0, 1, 1, 3, 0]


def test_a_batch_books_release_hold_sweep_and_payout_with_ids_from_the_batch() -> None:
    plan = plan_batch(_inputs(reserve_to_hold_minor=1_000, reserve_released_minor=400,
                              loan_claim_minor=500))
    accounts = SettlementAccounts("acct_m_INR_available", "acct_m_INR_reserve",
                                  "acct_platform_payout_clearing_INR", "acct_m_INR_loan_sweep")
    entries = batch_entries("stl_01ABC", "mer_1", "INR", accounts, plan)
    assert [(t.value, e.id, e.postings[0].amount_minor) for t, e in entries] == [
        ("reserve_released", "je_stl_01ABC_rsv_release", 400),
        ("reserve_held", "je_stl_01ABC_rsv_hold", 1_000),
        ("loan_sweep", "je_stl_01ABC_loan", 500),
        ("payout", "je_stl_01ABC_payout", plan.payout_minor),
    ]
    assert all(e.metadata["kind"].startswith("settlement_") for _, e in entries)
    assert end_to_end_id("po_01JABCDEFGHJKMNPQRSTVWXYZ0") == "PS01JABCDEFGHJKMNPQRSTVWXYZ0"
