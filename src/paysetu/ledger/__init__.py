"""The double-entry, multi-currency ledger: accounts, journal entries, pending entries, audit."""
