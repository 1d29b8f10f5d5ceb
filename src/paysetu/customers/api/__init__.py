"""customers: api."""
