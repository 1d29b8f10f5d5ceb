from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.credit_line_create_metadata import CreditLineCreateMetadata





T = TypeVar("T", bound="CreditLineCreate")



@_attrs_define
class CreditLineCreate:
    """ 
        Attributes:
            category (str): PMMY category whose band holds the limit: `shishu`, `kishore`, `tarun`, `tarun_plus`.
            limit_minor (int): Sanctioned limit, minor units.
            merchant (str): The borrowing merchant (mer_...).
            rate_bps (int): Annual rate, within the category product's range.
            review_due (str): Annual review date, YYYY-MM-DD, within a year.
            currency (str | Unset): ISO 4217 code. Default: 'INR'.
            lender (None | str | Unset): The lender (lnd_...); platform keys only (a lender key sanctions for itself).
            metadata (CreditLineCreateMetadata | Unset):
     """

    category: str
    limit_minor: int
    merchant: str
    rate_bps: int
    review_due: str
    currency: str | Unset = 'INR'
    lender: None | str | Unset = UNSET
    metadata: CreditLineCreateMetadata | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.credit_line_create_metadata import CreditLineCreateMetadata # noqa: PLC0415
        category = self.category

        limit_minor = self.limit_minor

        merchant = self.merchant

        rate_bps = self.rate_bps

        review_due = self.review_due

        currency = self.currency

        lender: None | str | Unset
        if isinstance(self.lender, Unset):
            lender = UNSET
        else:
            lender = self.lender

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "category": category,
            "limit_minor": limit_minor,
            "merchant": merchant,
            "rate_bps": rate_bps,
            "review_due": review_due,
        })
        if currency is not UNSET:
            field_dict["currency"] = currency
        if lender is not UNSET:
            field_dict["lender"] = lender
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.credit_line_create_metadata import CreditLineCreateMetadata # noqa: PLC0415
        d = dict(src_dict)
        category = d.pop("category")

        limit_minor = d.pop("limit_minor")

        merchant = d.pop("merchant")

        rate_bps = d.pop("rate_bps")

        review_due = d.pop("review_due")

        currency = d.pop("currency", UNSET)

        def _parse_lender(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lender = _parse_lender(d.pop("lender", UNSET))


        _metadata = d.pop("metadata", UNSET)
        metadata: CreditLineCreateMetadata | Unset
        if isinstance(_metadata,  Unset):
            metadata = UNSET
        else:
            metadata = CreditLineCreateMetadata.from_dict(_metadata)




        credit_line_create = cls(
            category=category,
            limit_minor=limit_minor,
            merchant=merchant,
            rate_bps=rate_bps,
            review_due=review_due,
            currency=currency,
            lender=lender,
            metadata=metadata,
        )

        return credit_line_create

