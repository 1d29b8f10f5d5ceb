"""Marketplace rules: PAN/GSTIN, dated tax rates, commission precedence, the split and its
one entry with the buyer's charge."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from paysetu.ledger.rules.entries import Direction, NewEntry, Posting
from paysetu.marketplace.rules.entries import MarketplaceAccounts, SplitPart, split_postings
from paysetu.marketplace.rules.identity import gstin_is_valid, pan_is_valid
from paysetu.marketplace.rules.records import Commission, Marketplace, OrderLine
from paysetu.marketplace.rules.splits import TaxRates, split_order
from paysetu.marketplace.rules.tax import INDIA_TAX_SCHEDULE, bps_of
from paysetu.payments.rules.payments import ChargeSplit, with_split


@pytest.mark.parametrize(
    ("gstin", "pan", "valid"),
    [
        ("27AAPFU0939F1ZV", "AAPFU0939F", True),
        ("29AAGCB7383J1Z4", "AAGCB7383J", True),
        ("27AAPFU0939F1ZW", "AAPFU0939F", False),  # check character
        ("27AAPFU0939F1ZV", "AAGCB7383J", False),  # another PAN inside
        ("27aapfu0939f1zv", "AAPFU0939F", False),
        ("27AAPFU0939F1Z", "AAPFU0939F", False),
    ],
)
def test_gstin(gstin: str, pan: str, valid: bool) -> None:
    assert gstin_is_valid(gstin, pan) is valid


def test_pan() -> None:
    assert pan_is_valid("AAPFU0939F")
    assert not pan_is_valid("AAPFU0939")
    assert not pan_is_valid("1APFU0939F")


@pytest.mark.parametrize(
    ("day", "tcs", "tds"),
    [
        (date(2020, 9, 30), 100, 0),
        (date(2020, 10, 1), 100, 100),
        (date(2024, 7, 9), 100, 100),
        (date(2024, 7, 10), 50, 100),
        (date(2024, 9, 30), 50, 100),
        (date(2024, 10, 1), 50, 10),
        (date(2018, 9, 30), 0, 0),
    ],
)
def test_tax_rates_are_dated(day: date, tcs: int, tds: int) -> None:
    assert (INDIA_TAX_SCHEDULE.tcs_bps(day), INDIA_TAX_SCHEDULE.tds_bps(day)) == (tcs, tds)


def test_bps_rounds_half_up() -> None:
    assert [bps_of(a, 50) for a in (99, 100, 101, 300)] == [0, 1, 1, 2]


def test_commission_precedence_category_then_seller_then_default() -> None:
    market = Marketplace("mer_m", Commission(1000, 0), {"books": Commission(500, 0)}, True, 60,
                         datetime(2026, 1, 1, tzinfo=UTC))
    lines = [OrderLine("s1", 100_00, "books", None), OrderLine("s1", 100_00, None, None),
             OrderLine("s2", 100_00, None, None), OrderLine("s2", 100_00, "books", None)]
    shares = split_order(market, lines, {"s1": None, "s2": Commission(200, 1_00)},
                         {"s1": TaxRates(50, 10), "s2": TaxRates(0, 0)})
    assert [(s.seller_id, s.amount_minor, s.commission_minor, s.tcs_minor, s.tds_minor,
             s.net_minor) for s in shares] == [
        ("s1", 200_00, 5_00 + 10_00, 1_00, 20, 200_00 - 15_00 - 1_00 - 20),
        ("s2", 200_00, 3_00 + 5_00, 0, 0, 192_00),
    ]


def test_fixed_commission_never_exceeds_the_line() -> None:
    market = Marketplace("mer_m", Commission(0, 5_00), {}, True, 60,
                         datetime(2026, 1, 1, tzinfo=UTC))
    (share,) = split_order(market, [OrderLine("s", 3_00, None, None)], {"s": None},
                           {"s": TaxRates(0, 0)})
    assert (share.commission_minor, share.net_minor) == (3_00, 0)


def _balance(postings: tuple[Posting, ...]) -> dict[str, int]:
    out: dict[str, int] = {}
    for p in postings:
        out[p.currency] = out.get(p.currency, 0) + (
            p.amount_minor if p.direction is Direction.CREDIT else -p.amount_minor)
    return out


def test_the_split_rides_on_the_charge_as_one_balanced_entry() -> None:
    """The charge credits the marketplace 980 (1,000 less a 20 fee); the split debits it the
    sellers' and the tax's 900: one posting of the commission less the fee remains; a seller
    abroad goes through the two FX positions; every currency balances."""
    charge = NewEntry("je_charge", (
        Posting("acct_wallet", Direction.DEBIT, 1_000, "INR"),
        Posting("acct_mkt_INR_available", Direction.CREDIT, 980, "INR"),
        Posting("acct_fees", Direction.CREDIT, 20, "INR"),
    ), {"kind": "payment"})
    host = MarketplaceAccounts("acct_mkt_INR_available", "acct_mkt_tcs", "acct_mkt_tds")
    parts = [SplitPart("acct_a_INR_escrow", 600, 5, 1, "INR", 600),
             SplitPart("acct_c_USD_escrow", 294, 0, 0, "USD", 3)]
    split = split_postings(host, parts, "INR")
    assert _balance(split) == {"INR": 0, "USD": 0}
    merged = with_split(charge, ChargeSplit(split, {"marketplace_order": "mko_1"}))
    by_account = {p.account_id: (p.direction, p.amount_minor) for p in merged.postings}
    assert by_account["acct_mkt_INR_available"] == (Direction.CREDIT, 980 - 900)
    assert by_account["acct_platform_fx_INR"] == (Direction.CREDIT, 294)
    assert by_account["acct_platform_fx_USD"] == (Direction.DEBIT, 3)
    assert by_account["acct_c_USD_escrow"] == (Direction.CREDIT, 3)
    assert _balance(merged.postings) == {"INR": 0, "USD": 0}
    assert merged.metadata == {"kind": "payment", "marketplace_order": "mko_1"}
    assert merged.id == "je_charge"
    # a commission equal to the fee leaves no posting on the marketplace at all
    even = with_split(charge, ChargeSplit(split_postings(
        host, [SplitPart("acct_a_INR_escrow", 974, 5, 1, "INR", 974)], "INR"), {}))
    assert "acct_mkt_INR_available" not in {p.account_id for p in even.postings}
