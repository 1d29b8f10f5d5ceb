"""The double-entry ledger: accounts, entries, postings, triggers and the write functions.

Revision ID: 0001
Revises:
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0001_ledger_schema.sql")
    run_sql_file(op.get_bind(), "0001_ledger_functions.sql")
