"""Close of business for credit lines, inside the term loans' run (one transaction, one day).

:func:`~paysetu.lending.usecases.loan_close_day.close_day` reads the loans, then the lines
(:meth:`snapshot`: one statement, lines locked after loans), classifies both together per
borrower, and hands each line's classification back here (:meth:`LinesDay.apply`). The rules
are :mod:`paysetu.lending.rules.credit_line_close_day`; this module only books them:

* the day's interest joins the loans' accrual entries (up to 63 receivables per entry, to
  interest income or, for an NPA, to suspense);
* suspense and provision changes join the loans' net entries per lender and currency;
* on a month's last day, the interest receivable is debited to the line: Dr drawn, Cr interest
  receivable, up to 32 lines per entry, posted after the accruals; each debit is a statement
  line and an uncovered interest debit (one insert each);
* every line's new state is one ``UPDATE ... FROM unnest``.

Penal charges are not booked at close of business: they are income when received.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any, Protocol

from paysetu.ledger.rules.entries import POSTINGS_PER_ENTRY_MAX, Direction, NewEntry, Posting
from paysetu.lending.rules.classification import Classification, LoanArrears, is_npa
from paysetu.lending.rules.credit_line_classification import line_arrears
from paysetu.lending.rules.credit_line_close_day import (
    LineDayUpdate,
    LineFigures,
    LineSnapshot,
    line_figures,
    line_update,
    released,
)
from paysetu.lending.rules.credit_lines import POLICY, dp_window
from paysetu.lending.usecases.ports import LendingContext, LendingUnitOfWork

DEBITS_PER_ENTRY = POSTINGS_PER_ENTRY_MAX // 2
SMA_1_AFTER_DAYS = 30
"""The summary counts a line out of order once a condition has held this long (SMA-1 on)."""


class DayRun(Protocol):
    """What the loans' run lends the lines: its accrual batches and net moves."""

    suspense_moves: list[tuple[str, int]]
    provision_moves: list[tuple[str, int]]

    def income_account(self, lender_id: str, currency: str, npa: bool) -> str: ...
    def accrue(self, lender_id: str, currency: str, income: str,
               leg: tuple[str, int]) -> None: ...
    def post(self, entry: NewEntry) -> None: ...
    def flush(self) -> None: ...


class LinesDay:
    """One close of business's lines (module docstring)."""

    def __init__(self, ctx: LendingContext, uow: LendingUnitOfWork, on: date) -> None:
        self.ctx, self.uow, self.on = ctx, uow, on
        self.snapshots: list[LineSnapshot] = []
        self.figures: dict[str, LineFigures] = {}
        self.updates: list[LineDayUpdate] = []
        self.debits: dict[str, list[tuple[LineSnapshot, int]]] = {}
        self.amounts: Counter[str] = Counter()
        self.counts: Counter[str] = Counter()

    def snapshot(self) -> list[LoanArrears]:
        """Read and lock the lines; what classification needs of the active ones."""
        self.snapshots = self.uow.credit_lines.close_day_snapshot(
            self.on, dp_window(POLICY, self.on)[0])
        self.figures = {s.line_id: line_figures(s, self.on, POLICY)
                        for s in self.snapshots if s.active}
        return [line_arrears(f.snapshot.line_id, (f.snapshot.merchant_id, f.snapshot.lender_id),
                             f.day, f.snapshot.npa_since) for f in self.figures.values()]

    def apply(self, run: DayRun, decided: dict[str, Classification]) -> None:
        """Book every line's day on ``run``'s batches (before its net moves are posted)."""
        for s in self.snapshots:
            figures = self.figures.get(s.line_id)
            update = released(s) if figures is None else line_update(
                figures, decided[s.line_id], self.on)
            npa = figures is not None and is_npa(decided[s.line_id].asset_class)
            accrual = figures.accrual_minor if figures is not None else 0
            if accrual:
                income = run.income_account(s.lender_id, s.currency, npa)
                run.accrue(s.lender_id, s.currency, income, (s.interest_account_id, accrual))
            if figures is not None and figures.debit_minor:
                self.debits.setdefault(s.currency, []).append((s, figures.debit_minor))
            key = f"{s.lender_id}:{s.currency}"
            before = s.interest_suspense_minor + (accrual if npa else 0)
            run.suspense_moves.append((key, update.interest_suspense_minor - before))
            run.provision_moves.append((key, update.provision_minor - s.provision_minor))
            self.updates.append(update)
            if figures is not None:
                self._count(s, figures, update)

    def _count(self, s: LineSnapshot, f: LineFigures, update: LineDayUpdate) -> None:
        cur = s.currency
        self.counts["lines"] += 1
        self.counts["out_of_order"] += update.out_of_order_days > SMA_1_AFTER_DAYS
        self.counts["npa"] += update.npa_since is not None
        self.counts["closed"] += update.closes
        for name, amount in (("drawing_power_minor", update.drawing_power_minor),
                             ("drawn_minor", f.drawn_minor),
                             ("interest_accrued_minor", f.accrual_minor),
                             ("interest_debited_minor", f.debit_minor),
                             ("penal_charges_minor", f.penal_minor),
                             ("provisions_minor", update.provision_minor)):
            self.amounts[f"{cur}:{name}"] += amount

    def post_debits(self, run: DayRun) -> None:
        """The month-end debits, after the accruals (the receivables must hold them)."""
        booked: list[tuple[str, int, str, str]] = []
        for currency, debits in sorted(self.debits.items()):
            for start in range(0, len(debits), DEBITS_PER_ENTRY):
                chunk = debits[start:start + DEBITS_PER_ENTRY]
                entry_id = self.ctx.ids.new_id("je")
                postings = [p for s, amount in chunk for p in (
                    Posting(s.drawn_account_id, Direction.DEBIT, amount, currency),
                    Posting(s.interest_account_id, Direction.CREDIT, amount, currency))]
                meta = {"kind": "credit_line_interest_debit", "through": self.on.isoformat(),
                        "lines": str(len(chunk))}
                run.post(NewEntry(entry_id, tuple(postings), meta))
                booked.extend((s.line_id, amount, entry_id, self.ctx.ids.new_id("clm"))
                              for s, amount in chunk)
        run.flush()
        self.uow.credit_lines.add_interest_debits(booked, self.on, self.ctx.clock.now())
        self.uow.credit_lines.save_day(self.updates, self.on, self.ctx.clock.now())

    def summary(self) -> dict[str, Any]:
        by_currency: dict[str, dict[str, Any]] = {}
        for key, amount in sorted(self.amounts.items()):
            cur, name = key.split(":")
            by_currency.setdefault(cur, {"currency": cur})[name] = amount
        return {"lines": self.counts["lines"], "out_of_order": self.counts["out_of_order"],
                "npa": self.counts["npa"], "closed": self.counts["closed"],
                "amounts": list(by_currency.values())}

