"""A limit refusal beside a lapsed reservation nobody holds locked is a verdict on the id.

Revision ID: 0035
Revises: 0034
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0035"
down_revision = "0034"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0035_ledger_limit_refusal_verdict.sql")
