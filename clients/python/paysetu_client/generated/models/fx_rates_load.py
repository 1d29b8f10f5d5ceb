from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="FxRatesLoad")



@_attrs_define
class FxRatesLoad:
    """ 
        Attributes:
            csv (str): The rate file: header `base_currency,quote_currency,rate,as_of`, then one rate per line. Any bad line
                refuses the whole file, naming the line.
            source (str | Unset): A label stored with each rate. Default: 'manual'.
     """

    csv: str
    source: str | Unset = 'manual'





    def to_dict(self) -> dict[str, Any]:
        csv = self.csv

        source = self.source


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "csv": csv,
        })
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        csv = d.pop("csv")

        source = d.pop("source", UNSET)

        fx_rates_load = cls(
            csv=csv,
            source=source,
        )

        return fx_rates_load

