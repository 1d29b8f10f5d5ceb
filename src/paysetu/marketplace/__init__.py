"""Marketplaces: sellers, orders split across sellers, escrow per share, returns, tax withheld."""
