"""The underwriting policy: features from platform history, decisions, limits, explanations."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from paysetu.lending.rules.schedule import Frequency
from paysetu.lending.rules.underwriting import (
    POLICY_VERSION,
    LoanRequest,
    MerchantHistory,
    Outcome,
    decide,
    features,
)

STEADY = (0, 0, 0, 0, 1_00_000_00, 1_10_000_00, 1_05_000_00, 1_20_000_00, 1_15_000_00,
          1_25_000_00, 1_30_000_00, 1_35_000_00)
NO_REFUNDS = (0,) * 12


def history(volumes: tuple[int, ...] = STEADY, refunds: tuple[int, ...] = NO_REFUNDS,
            debt_service: int = 0) -> MerchantHistory:
    return MerchantHistory("INR", volumes, refunds, debt_service)


def request(amount_minor: int, periods: int = 24) -> LoanRequest:
    return LoanRequest(amount_minor, periods, Frequency.MONTHLY, 2400, 5_00_000_00)


def codes(decision_reasons: object) -> set[str]:
    return {r.code for r in decision_reasons}  # type: ignore[attr-defined]


def test_features_describe_the_active_window() -> None:
    f = features(history(refunds=(0,) * 11 + (9_40_000,)))
    assert f.months_active == 8
    assert f.average_monthly_volume_minor == sum(STEADY) // 8
    assert f.recent_volume_minor == (1_25_000_00 + 1_30_000_00 + 1_35_000_00) // 3
    assert f.trend > 0
    assert Decimal(0) < f.volatility < Decimal("0.2")
    assert f.refund_rate == Decimal("0.0100")  # 9,400 of 9,40,000


def test_flat_volume_has_no_trend_or_volatility() -> None:
    f = features(history(volumes=(50_000_00,) * 12))
    assert (f.trend, f.volatility, f.months_active) == (Decimal(0), Decimal(0), 12)


def test_steady_merchant_within_its_limit_is_approved_with_reasons() -> None:
    decision = decide(history(), request(1_00_000_00), exponent=2)
    assert decision.outcome is Outcome.APPROVE
    assert decision.policy_version == POLICY_VERSION
    assert 1_00_000_00 <= decision.suggested_limit_minor <= 5_00_000_00
    assert decision.suggested_limit_minor % 1_000_00 == 0
    assert codes(decision.reasons) == {"volume", "within_policy"}
    assert all(r.text.endswith(".") for r in decision.reasons)


def test_amount_above_the_limit_is_referred_to_the_lender() -> None:
    decision = decide(history(), request(4_00_000_00, periods=12), exponent=2)
    assert decision.outcome is Outcome.REFER
    assert decision.suggested_limit_minor < 4_00_000_00
    assert "amount_above_limit" in codes(decision.reasons)


def test_short_history_is_declined() -> None:
    decision = decide(history(volumes=(0,) * 10 + (50_000_00, 50_000_00)), request(10_000_00), 2)
    assert decision.outcome is Outcome.DECLINE
    assert "too_few_months" in codes(decision.reasons)


def test_heavy_refunds_are_declined() -> None:
    refunds = tuple(v // 5 for v in STEADY)  # 20% of volume
    decision = decide(history(refunds=refunds), request(10_000_00), 2)
    assert decision.outcome is Outcome.DECLINE
    assert "refunds_too_high" in codes(decision.reasons)


def test_existing_debt_service_leaves_no_capacity() -> None:
    decision = decide(history(debt_service=50_000_00), request(10_000_00), 2)
    assert decision.outcome is Outcome.DECLINE
    assert decision.suggested_limit_minor == 0
    assert "no_capacity" in codes(decision.reasons)


def test_volatile_and_declining_volume_is_referred() -> None:
    volumes = (3_00_000_00, 10_000_00, 2_50_000_00, 20_000_00, 2_00_000_00, 10_000_00,
               1_50_000_00, 10_000_00, 1_00_000_00, 10_000_00, 50_000_00, 10_000_00)
    decision = decide(history(volumes=volumes), request(10_000_00), 2)
    assert decision.outcome is Outcome.REFER
    assert {"volume_volatile", "volume_declining"} <= codes(decision.reasons)


def test_the_stored_document_has_decision_features_and_inputs() -> None:
    decision = decide(history(), request(1_00_000_00), 2)
    document = decision.document()
    assert document["policy_version"] == POLICY_VERSION
    assert document["decision"] == "approve"
    assert document["inputs"]["monthly_volume_minor"] == list(STEADY)
    assert document["features"]["months_active"] == 8
    assert isinstance(document["features"]["trend"], str)
    assert document == decide(history(), request(1_00_000_00), 2).document()


@given(st.lists(st.integers(0, 10**10), min_size=12, max_size=12),
       st.integers(1, 10**9), st.integers(1, 120))
def test_limit_never_exceeds_the_caps(volumes: list[int], amount: int, periods: int) -> None:
    decision = decide(history(volumes=tuple(volumes)), request(amount, periods), 2)
    f = decision.features
    assert 0 <= decision.suggested_limit_minor <= 5_00_000_00
    assert decision.suggested_limit_minor <= f.average_monthly_volume_minor * 6
    if decision.outcome is Outcome.APPROVE:
        assert amount <= decision.suggested_limit_minor
