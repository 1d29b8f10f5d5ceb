"""Credit lines: write-off (status written_off, its reason, the write_off statement line);
the portfolio history's credit_lines count; credit line applications.

Revision ID: 0023
Revises: 0022
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0023_credit_lines_write_off_applications.sql")
