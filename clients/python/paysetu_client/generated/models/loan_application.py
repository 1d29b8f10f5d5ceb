from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.application_state import ApplicationState
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.loan_application_metadata import LoanApplicationMetadata
  from ..models.underwriting import Underwriting





T = TypeVar("T", bound="LoanApplication")



@_attrs_define
class LoanApplication:
    """ 
        Attributes:
            amount_minor (int):
            created (int):
            currency (str):
            decided (int | None):
            decision_reason (None | str):
            id (str):
            lender (str):
            loan (None | str): The loan an approval created.
            merchant (str):
            metadata (LoanApplicationMetadata):
            object_ (Literal['loan_application']):
            product (str):
            purpose (str):
            status (ApplicationState):
            tenure_periods (int):
            underwriting (Underwriting): The underwriting policy's advice, computed and stored when the application was
                made.
     """

    amount_minor: int
    created: int
    currency: str
    decided: int | None
    decision_reason: None | str
    id: str
    lender: str
    loan: None | str
    merchant: str
    metadata: LoanApplicationMetadata
    object_: Literal['loan_application']
    product: str
    purpose: str
    status: ApplicationState
    tenure_periods: int
    underwriting: Underwriting





    def to_dict(self) -> dict[str, Any]:
        from ..models.loan_application_metadata import LoanApplicationMetadata # noqa: PLC0415
        from ..models.underwriting import Underwriting # noqa: PLC0415
        amount_minor = self.amount_minor

        created = self.created

        currency = self.currency

        decided: int | None
        decided = self.decided

        decision_reason: None | str
        decision_reason = self.decision_reason

        id = self.id

        lender = self.lender

        loan: None | str
        loan = self.loan

        merchant = self.merchant

        metadata = self.metadata.to_dict()

        object_ = self.object_

        product = self.product

        purpose = self.purpose

        status = self.status.value

        tenure_periods = self.tenure_periods

        underwriting = self.underwriting.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_minor": amount_minor,
            "created": created,
            "currency": currency,
            "decided": decided,
            "decision_reason": decision_reason,
            "id": id,
            "lender": lender,
            "loan": loan,
            "merchant": merchant,
            "metadata": metadata,
            "object": object_,
            "product": product,
            "purpose": purpose,
            "status": status,
            "tenure_periods": tenure_periods,
            "underwriting": underwriting,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.loan_application_metadata import LoanApplicationMetadata # noqa: PLC0415
        from ..models.underwriting import Underwriting # noqa: PLC0415
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        created = d.pop("created")

        currency = d.pop("currency")

        def _parse_decided(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        decided = _parse_decided(d.pop("decided"))


        def _parse_decision_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decision_reason = _parse_decision_reason(d.pop("decision_reason"))


        id = d.pop("id")

        lender = d.pop("lender")

        def _parse_loan(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        loan = _parse_loan(d.pop("loan"))


        merchant = d.pop("merchant")

        metadata = LoanApplicationMetadata.from_dict(d.pop("metadata"))




        object_ = cast(Literal['loan_application'] , d.pop("object"))
        if object_ != 'loan_application':
            raise ValueError(f"object must match const 'loan_application', got '{object_}'")

        product = d.pop("product")

        purpose = d.pop("purpose")

        status = ApplicationState(d.pop("status"))




        tenure_periods = d.pop("tenure_periods")

        underwriting = Underwriting.from_dict(d.pop("underwriting"))




        loan_application = cls(
            amount_minor=amount_minor,
            created=created,
            currency=currency,
            decided=decided,
            decision_reason=decision_reason,
            id=id,
            lender=lender,
            loan=loan,
            merchant=merchant,
            metadata=metadata,
            object_=object_,
            product=product,
            purpose=purpose,
            status=status,
            tenure_periods=tenure_periods,
            underwriting=underwriting,
        )

        return loan_application

