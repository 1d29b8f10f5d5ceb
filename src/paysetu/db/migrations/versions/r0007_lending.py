"""Micro-credit: lenders, loan products (PMMY defaults), applications, loans, installments,
repayments.

Revision ID: 0007
Revises: 0006
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0007_lending_schema.sql")
