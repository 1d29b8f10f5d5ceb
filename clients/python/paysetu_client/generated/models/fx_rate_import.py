from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast






T = TypeVar("T", bound="FxRateImport")



@_attrs_define
class FxRateImport:
    """ 
        Attributes:
            as_of_max (str):
            as_of_min (str):
            currencies (list[str]):
            object_ (Literal['fx_rate_import']):
            rates_loaded (int):
            source (str):
     """

    as_of_max: str
    as_of_min: str
    currencies: list[str]
    object_: Literal['fx_rate_import']
    rates_loaded: int
    source: str





    def to_dict(self) -> dict[str, Any]:
        as_of_max = self.as_of_max

        as_of_min = self.as_of_min

        currencies = self.currencies



        object_ = self.object_

        rates_loaded = self.rates_loaded

        source = self.source


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "as_of_max": as_of_max,
            "as_of_min": as_of_min,
            "currencies": currencies,
            "object": object_,
            "rates_loaded": rates_loaded,
            "source": source,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        as_of_max = d.pop("as_of_max")

        as_of_min = d.pop("as_of_min")

        currencies = cast(list[str], d.pop("currencies"))


        object_ = cast(Literal['fx_rate_import'] , d.pop("object"))
        if object_ != 'fx_rate_import':
            raise ValueError(f"object must match const 'fx_rate_import', got '{object_}'")

        rates_loaded = d.pop("rates_loaded")

        source = d.pop("source")

        fx_rate_import = cls(
            as_of_max=as_of_max,
            as_of_min=as_of_min,
            currencies=currencies,
            object_=object_,
            rates_loaded=rates_loaded,
            source=source,
        )

        return fx_rate_import

