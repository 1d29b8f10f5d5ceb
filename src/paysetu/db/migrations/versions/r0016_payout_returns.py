"""Payouts the bank returns: their status and reason, and the returned lines of a report.

Revision ID: 0016
Revises: 0015
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0016_payout_returns.sql")
