"""Connections for webhooks and notifications that reach public addresses only.

Checking a URL when it is registered is not enough: the merchant's DNS may answer a public
address then and ``127.0.0.1`` a minute later (DNS rebinding), and a redirect could point
anywhere. So the HTTP clients of :mod:`.webhook_sender` and the Alipay notifier connect through
:class:`GuardedBackend`, an httpcore network backend that resolves the host itself, judges
every address with :func:`~paysetu.events.rules.targets.address_problem`, and connects to the
very address it judged, never to the name again. A refused target raises httpcore's
``ConnectError`` before any socket is opened; the senders turn it into a failed attempt whose
error says why. The clients follow no redirects and ignore proxy variables of the environment
(a proxy would connect in our place, unjudged).

The resolver and the inner backend are seams: tests feed an address to the resolver and a
spy as the inner backend, and see the refusal happen with no connection attempted.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterable, Sequence

import httpcore
import httpx

from paysetu.events.rules.targets import Network, address_problem

Resolve = Callable[[str, int], tuple[str, ...]]
"""``(host, port) -> addresses``; empty when the host resolves to none."""


def system_resolve(host: str, port: int) -> tuple[str, ...]:
    """The system resolver's addresses for ``host`` (IPv4 and IPv6), in its order."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return ()
    return tuple(dict.fromkeys(str(info[4][0]) for info in infos))


class SystemResolver:
    """:class:`~paysetu.events.usecases.ports.HostResolver` over the system resolver."""

    def resolve(self, host: str, port: int) -> tuple[str, ...]:
        return system_resolve(host, port)


class GuardedBackend(httpcore.NetworkBackend):
    """Resolves, judges, then connects to the judged address (or refuses without a socket)."""

    def __init__(
        self, allowed_networks: Sequence[Network] = (), resolve: Resolve = system_resolve,
        inner: httpcore.NetworkBackend | None = None,
    ) -> None:
        self._allowed = tuple(allowed_networks)
        self._resolve = resolve
        self._inner = inner or httpcore.SyncBackend()

    def permitted_address(self, host: str, port: int) -> str:
        """The address to connect to; raises ``httpcore.ConnectError`` when none may be."""
        addresses = self._resolve(host.strip("[]"), port)
        if not addresses:
            raise httpcore.ConnectError(f"refused: {host[:100]} cannot be resolved")
        for address in addresses:
            problem = address_problem(address, self._allowed)
            if problem is not None:
                raise httpcore.ConnectError(f"refused: {problem}")
        return addresses[0]

    def connect_tcp(
        self, host: str, port: int, timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        address = self.permitted_address(host, port)
        return self._inner.connect_tcp(address, port, timeout, local_address, socket_options)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None,  # noqa: ARG002 - the interface's
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,  # noqa: ARG002
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("refused: webhooks are never sent to a Unix socket")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport whose connection pool connects through a :class:`GuardedBackend`.

    TLS still checks the certificate against the URL's host name (httpcore passes the
    request's host as the server name, whatever address the backend connected to).
    """

    def __init__(self, backend: GuardedBackend) -> None:
        super().__init__(trust_env=False)
        # httpx takes no network backend argument: the pool it built is replaced by the same
        # pool (default limits, the same TLS context) over the guarded backend.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False), network_backend=backend)


def guarded_client(
    timeout_s: float, allowed_networks: Sequence[Network] = (),
    transport: httpx.BaseTransport | None = None,
) -> httpx.Client:
    """A client for merchants' URLs: guarded connections, no redirects, no proxies."""
    return httpx.Client(
        timeout=httpx.Timeout(timeout_s), follow_redirects=False, trust_env=False,
        transport=transport or GuardedTransport(GuardedBackend(allowed_networks)),
    )
