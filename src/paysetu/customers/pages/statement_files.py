"""A month's statement as files: CSV (one row per movement, amounts in minor units and in
rupees; column names are codes, in English) and PDF (``fpdf2``) in the page's language.

The PDF embeds the vendored Lohit Devanagari font (``shell/pages/static``, SIL OFL 1.1: Latin,
Devanagari and the ₹ sign) and shapes its text with HarfBuzz (``uharfbuzz``), so Hindi conjuncts
and vowel signs come out right. Amounts use Indian digit grouping in both languages.
"""

from __future__ import annotations

import csv
from datetime import datetime
from io import StringIO

from fpdf import FPDF

from paysetu.customers.usecases.wallet_app import Statement
from paysetu.shell.pages.i18n import translations
from paysetu.shell.pages.money_format import format_major, format_money_minor
from paysetu.shell.pages.page_terms import KIND_WORDS
from paysetu.shell.pages.rendering import STATIC_DIR

FONT = STATIC_DIR / "Lohit-Devanagari.ttf"

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
    sign = "-" if amount_minor < 0 else ""
    return sign + format_money_minor(abs(amount_minor), currency).replace("\u00a0", " ")


def _when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def statement_pdf(statement: Statement, language: str) -> bytes:
    """The statement as a PDF in ``language`` (its texts from the page catalogs)."""
    _ = translations(language).gettext
    pdf = FPDF(format="A4")
    pdf.add_font("Lohit", fname=str(FONT))
    pdf.add_font("Lohit", style="B", fname=str(FONT))  # headings: the one weight it has
    pdf.set_text_shaping(use_shaping_engine=True)
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_title(f"paysetu {statement.first:%Y-%m}")
    pdf.set_font("Lohit", size=16)
    pdf.cell(0, 10, _("paysetu wallet statement"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Lohit", size=11)
    pdf.cell(0, 7, _("%(name)s · %(month)s (times in UTC)") % {
        "name": statement.customer.name, "month": f"{statement.first:%Y-%m}"},
        new_x="LMARGIN", new_y="NEXT")
    for wallet in statement.wallets:
        pdf.ln(4)
        pdf.set_font("Lohit", size=12)
        pdf.cell(0, 8, _("Wallet %(wallet)s (%(currency)s)") % {
            "wallet": wallet.wallet_id, "currency": wallet.currency},
            new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Lohit", size=10)
        pdf.cell(0, 6, _("Opening balance: %(amount)s") % {
            "amount": _money(wallet.opening_minor, wallet.currency)},
            new_x="LMARGIN", new_y="NEXT")
        with pdf.table(col_widths=(28, 22, 62, 36, 36), text_align=(
                "LEFT", "LEFT", "LEFT", "RIGHT", "RIGHT")) as table:
            table.row((_("Date"), _("Kind"), _("Details"), _("Amount"), _("Balance")))
            for line in wallet.lines:
                m = line.movement
                table.row((_when(m.created_at), _(KIND_WORDS[m.kind]),
                           _what(m.counterparty, m.source_hint)
                           + (f" {m.payment_id}" if m.payment_id else ""),
                           _money(m.amount_minor, m.currency),
                           _money(line.balance_after_minor, m.currency)))
        pdf.cell(0, 7, _("Closing balance: %(amount)s") % {
            "amount": _money(wallet.closing_minor, wallet.currency)},
            new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
