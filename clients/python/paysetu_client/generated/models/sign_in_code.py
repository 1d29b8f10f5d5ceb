from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import Literal, cast






T = TypeVar("T", bound="SignInCode")



@_attrs_define
class SignInCode:
    """ 
        Attributes:
            expires_at (int):
            object_ (Literal['sign_in_code']):
            phone (str): The number, masked.
     """

    expires_at: int
    object_: Literal['sign_in_code']
    phone: str





    def to_dict(self) -> dict[str, Any]:
        expires_at = self.expires_at

        object_ = self.object_

        phone = self.phone


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "expires_at": expires_at,
            "object": object_,
            "phone": phone,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expires_at = d.pop("expires_at")

        object_ = cast(Literal['sign_in_code'] , d.pop("object"))
        if object_ != 'sign_in_code':
            raise ValueError(f"object must match const 'sign_in_code', got '{object_}'")

        phone = d.pop("phone")

        sign_in_code = cls(
            expires_at=expires_at,
            object_=object_,
            phone=phone,
        )

        return sign_in_code

