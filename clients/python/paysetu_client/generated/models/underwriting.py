from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.outcome import Outcome
from typing import cast

if TYPE_CHECKING:
  from ..models.underwriting_features import UnderwritingFeatures
  from ..models.underwriting_inputs import UnderwritingInputs
  from ..models.underwriting_reason import UnderwritingReason





T = TypeVar("T", bound="Underwriting")



@_attrs_define
class Underwriting:
    """ The underwriting policy's advice, computed and stored when the application was made.

        Attributes:
            decision (Outcome):
            features (UnderwritingFeatures): Ratios are decimal strings (``0.0312`` = 3.12%).
            inputs (UnderwritingInputs):
            policy_version (str):
            reasons (list[UnderwritingReason]):
            suggested_limit_minor (int):
     """

    decision: Outcome
    features: UnderwritingFeatures
    inputs: UnderwritingInputs
    policy_version: str
    reasons: list[UnderwritingReason]
    suggested_limit_minor: int





    def to_dict(self) -> dict[str, Any]:
        from ..models.underwriting_features import UnderwritingFeatures # noqa: PLC0415
        from ..models.underwriting_inputs import UnderwritingInputs # noqa: PLC0415
        from ..models.underwriting_reason import UnderwritingReason # noqa: PLC0415
        decision = self.decision.value

        features = self.features.to_dict()

        inputs = self.inputs.to_dict()

        policy_version = self.policy_version

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)



        suggested_limit_minor = self.suggested_limit_minor


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "decision": decision,
            "features": features,
            "inputs": inputs,
            "policy_version": policy_version,
            "reasons": reasons,
            "suggested_limit_minor": suggested_limit_minor,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.underwriting_features import UnderwritingFeatures # noqa: PLC0415
        from ..models.underwriting_inputs import UnderwritingInputs # noqa: PLC0415
        from ..models.underwriting_reason import UnderwritingReason # noqa: PLC0415
        d = dict(src_dict)
        decision = Outcome(d.pop("decision"))




        features = UnderwritingFeatures.from_dict(d.pop("features"))




        inputs = UnderwritingInputs.from_dict(d.pop("inputs"))




        policy_version = d.pop("policy_version")

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in (_reasons):
            reasons_item = UnderwritingReason.from_dict(reasons_item_data)



            reasons.append(reasons_item)


        suggested_limit_minor = d.pop("suggested_limit_minor")

        underwriting = cls(
            decision=decision,
            features=features,
            inputs=inputs,
            policy_version=policy_version,
            reasons=reasons,
            suggested_limit_minor=suggested_limit_minor,
        )

        return underwriting

