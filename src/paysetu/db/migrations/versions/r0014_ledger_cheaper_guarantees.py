"""The ledger's database guarantees at a lower price per statement (domains, set-based checks).

Revision ID: 0014
Revises: 0013
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0014_ledger_cheaper_guarantees.sql")
