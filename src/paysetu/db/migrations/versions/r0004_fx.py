"""FX: manual mid rates, quotes, and the presentment side of payments and refunds.

Revision ID: 0004
Revises: 0003
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0004_fx_schema.sql")
