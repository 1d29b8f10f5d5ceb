"""customers: pages."""
