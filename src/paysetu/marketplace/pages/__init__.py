"""The marketplace and seller dashboard pages."""
