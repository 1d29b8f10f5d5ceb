from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="SessionCreate")



@_attrs_define
class SessionCreate:
    """ 
        Attributes:
            code (str): The 6-digit code sent by SMS.
            phone (str):
     """

    code: str
    phone: str





    def to_dict(self) -> dict[str, Any]:
        code = self.code

        phone = self.phone


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "code": code,
            "phone": phone,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        phone = d.pop("phone")

        session_create = cls(
            code=code,
            phone=phone,
        )

        return session_create

