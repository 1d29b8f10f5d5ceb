"""Lazy expiry never waits for a lock (ledger_expire scoped to an account uses SKIP LOCKED).

Revision ID: 0008
Revises: 0007
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0008_ledger_lazy_expiry.sql")
