from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="OrderLineOut")



@_attrs_define
class OrderLineOut:
    """ 
        Attributes:
            amount_minor (int):
            category (None | str):
            description (None | str):
     """

    amount_minor: int
    category: None | str
    description: None | str





    def to_dict(self) -> dict[str, Any]:
        amount_minor = self.amount_minor

        category: None | str
        category = self.category

        description: None | str
        description = self.description


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_minor": amount_minor,
            "category": category,
            "description": description,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        def _parse_category(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        category = _parse_category(d.pop("category"))


        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))


        order_line_out = cls(
            amount_minor=amount_minor,
            category=category,
            description=description,
        )

        return order_line_out

