from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="PayeeLookup")



@_attrs_define
class PayeeLookup:
    """ 
        Attributes:
            phone (str): The payee's mobile number (as at sign-in).
     """

    phone: str





    def to_dict(self) -> dict[str, Any]:
        phone = self.phone


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "phone": phone,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        phone = d.pop("phone")

        payee_lookup = cls(
            phone=phone,
        )

        return payee_lookup

