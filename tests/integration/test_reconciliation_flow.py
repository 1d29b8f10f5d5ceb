"""The whole chain on real PostgreSQL, through the services: payments, a settlement run and its
payouts, the bank's camt.053 for them (one booked 1.00 off, as in the demo), reconciliation.

The matched payout's money leaves payout clearing for the bank and its merchant gets a
``payout.paid`` event; the mismatched one stays in clearing, outstanding, until a statement
matches it; the ledger audits clean throughout.
"""

from __future__ import annotations

from datetime import date, timedelta

import sqlalchemy as sa

from paysetu.kernel.clock import FixedClock
from paysetu.settlement.rules.reconciliation import LineCategory
from paysetu.settlement.rules.records import RunOutcome, payout_clearing_account
from paysetu.settlement.rules.statements import StatementFormat
from paysetu.settlement.stores.camt053_writer import statement_for_payouts
from paysetu.settlement.stores.statement_files import read_statement
from paysetu.settlement.usecases import reconciliation, settlement
from tests.integration import payout_rows
from tests.integration.settlement_builders import indian_account, merchant, pay, payer, run


def test_settled_payouts_reconcile_from_a_bank_statement(
    engine: sa.Engine, clock: FixedClock
) -> None:
    ctx = payout_rows.context(engine, clock)
    shops = [merchant(ctx), merchant(ctx)]
    wallet = payer(ctx, "INR", 50_000_00)
    for shop, amount in zip(shops, (12_500_00, 4_000_00), strict=True):
        indian_account(ctx, shop)
        pay(ctx, shop, wallet, amount, "INR")
    clock.advance(timedelta(days=1))
    results = settlement.settle(ctx, date(2026, 4, 2))
    assert {r.outcome for r in results} == {RunOutcome.CREATED}
    with ctx.uow_factory() as uow:
        payouts = reconciliation.demo_payouts(uow, None)
    assert sorted(p.merchant_id for p in payouts) == sorted(shops)
    off = payouts[1]
    content = statement_for_payouts(payouts, clock.now(), off_by_one=off.id)

    statement = read_statement(content, StatementFormat.CAMT053)
    recon, created = run(ctx, lambda uow: reconciliation.reconcile_statement(ctx, uow, statement))
    assert created
    assert (recon.counts[LineCategory.MATCHED], recon.counts[LineCategory.AMOUNT_MISMATCH],
            recon.unmatched) == (1, 1, 1)
    with ctx.uow_factory() as uow:
        clearing = uow.ledger.get_account(payout_clearing_account("INR"), clock.now()).balance
        left = reconciliation.demo_payouts(uow, None)
    assert clearing.credits_posted - clearing.debits_posted == off.amount.amount_minor
    assert [p.id for p in left] == [off.id]
    with ctx.uow_factory() as uow:
        audit = uow.ledger.audit()
    assert audit.passed, audit.findings
    with ctx.uow_factory() as uow:
        (line,), _ = reconciliation.list_lines(uow, recon.id, LineCategory.AMOUNT_MISMATCH, 0)
    assert line.payout is not None
    assert line.payout.id == off.id
    # the matched payout's merchant is told (a webhook event); the mismatched one's is not
    (matched,) = [p for p in payouts if p.id != off.id]
    with engine.connect() as connection:
        paid_events = connection.execute(sa.text(
            "SELECT merchant_id, data FROM events WHERE type = 'payout.paid'")).all()
    assert [(e.merchant_id, e.data["object"]["id"], e.data["object"]["reconciliation"],
             e.data["object"]["amount_minor"])
            for e in paid_events] == [(matched.merchant_id, matched.id, recon.id,
                                       matched.amount.amount_minor)]


def _converted_statement(end_to_end_id: str, instructed: str, booked_on: str) -> bytes:
    """A euro account's camt.053.001.08 as the bank sends it: an INR payout debited in EUR,
    the instructed amount and the bank's rate in ``AmtDtls``."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>STMT-EUR-1</MsgId><CreDtTm>{booked_on}T18:00:00+01:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>STMT-EUR-1</Id>
      <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
      <Ntry>
        <Amt Ccy="EUR">137.32</Amt>
        <CdtDbtInd>DBIT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>{booked_on}</Dt></BookgDt>
        <NtryDtls><TxDtls>
          <Refs><EndToEndId>{end_to_end_id}</EndToEndId></Refs>
          <Amt Ccy="EUR">137.32</Amt>
          <CdtDbtInd>DBIT</CdtDbtInd>
          <AmtDtls>
            <InstdAmt><Amt Ccy="INR">{instructed}</Amt>
              <CcyXchg><SrcCcy>EUR</SrcCcy><TrgtCcy>INR</TrgtCcy><UnitCcy>EUR</UnitCcy>
                <XchgRate>89.2368</XchgRate></CcyXchg></InstdAmt>
            <TxAmt><Amt Ccy="EUR">137.32</Amt></TxAmt>
          </AmtDtls>
        </TxDtls></NtryDtls>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>
""".encode()


def test_a_payout_debited_in_another_currency_matches_on_the_instructed_amount(
    engine: sa.Engine, clock: FixedClock
) -> None:
    ctx = payout_rows.context(engine, clock)
    shop = merchant(ctx)
    indian_account(ctx, shop)
    pay(ctx, shop, payer(ctx, "INR", 50_000_00), 12_500_00, "INR")
    clock.advance(timedelta(days=1))
    settlement.settle(ctx, date(2026, 4, 2))
    with ctx.uow_factory() as uow:
        (payout,) = reconciliation.demo_payouts(uow, None)
    content = _converted_statement(payout.end_to_end_id, str(payout.amount.to_decimal()),
                                   "2026-04-02")
    statement = read_statement(content, StatementFormat.CAMT053)
    recon, _ = run(ctx, lambda uow: reconciliation.reconcile_statement(ctx, uow, statement))
    assert (recon.counts[LineCategory.MATCHED], recon.unmatched) == (1, 0)
    with ctx.uow_factory() as uow:
        (line,), _ = reconciliation.list_lines(uow, recon.id, LineCategory.MATCHED, 0)
    assert "89.2368" in line.reason
    assert "137.32" in line.reason
