"""Person-to-person money: customer transfers by mobile number and money requests.

Revision ID: 0026
Revises: 0025
"""

from alembic import op

from paysetu.db.migrate import run_sql_file

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file(op.get_bind(), "0026_customer_transfers.sql")
