from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.loan_application_create_metadata import LoanApplicationCreateMetadata





T = TypeVar("T", bound="LoanApplicationCreate")



@_attrs_define
class LoanApplicationCreate:
    """ 
        Attributes:
            amount_minor (int): Within the product's band, minor units.
            lender (str): The member lender (lnd_...) asked.
            product (str): The loan product (lpr_...), e.g. `lpr_pmmy_kishore`.
            purpose (str): What the money is for, 1-500 characters.
            tenure_periods (int): Number of installments (months or weeks, by the product's frequency).
            merchant (None | str | Unset): The borrowing merchant (mer_...); platform keys only (a merchant key applies for
                itself).
            metadata (LoanApplicationCreateMetadata | Unset):
     """

    amount_minor: int
    lender: str
    product: str
    purpose: str
    tenure_periods: int
    merchant: None | str | Unset = UNSET
    metadata: LoanApplicationCreateMetadata | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.loan_application_create_metadata import LoanApplicationCreateMetadata # noqa: PLC0415
        amount_minor = self.amount_minor

        lender = self.lender

        product = self.product

        purpose = self.purpose

        tenure_periods = self.tenure_periods

        merchant: None | str | Unset
        if isinstance(self.merchant, Unset):
            merchant = UNSET
        else:
            merchant = self.merchant

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_minor": amount_minor,
            "lender": lender,
            "product": product,
            "purpose": purpose,
            "tenure_periods": tenure_periods,
        })
        if merchant is not UNSET:
            field_dict["merchant"] = merchant
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.loan_application_create_metadata import LoanApplicationCreateMetadata # noqa: PLC0415
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        lender = d.pop("lender")

        product = d.pop("product")

        purpose = d.pop("purpose")

        tenure_periods = d.pop("tenure_periods")

        def _parse_merchant(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        merchant = _parse_merchant(d.pop("merchant", UNSET))


        _metadata = d.pop("metadata", UNSET)
        metadata: LoanApplicationCreateMetadata | Unset
        if isinstance(_metadata,  Unset):
            metadata = UNSET
        else:
            metadata = LoanApplicationCreateMetadata.from_dict(_metadata)




        loan_application_create = cls(
            amount_minor=amount_minor,
            lender=lender,
            product=product,
            purpose=purpose,
            tenure_periods=tenure_periods,
            merchant=merchant,
            metadata=metadata,
        )

        return loan_application_create

