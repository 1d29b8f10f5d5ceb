"""API keys and principals: who is calling, and which objects they may see.

A secret key reads ``sk_test_<key id>_<secret>`` (``sk_live_`` in live mode). Only a salted
SHA-256 of the secret part is stored; the key id lets the server find the row without a scan,
and the hash is compared in constant time. Keys are high-entropy random strings, so a fast
salted hash is the right tool (a password KDF is for low-entropy secrets).
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

KEY_PATTERN = re.compile(r"^sk_(test|live)_(key_[0-9A-Z]{26})_([A-Za-z0-9_-]{32,64})$")


class Role(StrEnum):
    PLATFORM = "platform"
    MERCHANT = "merchant"
    LENDER = "lender"


@dataclass(frozen=True, slots=True)
class Principal:
    """The authenticated caller.

    Attributes:
        api_key_id: The key used (idempotency keys and rate limits are per key).
        role: platform (operates the system), merchant or lender (sees only its own objects).
        owner_id: The merchant or lender id; None for the platform.
        livemode: Whether a live key was used.
    """

    api_key_id: str
    role: Role
    owner_id: str | None
    livemode: bool

    def owns_merchant(self, merchant_id: str) -> bool:
        """Platform sees every merchant's objects; a merchant only its own."""
        return self.role is Role.PLATFORM or (
            self.role is Role.MERCHANT and self.owner_id == merchant_id
        )


@dataclass(frozen=True, slots=True)
class ApiKeyRecord:
    id: str
    role: Role
    owner_id: str | None
    livemode: bool
    salt: bytes
    secret_hash: bytes
    hint: str
    created_at: datetime
    revoked_at: datetime | None


def hash_secret(salt: bytes, secret: str) -> bytes:
    return hashlib.sha256(salt + secret.encode()).digest()


def secret_matches(record: ApiKeyRecord, secret: str) -> bool:
    return hmac.compare_digest(record.secret_hash, hash_secret(record.salt, secret))


def parse_key(text: str) -> tuple[bool, str, str] | None:
    """``(livemode, key_id, secret)`` of a well-formed key, else None."""
    match = KEY_PATTERN.match(text)
    if match is None:
        return None
    return match.group(1) == "live", match.group(2), match.group(3)
