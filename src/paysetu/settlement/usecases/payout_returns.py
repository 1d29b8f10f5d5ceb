"""Payouts the bank sent back: the money returns to the merchant, who fixes its account.

A bank returns a credit transfer it cannot apply (``AC04`` closed account, ``AC01`` wrong
number, ``AM05`` duplicate, ...) as a credit on the platform's statement that names the
payout's end-to-end id. Reconciliation classifies that line ``returned``
(:mod:`paysetu.settlement.rules.reconciliation`); in the same transaction this module:

* marks the payout ``returned`` with the bank's reason and sets aside (deactivates) the payout
  account it went to, so no later settlement pays into it again;
* books the money back on the merchant's available balance, one entry per payout
  (``je_<payout>_returned``, kind ``payout_returned``): debit the bank (nostro) account
  ``acct_platform_payouts_<CUR>`` when the payout had left it (paid), else the payout clearing
  account the instruction credited (never paid), credit the merchant's available balance;
* emits ``payout.returned`` to the merchant, asking it to register a corrected payout account.

The next settlement retries: the returned amount is a movement of its window (an adjustment),
and is paid out as soon as the merchant has an active payout account again (until then the
batch carries it forward, ``no_payout_account``).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from paysetu.events.usecases.events import emit_many
from paysetu.kernel.invariants import invariant
from paysetu.ledger.rules.entries import NewEntry
from paysetu.payments.usecases.merchants import merchant_accounts
from paysetu.settlement.rules.reconciliation import PAID_STATUS, PayoutRef
from paysetu.settlement.rules.records import payout_clearing_account
from paysetu.settlement.usecases.ports import SettlementContext, SettlementUnitOfWork
from paysetu.wallets.rules.wallets import transfer_entry
from paysetu.wallets.usecases.wallets import platform_account

RETURNED_KIND = "payout_returned"
"""The kind of the entry that gives a returned payout back (not a settlement kind: the next
window counts it)."""


def returned_entry_id(payout_id: str) -> str:
    return f"je_{payout_id}_returned"


def process_returns(
    ctx: SettlementContext, uow: SettlementUnitOfWork, run_id: str,
    returns: Sequence[tuple[PayoutRef, str]], paid_now: Collection[str],
) -> None:
    """Return every ``(payout, reason)``; ``paid_now`` names the payouts this run marked paid."""
    if not returns:
        return
    done = uow.reconciliations.mark_returned([(p.id, reason) for p, reason in returns])
    invariant(done == len(returns), "every returned payout was paid or outstanding and locked")
    entries: list[NewEntry] = []
    for payout, _ in returns:
        currency = payout.amount.currency
        left_the_bank = payout.status == PAID_STATUS or payout.id in paid_now
        source = (platform_account(uow, ctx, "payouts", currency) if left_the_bank
                  else payout_clearing_account(currency))
        available = merchant_accounts(ctx, uow, payout.merchant_id, currency).available
        entries.append(transfer_entry(
            returned_entry_id(payout.id), source, available, payout.amount.amount_minor,
            currency, {"kind": RETURNED_KIND, "payout": payout.id, "reconciliation": run_id,
                       "merchant": payout.merchant_id}))
    uow.ledger.apply(entries, ctx.clock.now())
    emit_many(ctx, uow, [(p.merchant_id, "payout.returned", returned_payout_object(p, reason,
                                                                                   run_id))
                         for p, reason in returns])


def returned_payout_object(payout: PayoutRef, reason: str, run_id: str) -> dict[str, Any]:
    """The ``payout.returned`` event's object: what came back, why, and what to do."""
    return {
        "id": payout.id,
        "object": "payout",
        "merchant": payout.merchant_id,
        "amount_minor": payout.amount.amount_minor,
        "currency": payout.amount.currency,
        "end_to_end_id": payout.end_to_end_id,
        "status": "returned",
        "return_reason": reason,
        "reconciliation": run_id,
        "action_required": "The bank returned this payout and the amount is back on your"
                           " balance. Register a corrected payout account: the next settlement"
                           " pays it out again.",
    }
