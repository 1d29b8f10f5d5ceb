from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.item_type import ItemType
from typing import cast
from typing import Literal, cast






T = TypeVar("T", bound="SettlementItem")



@_attrs_define
class SettlementItem:
    """ 
        Attributes:
            fee_minor (int):
            gross_minor (int):
            id (str):
            journal_entry (str):
            net_minor (int):
            object_ (Literal['settlement_item']):
            occurred (int):
            settlement (str):
            source (None | str): The payment, refund, ... that moved the money.
            type_ (ItemType): What a settlement line is; the first five are movements of the window.
     """

    fee_minor: int
    gross_minor: int
    id: str
    journal_entry: str
    net_minor: int
    object_: Literal['settlement_item']
    occurred: int
    settlement: str
    source: None | str
    type_: ItemType





    def to_dict(self) -> dict[str, Any]:
        fee_minor = self.fee_minor

        gross_minor = self.gross_minor

        id = self.id

        journal_entry = self.journal_entry

        net_minor = self.net_minor

        object_ = self.object_

        occurred = self.occurred

        settlement = self.settlement

        source: None | str
        source = self.source

        type_ = self.type_.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "fee_minor": fee_minor,
            "gross_minor": gross_minor,
            "id": id,
            "journal_entry": journal_entry,
            "net_minor": net_minor,
            "object": object_,
            "occurred": occurred,
            "settlement": settlement,
            "source": source,
            "type": type_,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fee_minor = d.pop("fee_minor")

        gross_minor = d.pop("gross_minor")

        id = d.pop("id")

        journal_entry = d.pop("journal_entry")

        net_minor = d.pop("net_minor")

        object_ = cast(Literal['settlement_item'] , d.pop("object"))
        if object_ != 'settlement_item':
            raise ValueError(f"object must match const 'settlement_item', got '{object_}'")

        occurred = d.pop("occurred")

        settlement = d.pop("settlement")

        def _parse_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source = _parse_source(d.pop("source"))


        type_ = ItemType(d.pop("type"))




        settlement_item = cls(
            fee_minor=fee_minor,
            gross_minor=gross_minor,
            id=id,
            journal_entry=journal_entry,
            net_minor=net_minor,
            object_=object_,
            occurred=occurred,
            settlement=settlement,
            source=source,
            type_=type_,
        )

        return settlement_item

