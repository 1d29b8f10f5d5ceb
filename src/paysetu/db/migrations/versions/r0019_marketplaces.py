"""Marketplaces: sellers, orders split into seller shares held in escrow, share returns.

Revision ID: 0019
Revises: 0018
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0019_marketplaces.sql")
