from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.close_day_line_amounts import CloseDayLineAmounts





T = TypeVar("T", bound="CloseDayLines")



@_attrs_define
class CloseDayLines:
    """ What close of business did to the credit lines.

        Attributes:
            amounts (list[CloseDayLineAmounts]):
            closed (int): Lines closed: review date passed with nothing owed.
            lines (int): Active lines classified.
            npa (int):
            out_of_order (int): Lines out of order for more than 30 days.
     """

    amounts: list[CloseDayLineAmounts]
    closed: int
    lines: int
    npa: int
    out_of_order: int





    def to_dict(self) -> dict[str, Any]:
        from ..models.close_day_line_amounts import CloseDayLineAmounts # noqa: PLC0415
        amounts = []
        for amounts_item_data in self.amounts:
            amounts_item = amounts_item_data.to_dict()
            amounts.append(amounts_item)



        closed = self.closed

        lines = self.lines

        npa = self.npa

        out_of_order = self.out_of_order


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amounts": amounts,
            "closed": closed,
            "lines": lines,
            "npa": npa,
            "out_of_order": out_of_order,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.close_day_line_amounts import CloseDayLineAmounts # noqa: PLC0415
        d = dict(src_dict)
        amounts = []
        _amounts = d.pop("amounts")
        for amounts_item_data in (_amounts):
            amounts_item = CloseDayLineAmounts.from_dict(amounts_item_data)



            amounts.append(amounts_item)


        closed = d.pop("closed")

        lines = d.pop("lines")

        npa = d.pop("npa")

        out_of_order = d.pop("out_of_order")

        close_day_lines = cls(
            amounts=amounts,
            closed=closed,
            lines=lines,
            npa=npa,
            out_of_order=out_of_order,
        )

        return close_day_lines

