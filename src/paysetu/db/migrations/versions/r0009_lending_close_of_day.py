"""Lending close of day: days past due, asset classes, provisions, suspense, write-off.

Revision ID: 0009
Revises: 0008
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0009_lending_close_of_day.sql")
