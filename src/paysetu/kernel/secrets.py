"""Randomness for credentials: API key secrets, salts, webhook signing secrets."""

import secrets


class SystemSecrets:
    def token(self, nbytes: int = 32) -> str:
        """URL-safe random text with ``nbytes`` of entropy."""
        return secrets.token_urlsafe(nbytes)

    def salt(self) -> bytes:
        return secrets.token_bytes(16)
