from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.customer_approval_reason import CustomerApprovalReason






T = TypeVar("T", bound="CustomerApproval")



@_attrs_define
class CustomerApproval:
    """ 
        Attributes:
            expires_at (int): Unanswered by then, the payment is canceled.
            reason (CustomerApprovalReason): No mandate covers the payment, or it is above the mandate's extra-approval
                threshold (RBI: ₹15,000).
            url (str): The wallet page where the customer approves with the PIN (or refuses).
     """

    expires_at: int
    reason: CustomerApprovalReason
    url: str





    def to_dict(self) -> dict[str, Any]:
        expires_at = self.expires_at

        reason = self.reason.value

        url = self.url


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "expires_at": expires_at,
            "reason": reason,
            "url": url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expires_at = d.pop("expires_at")

        reason = CustomerApprovalReason(d.pop("reason"))




        url = d.pop("url")

        customer_approval = cls(
            expires_at=expires_at,
            reason=reason,
            url=url,
        )

        return customer_approval

