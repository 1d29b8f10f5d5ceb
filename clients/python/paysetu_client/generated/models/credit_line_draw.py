from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="CreditLineDraw")



@_attrs_define
class CreditLineDraw:
    """ 
        Attributes:
            amount_minor (int): Within the available drawing power, minor units.
            payee (None | str | Unset): A supplier merchant (mer_...) paid straight from the line; default: the borrower's
                own balance.
     """

    amount_minor: int
    payee: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        amount_minor = self.amount_minor

        payee: None | str | Unset
        if isinstance(self.payee, Unset):
            payee = UNSET
        else:
            payee = self.payee


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_minor": amount_minor,
        })
        if payee is not UNSET:
            field_dict["payee"] = payee

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        def _parse_payee(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payee = _parse_payee(d.pop("payee", UNSET))


        credit_line_draw = cls(
            amount_minor=amount_minor,
            payee=payee,
        )

        return credit_line_draw

