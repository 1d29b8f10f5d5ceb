from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast






T = TypeVar("T", bound="CustomerSessionObject")



@_attrs_define
class CustomerSessionObject:
    """ 
        Attributes:
            customer (str):
            expires_at (int):
            has_pin (bool):
            object_ (Literal['customer_session']):
            token (None | str): Only when created: `Authorization: Bearer <token>`.
     """

    customer: str
    expires_at: int
    has_pin: bool
    object_: Literal['customer_session']
    token: None | str





    def to_dict(self) -> dict[str, Any]:
        customer = self.customer

        expires_at = self.expires_at

        has_pin = self.has_pin

        object_ = self.object_

        token: None | str
        token = self.token


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "customer": customer,
            "expires_at": expires_at,
            "has_pin": has_pin,
            "object": object_,
            "token": token,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer = d.pop("customer")

        expires_at = d.pop("expires_at")

        has_pin = d.pop("has_pin")

        object_ = cast(Literal['customer_session'] , d.pop("object"))
        if object_ != 'customer_session':
            raise ValueError(f"object must match const 'customer_session', got '{object_}'")

        def _parse_token(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        token = _parse_token(d.pop("token"))


        customer_session_object = cls(
            customer=customer,
            expires_at=expires_at,
            has_pin=has_pin,
            object_=object_,
            token=token,
        )

        return customer_session_object

