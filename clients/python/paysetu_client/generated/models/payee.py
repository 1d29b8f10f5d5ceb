from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import Literal, cast






T = TypeVar("T", bound="Payee")



@_attrs_define
class Payee:
    """ 
        Attributes:
            name (str): The customer's name, masked.
            object_ (Literal['payee']):
            phone (str): The number, masked.
     """

    name: str
    object_: Literal['payee']
    phone: str





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        object_ = self.object_

        phone = self.phone


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "object": object_,
            "phone": phone,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        object_ = cast(Literal['payee'] , d.pop("object"))
        if object_ != 'payee':
            raise ValueError(f"object must match const 'payee', got '{object_}'")

        phone = d.pop("phone")

        payee = cls(
            name=name,
            object_=object_,
            phone=phone,
        )

        return payee

