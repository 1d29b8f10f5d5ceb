"""``def`` routes run on paysetu's thread pool and look to FastAPI as they did on anyio's.

:mod:`paysetu.shell.http.routing` registers each plain ``def`` route as an ``async def`` that
awaits it on :data:`~paysetu.shell.http.routing.ROUTE_THREADS`. What a route sees must not
change: its parameters and body (annotations given as strings, as every paysetu module has
them), its dependencies, the request's context variables, its exceptions and its place in the
OpenAPI document. And no route of the app may slip back to anyio's pool by being declared on
FastAPI's own router.
"""

from __future__ import annotations

import contextvars
import inspect
import threading
from collections.abc import Iterable, Iterator
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from pydantic import BaseModel
from starlette.routing import BaseRoute

from paysetu.app.http.openapi_document import app_without_database
from paysetu.shell.http.routing import APIRouter, ThreadPoolRoute

CALLER: contextvars.ContextVar[str] = contextvars.ContextVar("caller", default="nobody")


class Order(BaseModel):
    amount_minor: int
    currency: str


async def caller(name: str = "anonymous") -> str:
    """An async dependency that sets a context variable before the route runs."""
    CALLER.set(name)
    return name


router = APIRouter(tags=["orders"])


@router.post("/orders/{order_id}")
def place_order(order_id: str, body: Order, who: Annotated[str, Depends(caller)]
                ) -> dict[str, object]:
    """Place an order (this docstring is the operation's description)."""
    if body.amount_minor <= 0:
        raise HTTPException(status_code=422, detail="amount_minor must be positive")
    return {"id": order_id, "amount_minor": body.amount_minor, "who": who,
            "context_caller": CALLER.get(), "thread": threading.current_thread().name}


def _app() -> FastAPI:
    app = FastAPI()
    app.include_router(router)
    return app


def test_a_def_route_runs_on_the_route_threads_with_the_requests_context() -> None:
    with TestClient(_app()) as client:
        answer = client.post("/orders/ord_1?name=asha", json={"amount_minor": 500,
                                                              "currency": "INR"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["thread"].startswith("paysetu-route")
    assert (body["id"], body["amount_minor"], body["who"]) == ("ord_1", 500, "asha")
    assert body["context_caller"] == "asha"  # set by the async dependency, seen in the thread


def test_validation_and_exceptions_reach_the_client_as_before() -> None:
    with TestClient(_app()) as client:
        missing = client.post("/orders/ord_1", json={"currency": "INR"})
        refused = client.post("/orders/ord_1", json={"amount_minor": 0, "currency": "INR"})
    assert missing.status_code == 422
    assert missing.json()["detail"][0]["loc"] == ["body", "amount_minor"]
    assert (refused.status_code, refused.json()) == (
        422, {"detail": "amount_minor must be positive"})


def test_the_openapi_operation_is_the_functions() -> None:
    operation = _app().openapi()["paths"]["/orders/{order_id}"]["post"]
    assert operation["operationId"].startswith("place_order")
    assert operation["description"] == (
        "Place an order (this docstring is the operation's description).")
    assert operation["tags"] == ["orders"]
    assert operation["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Order"}
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert names == {"order_id", "name"}


def _api_routes(routes: Iterable[BaseRoute]) -> Iterator[APIRoute]:
    """The API routes under ``routes``, inside included routers too (FastAPI keeps an
    included router as one entry, its routes under ``original_router``)."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        included = getattr(route, "original_router", None)
        if included is not None:
            yield from _api_routes(included.routes)


def test_every_route_of_the_app_awaits_its_endpoint_on_the_route_threads() -> None:
    """A router made with ``fastapi.APIRouter`` instead of paysetu's would put its ``def``
    routes back on anyio's pool; this names them."""
    api_routes = list(_api_routes(app_without_database().routes))
    assert len(api_routes) > 100
    elsewhere = [route.path for route in api_routes if not isinstance(route, ThreadPoolRoute)
                 or not inspect.iscoroutinefunction(route.endpoint)]
    assert elsewhere == []
