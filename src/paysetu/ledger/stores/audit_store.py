"""The ledger audit in SQL: recompute everything from postings and compare.

Runs in one REPEATABLE READ snapshot so that concurrent writers cannot make it see a
half-applied batch.
"""

from __future__ import annotations

import sqlalchemy as sa

from paysetu.ledger.rules.audit import AuditFinding, AuditReport, CurrencyTotals

_TOTALS = """
SELECT currency, count(*) AS accounts,
       coalesce(sum(debits_posted), 0) AS debits_posted,
       coalesce(sum(credits_posted), 0) AS credits_posted,
       coalesce(sum(debits_pending), 0) AS debits_pending,
       coalesce(sum(credits_pending), 0) AS credits_pending
FROM ledger_accounts GROUP BY currency ORDER BY currency
"""

_BALANCE_MISMATCHES = """
WITH open_pending AS (
    SELECT e.id FROM ledger_entries e
    WHERE e.kind = 'pending'
      AND NOT EXISTS (SELECT 1 FROM ledger_entries o WHERE o.pending_id = e.id)
), sums AS (
    SELECT p.account_id,
        sum(p.amount_minor) FILTER (WHERE p.direction = 'debit' AND NOT p.pending) AS debits_posted,
        sum(p.amount_minor) FILTER (WHERE p.direction = 'credit' AND NOT p.pending)
            AS credits_posted,
        sum(p.amount_minor) FILTER (WHERE p.direction = 'debit' AND p.pending
                                     AND p.entry_id IN (SELECT id FROM open_pending))
            AS debits_pending,
        sum(p.amount_minor) FILTER (WHERE p.direction = 'credit' AND p.pending
                                     AND p.entry_id IN (SELECT id FROM open_pending))
            AS credits_pending
    FROM ledger_postings p GROUP BY p.account_id
)
SELECT a.id, a.debits_posted, a.credits_posted, a.debits_pending, a.credits_pending,
       coalesce(s.debits_posted, 0) AS sum_debits_posted,
       coalesce(s.credits_posted, 0) AS sum_credits_posted,
       coalesce(s.debits_pending, 0) AS sum_debits_pending,
       coalesce(s.credits_pending, 0) AS sum_credits_pending
FROM ledger_accounts a LEFT JOIN sums s ON s.account_id = a.id
WHERE a.debits_posted <> coalesce(s.debits_posted, 0)
   OR a.credits_posted <> coalesce(s.credits_posted, 0)
   OR a.debits_pending <> coalesce(s.debits_pending, 0)
   OR a.credits_pending <> coalesce(s.credits_pending, 0)
ORDER BY a.id LIMIT 1000
"""

_UNBALANCED_ENTRIES = """
SELECT entry_id, currency, net FROM (
    SELECT entry_id, currency,
           sum(CASE direction WHEN 'debit' THEN amount_minor::numeric
                              ELSE -amount_minor::numeric END) AS net
    FROM ledger_postings GROUP BY entry_id, currency
) sums WHERE net <> 0
ORDER BY entry_id LIMIT 1000
"""

_POSTING_CURRENCY_MISMATCHES = """
SELECT p.entry_id, p.account_id, p.currency, a.currency AS account_currency
FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id
WHERE p.currency <> a.currency ORDER BY p.id LIMIT 1000
"""

_LIMIT_BREACHES = """
SELECT id, debits_pending, debits_posted, credits_pending, credits_posted FROM ledger_accounts
WHERE (debits_must_not_exceed_credits AND debits_pending::numeric + debits_posted > credits_posted)
   OR (credits_must_not_exceed_debits AND credits_pending::numeric + credits_posted > debits_posted)
ORDER BY id LIMIT 1000
"""


def run_audit(connection: sa.Connection) -> AuditReport:
    """Recompute and compare; the connection should be at REPEATABLE READ or stricter."""
    findings: list[AuditFinding] = []
    totals = []
    for row in connection.execute(sa.text(_TOTALS)):
        t = CurrencyTotals(
            row.currency,
            int(row.debits_posted),
            int(row.credits_posted),
            int(row.debits_pending),
            int(row.credits_pending),
            int(row.accounts),
        )
        totals.append(t)
        if t.debits_posted != t.credits_posted or t.debits_pending != t.credits_pending:
            findings.append(
                AuditFinding(
                    "currency_nets_to_zero",
                    t.currency,
                    f"posted debits {t.debits_posted} vs credits {t.credits_posted}; "
                    f"pending debits {t.debits_pending} vs credits {t.credits_pending}",
                )
            )
    for row in connection.execute(sa.text(_BALANCE_MISMATCHES)):
        findings.append(
            AuditFinding(
                "balance_matches_postings",
                row.id,
                f"stored dp={row.debits_pending} dP={row.debits_posted} cp={row.credits_pending} "
                f"cP={row.credits_posted}; postings dp={row.sum_debits_pending} "
                f"dP={row.sum_debits_posted} cp={row.sum_credits_pending} "
                f"cP={row.sum_credits_posted}",
            )
        )
    for row in connection.execute(sa.text(_UNBALANCED_ENTRIES)):
        findings.append(
            AuditFinding("entry_balances", row.entry_id, f"{row.currency} nets {row.net}")
        )
    for row in connection.execute(sa.text(_POSTING_CURRENCY_MISMATCHES)):
        findings.append(
            AuditFinding(
                "posting_currency_matches_account",
                row.entry_id,
                f"posting to {row.account_id} in {row.currency}, account in {row.account_currency}",
            )
        )
    for row in connection.execute(sa.text(_LIMIT_BREACHES)):
        findings.append(
            AuditFinding(
                "limit_respected",
                row.id,
                f"dp={row.debits_pending} dP={row.debits_posted} "
                f"cp={row.credits_pending} cP={row.credits_posted}",
            )
        )
    accounts = connection.execute(sa.text("SELECT count(*) FROM ledger_accounts")).scalar_one()
    entries = connection.execute(sa.text("SELECT count(*) FROM ledger_entries")).scalar_one()
    return AuditReport(tuple(totals), int(accounts), int(entries), tuple(findings))
