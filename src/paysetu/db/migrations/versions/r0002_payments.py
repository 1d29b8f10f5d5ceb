"""Payments: API keys, customers, wallets, merchants, payments, refunds, events, webhooks.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0002_payments_schema.sql")
