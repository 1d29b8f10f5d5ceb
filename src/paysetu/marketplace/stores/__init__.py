"""PostgreSQL adapters of the marketplace ports."""
