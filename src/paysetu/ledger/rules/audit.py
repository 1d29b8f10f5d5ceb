"""What an audit of the ledger found, as values (no I/O here).

The audit proves: every currency nets to zero over all accounts; every stored balance equals
the sum of its account's postings; every journal entry balances per currency; every posting is
in its account's currency; no flagged account is over its limit. (At most one outcome per
pending entry is a unique index, not an audit rule.)
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class AuditFinding:
    """One broken invariant.

    Attributes:
        rule: Short name of the invariant (``currency_nets_to_zero``, ``balance_matches_postings``,
            ``entry_balances``, ``posting_currency_matches_account``, ``limit_respected``).
        subject: What broke it (a currency, an account id, an entry id).
        detail: Numbers that show how.
    """

    rule: str
    subject: str
    detail: str


@dataclass(frozen=True, slots=True)
class CurrencyTotals:
    """Sums over every account in one currency (each pair must be equal)."""

    currency: str
    debits_posted: int
    credits_posted: int
    debits_pending: int
    credits_pending: int
    accounts: int


@dataclass(frozen=True, slots=True)
class AuditReport:
    """The result of ``paysetu audit``: passes when there are no findings."""

    totals: tuple[CurrencyTotals, ...]
    accounts_checked: int
    entries_checked: int
    findings: tuple[AuditFinding, ...] = field(default=())

    @property
    def passed(self) -> bool:
        return not self.findings
