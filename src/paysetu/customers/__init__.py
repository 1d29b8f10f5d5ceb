"""Customers own their wallets: sign-in with a one-time code, the payment PIN, approvals."""
