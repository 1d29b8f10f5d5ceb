"""Password hashing with argon2id (argon2-cffi), the KDF OWASP recommends first.

Passwords are low-entropy secrets, so unlike API keys and session tokens they get a slow,
memory-hard hash: argon2-cffi's RFC 9106 low-memory profile (argon2id, t=3, m=64 MiB, p=4).
The hash is a PHC string that carries its own parameters, so a stronger profile later only
needs :meth:`Argon2Passwords.needs_rehash` at the next successful login.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from argon2.profiles import RFC_9106_LOW_MEMORY


class Argon2Passwords:
    """The :class:`~paysetu.access.usecases.web_users.PasswordHasher` of the product."""

    def __init__(self, hasher: PasswordHasher | None = None) -> None:
        self._hasher = hasher or PasswordHasher.from_parameters(RFC_9106_LOW_MEMORY)

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, password_hash: str, password: str) -> bool:
        try:
            return self._hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, password_hash: str) -> bool:
        return self._hasher.check_needs_rehash(password_hash)
