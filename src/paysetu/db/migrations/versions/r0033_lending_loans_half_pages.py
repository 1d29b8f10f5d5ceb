"""Half-filled pages for loans: close of business rewrites every active loan daily.

Revision ID: 0033
Revises: 0032
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0033"
down_revision = "0032"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0033_lending_loans_half_pages.sql")
