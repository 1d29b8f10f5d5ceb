from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="DrawingPowerBasis")



@_attrs_define
class DrawingPowerBasis:
    """ How the drawing power was set (policy, window, sales), stated on the line.

        Attributes:
            computed_minor (int): The share of it, before the limit caps it.
            drawing_power_minor (int):
            explanation (str):
            net_settled_minor (int): Settled gross - refunds - fees in the window.
            policy_version (str):
            share_bps (int):
            window_days (int):
            window_from (str):
            window_to (str):
     """

    computed_minor: int
    drawing_power_minor: int
    explanation: str
    net_settled_minor: int
    policy_version: str
    share_bps: int
    window_days: int
    window_from: str
    window_to: str





    def to_dict(self) -> dict[str, Any]:
        computed_minor = self.computed_minor

        drawing_power_minor = self.drawing_power_minor

        explanation = self.explanation

        net_settled_minor = self.net_settled_minor

        policy_version = self.policy_version

        share_bps = self.share_bps

        window_days = self.window_days

        window_from = self.window_from

        window_to = self.window_to


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "computed_minor": computed_minor,
            "drawing_power_minor": drawing_power_minor,
            "explanation": explanation,
            "net_settled_minor": net_settled_minor,
            "policy_version": policy_version,
            "share_bps": share_bps,
            "window_days": window_days,
            "window_from": window_from,
            "window_to": window_to,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        computed_minor = d.pop("computed_minor")

        drawing_power_minor = d.pop("drawing_power_minor")

        explanation = d.pop("explanation")

        net_settled_minor = d.pop("net_settled_minor")

        policy_version = d.pop("policy_version")

        share_bps = d.pop("share_bps")

        window_days = d.pop("window_days")

        window_from = d.pop("window_from")

        window_to = d.pop("window_to")

        drawing_power_basis = cls(
            computed_minor=computed_minor,
            drawing_power_minor=drawing_power_minor,
            explanation=explanation,
            net_settled_minor=net_settled_minor,
            policy_version=policy_version,
            share_bps=share_bps,
            window_days=window_days,
            window_from=window_from,
            window_to=window_to,
        )

        return drawing_power_basis

