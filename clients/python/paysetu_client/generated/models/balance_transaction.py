from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast






T = TypeVar("T", bound="BalanceTransaction")



@_attrs_define
class BalanceTransaction:
    """ ``amount_minor`` is gross: ``net_minor`` plus the fee taken in the same entry.

        Attributes:
            amount_minor (int):
            balance (str): Which balance moved: available, pending or escrow.
            created (int):
            currency (str):
            fee_minor (int):
            id (str):
            journal_entry (str):
            merchant (str):
            net_minor (int):
            object_ (Literal['balance_transaction']):
            source (None | str):
            type_ (str):
     """

    amount_minor: int
    balance: str
    created: int
    currency: str
    fee_minor: int
    id: str
    journal_entry: str
    merchant: str
    net_minor: int
    object_: Literal['balance_transaction']
    source: None | str
    type_: str





    def to_dict(self) -> dict[str, Any]:
        amount_minor = self.amount_minor

        balance = self.balance

        created = self.created

        currency = self.currency

        fee_minor = self.fee_minor

        id = self.id

        journal_entry = self.journal_entry

        merchant = self.merchant

        net_minor = self.net_minor

        object_ = self.object_

        source: None | str
        source = self.source

        type_ = self.type_


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_minor": amount_minor,
            "balance": balance,
            "created": created,
            "currency": currency,
            "fee_minor": fee_minor,
            "id": id,
            "journal_entry": journal_entry,
            "merchant": merchant,
            "net_minor": net_minor,
            "object": object_,
            "source": source,
            "type": type_,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        balance = d.pop("balance")

        created = d.pop("created")

        currency = d.pop("currency")

        fee_minor = d.pop("fee_minor")

        id = d.pop("id")

        journal_entry = d.pop("journal_entry")

        merchant = d.pop("merchant")

        net_minor = d.pop("net_minor")

        object_ = cast(Literal['balance_transaction'] , d.pop("object"))
        if object_ != 'balance_transaction':
            raise ValueError(f"object must match const 'balance_transaction', got '{object_}'")

        def _parse_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source = _parse_source(d.pop("source"))


        type_ = d.pop("type")

        balance_transaction = cls(
            amount_minor=amount_minor,
            balance=balance,
            created=created,
            currency=currency,
            fee_minor=fee_minor,
            id=id,
            journal_entry=journal_entry,
            merchant=merchant,
            net_minor=net_minor,
            object_=object_,
            source=source,
            type_=type_,
        )

        return balance_transaction

