from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import Literal, cast






T = TypeVar("T", bound="Wallet")



@_attrs_define
class Wallet:
    """ 
        Attributes:
            available_minor (int): What the customer can spend now.
            balance_minor (int): Posted balance, minor units.
            created (int):
            currency (str):
            customer (str):
            id (str):
            ledger_account (str):
            object_ (Literal['wallet']):
            pending_minor (int): Held by authorisations not yet captured.
     """

    available_minor: int
    balance_minor: int
    created: int
    currency: str
    customer: str
    id: str
    ledger_account: str
    object_: Literal['wallet']
    pending_minor: int





    def to_dict(self) -> dict[str, Any]:
        available_minor = self.available_minor

        balance_minor = self.balance_minor

        created = self.created

        currency = self.currency

        customer = self.customer

        id = self.id

        ledger_account = self.ledger_account

        object_ = self.object_

        pending_minor = self.pending_minor


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "available_minor": available_minor,
            "balance_minor": balance_minor,
            "created": created,
            "currency": currency,
            "customer": customer,
            "id": id,
            "ledger_account": ledger_account,
            "object": object_,
            "pending_minor": pending_minor,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        available_minor = d.pop("available_minor")

        balance_minor = d.pop("balance_minor")

        created = d.pop("created")

        currency = d.pop("currency")

        customer = d.pop("customer")

        id = d.pop("id")

        ledger_account = d.pop("ledger_account")

        object_ = cast(Literal['wallet'] , d.pop("object"))
        if object_ != 'wallet':
            raise ValueError(f"object must match const 'wallet', got '{object_}'")

        pending_minor = d.pop("pending_minor")

        wallet = cls(
            available_minor=available_minor,
            balance_minor=balance_minor,
            created=created,
            currency=currency,
            customer=customer,
            id=id,
            ledger_account=ledger_account,
            object_=object_,
            pending_minor=pending_minor,
        )

        return wallet

