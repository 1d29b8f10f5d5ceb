from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.customer_transfer import CustomerTransfer





T = TypeVar("T", bound="CustomerTransferList")



@_attrs_define
class CustomerTransferList:
    """ 
        Attributes:
            data (list[CustomerTransfer]):
            object_ (Literal['list']):
     """

    data: list[CustomerTransfer]
    object_: Literal['list']





    def to_dict(self) -> dict[str, Any]:
        from ..models.customer_transfer import CustomerTransfer # noqa: PLC0415
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)



        object_ = self.object_


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "data": data,
            "object": object_,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_transfer import CustomerTransfer # noqa: PLC0415
        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in (_data):
            data_item = CustomerTransfer.from_dict(data_item_data)



            data.append(data_item)


        object_ = cast(Literal['list'] , d.pop("object"))
        if object_ != 'list':
            raise ValueError(f"object must match const 'list', got '{object_}'")

        customer_transfer_list = cls(
            data=data,
            object_=object_,
        )

        return customer_transfer_list

