from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PayoutAccountCreate")



@_attrs_define
class PayoutAccountCreate:
    """ 
        Attributes:
            currency (str): ISO 4217 currency paid to this account.
            holder_name (str): The account holder, 1-140 characters.
            account_number (None | str | Unset): Local account number (with bank_code), India: 9-18 digits.
            bank_code (None | str | Unset): India: the branch's IFSC.
            bic (None | str | Unset): BIC of the IBAN's bank, 8 or 11.
            country (None | str | Unset): Local accounts: ISO 3166, e.g. IN.
            iban (None | str | Unset): IBAN (with bic); spaces are ignored.
     """

    currency: str
    holder_name: str
    account_number: None | str | Unset = UNSET
    bank_code: None | str | Unset = UNSET
    bic: None | str | Unset = UNSET
    country: None | str | Unset = UNSET
    iban: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        holder_name = self.holder_name

        account_number: None | str | Unset
        if isinstance(self.account_number, Unset):
            account_number = UNSET
        else:
            account_number = self.account_number

        bank_code: None | str | Unset
        if isinstance(self.bank_code, Unset):
            bank_code = UNSET
        else:
            bank_code = self.bank_code

        bic: None | str | Unset
        if isinstance(self.bic, Unset):
            bic = UNSET
        else:
            bic = self.bic

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        iban: None | str | Unset
        if isinstance(self.iban, Unset):
            iban = UNSET
        else:
            iban = self.iban


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "currency": currency,
            "holder_name": holder_name,
        })
        if account_number is not UNSET:
            field_dict["account_number"] = account_number
        if bank_code is not UNSET:
            field_dict["bank_code"] = bank_code
        if bic is not UNSET:
            field_dict["bic"] = bic
        if country is not UNSET:
            field_dict["country"] = country
        if iban is not UNSET:
            field_dict["iban"] = iban

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        currency = d.pop("currency")

        holder_name = d.pop("holder_name")

        def _parse_account_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account_number = _parse_account_number(d.pop("account_number", UNSET))


        def _parse_bank_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bank_code = _parse_bank_code(d.pop("bank_code", UNSET))


        def _parse_bic(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bic = _parse_bic(d.pop("bic", UNSET))


        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))


        def _parse_iban(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        iban = _parse_iban(d.pop("iban", UNSET))


        payout_account_create = cls(
            currency=currency,
            holder_name=holder_name,
            account_number=account_number,
            bank_code=bank_code,
            bic=bic,
            country=country,
            iban=iban,
        )

        return payout_account_create

