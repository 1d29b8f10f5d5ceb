from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="SettlementRun")



@_attrs_define
class SettlementRun:
    """ 
        Attributes:
            date (str): The settlement date, YYYY-MM-DD: each merchant's window ending with business day date - N (its T+N)
                is settled.
            merchant (None | str | Unset): Only this merchant (mer_...).
     """

    date: str
    merchant: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        date = self.date

        merchant: None | str | Unset
        if isinstance(self.merchant, Unset):
            merchant = UNSET
        else:
            merchant = self.merchant


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "date": date,
        })
        if merchant is not UNSET:
            field_dict["merchant"] = merchant

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = d.pop("date")

        def _parse_merchant(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        merchant = _parse_merchant(d.pop("merchant", UNSET))


        settlement_run = cls(
            date=date,
            merchant=merchant,
        )

        return settlement_run

