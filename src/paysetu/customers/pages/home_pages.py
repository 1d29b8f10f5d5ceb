"""The wallet app's home (``/wallet/home``) and its progressive-web-app files: the manifest
(``/wallet/manifest.webmanifest``) and the service worker (``/wallet/sw.js``, served under
``/wallet`` so that its scope is the app; it caches the app shell only, see its source).
"""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response

from paysetu.customers.api.deps import Context
from paysetu.customers.pages.wallet_kit import page, signed_in
from paysetu.customers.usecases import money_requests, notifications, wallet_app
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.pages.rendering import STATIC_DIR, redirect

router = APIRouter(include_in_schema=False)

MANIFEST = {
    "name": "paysetu wallet",
    "short_name": "paysetu",
    "id": "/wallet/home",
    "start_url": "/wallet/home",
    "scope": "/wallet/",
    "display": "standalone",
    "background_color": "#f3f5f8",
    "theme_color": "#0a4f9c",
    "icons": [
        {"src": "/static/wallet-icon-192.png", "sizes": "192x192", "type": "image/png"},
        {"src": "/static/wallet-icon-512.png", "sizes": "512x512", "type": "image/png",
         "purpose": "any maskable"},
    ],
}


@router.get("/wallet/home", response_class=HTMLResponse)
def wallet_home(request: Request, context: Context) -> Response:
    """Balances, what the KYC tier still allows, the last movements, what waits for an answer."""
    customer = signed_in(request, context)
    if customer is None:
        return redirect("/wallet")
    return page(request, context, "home.html", {
        "home": wallet_app.home(context, customer.customer_id),
        "incoming_requests": money_requests.incoming_pending(context, customer.customer_id),
        "unread_notifications": notifications.inbox(context, customer.customer_id).unread})


@router.get("/wallet/manifest.webmanifest")
def wallet_manifest() -> Response:
    return JSONResponse(MANIFEST, media_type="application/manifest+json",
                        headers={"Cache-Control": "public, max-age=3600"})


@router.get("/wallet/sw.js")
def wallet_service_worker() -> Response:
    return FileResponse(STATIC_DIR / "wallet-sw.js", media_type="text/javascript",
                        headers={"Cache-Control": "no-cache", "Service-Worker-Allowed": "/wallet/"})
