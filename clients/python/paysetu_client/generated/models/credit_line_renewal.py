from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="CreditLineRenewal")



@_attrs_define
class CreditLineRenewal:
    """ 
        Attributes:
            review_due (str): The next review date, YYYY-MM-DD, within a year.
            limit_minor (int | None | Unset): A new limit, if any.
            rate_bps (int | None | Unset): A new rate, if any.
     """

    review_due: str
    limit_minor: int | None | Unset = UNSET
    rate_bps: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        review_due = self.review_due

        limit_minor: int | None | Unset
        if isinstance(self.limit_minor, Unset):
            limit_minor = UNSET
        else:
            limit_minor = self.limit_minor

        rate_bps: int | None | Unset
        if isinstance(self.rate_bps, Unset):
            rate_bps = UNSET
        else:
            rate_bps = self.rate_bps


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "review_due": review_due,
        })
        if limit_minor is not UNSET:
            field_dict["limit_minor"] = limit_minor
        if rate_bps is not UNSET:
            field_dict["rate_bps"] = rate_bps

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        review_due = d.pop("review_due")

        def _parse_limit_minor(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        limit_minor = _parse_limit_minor(d.pop("limit_minor", UNSET))


        def _parse_rate_bps(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rate_bps = _parse_rate_bps(d.pop("rate_bps", UNSET))


        credit_line_renewal = cls(
            review_due=review_due,
            limit_minor=limit_minor,
            rate_bps=rate_bps,
        )

        return credit_line_renewal

