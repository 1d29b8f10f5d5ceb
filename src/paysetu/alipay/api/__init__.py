"""HTTP routes (FastAPI) of this capability."""
