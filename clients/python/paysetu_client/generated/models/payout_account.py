from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.bank_code_scheme import BankCodeScheme
from ..models.payout_scheme import PayoutScheme
from typing import cast
from typing import Literal, cast






T = TypeVar("T", bound="PayoutAccount")



@_attrs_define
class PayoutAccount:
    """ Where a merchant is paid in one currency; ``iban`` and ``account_number`` are masked
    (the last four characters only).

        Attributes:
            account_number (None | str):
            active (bool): The account paid now; a new one replaces it.
            bank_code (None | str):
            bank_code_scheme (BankCodeScheme | None):
            bic (None | str):
            country (str):
            created (int):
            currency (str):
            holder_name (str):
            iban (None | str):
            id (str):
            merchant (str):
            object_ (Literal['payout_account']):
            scheme (PayoutScheme):
     """

    account_number: None | str
    active: bool
    bank_code: None | str
    bank_code_scheme: BankCodeScheme | None
    bic: None | str
    country: str
    created: int
    currency: str
    holder_name: str
    iban: None | str
    id: str
    merchant: str
    object_: Literal['payout_account']
    scheme: PayoutScheme





    def to_dict(self) -> dict[str, Any]:
        account_number: None | str
        account_number = self.account_number

        active = self.active

        bank_code: None | str
        bank_code = self.bank_code

        bank_code_scheme: None | str
        if isinstance(self.bank_code_scheme, BankCodeScheme):
            bank_code_scheme = self.bank_code_scheme.value
        else:
            bank_code_scheme = self.bank_code_scheme

        bic: None | str
        bic = self.bic

        country = self.country

        created = self.created

        currency = self.currency

        holder_name = self.holder_name

        iban: None | str
        iban = self.iban

        id = self.id

        merchant = self.merchant

        object_ = self.object_

        scheme = self.scheme.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "account_number": account_number,
            "active": active,
            "bank_code": bank_code,
            "bank_code_scheme": bank_code_scheme,
            "bic": bic,
            "country": country,
            "created": created,
            "currency": currency,
            "holder_name": holder_name,
            "iban": iban,
            "id": id,
            "merchant": merchant,
            "object": object_,
            "scheme": scheme,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_account_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        account_number = _parse_account_number(d.pop("account_number"))


        active = d.pop("active")

        def _parse_bank_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        bank_code = _parse_bank_code(d.pop("bank_code"))


        def _parse_bank_code_scheme(data: object) -> BankCodeScheme | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                bank_code_scheme_type_0 = BankCodeScheme(data)



                return bank_code_scheme_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BankCodeScheme | None, data)

        bank_code_scheme = _parse_bank_code_scheme(d.pop("bank_code_scheme"))


        def _parse_bic(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        bic = _parse_bic(d.pop("bic"))


        country = d.pop("country")

        created = d.pop("created")

        currency = d.pop("currency")

        holder_name = d.pop("holder_name")

        def _parse_iban(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        iban = _parse_iban(d.pop("iban"))


        id = d.pop("id")

        merchant = d.pop("merchant")

        object_ = cast(Literal['payout_account'] , d.pop("object"))
        if object_ != 'payout_account':
            raise ValueError(f"object must match const 'payout_account', got '{object_}'")

        scheme = PayoutScheme(d.pop("scheme"))




        payout_account = cls(
            account_number=account_number,
            active=active,
            bank_code=bank_code,
            bank_code_scheme=bank_code_scheme,
            bic=bic,
            country=country,
            created=created,
            currency=currency,
            holder_name=holder_name,
            iban=iban,
            id=id,
            merchant=merchant,
            object_=object_,
            scheme=scheme,
        )

        return payout_account

