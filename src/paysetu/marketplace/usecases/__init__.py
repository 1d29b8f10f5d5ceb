"""Marketplace use cases: sellers, orders, holds, returns, tax reports."""
