from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.webhook_endpoint_with_secret_status import WebhookEndpointWithSecretStatus
from typing import cast
from typing import Literal, cast






T = TypeVar("T", bound="WebhookEndpointWithSecret")



@_attrs_define
class WebhookEndpointWithSecret:
    """ The endpoint as created: the signing secret is shown once, here.

        Attributes:
            created (int):
            description (None | str):
            enabled_events (list[str]):
            id (str):
            merchant (str):
            object_ (Literal['webhook_endpoint']):
            secret (str):
            status (WebhookEndpointWithSecretStatus):
            url (str):
     """

    created: int
    description: None | str
    enabled_events: list[str]
    id: str
    merchant: str
    object_: Literal['webhook_endpoint']
    secret: str
    status: WebhookEndpointWithSecretStatus
    url: str





    def to_dict(self) -> dict[str, Any]:
        created = self.created

        description: None | str
        description = self.description

        enabled_events = self.enabled_events



        id = self.id

        merchant = self.merchant

        object_ = self.object_

        secret = self.secret

        status = self.status.value

        url = self.url


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "created": created,
            "description": description,
            "enabled_events": enabled_events,
            "id": id,
            "merchant": merchant,
            "object": object_,
            "secret": secret,
            "status": status,
            "url": url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created = d.pop("created")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))


        enabled_events = cast(list[str], d.pop("enabled_events"))


        id = d.pop("id")

        merchant = d.pop("merchant")

        object_ = cast(Literal['webhook_endpoint'] , d.pop("object"))
        if object_ != 'webhook_endpoint':
            raise ValueError(f"object must match const 'webhook_endpoint', got '{object_}'")

        secret = d.pop("secret")

        status = WebhookEndpointWithSecretStatus(d.pop("status"))




        url = d.pop("url")

        webhook_endpoint_with_secret = cls(
            created=created,
            description=description,
            enabled_events=enabled_events,
            id=id,
            merchant=merchant,
            object_=object_,
            secret=secret,
            status=status,
            url=url,
        )

        return webhook_endpoint_with_secret

