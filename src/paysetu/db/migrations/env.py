"""Alembic environment: runs migrations on the connection handed over by :mod:`..migrate`."""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, transactional_ddl=True)
with context.begin_transaction():
    context.run_migrations()
