"""The PostgreSQL plumbing every capability shares: engine, embedded server, migrations."""
