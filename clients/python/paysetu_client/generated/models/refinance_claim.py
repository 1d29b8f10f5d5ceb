from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import Literal, cast






T = TypeVar("T", bound="RefinanceClaim")



@_attrs_define
class RefinanceClaim:
    """ 
        Attributes:
            amount_minor (int): What the apex paid.
            apex (str):
            created (int):
            credit_lines (int): Credit lines among them.
            currency (str):
            id (str):
            journal_entry (str):
            lender (str):
            loans (int): Loans and credit lines refinanced.
            object_ (Literal['refinance_claim']):
            owed_minor (int):
            passed_minor (int): Passed back to the apex from repayments so far.
            principal_minor (int): Outstanding principal of the loans (drawn balance of the lines) at the claim.
            share_bps (int):
     """

    amount_minor: int
    apex: str
    created: int
    credit_lines: int
    currency: str
    id: str
    journal_entry: str
    lender: str
    loans: int
    object_: Literal['refinance_claim']
    owed_minor: int
    passed_minor: int
    principal_minor: int
    share_bps: int





    def to_dict(self) -> dict[str, Any]:
        amount_minor = self.amount_minor

        apex = self.apex

        created = self.created

        credit_lines = self.credit_lines

        currency = self.currency

        id = self.id

        journal_entry = self.journal_entry

        lender = self.lender

        loans = self.loans

        object_ = self.object_

        owed_minor = self.owed_minor

        passed_minor = self.passed_minor

        principal_minor = self.principal_minor

        share_bps = self.share_bps


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_minor": amount_minor,
            "apex": apex,
            "created": created,
            "credit_lines": credit_lines,
            "currency": currency,
            "id": id,
            "journal_entry": journal_entry,
            "lender": lender,
            "loans": loans,
            "object": object_,
            "owed_minor": owed_minor,
            "passed_minor": passed_minor,
            "principal_minor": principal_minor,
            "share_bps": share_bps,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        apex = d.pop("apex")

        created = d.pop("created")

        credit_lines = d.pop("credit_lines")

        currency = d.pop("currency")

        id = d.pop("id")

        journal_entry = d.pop("journal_entry")

        lender = d.pop("lender")

        loans = d.pop("loans")

        object_ = cast(Literal['refinance_claim'] , d.pop("object"))
        if object_ != 'refinance_claim':
            raise ValueError(f"object must match const 'refinance_claim', got '{object_}'")

        owed_minor = d.pop("owed_minor")

        passed_minor = d.pop("passed_minor")

        principal_minor = d.pop("principal_minor")

        share_bps = d.pop("share_bps")

        refinance_claim = cls(
            amount_minor=amount_minor,
            apex=apex,
            created=created,
            credit_lines=credit_lines,
            currency=currency,
            id=id,
            journal_entry=journal_entry,
            lender=lender,
            loans=loans,
            object_=object_,
            owed_minor=owed_minor,
            passed_minor=passed_minor,
            principal_minor=principal_minor,
            share_bps=share_bps,
        )

        return refinance_claim

