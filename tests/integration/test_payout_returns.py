"""A payout the bank returns (issue 19), read from a camt.053 written as banks send one.

Before, the return credit was only an ``unexpected`` line and the payout stayed ``paid``, its
money booked as sent. Now: the payout is ``returned`` with the bank's reason, the money is back
on the merchant's balance (the ledger audits clean), the merchant gets ``payout.returned``, the
account the money bounced from is set aside, and the next settlement pays the amount again once
the merchant registered a corrected account.
"""

from __future__ import annotations

from datetime import date, timedelta

import sqlalchemy as sa

from paysetu.app.context import AppContext
from paysetu.kernel.clock import FixedClock
from paysetu.settlement.rules.reconciliation import LineCategory, PayoutRef
from paysetu.settlement.rules.records import RunOutcome
from paysetu.settlement.rules.settlement import CarryReason
from paysetu.settlement.rules.statements import StatementFormat
from paysetu.settlement.stores.camt053_writer import statement_for_payouts
from paysetu.settlement.stores.statement_files import read_statement
from paysetu.settlement.usecases import reconciliation, settlement
from tests.integration import payout_rows
from tests.integration.settlement_builders import indian_account, merchant, pay, payer, run


def _return_statement(payout: PayoutRef, booked_on: date) -> bytes:
    """The bank's camt.053.001.08: the payout credited back, reversal indicator and AC04."""
    amount = payout.amount.to_decimal()
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>STMT-RETURN-1</MsgId><CreDtTm>{booked_on}T18:00:00+05:30</CreDtTm></GrpHdr>
    <Stmt>
      <Id>STMT-RETURN-1</Id>
      <Acct><Id><Othr><Id>PAYSETU-SETTLEMENT</Id></Othr></Id><Ccy>INR</Ccy></Acct>
      <Ntry>
        <Amt Ccy="INR">{amount}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <RvslInd>true</RvslInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>{booked_on}</Dt></BookgDt>
        <ValDt><Dt>{booked_on}</Dt></ValDt>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>RRTN</SubFmlyCd></Fmly></Domn>
        </BkTxCd>
        <NtryDtls><TxDtls>
          <Refs><EndToEndId>{payout.end_to_end_id}</EndToEndId></Refs>
          <Amt Ccy="INR">{amount}</Amt>
          <CdtDbtInd>CRDT</CdtDbtInd>
          <RtrInf><Rsn><Cd>AC04</Cd></Rsn><AddtlInf>ACCOUNT CLOSED</AddtlInf></RtrInf>
        </TxDtls></NtryDtls>
        <AddtlNtryInf>RETURN OF CREDIT TRANSFER</AddtlNtryInf>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>
""".encode()


def _available(ctx: AppContext, merchant_id: str) -> int:
    with ctx.uow_factory() as uow:
        account = uow.ledger.get_account(f"acct_{merchant_id}_INR_available", ctx.clock.now())
    assert account is not None
    return account.balance.credits_posted - account.balance.debits_posted


def test_a_returned_payout_goes_back_to_the_merchant_and_is_paid_again(
    engine: sa.Engine, clock: FixedClock
) -> None:
    ctx = payout_rows.context(engine, clock)
    shop = merchant(ctx)
    indian_account(ctx, shop)
    pay(ctx, shop, payer(ctx, "INR", 50_000_00), 10_000_00, "INR")
    clock.advance(timedelta(days=1))
    (first,) = settlement.settle(ctx, date(2026, 4, 2))
    assert first.outcome is RunOutcome.CREATED
    with ctx.uow_factory() as uow:
        (payout,) = reconciliation.demo_payouts(uow, None)
    paid = read_statement(statement_for_payouts([payout], clock.now()), StatementFormat.CAMT053)
    run(ctx, lambda uow: reconciliation.reconcile_statement(ctx, uow, paid))
    assert _available(ctx, shop) == 0

    returned = read_statement(_return_statement(payout, date(2026, 4, 3)),
                              StatementFormat.CAMT053)
    recon, _ = run(ctx, lambda uow: reconciliation.reconcile_statement(ctx, uow, returned))
    assert (recon.counts[LineCategory.RETURNED], recon.unmatched) == (1, 0)
    with ctx.uow_factory() as uow:
        (line,), _ = reconciliation.list_lines(uow, recon.id, None, 0)
    with ctx.uow_factory() as uow:
        audit = uow.ledger.audit()
    assert (line.category, line.reason) == (LineCategory.RETURNED, "Returned by the bank (AC04).")
    assert audit.passed, audit.findings
    assert _available(ctx, shop) == payout.amount.amount_minor
    with engine.connect() as connection:
        status = connection.execute(sa.text(
            "SELECT status, return_reason FROM payouts WHERE id = :id"), {"id": payout.id}).one()
        (event,) = connection.execute(sa.text(
            "SELECT merchant_id, data FROM events WHERE type = 'payout.returned'")).all()
        active = connection.execute(sa.text(
            "SELECT count(*) FROM merchant_payout_accounts WHERE merchant_id = :m AND active"),
            {"m": shop}).scalar_one()
    assert tuple(status) == ("returned", "AC04")
    assert event.merchant_id == shop
    assert (event.data["object"]["id"], event.data["object"]["return_reason"]) == (
        payout.id, "AC04")
    assert "payout account" in event.data["object"]["action_required"]
    assert active == 0, "the account the money bounced from is set aside"
    again, _ = run(ctx, lambda uow: reconciliation.reconcile_statement(
        ctx, uow, read_statement(_return_statement(payout, date(2026, 4, 4)),
                                 StatementFormat.CAMT053)))
    assert again.counts[LineCategory.UNEXPECTED] == 1, "a payout is returned once"
    assert _available(ctx, shop) == payout.amount.amount_minor

    clock.advance(timedelta(days=2))
    (carried,) = settlement.settle(ctx, date(2026, 4, 4))
    assert (carried.outcome, carried.payout_minor) == (RunOutcome.CREATED, 0)
    with ctx.uow_factory() as uow:
        batch = uow.settlements.get_batch(carried.batch_id or "")
    assert batch is not None
    assert batch.carry_reason is CarryReason.NO_PAYOUT_ACCOUNT
    indian_account(ctx, shop)
    clock.advance(timedelta(days=1))
    (retried,) = settlement.settle(ctx, date(2026, 4, 5))
    assert retried.payout_minor == payout.amount.amount_minor
    assert _available(ctx, shop) == 0
