from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.portfolio_history_row import PortfolioHistoryRow





T = TypeVar("T", bound="LendingPortfolioHistory")



@_attrs_define
class LendingPortfolioHistory:
    """ 
        Attributes:
            data (list[PortfolioHistoryRow]):
            from_ (None | str): First business day (null: none closed).
            object_ (Literal['lending_portfolio_history']):
            to (None | str):
     """

    data: list[PortfolioHistoryRow]
    from_: None | str
    object_: Literal['lending_portfolio_history']
    to: None | str





    def to_dict(self) -> dict[str, Any]:
        from ..models.portfolio_history_row import PortfolioHistoryRow # noqa: PLC0415
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)



        from_: None | str
        from_ = self.from_

        object_ = self.object_

        to: None | str
        to = self.to


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "data": data,
            "from": from_,
            "object": object_,
            "to": to,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.portfolio_history_row import PortfolioHistoryRow # noqa: PLC0415
        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in (_data):
            data_item = PortfolioHistoryRow.from_dict(data_item_data)



            data.append(data_item)


        def _parse_from_(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        from_ = _parse_from_(d.pop("from"))


        object_ = cast(Literal['lending_portfolio_history'] , d.pop("object"))
        if object_ != 'lending_portfolio_history':
            raise ValueError(f"object must match const 'lending_portfolio_history', got '{object_}'")

        def _parse_to(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        to = _parse_to(d.pop("to"))


        lending_portfolio_history = cls(
            data=data,
            from_=from_,
            object_=object_,
            to=to,
        )

        return lending_portfolio_history

