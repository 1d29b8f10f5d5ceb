"""Person-to-person money: customer transfers by mobile number and money requests.

Revision ID: 0028
Revises: 0021
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0028"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0028_customer_transfers.sql")
