"""Routers whose plain ``def`` routes run on paysetu's thread pool through asyncio.

FastAPI runs a ``def`` route in anyio's worker threads (``anyio.to_thread.run_sync``). Each
such hop costs about 0.12 ms of CPU here: anyio looks up the running library, takes a token of
its capacity limiter and opens a cancel scope on every call. ``loop.run_in_executor`` on a
``ThreadPoolExecutor`` does the same hop for about 0.04 ms (a bare route served by uvicorn:
0.24 ms of server CPU through anyio, 0.16 ms through the executor, 0.12 ms with no hop). Every
API write and page is a ``def`` route, since the use cases talk to PostgreSQL synchronously.

:class:`APIRouter` is FastAPI's with :class:`ThreadPoolRoute` as its route class: a ``def``
route is registered as an ``async def`` that awaits it on :data:`ROUTE_THREADS`, in a copy of
the request's context variables (as anyio does). FastAPI reads the parameters, the return type
and the docstring from the function it is given, so the wrapper carries the route's own, with
the annotations resolved (FastAPI would otherwise look for them in this module's globals). The
OpenAPI document, the route names and the error handling are unchanged.

One difference from anyio: a request cancelled while its route runs (uvicorn cancels what is
still running when a graceful shutdown times out) stops waiting at once, where anyio waited for
the thread. The thread still runs the route to its end, commit included, as it did under anyio;
the process's exit waits for it.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import inspect
import typing
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import fastapi
from fastapi.routing import APIRoute

ROUTE_THREADS_MAX = 40
"""As many threads as anyio's default capacity limiter allowed the routes before."""

ROUTE_THREADS = ThreadPoolExecutor(max_workers=ROUTE_THREADS_MAX,
                                   thread_name_prefix="paysetu-route")
"""The threads every ``def`` route runs on, and the blocking calls of paysetu's ``async``
routes and dependencies (:func:`run_sync`). A plain ``def`` dependency still runs on anyio's:
FastAPI resolves dependencies itself."""


async def run_sync(function: Callable[..., Any], *args: Any) -> Any:
    """``function(*args)`` on :data:`ROUTE_THREADS`, in a copy of the caller's context."""
    context = contextvars.copy_context()
    call = functools.partial(context.run, function, *args)
    return await asyncio.get_running_loop().run_in_executor(ROUTE_THREADS, call)


def _resolved_signature(function: Callable[..., Any]) -> inspect.Signature:
    """``function``'s signature with its string annotations evaluated in its own module."""
    hints = typing.get_type_hints(function, include_extras=True)
    signature = inspect.signature(function)
    parameters = [parameter.replace(annotation=hints.get(parameter.name, parameter.annotation))
                  for parameter in signature.parameters.values()]
    return signature.replace(parameters=parameters,
                             return_annotation=hints.get("return", signature.return_annotation))


def on_route_threads(endpoint: Callable[..., Any]) -> Callable[..., Any]:
    """An ``async def`` route doing what the ``def`` route ``endpoint`` does, on the pool."""

    async def route(**arguments: Any) -> Any:
        return await run_sync(functools.partial(endpoint, **arguments))

    # Not functools.wraps: FastAPI follows __wrapped__ and would see a plain def again.
    for name in ("__module__", "__name__", "__qualname__", "__doc__"):
        setattr(route, name, getattr(endpoint, name))
    route.__signature__ = _resolved_signature(endpoint)  # type: ignore[attr-defined]
    return route


class ThreadPoolRoute(APIRoute):
    """An API route whose ``def`` endpoint runs on :data:`ROUTE_THREADS`."""

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        if inspect.isfunction(endpoint) and not inspect.iscoroutinefunction(endpoint):
            endpoint = on_route_threads(endpoint)
        super().__init__(path, endpoint, **kwargs)


class APIRouter(fastapi.APIRouter):
    """FastAPI's router, with :class:`ThreadPoolRoute` routes unless told otherwise."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("route_class", ThreadPoolRoute)
        super().__init__(**kwargs)
