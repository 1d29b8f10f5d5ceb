from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import Literal, cast






T = TypeVar("T", bound="AlipayPaymentCode")



@_attrs_define
class AlipayPaymentCode:
    """ A one-time payment code (the buyer's barcode), valid for two minutes.

        Attributes:
            code (str): 18 digits, ``28`` first.
            expires_at (int):
            object_ (Literal['alipay_payment_code']):
            wallet (str):
     """

    code: str
    expires_at: int
    object_: Literal['alipay_payment_code']
    wallet: str





    def to_dict(self) -> dict[str, Any]:
        code = self.code

        expires_at = self.expires_at

        object_ = self.object_

        wallet = self.wallet


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "code": code,
            "expires_at": expires_at,
            "object": object_,
            "wallet": wallet,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        expires_at = d.pop("expires_at")

        object_ = cast(Literal['alipay_payment_code'] , d.pop("object"))
        if object_ != 'alipay_payment_code':
            raise ValueError(f"object must match const 'alipay_payment_code', got '{object_}'")

        wallet = d.pop("wallet")

        alipay_payment_code = cls(
            code=code,
            expires_at=expires_at,
            object_=object_,
            wallet=wallet,
        )

        return alipay_payment_code

