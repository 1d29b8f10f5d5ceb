"""Room on the pages of the tables close of business rewrites daily (heap-only updates).

Revision ID: 0030
Revises: 0028
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0030"
down_revision = "0028"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0030_lending_close_day_room.sql")
