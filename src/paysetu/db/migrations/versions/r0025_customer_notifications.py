"""The wallet app's notifications: indexes over the customer's events, a seen-until mark.

Revision ID: 0025
Revises: 0024
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0025_customer_notifications.sql")
