"""The marketplace HTTP API."""
