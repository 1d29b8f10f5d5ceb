"""customers: rules."""
