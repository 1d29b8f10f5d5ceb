"""Customers own their wallets: sign-in codes, sessions, payment PINs, approvals and mandates.

Revision ID: 0018
Revises: 0017
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0018_customers.sql")
