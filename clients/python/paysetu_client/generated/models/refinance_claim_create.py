from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="RefinanceClaimCreate")



@_attrs_define
class RefinanceClaimCreate:
    """ 
        Attributes:
            share_bps (int): The agreed share of each loan's outstanding principal the apex refinances, 1-10,000 basis
                points.
            currency (str | Unset): ISO 4217 code of the loans. Default: 'INR'.
            lender (None | str | Unset): The claiming lender (lnd_...); platform keys only (a lender key claims for itself).
            loans (list[str] | None | Unset): Only these loans (each must be eligible); default: every active standard loan
                of the lender in the currency not refinanced yet.
     """

    share_bps: int
    currency: str | Unset = 'INR'
    lender: None | str | Unset = UNSET
    loans: list[str] | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        share_bps = self.share_bps

        currency = self.currency

        lender: None | str | Unset
        if isinstance(self.lender, Unset):
            lender = UNSET
        else:
            lender = self.lender

        loans: list[str] | None | Unset
        if isinstance(self.loans, Unset):
            loans = UNSET
        elif isinstance(self.loans, list):
            loans = self.loans


        else:
            loans = self.loans


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "share_bps": share_bps,
        })
        if currency is not UNSET:
            field_dict["currency"] = currency
        if lender is not UNSET:
            field_dict["lender"] = lender
        if loans is not UNSET:
            field_dict["loans"] = loans

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        share_bps = d.pop("share_bps")

        currency = d.pop("currency", UNSET)

        def _parse_lender(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lender = _parse_lender(d.pop("lender", UNSET))


        def _parse_loans(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                loans_type_0 = cast(list[str], data)

                return loans_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        loans = _parse_loans(d.pop("loans", UNSET))


        refinance_claim_create = cls(
            share_bps=share_bps,
            currency=currency,
            lender=lender,
            loans=loans,
        )

        return refinance_claim_create

