"""The base of every API response model, and Stripe's list envelope.

Each capability describes its objects in ``<capability>/api/models.py`` on :class:`ApiObject`.
The routes name them (``response_model=...``), so the OpenAPI document carries their schemas
and the responses are checked against the same models: a field the code returns and the model
lacks (``extra="forbid"``), or a value of the wrong type, is a server error found by the tests,
not a document that drifted. Writes are checked too (:class:`~.context.WriteRequest`).
"""

from __future__ import annotations

from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

Object = TypeVar("Object", bound=BaseModel)

Timestamp = int
"""An instant as Unix seconds (UTC), as Stripe's ``created``."""


class ApiObject(BaseModel):
    """One object of the API, as its JSON says: no field beyond those declared."""

    model_config = ConfigDict(extra="forbid", use_enum_values=True)


class ListOf(ApiObject, Generic[Object]):
    """A page of objects, newest first; ``has_more`` says whether another page follows."""

    object: Literal["list"] = "list"
    url: str = Field(description="The path this list answers, e.g. ``/v1/payments``.")
    data: list[Object]
    has_more: bool
