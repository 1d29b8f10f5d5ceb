"""A month's statement as files: CSV (one row per movement, amounts in minor units and in
rupees) and PDF (``fpdf2``, with its built-in Helvetica).

The PDF is in English whatever the page language: Hindi needs a Devanagari TrueType font
embedded, and none is vendored in this repository yet. Amounts use Indian digit grouping.
"""

from __future__ import annotations

import csv
from io import StringIO

from fpdf import FPDF

from paysetu.customers.usecases.wallet_app import Statement
from paysetu.shell.pages.money_format import format_major, format_money_minor
from paysetu.shell.pages.page_terms import KIND_WORDS

CSV_HEADER = ("date_utc", "wallet", "kind", "description", "payment", "amount_minor",
              "amount", "currency", "balance_after_minor")


def _what(counterparty: str | None, source_hint: str | None) -> str:
    return counterparty or source_hint or ""


def statement_csv(statement: Statement) -> str:
    out = StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for wallet in statement.wallets:
        for line in wallet.lines:
            m = line.movement
            writer.writerow((
                m.created_at.strftime("%Y-%m-%d %H:%M"), wallet.wallet_id, m.kind,
                _what(m.counterparty, m.source_hint), m.payment_id or "",
                m.amount_minor, format_major(m.amount_minor, m.currency), m.currency,
                line.balance_after_minor))
    return out.getvalue()


def _money(amount_minor: int, currency: str) -> str:
    """``Rs. 1,00,000.00`` (Helvetica has no ₹ glyph; other currencies by their code)."""
    sign = "-" if amount_minor < 0 else ""
    shown = format_money_minor(abs(amount_minor), currency).replace("\u00a0", " ")
    return sign + (shown.replace("₹", "Rs. ") if currency == "INR" else shown)


def statement_pdf(statement: Statement) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_title(f"paysetu wallet statement {statement.first:%Y-%m}")
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, "paysetu wallet statement", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(0, 7, f"{statement.customer.name} - {statement.first:%B %Y} (times in UTC)",
             new_x="LMARGIN", new_y="NEXT")
    for wallet in statement.wallets:
        pdf.ln(4)
        pdf.set_font("Helvetica", "B", 12)
        pdf.cell(0, 8, f"Wallet {wallet.wallet_id} ({wallet.currency})",
                 new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10)
        pdf.cell(0, 6, f"Opening balance: {_money(wallet.opening_minor, wallet.currency)}",
                 new_x="LMARGIN", new_y="NEXT")
        with pdf.table(col_widths=(28, 22, 62, 36, 36), text_align=(
                "LEFT", "LEFT", "LEFT", "RIGHT", "RIGHT")) as table:
            table.row(("Date", "Kind", "Details", "Amount", "Balance"))
            for line in wallet.lines:
                m = line.movement
                table.row((m.created_at.strftime("%Y-%m-%d %H:%M"), KIND_WORDS[m.kind],
                           _what(m.counterparty, m.source_hint)
                           + (f" {m.payment_id}" if m.payment_id else ""),
                           _money(m.amount_minor, m.currency),
                           _money(line.balance_after_minor, m.currency)))
        pdf.cell(0, 7, f"Closing balance: {_money(wallet.closing_minor, wallet.currency)}",
                 new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
