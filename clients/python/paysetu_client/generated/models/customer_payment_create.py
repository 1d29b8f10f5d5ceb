from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="CustomerPaymentCreate")



@_attrs_define
class CustomerPaymentCreate:
    """ 
        Attributes:
            amount_minor (int): In minor units of `currency`.
            currency (str): ISO 4217; paid from the customer's wallet in it.
            merchant (str): The merchant paid (the `merchant` of its QR code).
            pin (str): The payment PIN.
            request_key (str): One per payment the customer means (1 to 64 characters): a repeat answers the first payment.
            description (None | str | Unset):
     """

    amount_minor: int
    currency: str
    merchant: str
    pin: str
    request_key: str
    description: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        amount_minor = self.amount_minor

        currency = self.currency

        merchant = self.merchant

        pin = self.pin

        request_key = self.request_key

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_minor": amount_minor,
            "currency": currency,
            "merchant": merchant,
            "pin": pin,
            "request_key": request_key,
        })
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        currency = d.pop("currency")

        merchant = d.pop("merchant")

        pin = d.pop("pin")

        request_key = d.pop("request_key")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        customer_payment_create = cls(
            amount_minor=amount_minor,
            currency=currency,
            merchant=merchant,
            pin=pin,
            request_key=request_key,
            description=description,
        )

        return customer_payment_create

