"""The demo's loans: one borrower repaying, one in arrears, one an NPA, closed every day.

So the lending pages have something to show, the demo lends through the same services the API
uses, with the clock set back (a :class:`FixedClock` in a copy of the context), and runs close
of business for every day from the first disbursal to yesterday:

* *Bharat Micro Finance* (a bank) funds 50,00,000 INR; an apex refinancer is opened if there
  is none, and funded;
* the history's *Jaipur Block Prints* borrows 2,00,000 (Kishore, 24 months) and pays every
  EMI on its due date: ``standard``; the lender then has it refinanced by the apex at 50%;
* the history's *Kerala Spice Co.* borrows 40,000 (Shishu, 12 months), pays two EMIs and
  stops: SMA (about 60 days past due by today);
* a new merchant, *Lucknow Chikan Works*, borrows 1,00,000 (Kishore, 12 months) and never
  pays: an NPA (sub-standard), provisioned at 25%, its interest in suspense;
* on the last day, *Jaipur Block Prints* applies for 45,000 more (Shishu, 12 months): the
  application waits in the lender's queue, so approve and reject can be tried;
* three credit lines (:mod:`.lending_lines`): one in use, one out of order, one renewed.

The underwriting advice sees only a merchant's history on paysetu; where it says "decline"
(a new merchant has none), the demo lender approves with its reason stated
(:data:`OVERRIDE_REASON`), as a lender overriding the advice must.

Ids are kept in ``<data_dir>/demo_lending.json``; a later run finds them and adds nothing
(but the waiting application, to a story saved before the demo left one). If
close of business has already run on this database past the story's first day, the story is
skipped (days close in order).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from paysetu.access.rules.principals import Principal, Role
from paysetu.app.context import AppContext
from paysetu.demo.console import console
from paysetu.demo.lending_lines import line_day, open_lines
from paysetu.demo.state import read_state, write_state
from paysetu.kernel.clock import FixedClock
from paysetu.lending.usecases import (
    credit_lines,
    lending,
    loan_applications,
    loan_close_day,
    loan_refinance,
    loan_repayments,
    loans,
)
from paysetu.payments.usecases import merchants

STATE_FILE = "demo_lending.json"
STORY_DAYS = 150
PLATFORM = Principal("key_demo_lending", Role.PLATFORM, None, False)
OVERRIDE_REASON = (
    "Approved against the decline advice: the policy sees only payments on paysetu, and the "
    "merchant's bank statements for the last 24 months, checked off the platform, show steady "
    "trading.")
"""The demo lender's stated reason whenever it approves against a "decline" advice."""
PENDING_PURPOSE = "Dyes and cotton for the wedding season"


@dataclass(frozen=True, slots=True)
class DemoLending:
    lender_id: str
    loan_ids: list[str]
    """Repaying, in arrears, NPA."""
    pending_application_id: str | None = None
    """Left in the lender's queue (None in a state file written before it existed)."""
    line_ids: list[str] = field(default_factory=list)
    """In use, out of order, renewed (empty in a state file written before lines existed)."""


def _exists(ctx: AppContext, story: DemoLending) -> bool:
    with ctx.uow_factory() as uow:
        return all(uow.loans.get(loan_id) is not None for loan_id in story.loan_ids)


def _at(ctx: AppContext, day: date, hour: int = 20) -> AppContext:
    return replace(ctx, clock=FixedClock(datetime.combine(day, time(hour), tzinfo=UTC)))


def _lend(ctx: AppContext, lender_id: str, merchant_id: str, product: str, amount: int,
          tenure: int) -> str:
    with ctx.uow_factory() as uow:
        application = loan_applications.apply_for_loan(ctx, uow, PLATFORM, (
            loan_applications.ApplyForLoan(lender_id, product, amount, tenure,
                                           "Stock and a second loom", merchant_id)))
        declined = application["underwriting"]["decision"] == "decline"
        loan_id = str(loan_applications.approve_application(
            ctx, uow, PLATFORM, application["id"], loan_applications.ApproveApplication(
                1600, reason=OVERRIDE_REASON if declined else None))["loan"])
        loans.disburse_loan(ctx, uow, PLATFORM, loan_id)
        uow.commit()
    return loan_id


def _open(ctx: AppContext, borrowers: list[str]) -> DemoLending:
    """The lender (and an apex if none), and the three loans, disbursed on ``ctx``'s day."""
    with ctx.uow_factory() as uow:
        lender_id = str(lending.create_lender(ctx, uow, "Bharat Micro Finance", "bank", False,
                                              {"demo": "lending"})["id"])
        lending.fund_lender(ctx, uow, PLATFORM, lender_id, 50_00_000_00, "INR")
        if uow.lending.apex_lender() is None:
            apex = lending.create_lender(ctx, uow, "Apex Refinance (demo)", "refinancer", True,
                                         {"demo": "lending"})
            lending.fund_lender(ctx, uow, PLATFORM, apex["id"], 10_00_000_00, "INR")
        lucknow = merchants.create_merchant(ctx, uow, "Lucknow Chikan Works", "IN", "INR", 200,
                                            0, {"demo": "lending"})["id"]
        uow.commit()
    return DemoLending(lender_id, [
        _lend(ctx, lender_id, borrowers[0], "lpr_pmmy_kishore", 2_00_000_00, 24),
        _lend(ctx, lender_id, borrowers[1], "lpr_pmmy_shishu", 40_000_00, 12),
        _lend(ctx, lender_id, lucknow, "lpr_pmmy_kishore", 1_00_000_00, 12),
    ])


def _pending(ctx: AppContext, story: DemoLending, merchant_id: str) -> DemoLending:
    """An application left waiting in the lender's queue."""
    with ctx.uow_factory() as uow:
        application = loan_applications.apply_for_loan(ctx, uow, PLATFORM, (
            loan_applications.ApplyForLoan(story.lender_id, "lpr_pmmy_shishu", 45_000_00, 12,
                                           PENDING_PURPOSE, merchant_id)))
        uow.commit()
    return replace(story, pending_application_id=str(application["id"]))


def _day(ctx: AppContext, story: DemoLending, day: date, emis_paid: list[int],
         first: date) -> None:
    """The borrowers who pay, pay what is due; the lines move; then close of business."""
    payers = story.loan_ids[:2]
    with ctx.uow_factory() as uow:
        line_day(ctx, uow, PLATFORM, story.line_ids, first, day)
        for index, loan_id in enumerate(payers):
            due = loans.get_loan(ctx, uow, PLATFORM, loan_id)["amount_due_minor"]
            if due and (index == 0 or emis_paid[index] < 2):
                loan_repayments.repay_loan(ctx, uow, PLATFORM, loan_id, "manual", due)
                emis_paid[index] += 1
        loan_close_day.close_day(ctx, uow, day)
        uow.commit()


def ensure_demo_lending(
    ctx: AppContext, data_dir: Path, borrowers: list[str]
) -> DemoLending | None:
    """The story, played unless this database has it (or has closed days past its start)."""
    path = data_dir / STATE_FILE
    stored = read_state(path, DemoLending)
    if stored is not None and _exists(ctx, stored):
        if stored.pending_application_id is None:  # a story played before the queue had one
            stored = _pending(ctx, stored, borrowers[0])
            write_state(path, stored)
        return stored
    today = ctx.clock.now().astimezone(UTC).date()
    first = today - timedelta(days=STORY_DAYS)
    with ctx.uow_factory() as uow:
        last = uow.loans.last_close_day()
    if last is not None and last >= first:
        return None
    story = _open(_at(ctx, first, 10), borrowers)
    story = replace(story, line_ids=open_lines(_at(ctx, first, 11), PLATFORM, story.lender_id,
                                               borrowers, first))
    emis_paid = [0, 0]
    day = first
    while day < today:
        _day(_at(ctx, day), story, day, emis_paid, first)
        day += timedelta(days=1)
    with ctx.uow_factory() as uow:
        loan_refinance.submit_claim(_at(ctx, today - timedelta(days=1), 21), uow, PLATFORM,
                                    story.lender_id, "INR", 5_000, story.loan_ids[:1])
        uow.commit()
    story = _pending(_at(ctx, today - timedelta(days=1), 22), story, borrowers[0])
    write_state(path, story)
    return story


def print_demo_lending(ctx: AppContext, story: DemoLending | None) -> None:
    if story is None:
        console.print("demo lending: skipped (close of business already ran on this database)")
        return
    with ctx.uow_factory() as uow:
        shown = [loans.get_loan(ctx, uow, PLATFORM, loan_id) for loan_id in story.loan_ids]
    console.print(f"demo lending: lender {story.lender_id}", soft_wrap=True)
    for loan in shown:
        facts = loan["classification"]
        console.print(f"  loan {loan['id']}  {loan['category']}  {facts['asset_class']}"
                      f" ({facts['days_past_due']} days past due)  outstanding"
                      f" {loan['outstanding_principal_minor'] / 100:,.2f} INR", soft_wrap=True)
    with ctx.uow_factory() as uow:
        lines = [credit_lines.get_line(ctx, uow, PLATFORM, line_id) for line_id in story.line_ids]
    for line in lines:
        facts = line["classification"]
        console.print(f"  credit line {line['id']}  {facts['asset_class']} (out of order"
                      f" {facts['out_of_order_days']} days)  drawn {line['drawn_minor'] / 100:,.2f}"
                      f" of {line['drawing_power_minor'] / 100:,.2f} INR drawing power, renewed"
                      f" {line['renewals']}x", soft_wrap=True)
    if story.pending_application_id is not None:
        console.print(f"  application {story.pending_application_id} waits in the lender's"
                      " queue (/lender)", soft_wrap=True)
    console.print("  try: paysetu lending portfolio, paysetu lending portfolio-history",
                  soft_wrap=True)
