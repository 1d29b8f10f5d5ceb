"""The bank check's horizon: the traffic ends only once the system has shown it works.

Why: a fixed window let one server crash and one database crash under load leave no time for a
single payment, and the CI run then failed (or, worse, a check proved nothing about payments).
"""

from __future__ import annotations

from paysetu.check.horizon import KINDS_THAT_APPLY, FixedDeadline, Horizon

HOUR_S = 3600.0
AFTER_FAULTS = "an answer after the faults"


def test_the_traffic_goes_on_past_its_duration_until_the_faults_have_run() -> None:
    horizon = Horizon(0.0, limit_s=HOUR_S)
    for kind in KINDS_THAT_APPLY:
        horizon.answered(kind, applied=True)  # before the faults ran: not yet a recovery
    assert not horizon.passed()
    assert horizon.missing() == [AFTER_FAULTS]


def test_the_traffic_ends_once_every_kind_applied_and_an_answer_came_after_the_faults() -> None:
    horizon = Horizon(0.0, limit_s=HOUR_S)
    horizon.faults_done.set()
    for kind in KINDS_THAT_APPLY[:-1]:
        horizon.answered(kind, applied=True)
        horizon.answered("charge", applied=False)  # never moves money: not a kind awaited
        assert not horizon.passed()
    assert horizon.missing() == [f"{KINDS_THAT_APPLY[-1]} applied"]
    horizon.answered(KINDS_THAT_APPLY[-1], applied=True)
    assert horizon.missing() == []
    assert horizon.passed()


def test_a_refusal_after_the_faults_shows_recovery_but_applies_no_kind() -> None:
    horizon = Horizon(0.0, limit_s=HOUR_S)
    horizon.faults_done.set()
    horizon.answered("payment", applied=False)  # emptied wallets refuse: the system answers
    assert horizon.missing() == [f"{kind} applied" for kind in KINDS_THAT_APPLY]
    for kind in KINDS_THAT_APPLY:
        horizon.answered(kind, applied=True)
    assert horizon.passed()


def test_the_minimum_duration_holds_even_when_everything_applied() -> None:
    horizon = Horizon(HOUR_S)
    horizon.faults_done.set()
    for kind in KINDS_THAT_APPLY:
        horizon.answered(kind, applied=True)
    assert horizon.missing() == []
    assert not horizon.passed()


def test_the_hard_limit_ends_the_traffic_with_something_still_missing() -> None:
    horizon = Horizon(0.0, limit_s=0.0)
    assert horizon.passed()
    assert horizon.missing() == [f"{kind} applied" for kind in KINDS_THAT_APPLY] + [
        AFTER_FAULTS]


def test_a_fixed_deadline_passes_at_its_moment() -> None:
    assert FixedDeadline(0.0).passed()
    assert not FixedDeadline(float("inf")).passed()
