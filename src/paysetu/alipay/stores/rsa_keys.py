"""RSA signatures of the Alipay gateway (``cryptography``, never hand-rolled) and the platform key.

RSA2 is SHA256withRSA and RSA is SHA1withRSA, both PKCS#1 v1.5, base64 without line breaks:
what Alipay and its SDKs use. The platform's key pair is generated once, on first use, into a
PEM file created with mode 0600 (written aside and linked into place: of two processes
starting together, one creates it and the other reads it); the private key never leaves this
module and is never logged.
"""

from __future__ import annotations

import base64
import binascii
import os
import threading
from functools import lru_cache
from pathlib import Path

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

KEY_SIZE_BITS = 2048
KEY_SIZE_MIN_BITS = 2048
PUBLIC_KEY_PEM_LENGTH_MAX = 4096


def _hash(sign_type: str) -> hashes.HashAlgorithm:
    return hashes.SHA256() if sign_type == "RSA2" else hashes.SHA1()  # noqa: S303 - Alipay's RSA


def _public_key_from(text: str) -> rsa.RSAPublicKey | None:
    stripped = text.strip()
    try:
        if stripped.startswith("-----BEGIN"):
            key = serialization.load_pem_public_key(stripped.encode())
        else:  # the bare base64 body Alipay's key tool prints
            key = serialization.load_der_public_key(base64.b64decode(stripped, validate=True))
    except (ValueError, UnsupportedAlgorithm, binascii.Error):
        return None
    if not isinstance(key, rsa.RSAPublicKey) or key.key_size < KEY_SIZE_MIN_BITS:
        return None
    return key


def normalized_public_key(text: str) -> str | None:
    """The RSA public key in ``text`` (PEM or bare base64 DER) as SubjectPublicKeyInfo PEM;
    None when it is not an RSA public key of at least 2048 bits."""
    if len(text) > PUBLIC_KEY_PEM_LENGTH_MAX:
        return None
    key = _public_key_from(text)
    if key is None:
        return None
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()


@lru_cache(maxsize=1024)
def _cached_public_key(pem: str) -> rsa.RSAPublicKey | None:
    return _public_key_from(pem)


def verify(public_key_pem: str, text: str, signature: str, sign_type: str) -> bool:
    """Whether ``signature`` (base64) signs ``text`` (UTF-8) under ``public_key_pem``."""
    key = _cached_public_key(public_key_pem)
    try:
        raw = base64.b64decode(signature, validate=True)
    except binascii.Error:
        return False
    if key is None:
        return False
    try:
        key.verify(raw, text.encode(), padding.PKCS1v15(), _hash(sign_type))
    except InvalidSignature:
        return False
    return True


def sign(private_key: rsa.RSAPrivateKey, text: str, sign_type: str) -> str:
    """The base64 signature of ``text`` (UTF-8)."""
    raw = private_key.sign(text.encode(), padding.PKCS1v15(), _hash(sign_type))
    return base64.b64encode(raw).decode()


def new_private_key_pem() -> bytes:
    """A fresh 2048-bit RSA private key as unencrypted PKCS#8 PEM."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=KEY_SIZE_BITS)
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption())


class PlatformKeyFile:
    """The platform's key pair in ``path`` (created 0600 on first use): signs responses and
    notifications, verifies apps' requests (:class:`~paysetu.alipay.usecases.ports.AlipayKeys`)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._key: rsa.RSAPrivateKey | None = None
        self._lock = threading.Lock()

    def _create(self) -> None:
        """Write a new key to a private temporary file, then link it into place: a reader
        never sees a half-written key, and of two racing processes the first link wins."""
        self._path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = self._path.with_name(f".{self._path.name}.{os.getpid()}")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(new_private_key_pem())
        try:
            os.link(temporary, self._path)
        except FileExistsError:
            pass
        finally:
            temporary.unlink()

    def _private_key(self) -> rsa.RSAPrivateKey:
        with self._lock:
            if self._key is None:
                if not self._path.exists():
                    self._create()
                key = serialization.load_pem_private_key(self._path.read_bytes(), password=None)
                if not isinstance(key, rsa.RSAPrivateKey):
                    raise TypeError(f"{self._path} does not hold an RSA private key")
                self._key = key
            return self._key

    def public_key_pem(self) -> str:
        return self._private_key().public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()

    def sign(self, text: str, sign_type: str) -> str:
        return sign(self._private_key(), text, sign_type)

    def verify(self, public_key_pem: str, text: str, signature: str, sign_type: str) -> bool:
        return verify(public_key_pem, text, signature, sign_type)

    def normalized_public_key(self, text: str) -> str | None:
        return normalized_public_key(text)
