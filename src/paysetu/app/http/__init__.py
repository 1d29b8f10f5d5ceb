"""HTTP plumbing shared by the routes."""
