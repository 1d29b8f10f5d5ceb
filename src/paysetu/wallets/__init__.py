"""Customers and their wallets, with the KYC tiers' limits."""
