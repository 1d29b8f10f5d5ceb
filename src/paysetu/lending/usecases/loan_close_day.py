"""Close of business: accrual, penal interest, days past due, classes, provisions, suspense.

``close_day(ctx, uow, on)`` closes business day ``on`` for every active loan in one database
transaction (all or nothing). Days close strictly in order: the first run may close any day up
to today; after that only the day after the last one closed (``close_day_skips_date``), and
closing the last day again replays its summary (idempotent per date); an earlier day is
refused (``close_day_before_last``), so is a day after today (``close_day_in_future``).

Steps, each set-based (one SQL statement for all loans, one ``UPDATE ... FROM unnest``):

1. snapshot: every active loan locked (loans first, then installments and ledger accounts, the
   lock order of every loan operation) with its oldest overdue due date, the interest the
   schedule has earned to the day, its outstanding principal and the interest received;
2. penal interest: every installment overdue before ``on`` is charged a day's penalty on its
   unpaid principal and interest (no entry: penalties are income when received; they do not
   make an installment overdue, so the snapshot's figures stand);
3. classification (:func:`~paysetu.lending.rules.classification.classify`, per borrower);
4. accrual: the interest earned and not yet booked, as :func:`paysetu.lending.usecases.loans.
   accrue_interest` books it (the same :func:`~paysetu.lending.rules.loans.accrual_increase`), to
   interest income or, for an NPA, to interest suspense; up to 63 loans per entry (one debit
   to each loan's interest receivable, one credit), which the ledger applies much faster than
   one entry per loan;
5. suspense: an NPA's whole receivable is in suspense; a performing loan's none. The day's
   change, net per lender and currency, moves between interest income and suspense;
6. provisions: each loan's outstanding principal x its class's rate; the day's change, net per
   lender and currency, is posted between provision expense and the provision account;
7. history: the day's book per lender, category and currency (outstanding, PAR 30/60/90, NPA,
   provisions: :func:`~paysetu.lending.rules.portfolio_history.portfolio_day`), the credit
   lines' summed in SQL and added to the loans' rows, one insert.

Loans closed since the last run release their provision and suspense. Entries go to the
ledger in batches (one statement per :data:`ENTRY_BATCH` entries).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from paysetu.ledger.rules.entries import POSTINGS_PER_ENTRY_MAX, NewEntry
from paysetu.lending.rules.classification import (
    AssetClass,
    Classification,
    LoanArrears,
    classify,
    daily_penalty,
    is_npa,
    net_by_key,
    provision_for,
)
from paysetu.lending.rules.close_day import ActiveLoanDay, LoanDayUpdate
from paysetu.lending.rules.errors import LendingRejected, LendingStatus
from paysetu.lending.rules.loans import accrual_increase, accruals_entry
from paysetu.lending.rules.portfolio_history import LoanStanding, merge_days, portfolio_day
from paysetu.lending.rules.provisions import provision_change_entry, suspense_change_entry
from paysetu.lending.usecases.credit_line_close_day import LinesDay, Progress
from paysetu.lending.usecases.lending import close_day_accounts, lender_accounts
from paysetu.lending.usecases.ports import LendingContext, LendingUnitOfWork

ENTRY_BATCH = 2_000
ACCRUALS_PER_ENTRY = POSTINGS_PER_ENTRY_MAX - 1
"""Loans' accruals per entry: one debit each, and the one credit to income or suspense."""


def parse_business_date(text: str) -> date:
    """A ``YYYY-MM-DD`` date, or ``business_date_invalid``."""
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise LendingRejected(LendingStatus.BUSINESS_DATE_INVALID, param="date")


def check_order(on: date, today: date, last: date | None) -> None:
    """Refuse a day that is not the next to close (module docstring)."""
    if on > today:
        raise LendingRejected(LendingStatus.CLOSE_DAY_IN_FUTURE,
                              f"{on.isoformat()} has not ended; today is {today.isoformat()}.",
                              "date")
    if last is not None and on < last:
        raise LendingRejected(LendingStatus.CLOSE_DAY_BEFORE_LAST,
                              f"Business days are closed through {last.isoformat()}.", "date")
    if last is not None and on > last + timedelta(days=1):
        nxt = (last + timedelta(days=1)).isoformat()
        raise LendingRejected(LendingStatus.CLOSE_DAY_SKIPS_DATE,
                              f"The next business day to close is {nxt}.", "date")


def _charge_penalties(uow: LendingUnitOfWork, on: date) -> dict[str, int]:
    """Step 2; the penalties charged, per loan."""
    charged = [(i.loan_id, i.number, daily_penalty(i.overdue_minor, i.penalty_rate_bps))
               for i in uow.loans.overdue_installments(on)]
    charged = [c for c in charged if c[2]]
    uow.loans.add_penalties(charged)
    per_loan: Counter[str] = Counter()
    for loan_id, _, amount in charged:
        per_loan[loan_id] += amount
    return dict(per_loan)


class _Day:
    """One run's entries and figures, built loan by loan."""

    def __init__(self, ctx: LendingContext, uow: LendingUnitOfWork, on: date) -> None:
        self.ctx, self.uow, self.on = ctx, uow, on
        self.entries: list[NewEntry] = []
        self.entry_count = 0
        self.suspense_moves: list[tuple[str, int]] = []
        self.provision_moves: list[tuple[str, int]] = []
        self.totals: Counter[str] = Counter()
        self.classes: Counter[str] = Counter()
        self.changes: Counter[str] = Counter()
        self.accounts: dict[tuple[str, str, bool], str] = {}
        self.accruals: dict[tuple[str, str, str], list[tuple[str, int]]] = {}

    def income_account(self, lender_id: str, currency: str, npa: bool) -> str:
        """Where a loan's accrual goes: interest income, or for an NPA suspense (cached: the
        lenders are few, the loans many)."""
        key = (lender_id, currency, npa)
        if key not in self.accounts:
            ctx, uow = self.ctx, self.uow
            self.accounts[key] = (
                close_day_accounts(ctx, uow, lender_id, currency).interest_suspense if npa
                else lender_accounts(ctx, uow, lender_id, currency).interest_income)
        return self.accounts[key]

    def accrue(self, lender_id: str, currency: str, income: str, leg: tuple[str, int]) -> None:
        """Queue a loan's accrual; every :data:`ACCRUALS_PER_ENTRY` to one income account
        become one entry."""
        key = (lender_id, currency, income)
        queued = self.accruals.setdefault(key, [])
        queued.append(leg)
        if len(queued) == ACCRUALS_PER_ENTRY:
            self.post_accruals(key)

    def post_accruals(self, key: tuple[str, str, str]) -> None:
        lender_id, currency, income = key
        queued = self.accruals.pop(key)
        meta = {"kind": "loan_interest_accrual", "lender": lender_id,
                "through": self.on.isoformat(), "loans": str(len(queued))}
        self.post(accruals_entry(self.ctx.ids.new_id("je"), income, queued, currency, meta))

    def post(self, entry: NewEntry) -> None:
        self.entries.append(entry)
        if len(self.entries) >= ENTRY_BATCH:
            self.flush()

    def flush(self) -> None:
        if self.entries:
            self.uow.ledger.apply(self.entries, self.ctx.clock.now())
            self.entry_count += len(self.entries)
            self.entries = []

    def loan(self, day: ActiveLoanDay, decided: Classification | None) -> LoanDayUpdate:
        """Steps 4-6 for one loan; ``decided`` is None for a closed loan (released)."""
        cur = day.currency
        increase = (accrual_increase(day.interest_accrued_minor, day.interest_accrued_through,
                                     day.accrual_target_minor, self.on) if decided else None)
        npa = decided is not None and is_npa(decided.asset_class)
        if increase:
            self.accrue(day.lender_id, cur, self.income_account(day.lender_id, cur, npa),
                        (day.interest_account_id, increase))
            self.totals[f"{cur}:interest_accrued_minor"] += increase
        accrued = day.interest_accrued_minor + (increase or 0)
        suspense_before = day.interest_suspense_minor + ((increase or 0) if npa else 0)
        suspense = accrued - day.interest_paid_minor if npa else 0
        provision = provision_for(day.outstanding_minor, decided.asset_class) if decided else 0
        key = f"{day.lender_id}:{cur}"
        self.suspense_moves.append((key, suspense - suspense_before))
        self.provision_moves.append((key, provision - day.provision_minor))
        self.totals[f"{cur}:provisions_minor"] += provision
        if decided is None:
            return LoanDayUpdate(day.loan_id, day.interest_accrued_minor,
                                 day.interest_accrued_through, 0, day.asset_class,
                                 day.npa_since, 0, 0)
        self.classes[decided.asset_class.value] += 1
        if decided.asset_class is not day.asset_class:
            self.changes[f"{day.asset_class.value}->{decided.asset_class.value}"] += 1
        through = self.on if increase is not None else day.interest_accrued_through
        return LoanDayUpdate(day.loan_id, accrued, through, decided.days_past_due,
                             decided.asset_class, decided.npa_since, provision, suspense)

    def post_net_moves(self) -> None:
        """Steps 5 and 6: one entry per lender and currency for each kind of change."""
        for queue in sorted(self.accruals):
            self.post_accruals(queue)
        now_meta = {"through": self.on.isoformat()}
        for kind, moves in (("suspense", self.suspense_moves),
                            ("provision", self.provision_moves)):
            for key, amount in sorted(net_by_key(moves).items()):
                lender_id, cur = key.split(":")
                books = close_day_accounts(self.ctx, self.uow, lender_id, cur)
                meta = {"kind": f"loan_{kind}_change", "lender": lender_id, **now_meta}
                entry_id = self.ctx.ids.new_id("je")
                if kind == "suspense":
                    income = lender_accounts(self.ctx, self.uow, lender_id, cur).interest_income
                    self.post(suspense_change_entry(entry_id, books, income, amount, cur, meta))
                else:
                    self.post(provision_change_entry(entry_id, books, amount, cur, meta))
                self.totals[f"{cur}:{kind}_change_minor"] += amount
        self.flush()


def _arrears(days: Iterable[ActiveLoanDay]) -> list[LoanArrears]:
    return [LoanArrears(d.loan_id, (d.merchant_id, d.lender_id), d.oldest_overdue, d.npa_since)
            for d in days if d.active]


def _standings(
    days: Sequence[ActiveLoanDay], updates: Sequence[LoanDayUpdate]
) -> Iterable[LoanStanding]:
    """The active loans as the day left them (``updates`` are ``days``' in order)."""
    return (LoanStanding(d.lender_id, d.category, d.currency, d.outstanding_minor,
                         u.days_past_due, u.asset_class, u.npa_since is not None,
                         u.provision_minor)
            for d, u in zip(days, updates, strict=True) if d.active)


def _summary(on: date, run: _Day, loans: int, penalties: dict[str, int],
             currencies: dict[str, str]) -> dict[str, Any]:
    for loan_id, amount in penalties.items():
        run.totals[f"{currencies[loan_id]}:penalties_minor"] += amount
    by_currency: dict[str, dict[str, Any]] = {}
    for key, amount in sorted(run.totals.items()):
        cur, name = key.split(":")
        by_currency.setdefault(cur, {"currency": cur, "interest_accrued_minor": 0,
                                     "penalties_minor": 0, "suspense_change_minor": 0,
                                     "provision_change_minor": 0, "provisions_minor": 0})
        by_currency[cur][name] = amount
    return {"object": "lending_close_day", "date": on.isoformat(), "loans": loans,
            "classes": {c.value: run.classes.get(c.value, 0) for c in AssetClass
                        if c is not AssetClass.LOSS},
            "class_changes": dict(sorted(run.changes.items())),
            "amounts": list(by_currency.values()), "journal_entries": run.entry_count,
            "replayed": False}


def close_day(ctx: LendingContext, uow: LendingUnitOfWork, on: date,
              progress: Progress | None = None) -> dict[str, Any]:
    """Close business day ``on`` (module docstring); the run's summary, ``progress`` told of
    the credit lines' chunks. The caller commits."""
    last = uow.loans.lock_close_days()
    if last is not None and on == last:
        return {**(uow.loans.close_day_summary(on) or {}), "replayed": True}
    check_order(on, ctx.clock.now().date(), last)
    days = uow.loans.close_day_snapshot(on)  # locks the loans first, as every loan operation
    lines = LinesDay(ctx, uow, on, progress)
    line_arrears = lines.prepare()  # then the credit lines, their day computed in SQL
    penalties = _charge_penalties(uow, on)
    decided = classify([*_arrears(days), *line_arrears], on)  # per borrower: loans and lines
    run = _Day(ctx, uow, on)
    updates: Sequence[LoanDayUpdate] = [run.loan(d, decided.get(d.loan_id)) for d in days]
    lines.apply(run, decided)
    run.post_net_moves()
    lines.post_debits(run)
    uow.loans.save_day(updates, on, ctx.clock.now())
    active = sum(1 for d in days if d.active)
    summary = _summary(on, run, active, penalties, {d.loan_id: d.currency for d in days})
    summary["credit_lines"] = lines.summary()
    uow.loans.insert_close_day(on, summary, ctx.clock.now())
    uow.loans.insert_portfolio_day(merge_days(portfolio_day(on, _standings(days, updates)),
                                              lines.portfolio_day()))
    return summary
