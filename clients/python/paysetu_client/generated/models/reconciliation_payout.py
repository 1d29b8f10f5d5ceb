from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.payout_status import PayoutStatus






T = TypeVar("T", bound="ReconciliationPayout")



@_attrs_define
class ReconciliationPayout:
    """ The payout a report line names.

        Attributes:
            amount_minor (int):
            currency (str):
            id (str):
            merchant (str):
            status (PayoutStatus):
     """

    amount_minor: int
    currency: str
    id: str
    merchant: str
    status: PayoutStatus





    def to_dict(self) -> dict[str, Any]:
        amount_minor = self.amount_minor

        currency = self.currency

        id = self.id

        merchant = self.merchant

        status = self.status.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_minor": amount_minor,
            "currency": currency,
            "id": id,
            "merchant": merchant,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        currency = d.pop("currency")

        id = d.pop("id")

        merchant = d.pop("merchant")

        status = PayoutStatus(d.pop("status"))




        reconciliation_payout = cls(
            amount_minor=amount_minor,
            currency=currency,
            id=id,
            merchant=merchant,
            status=status,
        )

        return reconciliation_payout

