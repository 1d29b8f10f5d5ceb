from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.line_advice_decision import LineAdviceDecision
from typing import cast

if TYPE_CHECKING:
  from ..models.drawing_power_basis import DrawingPowerBasis
  from ..models.underwriting import Underwriting





T = TypeVar("T", bound="LineAdvice")



@_attrs_define
class LineAdvice:
    """ What the lender is shown: the underwriting policy's decision, reasons and features, and
    the drawing power the line would have today, explained.

        Attributes:
            decision (LineAdviceDecision):
            drawing_power (DrawingPowerBasis): How the drawing power was set (policy, window, sales), stated on the line.
            underwriting (Underwriting): The underwriting policy's advice, computed and stored when the application was
                made.
     """

    decision: LineAdviceDecision
    drawing_power: DrawingPowerBasis
    underwriting: Underwriting





    def to_dict(self) -> dict[str, Any]:
        from ..models.drawing_power_basis import DrawingPowerBasis # noqa: PLC0415
        from ..models.underwriting import Underwriting # noqa: PLC0415
        decision = self.decision.value

        drawing_power = self.drawing_power.to_dict()

        underwriting = self.underwriting.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "decision": decision,
            "drawing_power": drawing_power,
            "underwriting": underwriting,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.drawing_power_basis import DrawingPowerBasis # noqa: PLC0415
        from ..models.underwriting import Underwriting # noqa: PLC0415
        d = dict(src_dict)
        decision = LineAdviceDecision(d.pop("decision"))




        drawing_power = DrawingPowerBasis.from_dict(d.pop("drawing_power"))




        underwriting = Underwriting.from_dict(d.pop("underwriting"))




        line_advice = cls(
            decision=decision,
            drawing_power=drawing_power,
            underwriting=underwriting,
        )

        return line_advice

