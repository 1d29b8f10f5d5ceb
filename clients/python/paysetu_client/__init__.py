"""paysetu's Python client: the generated operations, plus what every caller needs.

``paysetu_client.generated`` is made from the API's OpenAPI document by openapi-python-client
(one module per operation under ``generated.api.<tag>``, one class per object under
``generated.models``). :class:`Paysetu` adds, like stripe-python:

- the API key on every request (``Authorization: Bearer sk_...``);
- an ``Idempotency-Key`` on every write that takes one and was not given one, so that a retry
  after a lost response never applies the request twice (pass your own to retry across runs);
- refusals as :class:`PaysetuError` (Stripe's error object: ``code``, ``message``, ``param``,
  HTTP ``status``, ``request_id``), successes as the typed object;
- :meth:`Paysetu.auto_paging_iter`: every object of a list, page after page.
"""

from __future__ import annotations

import inspect
import json
import uuid
from collections.abc import Iterator
from typing import Any

import httpx

from paysetu_client.generated.client import AuthenticatedClient

__all__ = ["DEFAULT_BASE_URL", "Paysetu", "PaysetuError", "new_idempotency_key"]

DEFAULT_BASE_URL = "http://127.0.0.1:8000"
"""Where ``paysetu run`` serves the API."""

class PaysetuError(Exception):
    """The API refused the request (4xx/5xx), with Stripe's error fields."""

    def __init__(self, status: int, body: dict[str, Any]) -> None:
        error = body.get("error", {}) if isinstance(body, dict) else {}
        self.status = status
        self.type: str | None = error.get("type")
        self.code: str | None = error.get("code")
        self.param: str | None = error.get("param")
        self.request_id: str | None = error.get("request_id")
        message = error.get("message") or f"HTTP {status}"
        super().__init__(f"{self.code or status}: {message}")
        self.message: str = message


def new_idempotency_key() -> str:
    """A fresh key for one write (a UUID4, as Stripe's libraries make)."""
    return str(uuid.uuid4())


class Paysetu:
    """One API key against one paysetu server."""

    def __init__(
        self, api_key: str, base_url: str = DEFAULT_BASE_URL, *, timeout_s: float = 30.0
    ) -> None:
        self.client = AuthenticatedClient(
            base_url=base_url, token=api_key, timeout=httpx.Timeout(timeout_s)
        )

    def call(self, operation: Any, **kwargs: Any) -> Any:
        """Run ``operation`` (a module of ``generated.api``): the typed object, or
        :class:`PaysetuError`. Writes get a fresh ``idempotency_key`` unless one is given."""
        parameters = inspect.signature(operation.sync_detailed).parameters
        if "idempotency_key" in parameters and kwargs.get("idempotency_key") is None:
            kwargs["idempotency_key"] = new_idempotency_key()
        response = operation.sync_detailed(client=self.client, **kwargs)
        if response.status_code >= 400:
            raise PaysetuError(int(response.status_code), _json(response.content))
        return response.parsed

    def auto_paging_iter(self, list_operation: Any, **filters: Any) -> Iterator[Any]:
        """Every object of a list (newest first), fetching pages of ``limit`` (default 100)
        with ``starting_after`` set to the last object of the page before."""
        params = {"limit": 100, **filters}
        while True:
            page = self.call(list_operation, **params)
            yield from page.data
            if not page.has_more or not page.data:
                return
            params["starting_after"] = page.data[-1].id

    def close(self) -> None:
        self.client.get_httpx_client().close()

    def __enter__(self) -> Paysetu:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _json(content: bytes) -> dict[str, Any]:
    try:
        body = json.loads(content)
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}
