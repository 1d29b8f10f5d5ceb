"""What close of business computes for each credit line: the rules, one line at a time (pure).

Close of business runs these rules set-based in SQL
(:mod:`paysetu.lending.stores.credit_line_close_day_store`); this module is their executable
specification, with the worked dates of ``tests/unit/test_lending_credit_lines.py``, and
``tests/property/test_credit_line_close_day_sql.py`` proves the SQL gives the same figures on
random books. A line as the day finds it (:class:`LineSnapshot`: its drawn balance, interest
receivable, the merchant's net settled sales of the drawing-power window, its oldest uncovered
interest debit and the open amount of its interest debits) gives, for business day ``on``
(:func:`line_figures`, rules of :mod:`.credit_lines` and :mod:`.credit_line_classification`):

1. the drawing power from the window's sales, capped by the limit;
2. the day's interest on the end-of-day drawn balance (actual/365, the month rounded once);
3. on the last day of a month, the debit of the interest receivable to the line (the drawn
   balance grows by it; a new uncovered interest debit dated today);
4. the penal charge on the day-end balance above the drawing power;
5. the out-of-order runs and the date classification reads.

After the borrower-level classification, :func:`line_update` gives what is written back:
class, provision on the drawn balance (as for term loans), interest suspense, and whether the
line closes (review date passed, nothing owed: repaid and not renewed). A line closed since the
last run releases its provision and suspense.

Interest suspense (RBI IRAC: no income is recognised on an NPA until it is received) follows
the term loans' rule: while the line is an NPA, all its interest not yet recovered is in
suspense, that is the interest accrued and not yet debited plus the interest debited to the line
and not yet covered by credits (the open part of its interest debits); a performing line has
none. So on the day a line becomes an NPA the interest debited before and still unpaid moves
from income to suspense, a credit that covers debited interest releases it to income at the
next close of business, and an upgrade releases the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from paysetu.lending.rules.classification import AssetClass, Classification, is_npa, provision_for
from paysetu.lending.rules.credit_line_classification import (
    LineDay,
    LineDayFacts,
    line_class,
    line_day,
)
from paysetu.lending.rules.credit_lines import (
    DrawingPower,
    DrawingPowerPolicy,
    daily_penal_charge,
    drawing_power,
    interest_to_date,
    is_month_end,
)


@dataclass(frozen=True, slots=True)
class LineSnapshot:
    """A line as close of business reads it (balances from the ledger, sales summed in SQL)."""

    line_id: str
    active: bool
    merchant_id: str
    lender_id: str
    category: str
    currency: str
    drawn_account_id: str
    interest_account_id: str
    limit_minor: int
    rate_bps: int
    penal_rate_bps: int
    review_due: date
    drawn_minor: int
    interest_receivable_minor: int
    rate_balance_days: int
    interest_accrued_minor: int
    interest_accrued_through: date | None
    penal_charges_minor: int
    over_since: date | None
    debit_since: date | None
    last_credit_on: date | None
    uncovered_since: date | None
    uncovered_minor: int
    """The interest debited and not yet covered by credits (the open interest debits)."""
    asset_class: AssetClass
    npa_since: date | None
    provision_minor: int
    interest_suspense_minor: int
    net_settled_minor: int


@dataclass(frozen=True, slots=True)
class LineFigures:
    """Steps 1-5 for one active line (module docstring)."""

    snapshot: LineSnapshot
    drawing_power: DrawingPower
    accrual_minor: int
    rate_balance_days: int
    interest_accrued_minor: int
    """The month's interest accrued after the day (0 after a month-end debit)."""
    accrued_through: date | None
    debit_minor: int
    drawn_minor: int
    """The day-end drawn balance after the month-end debit."""
    penal_minor: int
    day: LineDay


def line_figures(s: LineSnapshot, on: date, policy: DrawingPowerPolicy) -> LineFigures:
    dp = drawing_power(policy, s.limit_minor, s.net_settled_minor, on)
    rbd, month_total, accrual, through = (s.rate_balance_days, s.interest_accrued_minor, 0,
                                          s.interest_accrued_through)
    if through is None or on > through:
        rbd = s.rate_balance_days + s.drawn_minor * s.rate_bps
        month_total = interest_to_date(rbd)
        accrual = max(0, month_total - s.interest_accrued_minor)
        through = on
    debit = s.interest_receivable_minor + accrual if is_month_end(on) else 0
    if is_month_end(on):
        rbd, month_total = 0, 0
    drawn = s.drawn_minor + debit
    uncovered = s.uncovered_since if s.uncovered_since is not None else (on if debit else None)
    facts = LineDayFacts(drawn, dp.amount_minor, s.over_since, s.debit_since, s.last_credit_on,
                         uncovered, s.review_due)
    return LineFigures(s, dp, accrual, rbd, month_total, through, debit, drawn,
                       daily_penal_charge(drawn, dp.amount_minor, s.penal_rate_bps),
                       line_day(facts, on))


@dataclass(frozen=True, slots=True)
class LineDayUpdate:
    """What close of business writes back to one line."""

    line_id: str
    drawing_power_minor: int
    dp_net_settled_minor: int
    rate_balance_days: int
    interest_accrued_minor: int
    interest_accrued_through: date | None
    penal_charges_minor: int
    over_since: date | None
    debit_since: date | None
    out_of_order_days: int
    asset_class: AssetClass
    npa_since: date | None
    provision_minor: int
    interest_suspense_minor: int
    closes: bool


def line_update(f: LineFigures, decided: Classification, on: date) -> LineDayUpdate:
    """The line after the borrower's classification (module docstring)."""
    s = f.snapshot
    npa = is_npa(decided.asset_class)
    penal = s.penal_charges_minor + f.penal_minor
    receivable = 0 if f.debit_minor else s.interest_receivable_minor + f.accrual_minor
    closes = on > s.review_due and f.drawn_minor == 0 and receivable == 0 and penal == 0
    asset_class = line_class(decided)
    return LineDayUpdate(
        s.line_id, f.drawing_power.amount_minor, s.net_settled_minor,
        f.rate_balance_days, f.interest_accrued_minor, f.accrued_through, penal,
        f.day.over_since, f.day.debit_since, f.day.out_of_order_days, asset_class,
        decided.npa_since,
        0 if closes else provision_for(f.drawn_minor, asset_class),
        (receivable + s.uncovered_minor + f.debit_minor) if npa and not closes else 0, closes)


def released(s: LineSnapshot) -> LineDayUpdate:
    """A line closed since the last run: provision and suspense go back."""
    return LineDayUpdate(s.line_id, 0, 0, 0, 0, s.interest_accrued_through, 0, None, None, 0,
                         s.asset_class, s.npa_since, 0, 0, True)


@dataclass(frozen=True, slots=True)
class LineArrears:
    """An active line as the borrower-level classification reads it."""

    line_id: str
    merchant_id: str
    lender_id: str
    oldest_overdue: date | None
    npa_since: date | None


@dataclass(frozen=True, slots=True)
class LineAccrual:
    """One line's accrual of the day: a debit to its interest receivable."""

    lender_id: str
    currency: str
    npa: bool
    interest_account_id: str
    amount_minor: int


@dataclass(frozen=True, slots=True)
class LineDebit:
    """A month-end interest debit: Dr drawn, Cr interest receivable."""

    line_id: str
    currency: str
    drawn_account_id: str
    interest_account_id: str
    amount_minor: int
