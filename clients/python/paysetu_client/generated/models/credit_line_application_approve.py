from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="CreditLineApplicationApprove")



@_attrs_define
class CreditLineApplicationApprove:
    """ 
        Attributes:
            rate_bps (int): Annual rate, within the category product's range.
            review_due (str): Annual review date, YYYY-MM-DD, within a year.
            limit_minor (int | None | Unset): Another limit (needs a reason); default: as asked.
            reason (None | str | Unset): Why, 1-500 characters: needed to change the limit or to approve against an advice
                to decline.
     """

    rate_bps: int
    review_due: str
    limit_minor: int | None | Unset = UNSET
    reason: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        rate_bps = self.rate_bps

        review_due = self.review_due

        limit_minor: int | None | Unset
        if isinstance(self.limit_minor, Unset):
            limit_minor = UNSET
        else:
            limit_minor = self.limit_minor

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "rate_bps": rate_bps,
            "review_due": review_due,
        })
        if limit_minor is not UNSET:
            field_dict["limit_minor"] = limit_minor
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rate_bps = d.pop("rate_bps")

        review_due = d.pop("review_due")

        def _parse_limit_minor(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        limit_minor = _parse_limit_minor(d.pop("limit_minor", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        credit_line_application_approve = cls(
            rate_bps=rate_bps,
            review_due=review_due,
            limit_minor=limit_minor,
            reason=reason,
        )

        return credit_line_application_approve

