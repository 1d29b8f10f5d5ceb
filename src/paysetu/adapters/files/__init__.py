"""Bank and payout files: ISO 20022 (pain.001, camt.053) and CSV, read and written."""
