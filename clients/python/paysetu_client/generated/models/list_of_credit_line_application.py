from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.credit_line_application import CreditLineApplication





T = TypeVar("T", bound="ListOfCreditLineApplication")



@_attrs_define
class ListOfCreditLineApplication:
    """ 
        Attributes:
            data (list[CreditLineApplication]):
            has_more (bool):
            url (str): The path this list answers, e.g. ``/v1/payments``.
            object_ (Literal['list'] | Unset):  Default: 'list'.
     """

    data: list[CreditLineApplication]
    has_more: bool
    url: str
    object_: Literal['list'] | Unset = 'list'





    def to_dict(self) -> dict[str, Any]:
        from ..models.credit_line_application import CreditLineApplication # noqa: PLC0415
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)



        has_more = self.has_more

        url = self.url

        object_ = self.object_


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "data": data,
            "has_more": has_more,
            "url": url,
        })
        if object_ is not UNSET:
            field_dict["object"] = object_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.credit_line_application import CreditLineApplication # noqa: PLC0415
        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in (_data):
            data_item = CreditLineApplication.from_dict(data_item_data)



            data.append(data_item)


        has_more = d.pop("has_more")

        url = d.pop("url")

        object_ = cast(Literal['list'] | Unset , d.pop("object", UNSET))
        if object_ != 'list'and not isinstance(object_, Unset):
            raise ValueError(f"object must match const 'list', got '{object_}'")

        list_of_credit_line_application = cls(
            data=data,
            has_more=has_more,
            url=url,
            object_=object_,
        )

        return list_of_credit_line_application

