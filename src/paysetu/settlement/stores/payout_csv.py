"""CSV files of settlement: a payout instruction, and a merchant's settlement report.

* payout CSV: one header and one row per payout (for banks and treasury tools that take CSV
  instead of pain.001), amounts both in minor units and as exact decimals, the beneficiary's
  name as the bank gets it (restricted Latin set, as in the pain.001) and as typed;
* settlement report: one row per line of the batch (payments, refunds, fees, reserve, sweep,
  payout), then one ``summary`` row per total of the batch, so a spreadsheet's column sum of
  ``net_minor`` over the lines equals the summary's ``movements`` row.

Rows are produced one at a time (the report of a large batch streams). Text fields a person
typed (names) that begin with ``= + - @`` are prefixed with ``'`` so that a spreadsheet shows
them instead of evaluating them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence

from paysetu.kernel.money import Money
from paysetu.settlement.rules.bank_text import latin_text
from paysetu.settlement.rules.records import PayoutInstruction, SettlementBatch, SettlementItem

PAYOUT_COLUMNS = (
    "payout", "end_to_end_id", "settlement", "merchant", "beneficiary_name",
    "beneficiary_name_original", "iban", "bic",
    "account_number", "bank_code", "bank_code_scheme", "currency", "amount_minor", "amount",
    "requested_execution_date",
)
REPORT_COLUMNS = (
    "settlement", "merchant", "currency", "line", "type", "source", "journal_entry",
    "occurred_at", "gross_minor", "fee_minor", "net_minor",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str | None) -> str:
    if text is None:
        return ""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _line(values: Sequence[object]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(values)
    return buffer.getvalue()


def payout_csv(instruction: PayoutInstruction) -> str:
    payout, creditor = instruction.payout, instruction.creditor
    row = (
        payout.id, payout.end_to_end_id, instruction.batch_id, payout.merchant_id,
        _cell(latin_text(creditor.holder_name)), _cell(creditor.holder_name),
        creditor.iban or "", creditor.bic or "",
        creditor.account_number or "", creditor.bank_code or "",
        "" if creditor.bank_code_scheme is None else creditor.bank_code_scheme.value,
        payout.currency, payout.amount_minor,
        str(Money(payout.amount_minor, payout.currency).to_decimal()),
        instruction.requested_execution_date.isoformat(),
    )
    return _line(PAYOUT_COLUMNS) + _line(row)


def _summary(batch: SettlementBatch) -> Iterator[tuple[str, int]]:
    plan, totals = batch.plan, batch.totals
    yield from (
        ("gross", totals.gross_minor), ("refunds", -totals.refunds_minor),
        ("fees", -totals.fees_minor), ("adjustments", totals.adjustments_minor),
        ("carried_in", batch.carried_in_minor), ("reserve_held", -plan.reserve_held_minor),
        ("reserve_released", plan.reserve_released_minor),
        ("loan_sweep", -plan.loan_sweep_minor), ("net", plan.net_minor),
        ("payout", -plan.payout_minor), ("carried_forward", plan.carried_forward_minor),
        ("movements", totals.net_minor - plan.reserve_held_minor
         + plan.reserve_released_minor - plan.loan_sweep_minor - plan.payout_minor),
    )


def report_csv(batch: SettlementBatch, items: Iterable[SettlementItem]) -> Iterator[str]:
    """The batch's report, row by row (``items`` may be a stream)."""
    yield _line(REPORT_COLUMNS)
    head = (batch.id, batch.merchant_id, batch.currency)
    for number, item in enumerate(items, start=1):
        yield _line((*head, number, item.type.value, item.source_id or "", item.entry_id,
                     item.occurred_at.isoformat(), item.gross_minor, item.fee_minor,
                     item.net_minor))
    for name, amount in _summary(batch):
        yield _line((*head, "", f"summary:{name}", "", "", batch.window_end.isoformat(), "",
                     "", amount))
