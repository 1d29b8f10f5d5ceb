from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.event_data import EventData





T = TypeVar("T", bound="Event")



@_attrs_define
class Event:
    """ 
        Attributes:
            created (int):
            data (EventData): ``{"object": <the object after the change>}``.
            id (str):
            merchant (None | str):
            object_ (Literal['event']):
            type_ (str):
     """

    created: int
    data: EventData
    id: str
    merchant: None | str
    object_: Literal['event']
    type_: str





    def to_dict(self) -> dict[str, Any]:
        from ..models.event_data import EventData # noqa: PLC0415
        created = self.created

        data = self.data.to_dict()

        id = self.id

        merchant: None | str
        merchant = self.merchant

        object_ = self.object_

        type_ = self.type_


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "created": created,
            "data": data,
            "id": id,
            "merchant": merchant,
            "object": object_,
            "type": type_,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_data import EventData # noqa: PLC0415
        d = dict(src_dict)
        created = d.pop("created")

        data = EventData.from_dict(d.pop("data"))




        id = d.pop("id")

        def _parse_merchant(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        merchant = _parse_merchant(d.pop("merchant"))


        object_ = cast(Literal['event'] , d.pop("object"))
        if object_ != 'event':
            raise ValueError(f"object must match const 'event', got '{object_}'")

        type_ = d.pop("type")

        event = cls(
            created=created,
            data=data,
            id=id,
            merchant=merchant,
            object_=object_,
            type_=type_,
        )

        return event

