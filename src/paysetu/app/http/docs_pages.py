"""The API's documentation pages (``/docs``, ``/redoc``), served entirely by paysetu.

FastAPI's own pages load Swagger UI and ReDoc from a CDN, and ReDoc its fonts from Google: on a
machine without internet they are blank. The same pages here take their scripts, styles and
favicon from the files the ``fastapi-offline`` wheel ships (pinned in ``pyproject.toml``),
mounted under :data:`ASSETS_URL`; ReDoc uses the system fonts, and its "powered by" logo,
which its script fetches from Redocly's CDN, is replaced by the local favicon as the script is
served. Nothing a page loads leaves the server (a Chromium test records every request the
pages make).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import (
    get_redoc_html,
    get_swagger_ui_html,
    get_swagger_ui_oauth2_redirect_html,
)
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

ASSETS_URL = "/docs-assets"
"""Where the vendored Swagger UI and ReDoc files are served."""


REDOC_CDN_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"


def _assets_dir() -> Path:
    return Path(str(resources.files("fastapi_offline") / "static"))


@cache
def _redoc_script() -> bytes:
    script = (_assets_dir() / "redoc.standalone.js").read_text("utf-8")
    return script.replace(REDOC_CDN_LOGO, f"{ASSETS_URL}/favicon.png").encode()


def install_docs_pages(app: FastAPI) -> None:
    """``/docs`` (Swagger UI) and ``/redoc`` on ``app``, which must be built with
    ``docs_url=None, redoc_url=None`` so that FastAPI's CDN pages are not there too."""
    @app.get(f"{ASSETS_URL}/redoc.standalone.js", include_in_schema=False)
    def redoc_script() -> Response:  # before the mount, which would serve the file as is
        return Response(_redoc_script(), media_type="text/javascript")

    app.mount(ASSETS_URL, StaticFiles(directory=_assets_dir()), name="docs-assets")
    openapi_url = app.openapi_url or "/openapi.json"
    redirect_url = app.swagger_ui_oauth2_redirect_url or "/docs/oauth2-redirect"

    @app.get("/docs", include_in_schema=False)
    def swagger_ui(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_swagger_ui_html(
            openapi_url=f"{root}{openapi_url}",
            title=f"{app.title} - Swagger UI",
            oauth2_redirect_url=f"{root}{redirect_url}",
            swagger_js_url=f"{root}{ASSETS_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{ASSETS_URL}/swagger-ui.css",
            swagger_favicon_url=f"{root}{ASSETS_URL}/favicon.png",
            swagger_ui_parameters={"validatorUrl": None},
        )

    @app.get(redirect_url, include_in_schema=False)
    def swagger_ui_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    @app.get("/redoc", include_in_schema=False)
    def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_redoc_html(
            openapi_url=f"{root}{openapi_url}",
            title=f"{app.title} - ReDoc",
            redoc_js_url=f"{root}{ASSETS_URL}/redoc.standalone.js",
            redoc_favicon_url=f"{root}{ASSETS_URL}/favicon.png",
            with_google_fonts=False,
        )
