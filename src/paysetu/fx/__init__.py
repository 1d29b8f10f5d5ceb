"""Reference rates, FX quotes with spreads, the FX ledger entries."""
