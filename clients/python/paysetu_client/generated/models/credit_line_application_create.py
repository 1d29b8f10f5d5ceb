from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="CreditLineApplicationCreate")



@_attrs_define
class CreditLineApplicationCreate:
    """ 
        Attributes:
            category (str): PMMY category whose band holds the limit: `shishu`, `kishore`, `tarun`, `tarun_plus`.
            lender (str): The member lender (lnd_...) asked.
            limit_minor (int): The limit asked for, minor units.
            purpose (str): What the line is for, 1-500 characters.
            currency (str | Unset): ISO 4217 code. Default: 'INR'.
            merchant (None | str | Unset): The borrowing merchant (mer_...); platform keys only (a merchant key applies for
                itself).
     """

    category: str
    lender: str
    limit_minor: int
    purpose: str
    currency: str | Unset = 'INR'
    merchant: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        category = self.category

        lender = self.lender

        limit_minor = self.limit_minor

        purpose = self.purpose

        currency = self.currency

        merchant: None | str | Unset
        if isinstance(self.merchant, Unset):
            merchant = UNSET
        else:
            merchant = self.merchant


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "category": category,
            "lender": lender,
            "limit_minor": limit_minor,
            "purpose": purpose,
        })
        if currency is not UNSET:
            field_dict["currency"] = currency
        if merchant is not UNSET:
            field_dict["merchant"] = merchant

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        category = d.pop("category")

        lender = d.pop("lender")

        limit_minor = d.pop("limit_minor")

        purpose = d.pop("purpose")

        currency = d.pop("currency", UNSET)

        def _parse_merchant(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        merchant = _parse_merchant(d.pop("merchant", UNSET))


        credit_line_application_create = cls(
            category=category,
            lender=lender,
            limit_minor=limit_minor,
            purpose=purpose,
            currency=currency,
            merchant=merchant,
        )

        return credit_line_application_create

