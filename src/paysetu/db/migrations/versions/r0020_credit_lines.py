"""Working-capital credit lines (cash credit / overdraft on the merchant's balance).

Revision ID: 0020
Revises: 0019
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0020_credit_lines.sql")
