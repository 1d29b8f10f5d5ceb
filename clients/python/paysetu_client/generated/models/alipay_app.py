from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast






T = TypeVar("T", bound="AlipayApp")



@_attrs_define
class AlipayApp:
    """ A merchant's app: ``id`` is the SDK's ``appid``, ``platform_public_key`` its
    ``alipay_public_key_string``; requests go to ``gateway_path``.

        Attributes:
            created (int):
            gateway_path (Literal['/gateway.do']):
            id (str): A 16-digit numeric app id (Alipay's shape).
            merchant (str):
            notify_url (None | str): Where notifications go when a request names no notify_url.
            object_ (Literal['alipay_app']):
            platform_public_key (str): The gateway's RSA public key (PEM).
            public_key (str): The app's RSA public key (PEM).
            timezone (str): The zone the app's server writes its zone-less timestamps in (IANA name).
     """

    created: int
    gateway_path: Literal['/gateway.do']
    id: str
    merchant: str
    notify_url: None | str
    object_: Literal['alipay_app']
    platform_public_key: str
    public_key: str
    timezone: str





    def to_dict(self) -> dict[str, Any]:
        created = self.created

        gateway_path = self.gateway_path

        id = self.id

        merchant = self.merchant

        notify_url: None | str
        notify_url = self.notify_url

        object_ = self.object_

        platform_public_key = self.platform_public_key

        public_key = self.public_key

        timezone = self.timezone


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "created": created,
            "gateway_path": gateway_path,
            "id": id,
            "merchant": merchant,
            "notify_url": notify_url,
            "object": object_,
            "platform_public_key": platform_public_key,
            "public_key": public_key,
            "timezone": timezone,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created = d.pop("created")

        gateway_path = cast(Literal['/gateway.do'] , d.pop("gateway_path"))
        if gateway_path != '/gateway.do':
            raise ValueError(f"gateway_path must match const '/gateway.do', got '{gateway_path}'")

        id = d.pop("id")

        merchant = d.pop("merchant")

        def _parse_notify_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notify_url = _parse_notify_url(d.pop("notify_url"))


        object_ = cast(Literal['alipay_app'] , d.pop("object"))
        if object_ != 'alipay_app':
            raise ValueError(f"object must match const 'alipay_app', got '{object_}'")

        platform_public_key = d.pop("platform_public_key")

        public_key = d.pop("public_key")

        timezone = d.pop("timezone")

        alipay_app = cls(
            created=created,
            gateway_path=gateway_path,
            id=id,
            merchant=merchant,
            notify_url=notify_url,
            object_=object_,
            platform_public_key=platform_public_key,
            public_key=public_key,
            timezone=timezone,
        )

        return alipay_app

