from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="LendingCloseDay")



@_attrs_define
class LendingCloseDay:
    """ 
        Attributes:
            date (str): The business day to close, YYYY-MM-DD: the day after the last one closed (or that day again, which
                replays its summary), never after today.
     """

    date: str





    def to_dict(self) -> dict[str, Any]:
        date = self.date


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "date": date,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = d.pop("date")

        lending_close_day = cls(
            date=date,
        )

        return lending_close_day

