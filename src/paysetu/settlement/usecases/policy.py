"""Deployment choices for settlement: default schedule, grace, transaction size, the debtor."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from paysetu.settlement.rules.payout_accounts import PayoutAccountDetails, PayoutScheme
from paysetu.settlement.rules.settlement import DEFAULT_SCHEDULE, SettlementSchedule


@dataclass(frozen=True, slots=True)
class SettlementPolicy:
    """Settlement settings, from :class:`~paysetu.config.Settings`.

    Attributes:
        default_schedule: The schedule of merchants without one of their own.
        window_grace_s: A window is settled only once it ended at least this long ago, so a
            request that read the clock just before the cutoff has committed its postings.
        pairs_per_transaction: Merchant-currency pairs settled per database transaction (the
            run streams through merchants; one failure rolls back one such group only).
        workers: Groups settled at the same time, each in its own transaction and connection
            (1: one after the other; ``PAYSETU_SETTLEMENT_WORKERS``, 2 by default there).
        debtor_name: The platform's name on payout instructions.
        debtor_accounts: Per currency, the platform's bank account payouts leave from
            (``PAYSETU_SETTLEMENT_DEBTOR_ACCOUNTS``).
    """

    default_schedule: SettlementSchedule = DEFAULT_SCHEDULE
    window_grace_s: int = 300
    pairs_per_transaction: int = 500
    workers: int = 1
    debtor_name: str = "paysetu"
    debtor_accounts: Mapping[str, PayoutAccountDetails] = field(default_factory=dict)

    def debtor_for(self, currency: str) -> PayoutAccountDetails:
        """The configured account, else a proprietary id ``PAYSETU<CUR>`` at an unnamed bank:
        a placeholder for test mode, which a bank rejects (live exports refuse it)."""
        configured = self.debtor_accounts.get(currency)
        if configured is not None:
            return configured
        return PayoutAccountDetails(
            PayoutScheme.LOCAL, self.debtor_name, currency, "IN",
            account_number=f"PAYSETU{currency}",
        )
