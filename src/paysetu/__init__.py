"""paysetu: payments, cross-border checkout and micro-credit on one double-entry ledger."""

__version__ = "0.1.0"
