"""Lending portfolio history: the book per lender, category and currency at each day's close.

Revision ID: 0013
Revises: 0012
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0013_lending_portfolio_history.sql")
