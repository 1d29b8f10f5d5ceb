"""The ledger's last TigerBeetle rules (zero amounts, closing entries) and set-based batches.

Revision ID: 0021
Revises: 0020
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0021_ledger_zero_closing_set_based.sql")
