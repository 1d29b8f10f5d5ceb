"""Close of business: accrual, penal interest, days past due, classes, provisions, suspense.

``close_day(ctx, uow, on)`` closes business day ``on`` for every active loan in one database
transaction (all or nothing). Days close strictly in order: the first run may close any day up
to today; after that only the day after the last one closed (``close_day_skips_date``), and
closing the last day again replays its summary (idempotent per date); an earlier day is
refused (``close_day_before_last``), so is a day after today (``close_day_in_future``).

Steps, set-based in SQL (:mod:`paysetu.lending.stores.loan_close_day_set_store`), chunk by
chunk of loans in id order, Python orchestrating:

1. figures: every loan locked (loans first, then the credit lines: the lock order of every loan
   operation) with its oldest overdue due date, the interest the schedule has earned to the
   day, its outstanding principal and the interest received, into a temporary table;
2. penal interest: every installment overdue before ``on`` is charged a day's penalty on its
   unpaid principal and interest (no entry: penalties are income when received; they do not
   make an installment overdue, so the figures stand);
3. classification per borrower, its loans and credit lines together (one statement; the rules
   of :func:`~paysetu.lending.rules.classification.classify`);
4. accrual: the interest earned and not yet booked (the rule of
   :func:`~paysetu.lending.rules.loans.accrual_increase`), to interest income or, for an NPA,
   to interest suspense; up to 63 loans per entry (one debit to each loan's interest
   receivable, one credit), through the ledger's batch API;
5. suspense: an NPA's whole receivable is in suspense; a performing loan's none. The day's
   change, net per lender and currency, moves between interest income and suspense;
6. provisions: each loan's outstanding principal x its class's rate; the day's change, net per
   lender and currency, is posted between provision expense and the provision account;
7. history: the day's book per lender, category and currency (outstanding, PAR 30/60/90, NPA,
   provisions: the rules of :func:`~paysetu.lending.rules.portfolio_history.portfolio_day`),
   summed in SQL for the loans and the lines, one insert.

The per-loan path (:mod:`paysetu.lending.usecases.loan_close_day_per_loan`, the rules in
Python) gives the same loans, summary and entries; the differential test keeps them equal.
Loans closed since the last run release their provision and suspense. Entries go to the
ledger in batches (one statement per :data:`ENTRY_BATCH` entries).
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from paysetu.ledger.rules.entries import POSTINGS_PER_ENTRY_MAX, NewEntry
from paysetu.lending.rules.classification import AssetClass, net_by_key
from paysetu.lending.rules.errors import LendingRejected, LendingStatus
from paysetu.lending.rules.loans import accruals_entry
from paysetu.lending.rules.portfolio_history import merge_days
from paysetu.lending.rules.provisions import provision_change_entry, suspense_change_entry
from paysetu.lending.usecases.credit_line_close_day import LinesDay, Progress, chunk_pairs
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


class CloseDayRun:
    """One run's entries and figures: the accrual batches, the net moves, the summary's
    counters."""

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

    def post_net_moves(self) -> None:
        """Steps 5 and 6: one entry per lender and currency for each kind of change."""
        for queue in sorted(self.accruals):
            self.post_accruals(queue)
        # The accruals apart from the net moves: a batch that debits and credits one account
        # with a limit (suspense: NPA accruals in, a release out) makes the ledger check the
        # running balance posting by posting, over the whole batch.
        self.flush()
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



def summary(on: date, run: CloseDayRun, loans: int) -> dict[str, Any]:
    """The run's summary (``run.totals`` hold ``CUR:figure`` amounts)."""
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


def _counted(run: CloseDayRun, totals: dict[str, Any]) -> None:
    """The loans' figures summed in SQL, into ``run``'s summary counters."""
    for row in totals["currencies"]:
        cur = row["currency"]
        run.totals[f"{cur}:provisions_minor"] += int(row["provisions"])
        if row["accruing"]:
            run.totals[f"{cur}:interest_accrued_minor"] += int(row["accrued"])
        if row["penalised"]:
            run.totals[f"{cur}:penalties_minor"] += int(row["penalties"])
    run.classes.update(totals["classes"])
    run.changes.update(totals["changes"])


def close_day(ctx: LendingContext, uow: LendingUnitOfWork, on: date,
              progress: Progress | None = None) -> dict[str, Any]:
    """Close business day ``on`` (module docstring); the run's summary, ``progress`` told
    ``(chunks done, chunks)`` over the loans' chunks and then the credit lines'. The caller
    commits."""
    last = uow.loans.lock_close_days()
    if last is not None and on == last:
        return {**(uow.loans.close_day_summary(on) or {}), "replayed": True}
    check_order(on, ctx.clock.now().date(), last)
    loans = uow.loans
    chunks = chunk_pairs(loans.close_day_loan_figures(on))  # the loans locked first
    lines = LinesDay(ctx, uow, on, None if progress is None else (
        lambda done, total: progress(len(chunks) + done, len(chunks) + total)))
    lines.compute()  # then the credit lines, their day computed in SQL
    for after, upto in chunks:
        loans.close_day_loan_penalties(on, after, upto)
    loans.close_day_classify(on)  # per borrower: loans and lines
    run = CloseDayRun(ctx, uow, on)
    for done, (after, upto) in enumerate(chunks, start=1):
        for lender_id, cur, npa, account, amount in loans.close_day_loan_day(on, after, upto):
            run.accrue(lender_id, cur, run.income_account(lender_id, cur, npa), (account, amount))
        if progress is not None:
            progress(done, len(chunks) + len(lines.chunks))
    loans.close_day_loans_computed()
    lines.apply_classified(run)
    for lender_id, cur, suspense, provision in loans.close_day_loan_moves():
        run.suspense_moves.append((f"{lender_id}:{cur}", suspense))
        run.provision_moves.append((f"{lender_id}:{cur}", provision))
    totals = loans.close_day_loan_totals()
    _counted(run, totals)
    run.post_net_moves()
    lines.post_debits(run)
    now = ctx.clock.now()
    for after, upto in chunks:
        loans.close_day_loan_save(on, now, after, upto)
    result = summary(on, run, totals["loans"])
    result["credit_lines"] = lines.summary()
    loans.insert_close_day(on, result, now)
    loans.insert_portfolio_day(merge_days(loans.close_day_loan_portfolio(on),
                                          lines.portfolio_day()))
    return result
