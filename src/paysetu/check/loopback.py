"""A small HTTP server on 127.0.0.1, at a free port, in a thread: a merchant's side in checks
and tests (webhook receivers, an Alipay notify URL, a shop's return page)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

STOP_TIMEOUT_S = 10.0


@contextmanager
def loopback_server(handler: type[BaseHTTPRequestHandler], name: str) -> Iterator[str]:
    """Serve ``handler``; yields the base URL (``http://127.0.0.1:<port>``), and stops the
    server (its port closed) afterwards."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name=name, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=STOP_TIMEOUT_S)
