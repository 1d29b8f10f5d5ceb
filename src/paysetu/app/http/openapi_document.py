"""Print the API's OpenAPI document, no database needed (``python -m ...openapi_document``).

The document depends only on the routes and models, so the client generator
(``scripts/generate_client.sh``) and its up-to-date test read it from here instead of starting
a server; the app is built on a context whose units of work refuse to be opened.
"""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

from fastapi import FastAPI

from paysetu.app.context import AppContext
from paysetu.app.http.app import create_app
from paysetu.kernel.clock import SystemClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets


def _no_database() -> NoReturn:
    raise RuntimeError("the OpenAPI document is built without a database")


def app_without_database() -> FastAPI:
    """The app with every route, on a context whose units of work refuse to be opened."""
    return create_app(AppContext(_no_database, SystemClock(), UlidIds(), SystemSecrets()))


def openapi_document() -> dict[str, Any]:
    return app_without_database().openapi()


def main() -> None:
    json.dump(openapi_document(), sys.stdout, indent=2, sort_keys=True, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
