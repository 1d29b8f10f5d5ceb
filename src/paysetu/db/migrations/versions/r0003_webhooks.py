"""Webhooks: endpoint descriptions, canceled deliveries, delivery-log and event-type indexes.

Revision ID: 0003
Revises: 0002
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0003_webhooks_schema.sql")
