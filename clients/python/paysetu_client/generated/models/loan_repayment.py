from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.repayment_source import RepaymentSource
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.installment_allocation import InstallmentAllocation
  from ..models.lump_allocation import LumpAllocation





T = TypeVar("T", bound="LoanRepayment")



@_attrs_define
class LoanRepayment:
    """ ``amount_minor`` is the sum of the four parts; ``returned_minor`` was offered beyond
    what could be applied and left with the merchant.

        Attributes:
            allocation (list[InstallmentAllocation | LumpAllocation]):
            amount_minor (int):
            created (int):
            currency (str):
            fees_minor (int):
            id (str):
            interest_minor (int):
            journal_entry (str):
            loan (str):
            merchant (str):
            object_ (Literal['loan_repayment']):
            paid_on (str):
            penalty_minor (int):
            principal_minor (int):
            returned_minor (int):
            source (RepaymentSource):
     """

    allocation: list[InstallmentAllocation | LumpAllocation]
    amount_minor: int
    created: int
    currency: str
    fees_minor: int
    id: str
    interest_minor: int
    journal_entry: str
    loan: str
    merchant: str
    object_: Literal['loan_repayment']
    paid_on: str
    penalty_minor: int
    principal_minor: int
    returned_minor: int
    source: RepaymentSource





    def to_dict(self) -> dict[str, Any]:
        from ..models.installment_allocation import InstallmentAllocation # noqa: PLC0415
        from ..models.lump_allocation import LumpAllocation # noqa: PLC0415
        allocation = []
        for allocation_item_data in self.allocation:
            allocation_item: dict[str, Any]
            if isinstance(allocation_item_data, InstallmentAllocation):
                allocation_item = allocation_item_data.to_dict()
            else:
                allocation_item = allocation_item_data.to_dict()

            allocation.append(allocation_item)



        amount_minor = self.amount_minor

        created = self.created

        currency = self.currency

        fees_minor = self.fees_minor

        id = self.id

        interest_minor = self.interest_minor

        journal_entry = self.journal_entry

        loan = self.loan

        merchant = self.merchant

        object_ = self.object_

        paid_on = self.paid_on

        penalty_minor = self.penalty_minor

        principal_minor = self.principal_minor

        returned_minor = self.returned_minor

        source = self.source.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "allocation": allocation,
            "amount_minor": amount_minor,
            "created": created,
            "currency": currency,
            "fees_minor": fees_minor,
            "id": id,
            "interest_minor": interest_minor,
            "journal_entry": journal_entry,
            "loan": loan,
            "merchant": merchant,
            "object": object_,
            "paid_on": paid_on,
            "penalty_minor": penalty_minor,
            "principal_minor": principal_minor,
            "returned_minor": returned_minor,
            "source": source,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.installment_allocation import InstallmentAllocation # noqa: PLC0415
        from ..models.lump_allocation import LumpAllocation # noqa: PLC0415
        d = dict(src_dict)
        allocation = []
        _allocation = d.pop("allocation")
        for allocation_item_data in (_allocation):
            def _parse_allocation_item(data: object) -> InstallmentAllocation | LumpAllocation:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    allocation_item_type_0 = InstallmentAllocation.from_dict(data)



                    return allocation_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                allocation_item_type_1 = LumpAllocation.from_dict(data)



                return allocation_item_type_1

            allocation_item = _parse_allocation_item(allocation_item_data)

            allocation.append(allocation_item)


        amount_minor = d.pop("amount_minor")

        created = d.pop("created")

        currency = d.pop("currency")

        fees_minor = d.pop("fees_minor")

        id = d.pop("id")

        interest_minor = d.pop("interest_minor")

        journal_entry = d.pop("journal_entry")

        loan = d.pop("loan")

        merchant = d.pop("merchant")

        object_ = cast(Literal['loan_repayment'] , d.pop("object"))
        if object_ != 'loan_repayment':
            raise ValueError(f"object must match const 'loan_repayment', got '{object_}'")

        paid_on = d.pop("paid_on")

        penalty_minor = d.pop("penalty_minor")

        principal_minor = d.pop("principal_minor")

        returned_minor = d.pop("returned_minor")

        source = RepaymentSource(d.pop("source"))




        loan_repayment = cls(
            allocation=allocation,
            amount_minor=amount_minor,
            created=created,
            currency=currency,
            fees_minor=fees_minor,
            id=id,
            interest_minor=interest_minor,
            journal_entry=journal_entry,
            loan=loan,
            merchant=merchant,
            object_=object_,
            paid_on=paid_on,
            penalty_minor=penalty_minor,
            principal_minor=principal_minor,
            returned_minor=returned_minor,
            source=source,
        )

        return loan_repayment

