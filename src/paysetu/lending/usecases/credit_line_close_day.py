"""Close of business for credit lines, inside the term loans' run (one transaction, one day).

:func:`~paysetu.lending.usecases.loan_close_day.close_day` reads the loans, then the lines.
The lines' day is computed in SQL, set-based and chunk by chunk
(:mod:`paysetu.lending.stores.credit_line_close_day_store`: drawing power, accrual, month-end
debit, penal charge, out-of-order runs); this module orchestrates it and books the result:

* :meth:`LinesDay.compute` locks the lines (after the loans) and computes their figures; the
  borrower-level classification then reads them with the loans' (in SQL; the per-loan
  reference path reads them with :meth:`LinesDay.prepare` and classifies in Python);
* :meth:`LinesDay.apply_classified` sets each chunk's classes from the borrowers' (class,
  provision, suspense, closing follow in SQL; :meth:`LinesDay.apply` sends classes decided in
  Python), queues the day's accruals on the loans' accrual entries (up to 63 receivables
  per entry, to interest income or, for an NPA, to suspense) and adds the lines' suspense and
  provision changes to the loans' net entries per lender and currency;
* :meth:`LinesDay.post_debits`: on a month's last day, the interest receivable is debited to
  the line (Dr drawn, Cr interest receivable, up to 32 lines per entry, after the accruals),
  each debit a statement line and an uncovered interest debit; then the lines are written back
  one chunk per ``UPDATE``.

Penal charges are not booked at close of business: they are income when received.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, Protocol

from paysetu.ledger.rules.entries import POSTINGS_PER_ENTRY_MAX, Direction, NewEntry, Posting
from paysetu.lending.rules.classification import Classification, LoanArrears
from paysetu.lending.rules.credit_line_classification import line_class
from paysetu.lending.rules.credit_lines import POLICY, dp_window, is_month_end
from paysetu.lending.rules.portfolio_history import PortfolioDay
from paysetu.lending.usecases.ports import LendingContext, LendingUnitOfWork

DEBITS_PER_ENTRY = POSTINGS_PER_ENTRY_MAX // 2
SMA_1_AFTER_DAYS = 30
"""The summary counts a line out of order once a condition has held this long (SMA-1 on)."""

Progress = Callable[[int, int], None]
"""Told ``(chunks done, chunks)`` as the lines' chunks are classified and booked."""


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

    def __init__(self, ctx: LendingContext, uow: LendingUnitOfWork, on: date,
                 progress: Progress | None = None) -> None:
        self.ctx, self.uow, self.on = ctx, uow, on
        self.progress = progress
        self.chunks: list[tuple[str, str]] = []
        self.ids: list[list[str]] = []

    def compute(self) -> None:
        """Lock the lines and compute their day in SQL."""
        bounds = self.uow.credit_lines.close_day_figures(
            self.on, dp_window(POLICY, self.on)[0], is_month_end(self.on), POLICY)
        self.chunks = chunk_pairs(bounds)

    def prepare(self) -> list[LoanArrears]:
        """:meth:`compute`, and what the classification in Python needs of the active lines
        (the per-loan path)."""
        self.compute()
        arrears: list[LoanArrears] = []
        for after, upto in self.chunks:
            chunk = self.uow.credit_lines.close_day_arrears(after, upto)
            self.ids.append([a.line_id for a in chunk])
            arrears.extend(LoanArrears(a.line_id, (a.merchant_id, a.lender_id),
                                       a.oldest_overdue, a.npa_since) for a in chunk)
        return arrears

    def apply(self, run: DayRun, decided: dict[str, Classification]) -> None:
        """Book every line's day on ``run``'s batches (before its net moves are posted), the
        classes decided in Python (the per-loan path)."""
        def classify(index: int, after: str, upto: str) -> None:
            self.uow.credit_lines.close_day_decided(self.on, after, upto, [
                (i, line_class(decided[i]), decided[i].npa_since, decided[i].days_past_due)
                for i in self.ids[index]])
        self._book(run, classify)

    def apply_classified(self, run: DayRun) -> None:
        """Book every line's day on ``run``'s batches (before its net moves are posted), the
        borrowers classified in SQL already."""
        self._book(run, lambda _, after, upto: self.uow.credit_lines.close_day_classified(
            self.on, after, upto))

    def _book(self, run: DayRun, classify: Callable[[int, str, str], None]) -> None:
        lines = self.uow.credit_lines
        for done, (after, upto) in enumerate(self.chunks, start=1):
            classify(done - 1, after, upto)
            for a in lines.close_day_accruals(after, upto):
                run.accrue(a.lender_id, a.currency,
                           run.income_account(a.lender_id, a.currency, a.npa),
                           (a.interest_account_id, a.amount_minor))
            if self.progress is not None:
                self.progress(done, len(self.chunks))
        for lender_id, currency, suspense, provision in lines.close_day_moves():
            key = f"{lender_id}:{currency}"
            run.suspense_moves.append((key, suspense))
            run.provision_moves.append((key, provision))

    def post_debits(self, run: DayRun) -> None:
        """The month-end debits, after the accruals (the receivables must hold them); then
        the lines are written back."""
        booked: list[tuple[str, int, str, str]] = []
        debits = self.uow.credit_lines.close_day_debits()
        for currency in sorted({d.currency for d in debits}):
            of_currency = [d for d in debits if d.currency == currency]
            for start in range(0, len(of_currency), DEBITS_PER_ENTRY):
                chunk = of_currency[start:start + DEBITS_PER_ENTRY]
                entry_id = self.ctx.ids.new_id("je")
                postings = [p for d in chunk for p in (
                    Posting(d.drawn_account_id, Direction.DEBIT, d.amount_minor, currency),
                    Posting(d.interest_account_id, Direction.CREDIT, d.amount_minor, currency))]
                meta = {"kind": "credit_line_interest_debit", "through": self.on.isoformat(),
                        "lines": str(len(chunk))}
                run.post(NewEntry(entry_id, tuple(postings), meta))
                booked.extend((d.line_id, d.amount_minor, entry_id, self.ctx.ids.new_id("clm"))
                              for d in chunk)
        run.flush()
        now = self.ctx.clock.now()
        self.uow.credit_lines.add_interest_debits(booked, self.on, now)
        for after, upto in self.chunks:
            self.uow.credit_lines.close_day_save(self.on, now, after, upto)

    def portfolio_day(self) -> list[PortfolioDay]:
        """The lines' rows of the day's portfolio history (summed in SQL)."""
        return self.uow.credit_lines.close_day_portfolio(self.on)

    def summary(self) -> dict[str, Any]:
        counts, amounts = self.uow.credit_lines.close_day_totals(SMA_1_AFTER_DAYS)
        return {**counts, "amounts": amounts}


def chunk_pairs(bounds: Sequence[str]) -> list[tuple[str, str]]:
    """``(after, upto]`` id ranges from the chunks' last ids."""
    return list(zip(["", *bounds], bounds, strict=False))
