from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="CloseDayLineAmounts")



@_attrs_define
class CloseDayLineAmounts:
    """ Credit lines' figures of the day in one currency.

        Attributes:
            currency (str):
            drawing_power_minor (int): Drawing power of the active lines.
            drawn_minor (int): Drawn balances at the day-end.
            interest_accrued_minor (int):
            interest_debited_minor (int): Interest debited (a month's last day).
            penal_charges_minor (int): Penal charges of the day (over drawing power).
            provisions_minor (int):
     """

    currency: str
    drawing_power_minor: int
    drawn_minor: int
    interest_accrued_minor: int
    interest_debited_minor: int
    penal_charges_minor: int
    provisions_minor: int





    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        drawing_power_minor = self.drawing_power_minor

        drawn_minor = self.drawn_minor

        interest_accrued_minor = self.interest_accrued_minor

        interest_debited_minor = self.interest_debited_minor

        penal_charges_minor = self.penal_charges_minor

        provisions_minor = self.provisions_minor


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "currency": currency,
            "drawing_power_minor": drawing_power_minor,
            "drawn_minor": drawn_minor,
            "interest_accrued_minor": interest_accrued_minor,
            "interest_debited_minor": interest_debited_minor,
            "penal_charges_minor": penal_charges_minor,
            "provisions_minor": provisions_minor,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        currency = d.pop("currency")

        drawing_power_minor = d.pop("drawing_power_minor")

        drawn_minor = d.pop("drawn_minor")

        interest_accrued_minor = d.pop("interest_accrued_minor")

        interest_debited_minor = d.pop("interest_debited_minor")

        penal_charges_minor = d.pop("penal_charges_minor")

        provisions_minor = d.pop("provisions_minor")

        close_day_line_amounts = cls(
            currency=currency,
            drawing_power_minor=drawing_power_minor,
            drawn_minor=drawn_minor,
            interest_accrued_minor=interest_accrued_minor,
            interest_debited_minor=interest_debited_minor,
            penal_charges_minor=penal_charges_minor,
            provisions_minor=provisions_minor,
        )

        return close_day_line_amounts

