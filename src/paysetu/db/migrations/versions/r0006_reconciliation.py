"""Reconciliation: imported bank statements (runs) and their matched, missing and unexpected lines.

Revision ID: 0006
Revises: 0005
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0006_reconciliation_schema.sql")
