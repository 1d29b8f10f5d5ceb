from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.payment_state import PaymentState
from typing import cast
from typing import Literal, cast






T = TypeVar("T", bound="PaymentApproval")



@_attrs_define
class PaymentApproval:
    """ 
        Attributes:
            amount_minor (int):
            created (int):
            currency (str):
            description (None | str):
            expires_at (int | None):
            id (str):
            mandate (None | str):
            object_ (Literal['payment_approval']):
            payee (str): The merchant's legal name, masked.
            presentment_amount_minor (int | None):
            presentment_currency (None | str):
            status (PaymentState):
            wallet (str):
     """

    amount_minor: int
    created: int
    currency: str
    description: None | str
    expires_at: int | None
    id: str
    mandate: None | str
    object_: Literal['payment_approval']
    payee: str
    presentment_amount_minor: int | None
    presentment_currency: None | str
    status: PaymentState
    wallet: str





    def to_dict(self) -> dict[str, Any]:
        amount_minor = self.amount_minor

        created = self.created

        currency = self.currency

        description: None | str
        description = self.description

        expires_at: int | None
        expires_at = self.expires_at

        id = self.id

        mandate: None | str
        mandate = self.mandate

        object_ = self.object_

        payee = self.payee

        presentment_amount_minor: int | None
        presentment_amount_minor = self.presentment_amount_minor

        presentment_currency: None | str
        presentment_currency = self.presentment_currency

        status = self.status.value

        wallet = self.wallet


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_minor": amount_minor,
            "created": created,
            "currency": currency,
            "description": description,
            "expires_at": expires_at,
            "id": id,
            "mandate": mandate,
            "object": object_,
            "payee": payee,
            "presentment_amount_minor": presentment_amount_minor,
            "presentment_currency": presentment_currency,
            "status": status,
            "wallet": wallet,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        created = d.pop("created")

        currency = d.pop("currency")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))


        def _parse_expires_at(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))


        id = d.pop("id")

        def _parse_mandate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        mandate = _parse_mandate(d.pop("mandate"))


        object_ = cast(Literal['payment_approval'] , d.pop("object"))
        if object_ != 'payment_approval':
            raise ValueError(f"object must match const 'payment_approval', got '{object_}'")

        payee = d.pop("payee")

        def _parse_presentment_amount_minor(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        presentment_amount_minor = _parse_presentment_amount_minor(d.pop("presentment_amount_minor"))


        def _parse_presentment_currency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        presentment_currency = _parse_presentment_currency(d.pop("presentment_currency"))


        status = PaymentState(d.pop("status"))




        wallet = d.pop("wallet")

        payment_approval = cls(
            amount_minor=amount_minor,
            created=created,
            currency=currency,
            description=description,
            expires_at=expires_at,
            id=id,
            mandate=mandate,
            object_=object_,
            payee=payee,
            presentment_amount_minor=presentment_amount_minor,
            presentment_currency=presentment_currency,
            status=status,
            wallet=wallet,
        )

        return payment_approval

