"""Matching rules, pure: each statement line gets one category in the documented order, and
every outstanding payout that no debit line names is missing."""

from __future__ import annotations

from datetime import date

from paysetu.kernel.money import Money
from paysetu.settlement.rules.reconciliation import (
    LineCategory,
    PayoutRef,
    expected_on,
    match_statement,
)
from paysetu.settlement.rules.statements import Direction, StatementLine

C = LineCategory
DAY = date(2026, 4, 1)


def payout(pid: str, e2e: str, minor: int, currency: str = "INR", status: str = "sent",
           on: date = DAY) -> PayoutRef:
    return PayoutRef(pid, e2e, Money(minor, currency), "mer_1", on, status)


def line(e2e: str | None, minor: int, currency: str = "INR",
         direction: Direction = Direction.DEBIT) -> StatementLine:
    return StatementLine("line", DAY, e2e, Money(minor, currency), direction, "")


def outcome(lines: list[StatementLine], payouts: list[PayoutRef]) -> list[tuple[str, str | None]]:
    by_e2e = {p.end_to_end_id: p for p in payouts}
    result = match_statement(lines, by_e2e, [p for p in payouts if p.outstanding])
    return [(r.category.value, r.payout.id if r.payout else None) for r in result.results]


def test_each_line_gets_the_first_category_that_applies() -> None:
    payouts = [
        payout("po_a", "A", 1000), payout("po_b", "B", 2000), payout("po_c", "C", 3000),
        payout("po_d", "D", 4000, status="paid"), payout("po_e", "E", 500, status="failed"),
        payout("po_f", "F", 600),
    ]
    lines = [
        line("A", 1000),  # matched
        line("A", 1000),  # the same payout again
        line("B", 2001),  # amount
        line("C", 3000, "USD"),  # currency before amount
        line("D", 4000),  # paid by an earlier statement
        line("E", 500),  # failed payout
        line(None, 10),  # no id
        line("Z", 10),  # no such payout
        line("F", 600, direction=Direction.CREDIT),  # a credit naming a payout: F still missing
    ]
    assert outcome(lines, payouts) == [
        ("matched", "po_a"), ("unexpected", "po_a"), ("amount_mismatch", "po_b"),
        ("currency_mismatch", "po_c"), ("unexpected", "po_d"), ("unexpected", "po_e"),
        ("unexpected", None), ("unexpected", None), ("unexpected", "po_f"),
        ("missing", "po_f"),
    ]


def test_counts_cover_every_category_and_unmatched_counts_the_rest() -> None:
    payouts = [payout("po_a", "A", 1000), payout("po_b", "B", 2000)]
    result = match_statement([line("A", 1000)], {"A": payouts[0]}, payouts)
    assert dict(result.counts) == {C.MATCHED: 1, C.MISSING: 1, C.UNEXPECTED: 0,
                                   C.AMOUNT_MISMATCH: 0, C.CURRENCY_MISMATCH: 0, C.RETURNED: 0}
    assert result.unmatched == 1
    assert [p.id for p in result.matched_payouts] == ["po_a"]
    assert result.results[1].reason == "Not on the statement."


def test_mismatch_reasons_say_by_how_much_and_which_way() -> None:
    payouts = [payout("po_a", "A", 1000), payout("po_b", "B", 500, "JPY")]
    result = match_statement([line("A", 900), line("B", 501, "JPY")],
                             {"A": payouts[0], "B": payouts[1]}, payouts)
    assert [r.reason for r in result.results] == [
        "The bank paid 1.00 INR less than the payout.",
        "The bank paid 1 JPY more than the payout.",
    ]


def test_a_statement_expects_outstanding_payouts_of_its_currencies_up_to_its_last_day() -> None:
    inr = frozenset({"INR"})
    assert expected_on(payout("po_a", "A", 1), inr, DAY)
    assert expected_on(payout("po_a", "A", 1, status="pending"), inr, None)
    assert not expected_on(payout("po_a", "A", 1, "EUR"), inr, DAY)
    assert not expected_on(payout("po_a", "A", 1, on=date(2026, 4, 2)), inr, DAY)
    assert not expected_on(payout("po_a", "A", 1, status="paid"), inr, DAY)


def _returned(e2e: str, minor: int, reason: str = "AC04") -> StatementLine:
    return StatementLine("line", DAY, e2e, Money(minor, "INR"), Direction.CREDIT, "", reason)


def test_a_return_credit_returns_a_paid_or_outstanding_payout_once() -> None:
    payouts = [payout("po_a", "A", 1000, status="paid"), payout("po_b", "B", 2000),
               payout("po_c", "C", 3000, status="returned"), payout("po_d", "D", 4000)]
    lines = [
        _returned("A", 1000),  # paid earlier, now returned
        _returned("A", 1000),  # the same return again
        line("B", 2000), _returned("B", 2000, "NOTPROVIDED"),  # paid and returned at once
        _returned("C", 3000),  # already returned
        _returned("D", 3999),  # not the payout's amount
    ]
    result = match_statement(lines, {p.end_to_end_id: p for p in payouts},
                             [p for p in payouts if p.outstanding])
    assert [(r.category.value, r.payout.id if r.payout else None) for r in result.results] == [
        ("returned", "po_a"), ("unexpected", "po_a"), ("matched", "po_b"), ("returned", "po_b"),
        ("unexpected", "po_c"), ("unexpected", "po_d"), ("missing", "po_d"),
    ]
    assert [(p.id, reason) for p, reason in result.returned] == [
        ("po_a", "AC04"), ("po_b", "NOTPROVIDED")]
    assert result.unmatched == 4, "returns are handled; the others need a person"
