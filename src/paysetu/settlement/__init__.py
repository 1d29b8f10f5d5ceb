"""Settlement runs, payouts, payout accounts and files, bank statements and reconciliation."""
