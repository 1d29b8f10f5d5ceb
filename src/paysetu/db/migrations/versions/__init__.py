"""Alembic revisions, applied in order by ``paysetu db upgrade`` and at start-up."""
