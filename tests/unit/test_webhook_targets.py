"""Webhook and notification targets: no loopback, private, link-local, multicast or reserved
address, in any spelling, at registration and again at connection time (issue 15, item 1).

Nothing here opens a connection to a refused address: the delivery-time checks feed an address
to the resolver seam and put a spy in place of the socket layer, which must never be called;
the redirect test talks only to a receiver on 127.0.0.1.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from http.server import BaseHTTPRequestHandler
from ipaddress import IPv4Network

import httpcore
import pytest

from paysetu.alipay.stores.notifier import HttpAlipayNotifier
from paysetu.check.loopback import loopback_server
from paysetu.events.rules.targets import LOOPBACK_NETWORKS, address_problem, host_address
from paysetu.events.rules.webhooks import url_problem
from paysetu.events.stores.guarded_network import GuardedBackend, GuardedTransport
from paysetu.events.stores.webhook_sender import HttpWebhookSender
from paysetu.events.usecases.ports import WebhookTargets
from paysetu.events.usecases.targets import target_problem

ATTACKS = [
    "http://169.254.169.254/latest/meta-data/",
    "http://127.0.0.1:5432/",
    "https://127.0.0.1:5432/",
    "http://[::1]/",
    "http://10.0.0.1/",
    "http://172.16.5.4/",
    "http://192.168.1.1/",
    "http://100.64.0.1/",
    "http://0.0.0.0:8000/",
    "http://[::]/",
    "http://2130706433/",
    "http://0x7f000001/",
    "http://0177.0.0.1/",
    "http://127.1/",
    "http://0x7f.1/",
    "http://[::ffff:169.254.169.254]/",
    "http://[::ffff:7f00:1]/",
    "http://[2002:a9fe:a9fe::1]/",
    "http://[64:ff9b::a9fe:a9fe]/",
    "http://[fe80::1%25eth0]/",
    "http://[fc00::1]/",
    "http://224.0.0.1/",
    "http://[ff02::1]/",
    "http://240.0.0.1/",
    "http://255.255.255.255/",
    "http://198.18.0.1/",
]


@pytest.mark.parametrize("url", ATTACKS)
def test_a_url_naming_a_non_public_address_is_refused_in_any_spelling(url: str) -> None:
    problem = url_problem(url, https_only=url.startswith("https"))
    assert problem is not None
    assert "public addresses" in problem


@pytest.mark.parametrize(
    ("host", "address"),
    [("2130706433", "127.0.0.1"), ("0x7f000001", "127.0.0.1"), ("0177.0.0.1", "127.0.0.1"),
     ("127.1", "127.0.0.1"), ("10.1", "10.0.0.1"), ("[::1]", "::1"), ("8.8.8.8", "8.8.8.8"),
     ("merchant.example", None), ("1.2.3.4.5", None), ("0x", "0.0.0.0"), ("09.1.1.1", None),
     ("256.1.1.1", None), ("1.2.3.", None)],
)
def test_hosts_are_read_as_the_system_resolver_reads_them(host: str, address: str | None) -> None:
    found = host_address(host)
    assert (None if found is None else str(found)) == address


def test_public_addresses_pass_and_an_operator_may_allow_a_network() -> None:
    assert address_problem("8.8.8.8") is None
    assert address_problem("2606:4700:4700::1111") is None
    assert address_problem("127.0.0.1", LOOPBACK_NETWORKS) is None
    assert address_problem("::ffff:127.0.0.1", LOOPBACK_NETWORKS) is None
    assert address_problem("::1", LOOPBACK_NETWORKS) is None
    assert address_problem("10.0.0.1", LOOPBACK_NETWORKS) is not None
    assert address_problem("10.0.0.1", (IPv4Network("10.0.0.0/8"),)) is None
    assert address_problem("not an address") is not None


class TableResolver:
    """A resolver answering from a table (no DNS query leaves the test)."""

    def __init__(self, table: dict[str, tuple[str, ...]]) -> None:
        self.table = table
        self.asked: list[tuple[str, int]] = []

    def resolve(self, host: str, port: int) -> tuple[str, ...]:
        self.asked.append((host, port))
        return self.table.get(host, ())


def test_registration_resolves_names_and_refuses_private_or_unresolvable_ones() -> None:
    resolver = TableResolver({
        "shop.example": ("93.184.215.14",),
        "metadata.example": ("169.254.169.254",),
        "split.example": ("93.184.215.14", "10.0.0.7"),
    })
    targets = WebhookTargets((), resolver)
    assert target_problem(targets, "https://shop.example/hooks", https_only=True) is None
    assert resolver.asked == [("shop.example", 443)]
    refused = target_problem(targets, "http://metadata.example:8080/", https_only=False)
    assert refused is not None
    assert "169.254.169.254 is a link-local" in refused
    assert target_problem(targets, "https://split.example/", https_only=True) is not None
    unresolvable = target_problem(targets, "https://nowhere.example/", https_only=True)
    assert unresolvable is not None
    assert "cannot be resolved" in unresolvable
    assert target_problem(targets, "https://127.0.0.1:5432/", https_only=True) is not None
    loopback = WebhookTargets(LOOPBACK_NETWORKS, resolver)
    assert target_problem(loopback, "http://127.0.0.1:8080/", https_only=False) is None


class SpyBackend(httpcore.NetworkBackend):
    """Stands for the socket layer: records every connection asked of it."""

    def __init__(self) -> None:
        self.connects: list[tuple[str, int]] = []
        self.real = httpcore.SyncBackend()

    def connect_tcp(
        self, host: str, port: int, timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        self.connects.append((host, port))
        assert host == "127.0.0.1", "only loopback may ever be connected to"
        return self.real.connect_tcp(host, port, timeout, local_address, socket_options)


def _sender(spy: SpyBackend, answers: Mapping[str, tuple[str, ...]],
            allowed: tuple[IPv4Network, ...] = ()) -> HttpWebhookSender:
    backend = GuardedBackend(allowed, lambda host, _port: answers.get(host, ()), spy)
    return HttpWebhookSender(timeout_s=5, transport=GuardedTransport(backend))


@pytest.mark.parametrize("address", ["169.254.169.254", "127.0.0.1", "::1", "10.0.0.1",
                                     "::ffff:169.254.169.254", "0.0.0.0"])
def test_at_delivery_a_name_rebound_to_a_private_address_is_refused_before_connecting(
    address: str,
) -> None:
    spy = SpyBackend()
    with _sender(spy, {"shop.example": (address,)}) as sender:
        result = sender.send("https://shop.example/hooks", b"{}", {})
    assert result.status_code is None
    assert result.error is not None
    assert "refused" in result.error
    assert spy.connects == []


def test_at_delivery_an_unresolvable_name_and_a_literal_are_refused_before_connecting() -> None:
    spy = SpyBackend()
    with _sender(spy, {"2130706433": ("127.0.0.1",)}) as sender:
        unresolvable = sender.send("https://gone.example/hooks", b"{}", {})
        literal = sender.send("http://2130706433:5432/", b"{}", {})
    assert unresolvable.error is not None
    assert "cannot be resolved" in unresolvable.error
    assert literal.error is not None
    assert "loopback" in literal.error
    assert spy.connects == []


def test_the_alipay_notifier_connects_through_the_same_guard() -> None:
    spy = SpyBackend()
    backend = GuardedBackend((), lambda _host, _port: ("169.254.169.254",), spy)
    with HttpAlipayNotifier(timeout_s=5, transport=GuardedTransport(backend)) as notifier:
        result = notifier.send("http://notify.example/alipay", {"trade_no": "t"})
    assert result.error is not None
    assert "link-local" in result.error
    assert spy.connects == []


class RedirectToMetadata(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.send_response(302)
        self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        return


def test_a_redirect_from_an_allowed_receiver_is_not_followed() -> None:
    spy = SpyBackend()
    with loopback_server(RedirectToMetadata, "redirecting-receiver") as base:
        port = int(base.rsplit(":", 1)[1])
        answers = {"127.0.0.1": ("127.0.0.1",), "169.254.169.254": ("169.254.169.254",)}
        with _sender(spy, answers, (IPv4Network("127.0.0.0/8"),)) as sender:
            result = sender.send(f"{base}/hooks", b"{}", {})
    assert result.status_code == 302
    assert spy.connects == [("127.0.0.1", port)]
