"""Alipay-compatible gateway: apps, trades, notifications.

Revision ID: 0012
Revises: 0011
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0012_alipay_gateway.sql")
