"""A seller's negative balance recovered from its settlements, not only its next releases.

A return after the seller was paid debits what its balance could not cover to its recovery
account (:mod:`.returns`). Releases repay it first (:mod:`.holds`); this sweep also repays it
from the seller's settlements, whatever they settle (its own direct payments included), before
anything is paid out. It plugs into settlement's sweep hook (``ctx.loan_sweep``) in front of
the lending sweep it wraps: a batch of a merchant owing on its recovery account in the batch's
currency claims up to what it owes (settlement never takes more than the batch's net or the
available balance) and settlement books ``seller available -> its recovery account`` in the
batch's own transaction (entry ``je_<batch>_loan``, item ``loan_sweep``); a batch owing
nothing goes to the lending sweep. A merchant owing both repays the recovery first and its
loans from the next batches. So a negative seller balance is never lost.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import cast

from paysetu.marketplace.usecases.ports import MarketplaceUnitOfWork
from paysetu.settlement.usecases.hooks import sweep_claims
from paysetu.settlement.usecases.ports import (
    LoanSweep,
    SettlementUnitOfWork,
    SweepClaim,
    SweepRequest,
)


def recovery_account(merchant_id: str, currency: str) -> str:
    return f"acct_{merchant_id}_{currency}_recovery"


class RecoverySweep:
    """Settlement's sweep: a seller's recovery account first, then ``inner`` (lending)."""

    def __init__(self, inner: LoanSweep) -> None:
        self._inner = inner

    def claims(
        self, uow: SettlementUnitOfWork, requests: Sequence[SweepRequest]
    ) -> Mapping[str, SweepClaim]:
        # the unit of work is the whole product's (AppContext's): it has the marketplace's rows
        owed = cast(MarketplaceUnitOfWork, uow).marketplace.owed_recoveries(
            sorted({recovery_account(r.merchant_id, r.currency) for r in requests}))
        mine = {}
        for r in requests:
            account = recovery_account(r.merchant_id, r.currency)
            if owed.get(account, 0) > 0 and r.net_before_sweep_minor > 0:
                mine[r.batch_id] = SweepClaim(
                    min(owed[account], r.net_before_sweep_minor), account)
        rest = [r for r in requests if r.batch_id not in mine]
        return {**sweep_claims(self._inner, uow, rest), **mine}

    def claim(self, uow: SettlementUnitOfWork, request: SweepRequest) -> SweepClaim:
        return self.claims(uow, [request]).get(request.batch_id, SweepClaim(0))

    def swept(
        self, uow: SettlementUnitOfWork, request: SweepRequest, amount_minor: int, entry_id: str
    ) -> None:
        account = recovery_account(request.merchant_id, request.currency)
        if any(p.account_id == account for p in uow.ledger.get_entry(entry_id).postings):
            return  # the sweep's entry itself repaid the recovery account
        self._inner.swept(uow, request, amount_minor, entry_id)
