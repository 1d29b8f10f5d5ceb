"""The ledger follows TigerBeetle's create_transfers rules wherever the two overlap.

Revision ID: 0017
Revises: 0016
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0017_ledger_tigerbeetle_rules.sql")
