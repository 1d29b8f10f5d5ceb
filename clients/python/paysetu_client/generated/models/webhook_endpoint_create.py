from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="WebhookEndpointCreate")



@_attrs_define
class WebhookEndpointCreate:
    """ 
        Attributes:
            enabled_events (list[str]): Event types to send, e.g. ["payment.succeeded"]; ["*"] for all of them.
            url (str): Absolute http(s) URL that receives POSTed events (https in live mode).
            description (None | str | Unset): A note for people, up to 500 characters.
            merchant (None | str | Unset): The merchant (mer_...) the endpoint belongs to; platform keys only (a merchant
                key's endpoints are its own).
     """

    enabled_events: list[str]
    url: str
    description: None | str | Unset = UNSET
    merchant: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        enabled_events = self.enabled_events



        url = self.url

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        merchant: None | str | Unset
        if isinstance(self.merchant, Unset):
            merchant = UNSET
        else:
            merchant = self.merchant


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "enabled_events": enabled_events,
            "url": url,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if merchant is not UNSET:
            field_dict["merchant"] = merchant

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        enabled_events = cast(list[str], d.pop("enabled_events"))


        url = d.pop("url")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        def _parse_merchant(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        merchant = _parse_merchant(d.pop("merchant", UNSET))


        webhook_endpoint_create = cls(
            enabled_events=enabled_events,
            url=url,
            description=description,
            merchant=merchant,
        )

        return webhook_endpoint_create

