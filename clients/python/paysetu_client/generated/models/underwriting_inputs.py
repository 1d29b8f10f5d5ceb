from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="UnderwritingInputs")



@_attrs_define
class UnderwritingInputs:
    """ 
        Attributes:
            currency (str):
            monthly_refunds_minor (list[int]):
            monthly_volume_minor (list[int]): Captured volume per month, oldest first.
     """

    currency: str
    monthly_refunds_minor: list[int]
    monthly_volume_minor: list[int]





    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        monthly_refunds_minor = self.monthly_refunds_minor



        monthly_volume_minor = self.monthly_volume_minor




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "currency": currency,
            "monthly_refunds_minor": monthly_refunds_minor,
            "monthly_volume_minor": monthly_volume_minor,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        currency = d.pop("currency")

        monthly_refunds_minor = cast(list[int], d.pop("monthly_refunds_minor"))


        monthly_volume_minor = cast(list[int], d.pop("monthly_volume_minor"))


        underwriting_inputs = cls(
            currency=currency,
            monthly_refunds_minor=monthly_refunds_minor,
            monthly_volume_minor=monthly_volume_minor,
        )

        return underwriting_inputs

