from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.customer_approval import CustomerApproval





T = TypeVar("T", bound="NextAction")



@_attrs_define
class NextAction:
    """ 
        Attributes:
            customer_approval (CustomerApproval):
            type_ (Literal['customer_approval']):
     """

    customer_approval: CustomerApproval
    type_: Literal['customer_approval']





    def to_dict(self) -> dict[str, Any]:
        from ..models.customer_approval import CustomerApproval # noqa: PLC0415
        customer_approval = self.customer_approval.to_dict()

        type_ = self.type_


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "customer_approval": customer_approval,
            "type": type_,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_approval import CustomerApproval # noqa: PLC0415
        d = dict(src_dict)
        customer_approval = CustomerApproval.from_dict(d.pop("customer_approval"))




        type_ = cast(Literal['customer_approval'] , d.pop("type"))
        if type_ != 'customer_approval':
            raise ValueError(f"type must match const 'customer_approval', got '{type_}'")

        next_action = cls(
            customer_approval=customer_approval,
            type_=type_,
        )

        return next_action

