from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import Literal, cast






T = TypeVar("T", bound="FxRate")



@_attrs_define
class FxRate:
    """ 
        Attributes:
            as_of (str):
            base_currency (str):
            loaded (int):
            object_ (Literal['fx_rate']):
            quote_currency (str):
            rate (str): Units of quote_currency per one base_currency.
            source (str):
     """

    as_of: str
    base_currency: str
    loaded: int
    object_: Literal['fx_rate']
    quote_currency: str
    rate: str
    source: str





    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of

        base_currency = self.base_currency

        loaded = self.loaded

        object_ = self.object_

        quote_currency = self.quote_currency

        rate = self.rate

        source = self.source


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "as_of": as_of,
            "base_currency": base_currency,
            "loaded": loaded,
            "object": object_,
            "quote_currency": quote_currency,
            "rate": rate,
            "source": source,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        as_of = d.pop("as_of")

        base_currency = d.pop("base_currency")

        loaded = d.pop("loaded")

        object_ = cast(Literal['fx_rate'] , d.pop("object"))
        if object_ != 'fx_rate':
            raise ValueError(f"object must match const 'fx_rate', got '{object_}'")

        quote_currency = d.pop("quote_currency")

        rate = d.pop("rate")

        source = d.pop("source")

        fx_rate = cls(
            as_of=as_of,
            base_currency=base_currency,
            loaded=loaded,
            object_=object_,
            quote_currency=quote_currency,
            rate=rate,
            source=source,
        )

        return fx_rate

