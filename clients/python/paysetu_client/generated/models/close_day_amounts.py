from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="CloseDayAmounts")



@_attrs_define
class CloseDayAmounts:
    """ 
        Attributes:
            currency (str):
            interest_accrued_minor (int):
            penalties_minor (int):
            provision_change_minor (int):
            provisions_minor (int): Provisions held after the day.
            suspense_change_minor (int):
     """

    currency: str
    interest_accrued_minor: int
    penalties_minor: int
    provision_change_minor: int
    provisions_minor: int
    suspense_change_minor: int





    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        interest_accrued_minor = self.interest_accrued_minor

        penalties_minor = self.penalties_minor

        provision_change_minor = self.provision_change_minor

        provisions_minor = self.provisions_minor

        suspense_change_minor = self.suspense_change_minor


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "currency": currency,
            "interest_accrued_minor": interest_accrued_minor,
            "penalties_minor": penalties_minor,
            "provision_change_minor": provision_change_minor,
            "provisions_minor": provisions_minor,
            "suspense_change_minor": suspense_change_minor,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        currency = d.pop("currency")

        interest_accrued_minor = d.pop("interest_accrued_minor")

        penalties_minor = d.pop("penalties_minor")

        provision_change_minor = d.pop("provision_change_minor")

        provisions_minor = d.pop("provisions_minor")

        suspense_change_minor = d.pop("suspense_change_minor")

        close_day_amounts = cls(
            currency=currency,
            interest_accrued_minor=interest_accrued_minor,
            penalties_minor=penalties_minor,
            provision_change_minor=provision_change_minor,
            provisions_minor=provisions_minor,
            suspense_change_minor=suspense_change_minor,
        )

        return close_day_amounts

