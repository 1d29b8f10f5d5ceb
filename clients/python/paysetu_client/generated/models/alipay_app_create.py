from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AlipayAppCreate")



@_attrs_define
class AlipayAppCreate:
    """ 
        Attributes:
            public_key (str): The app's RSA public key (PEM, or Alipay's base64).
            merchant (None | str | Unset): Platform keys only: the merchant the app belongs to.
            notify_url (None | str | Unset): Where notifications go when a request names no notify_url.
            timezone (None | str | Unset): The IANA zone the app's server writes its zone-less timestamp in (default: the
                deployment's, Asia/Shanghai unless configured).
     """

    public_key: str
    merchant: None | str | Unset = UNSET
    notify_url: None | str | Unset = UNSET
    timezone: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        public_key = self.public_key

        merchant: None | str | Unset
        if isinstance(self.merchant, Unset):
            merchant = UNSET
        else:
            merchant = self.merchant

        notify_url: None | str | Unset
        if isinstance(self.notify_url, Unset):
            notify_url = UNSET
        else:
            notify_url = self.notify_url

        timezone: None | str | Unset
        if isinstance(self.timezone, Unset):
            timezone = UNSET
        else:
            timezone = self.timezone


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "public_key": public_key,
        })
        if merchant is not UNSET:
            field_dict["merchant"] = merchant
        if notify_url is not UNSET:
            field_dict["notify_url"] = notify_url
        if timezone is not UNSET:
            field_dict["timezone"] = timezone

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        public_key = d.pop("public_key")

        def _parse_merchant(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        merchant = _parse_merchant(d.pop("merchant", UNSET))


        def _parse_notify_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notify_url = _parse_notify_url(d.pop("notify_url", UNSET))


        def _parse_timezone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        timezone = _parse_timezone(d.pop("timezone", UNSET))


        alipay_app_create = cls(
            public_key=public_key,
            merchant=merchant,
            notify_url=notify_url,
            timezone=timezone,
        )

        return alipay_app_create

