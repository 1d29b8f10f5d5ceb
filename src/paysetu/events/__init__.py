"""Events, webhook endpoints, the outbox and its signed, retried delivery."""
