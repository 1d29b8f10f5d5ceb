"""Marketplace shares paid in the seller's own currency (a seller abroad).

Revision ID: 0024
Revises: 0023
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0024_marketplace_sellers_abroad.sql")
