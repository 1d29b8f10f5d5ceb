"""A single plain entry written in one statement, refused by the constraints themselves.

Revision ID: 0028
Revises: 0026
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0028"
down_revision = "0026"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0028_ledger_single_entry_by_constraints.sql")
