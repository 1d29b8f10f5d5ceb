"""The HTTP API (FastAPI): Stripe's conventions over paysetu's services."""
