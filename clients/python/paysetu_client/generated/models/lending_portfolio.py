from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.portfolio_row import PortfolioRow





T = TypeVar("T", bound="LendingPortfolio")



@_attrs_define
class LendingPortfolio:
    """ 
        Attributes:
            as_of (None | str): The last close of business (null: none yet).
            data (list[PortfolioRow]):
            month (str):
            object_ (Literal['lending_portfolio']):
     """

    as_of: None | str
    data: list[PortfolioRow]
    month: str
    object_: Literal['lending_portfolio']





    def to_dict(self) -> dict[str, Any]:
        from ..models.portfolio_row import PortfolioRow # noqa: PLC0415
        as_of: None | str
        as_of = self.as_of

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)



        month = self.month

        object_ = self.object_


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "as_of": as_of,
            "data": data,
            "month": month,
            "object": object_,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.portfolio_row import PortfolioRow # noqa: PLC0415
        d = dict(src_dict)
        def _parse_as_of(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        as_of = _parse_as_of(d.pop("as_of"))


        data = []
        _data = d.pop("data")
        for data_item_data in (_data):
            data_item = PortfolioRow.from_dict(data_item_data)



            data.append(data_item)


        month = d.pop("month")

        object_ = cast(Literal['lending_portfolio'] , d.pop("object"))
        if object_ != 'lending_portfolio':
            raise ValueError(f"object must match const 'lending_portfolio', got '{object_}'")

        lending_portfolio = cls(
            as_of=as_of,
            data=data,
            month=month,
            object_=object_,
        )

        return lending_portfolio

