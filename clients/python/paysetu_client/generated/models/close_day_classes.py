from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="CloseDayClasses")



@_attrs_define
class CloseDayClasses:
    """ Active loans per asset class after the day (written-off loans are not counted).

        Attributes:
            doubtful_1 (int):
            doubtful_2 (int):
            doubtful_3 (int):
            sma_0 (int):
            sma_1 (int):
            sma_2 (int):
            standard (int):
            substandard (int):
     """

    doubtful_1: int
    doubtful_2: int
    doubtful_3: int
    sma_0: int
    sma_1: int
    sma_2: int
    standard: int
    substandard: int





    def to_dict(self) -> dict[str, Any]:
        doubtful_1 = self.doubtful_1

        doubtful_2 = self.doubtful_2

        doubtful_3 = self.doubtful_3

        sma_0 = self.sma_0

        sma_1 = self.sma_1

        sma_2 = self.sma_2

        standard = self.standard

        substandard = self.substandard


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "doubtful_1": doubtful_1,
            "doubtful_2": doubtful_2,
            "doubtful_3": doubtful_3,
            "sma_0": sma_0,
            "sma_1": sma_1,
            "sma_2": sma_2,
            "standard": standard,
            "substandard": substandard,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        doubtful_1 = d.pop("doubtful_1")

        doubtful_2 = d.pop("doubtful_2")

        doubtful_3 = d.pop("doubtful_3")

        sma_0 = d.pop("sma_0")

        sma_1 = d.pop("sma_1")

        sma_2 = d.pop("sma_2")

        standard = d.pop("standard")

        substandard = d.pop("substandard")

        close_day_classes = cls(
            doubtful_1=doubtful_1,
            doubtful_2=doubtful_2,
            doubtful_3=doubtful_3,
            sma_0=sma_0,
            sma_1=sma_1,
            sma_2=sma_2,
            standard=standard,
            substandard=substandard,
        )

        return close_day_classes

