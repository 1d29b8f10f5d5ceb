"""What events' use cases need from outside: the event table, webhook endpoints, the sender."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from paysetu.access.usecases.ports import AccessContext, AccessUnitOfWork
from paysetu.events.rules.events import Event
from paysetu.events.rules.targets import Network
from paysetu.events.rules.webhooks import (
    Delivery,
    DeliveryAttempt,
    DeliveryJob,
    DeliveryStatus,
    SendResult,
    WebhookEndpoint,
)
from paysetu.kernel.pagination import PageRequest

if TYPE_CHECKING:  # lending_ports and checkout_ports import PageRequest from here
    pass


class EventRepository(Protocol):
    def insert_with_deliveries(self, event: Event, delivery_id_prefix: str) -> None: ...
    def insert_many_with_deliveries(
        self, events: Sequence[Event], delivery_id_prefix: str
    ) -> int: ...
    def get(self, event_id: str) -> Event | None: ...
    def list_page(
        self, merchant_id: str | None, event_type: str | None, page: PageRequest
    ) -> tuple[list[Event], bool]: ...


class WebhookRepository(Protocol):
    def insert_endpoint(self, endpoint: WebhookEndpoint) -> None: ...
    def get_endpoint(self, endpoint_id: str) -> WebhookEndpoint | None: ...
    def list_endpoints(
        self, merchant_id: str | None, page: PageRequest
    ) -> tuple[list[WebhookEndpoint], bool]: ...
    def disable_endpoint(self, endpoint_id: str) -> int: ...
    def list_deliveries(
        self, endpoint_id: str, page: PageRequest
    ) -> tuple[list[Delivery], bool]: ...
    def claim_due(self, now: datetime, lease_until: datetime, limit: int) -> list[DeliveryJob]: ...
    def record_attempt(
        self, job: DeliveryJob, attempt: DeliveryAttempt, status: DeliveryStatus,
        next_attempt_at: datetime,
    ) -> bool: ...


class WebhookSender(Protocol):
    """Sends one signed webhook request (HTTP in production, a recording fake in tests)."""

    def send(self, url: str, body: bytes, headers: dict[str, str]) -> SendResult:
        """POST ``body``; never raises for network errors or timeouts (they are results)."""
        ...


class HostResolver(Protocol):
    """Resolves a host name to addresses (the system resolver; a table in tests)."""

    def resolve(self, host: str, port: int) -> tuple[str, ...]:
        """Every address ``host`` resolves to; empty when it resolves to none."""
        ...


@dataclass(frozen=True, slots=True)
class WebhookTargets:
    """Where webhooks and notifications may go (:mod:`paysetu.events.rules.targets`).

    Attributes:
        allowed_networks: Networks allowed although not public (loopback for the demo and
            the tests); empty in production.
        resolver: Resolves a URL's host name when a URL is registered; None resolves nothing
            there (contexts built without one, in tests): the delivery's connection judges
            the address it connects to either way.
    """

    allowed_networks: tuple[Network, ...] = ()
    resolver: HostResolver | None = None


class EventsUnitOfWork(AccessUnitOfWork, Protocol):
    """Access's unit of work plus events and webhook endpoints."""

    @property
    def events(self) -> EventRepository: ...
    @property
    def webhooks(self) -> WebhookRepository: ...


class EventsContext(AccessContext, Protocol):
    @property
    def uow_factory(self) -> Callable[[], EventsUnitOfWork]: ...
    def reader(self) -> EventsUnitOfWork: ...
    @property
    def webhook_targets(self) -> WebhookTargets: ...
