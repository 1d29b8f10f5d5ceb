"""The demo's credit lines, played inside the lending story's days (close of business in order).

Sanctioned by the story's lender on its first day, each on the borrower's settled sales:

* *Jaipur Block Prints* (the history's, so its drawing power is half its last 90 days' net
  settled sales): **in use**: draws a third of what is left every ten days and repays half of
  what it owes five days later, so it stays in order;
* *Kerala Spice Co.* (the history's): **out of order**: draws half its drawing power on day
  80 of the 150 and never credits the line: SMA-1 after 30 days without credits, SMA-2 after
  60 by today (past 90 it would be an NPA, and per borrower its loan with it);
* *Surat Zari Works*, new: **renewed**: sanctioned with a review due after 30 days, renewed for
  a year on day 20.

A borrower without settled sales (the demo's tests) has no drawing power: its draws are skipped,
the line stays undrawn.
"""

from __future__ import annotations

from datetime import date, timedelta

from paysetu.access.rules.principals import Principal
from paysetu.app.context import AppContext
from paysetu.app.ports import AppUnitOfWork
from paysetu.lending.usecases import credit_lines
from paysetu.payments.usecases import merchants

IN_USE, OUT_OF_ORDER, RENEWED = range(3)
DRAW_EVERY_DAYS = 10
OUT_OF_ORDER_DRAW_DAY = 80


def open_lines(ctx: AppContext, principal: Principal, lender_id: str, borrowers: list[str],
               first: date) -> list[str]:
    """The three lines, sanctioned on ``first`` (``ctx``'s day)."""
    with ctx.uow_factory() as uow:
        surat = merchants.create_merchant(ctx, uow, "Surat Zari Works", "IN", "INR", 200, 0,
                                          {"demo": "lending"})["id"]
        terms = [(borrowers[0], "kishore", 3_00_000_00, first + timedelta(days=365)),
                 (borrowers[1], "shishu", 50_000_00, first + timedelta(days=365)),
                 (surat, "shishu", 40_000_00, first + timedelta(days=30))]
        lines = [str(credit_lines.sanction_line(
            ctx, uow, principal, merchant, lender_id, category, "INR", limit, 1800, review,
            {"demo": "lending"})["id"]) for merchant, category, limit, review in terms]
        uow.commit()
    return lines


def _draw(ctx: AppContext, uow: AppUnitOfWork, principal: Principal, line_id: str,
          share_pct: int) -> None:
    line = credit_lines.get_line(ctx, uow, principal, line_id)
    amount = line["available_minor"] * share_pct // 100
    if amount > 0 and line["suspended_reason"] is None:
        credit_lines.draw(ctx, uow, principal, line_id, amount, None)


def line_day(ctx: AppContext, uow: AppUnitOfWork, principal: Principal, lines: list[str],
             first: date, day: date) -> None:
    """The lines' activity of ``day``, before its close of business."""
    n = (day - first).days
    if n % DRAW_EVERY_DAYS == 0:
        _draw(ctx, uow, principal, lines[IN_USE], 33)
    if n % DRAW_EVERY_DAYS == DRAW_EVERY_DAYS // 2:
        owed = credit_lines.get_line(ctx, uow, principal, lines[IN_USE])["outstanding_minor"]
        if owed // 2:
            credit_lines.repay(ctx, uow, principal, lines[IN_USE], owed // 2)
    if n == OUT_OF_ORDER_DRAW_DAY:
        _draw(ctx, uow, principal, lines[OUT_OF_ORDER], 50)
    if n == 20:
        credit_lines.renew(ctx, uow, principal, lines[RENEWED], first + timedelta(days=395),
                           None, None)
