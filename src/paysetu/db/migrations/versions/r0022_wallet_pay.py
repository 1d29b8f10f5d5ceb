"""Customers pay from their wallets: a checkout paid from a wallet, one payment per request key.

Revision ID: 0022
Revises: 0021
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0022_wallet_pay.sql")
