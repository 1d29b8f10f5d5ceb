from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="LoanApplicationApprove")



@_attrs_define
class LoanApplicationApprove:
    """ 
        Attributes:
            rate_bps (int): Annual rate in basis points, within the product's range.
            amount_minor (int | None | Unset): A changed amount (needs a reason); default: as asked.
            reason (None | str | Unset): Why the terms changed, 1-500 chars.
            tenure_periods (int | None | Unset): A changed tenure (needs a reason); default: as asked.
     """

    rate_bps: int
    amount_minor: int | None | Unset = UNSET
    reason: None | str | Unset = UNSET
    tenure_periods: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        rate_bps = self.rate_bps

        amount_minor: int | None | Unset
        if isinstance(self.amount_minor, Unset):
            amount_minor = UNSET
        else:
            amount_minor = self.amount_minor

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        tenure_periods: int | None | Unset
        if isinstance(self.tenure_periods, Unset):
            tenure_periods = UNSET
        else:
            tenure_periods = self.tenure_periods


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "rate_bps": rate_bps,
        })
        if amount_minor is not UNSET:
            field_dict["amount_minor"] = amount_minor
        if reason is not UNSET:
            field_dict["reason"] = reason
        if tenure_periods is not UNSET:
            field_dict["tenure_periods"] = tenure_periods

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rate_bps = d.pop("rate_bps")

        def _parse_amount_minor(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount_minor = _parse_amount_minor(d.pop("amount_minor", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        def _parse_tenure_periods(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        tenure_periods = _parse_tenure_periods(d.pop("tenure_periods", UNSET))


        loan_application_approve = cls(
            rate_bps=rate_bps,
            amount_minor=amount_minor,
            reason=reason,
            tenure_periods=tenure_periods,
        )

        return loan_application_approve

