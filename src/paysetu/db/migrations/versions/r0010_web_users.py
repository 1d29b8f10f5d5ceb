"""Web pages: users with hashed passwords, sessions, CSRF.

Revision ID: 0010
Revises: 0009
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0010_web_users.sql")
