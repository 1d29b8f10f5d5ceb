"""customers: usecases."""
