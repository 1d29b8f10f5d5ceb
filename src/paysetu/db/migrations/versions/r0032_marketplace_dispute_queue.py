"""The platform's dispute queue: a partial index on the disputed marketplace shares.

Revision ID: 0032
Revises: 0030
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0032"
down_revision = "0030"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0032_marketplace_dispute_queue.sql")
