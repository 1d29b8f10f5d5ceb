"""Hosted checkout sessions and the buyer's pages."""
