"""The ledger follows TigerBeetle's create_transfers rules wherever the two overlap.

Revision ID: 0015
Revises: 0014
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0015_ledger_tigerbeetle_rules.sql")
