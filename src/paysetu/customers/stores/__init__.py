"""customers: stores."""
