"""Settlement: merchant schedules, payout accounts, batches, items, payouts.

Revision ID: 0005
Revises: 0004
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0005_settlement_schema.sql")
