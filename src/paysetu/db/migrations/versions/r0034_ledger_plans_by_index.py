"""The ledger's statements plan by index, however small its tables were when first planned.

Revision ID: 0034
Revises: 0033
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0034"
down_revision = "0033"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0034_ledger_plans_by_index.sql")
