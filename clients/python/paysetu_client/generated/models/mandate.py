from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.mandate_frequency import MandateFrequency
from ..models.mandate_state import MandateState
from typing import cast
from typing import Literal, cast






T = TypeVar("T", bound="Mandate")



@_attrs_define
class Mandate:
    """ 
        Attributes:
            amount_max_minor (int):
            created (int):
            currency (str):
            customer (str):
            frequency (MandateFrequency):
            id (str):
            last_debit_at (int | None):
            merchant (str):
            object_ (Literal['mandate']):
            payee (str): The merchant as its customers see it (legal name masked).
            purpose (str):
            status (MandateState):
            valid_until (int):
            wallet (str):
     """

    amount_max_minor: int
    created: int
    currency: str
    customer: str
    frequency: MandateFrequency
    id: str
    last_debit_at: int | None
    merchant: str
    object_: Literal['mandate']
    payee: str
    purpose: str
    status: MandateState
    valid_until: int
    wallet: str





    def to_dict(self) -> dict[str, Any]:
        amount_max_minor = self.amount_max_minor

        created = self.created

        currency = self.currency

        customer = self.customer

        frequency = self.frequency.value

        id = self.id

        last_debit_at: int | None
        last_debit_at = self.last_debit_at

        merchant = self.merchant

        object_ = self.object_

        payee = self.payee

        purpose = self.purpose

        status = self.status.value

        valid_until = self.valid_until

        wallet = self.wallet


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_max_minor": amount_max_minor,
            "created": created,
            "currency": currency,
            "customer": customer,
            "frequency": frequency,
            "id": id,
            "last_debit_at": last_debit_at,
            "merchant": merchant,
            "object": object_,
            "payee": payee,
            "purpose": purpose,
            "status": status,
            "valid_until": valid_until,
            "wallet": wallet,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_max_minor = d.pop("amount_max_minor")

        created = d.pop("created")

        currency = d.pop("currency")

        customer = d.pop("customer")

        frequency = MandateFrequency(d.pop("frequency"))




        id = d.pop("id")

        def _parse_last_debit_at(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        last_debit_at = _parse_last_debit_at(d.pop("last_debit_at"))


        merchant = d.pop("merchant")

        object_ = cast(Literal['mandate'] , d.pop("object"))
        if object_ != 'mandate':
            raise ValueError(f"object must match const 'mandate', got '{object_}'")

        payee = d.pop("payee")

        purpose = d.pop("purpose")

        status = MandateState(d.pop("status"))




        valid_until = d.pop("valid_until")

        wallet = d.pop("wallet")

        mandate = cls(
            amount_max_minor=amount_max_minor,
            created=created,
            currency=currency,
            customer=customer,
            frequency=frequency,
            id=id,
            last_debit_at=last_debit_at,
            merchant=merchant,
            object_=object_,
            payee=payee,
            purpose=purpose,
            status=status,
            valid_until=valid_until,
            wallet=wallet,
        )

        return mandate

