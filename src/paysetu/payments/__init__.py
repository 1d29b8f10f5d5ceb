"""Merchants, payments (with FX), refunds, escrow, balance transactions, the merchant dashboard."""
