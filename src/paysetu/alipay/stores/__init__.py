"""Adapters: the PostgreSQL repositories and files behind the use cases' ports."""
