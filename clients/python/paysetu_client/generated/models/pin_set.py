from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PinSet")



@_attrs_define
class PinSet:
    """ 
        Attributes:
            pin (str): 4 or 6 digits.
            code (None | str | Unset): Changing an existing PIN: a fresh sign-in code.
     """

    pin: str
    code: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        pin = self.pin

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "pin": pin,
        })
        if code is not UNSET:
            field_dict["code"] = code

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pin = d.pop("pin")

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))


        pin_set = cls(
            pin=pin,
            code=code,
        )

        return pin_set

