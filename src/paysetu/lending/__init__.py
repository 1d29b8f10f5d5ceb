"""Micro-credit: lenders, products, underwriting, loans, schedules, repayments, close of
business, refinance.
"""
