"""Who may do what: API keys, principals, web sign-ins, sessions, idempotency, rate limits."""
