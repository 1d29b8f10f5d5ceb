"""The bench's HTTP clients: the standard library's keep-alive connection, or httpx.

``paysetu bench api`` runs its clients on the same cores as the server, so the client's own
CPU is taken from the server's: an ``httpx.Client`` spends about 0.6 ms of CPU per POST here,
``http.client`` about 0.2 ms (measured against a server that answers at once). The default is
the lean one, so the bench measures paysetu rather than its client; ``--http-client httpx``
keeps the figures comparable with runs made before it existed (the issue's first figures).

Both send what a merchant's integration sends (the secret key, an ``Idempotency-Key`` on every
POST, a JSON body) and answer ``(status, body text)``.
"""

from __future__ import annotations

import http.client
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

TIMEOUT_S = 60.0

Poster = Callable[[str, dict[str, Any] | None, str], tuple[int, str]]
"""``post(path, JSON body or None, idempotency key) -> (status, body text)``."""


class HttpLibrary(StrEnum):
    STDLIB = "stdlib"
    """``http.client.HTTPConnection``, one keep-alive connection per client."""
    HTTPX = "httpx"
    """``httpx.Client`` with keep-alive (what the bench used before ``stdlib``)."""


def _stdlib_poster(base_url: str, api_key: str) -> Iterator[Poster]:
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port,
                                            timeout=TIMEOUT_S)

    def post(path: str, body: dict[str, Any] | None, key: str) -> tuple[int, str]:
        headers = {"Authorization": f"Bearer {api_key}", "Idempotency-Key": key}
        payload = b""
        if body is not None:
            payload = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        connection.request("POST", path, body=payload, headers=headers)
        response = connection.getresponse()
        return response.status, response.read().decode()

    try:
        yield post
    finally:
        connection.close()


def _httpx_poster(base_url: str, api_key: str) -> Iterator[Poster]:
    import httpx  # noqa: PLC0415 - only in the client processes that use it

    with httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {api_key}"},
                      timeout=TIMEOUT_S) as client:
        def post(path: str, body: dict[str, Any] | None, key: str) -> tuple[int, str]:
            response = client.post(path, json=body, headers={"Idempotency-Key": key})
            return response.status_code, response.text

        yield post


@contextmanager
def poster(library: HttpLibrary, base_url: str, api_key: str) -> Iterator[Poster]:
    """A POST function over one keep-alive connection to ``base_url``, closed on exit."""
    if library is HttpLibrary.HTTPX:
        yield from _httpx_poster(base_url, api_key)
    else:
        yield from _stdlib_poster(base_url, api_key)
