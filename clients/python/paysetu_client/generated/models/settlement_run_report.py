from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.settlement_result import SettlementResult
  from ..models.settlement_run_report_outcomes import SettlementRunReportOutcomes





T = TypeVar("T", bound="SettlementRunReport")



@_attrs_define
class SettlementRunReport:
    """ 
        Attributes:
            date (str): The settlement date (ISO 8601).
            object_ (Literal['settlement_run']):
            outcomes (SettlementRunReportOutcomes): How many results had each outcome (only outcomes that occurred).
            results (list[SettlementResult]):
     """

    date: str
    object_: Literal['settlement_run']
    outcomes: SettlementRunReportOutcomes
    results: list[SettlementResult]





    def to_dict(self) -> dict[str, Any]:
        from ..models.settlement_result import SettlementResult # noqa: PLC0415
        from ..models.settlement_run_report_outcomes import SettlementRunReportOutcomes # noqa: PLC0415
        date = self.date

        object_ = self.object_

        outcomes = self.outcomes.to_dict()

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "date": date,
            "object": object_,
            "outcomes": outcomes,
            "results": results,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.settlement_result import SettlementResult # noqa: PLC0415
        from ..models.settlement_run_report_outcomes import SettlementRunReportOutcomes # noqa: PLC0415
        d = dict(src_dict)
        date = d.pop("date")

        object_ = cast(Literal['settlement_run'] , d.pop("object"))
        if object_ != 'settlement_run':
            raise ValueError(f"object must match const 'settlement_run', got '{object_}'")

        outcomes = SettlementRunReportOutcomes.from_dict(d.pop("outcomes"))




        results = []
        _results = d.pop("results")
        for results_item_data in (_results):
            results_item = SettlementResult.from_dict(results_item_data)



            results.append(results_item)


        settlement_run_report = cls(
            date=date,
            object_=object_,
            outcomes=outcomes,
            results=results,
        )

        return settlement_run_report

