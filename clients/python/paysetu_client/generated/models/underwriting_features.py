from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="UnderwritingFeatures")



@_attrs_define
class UnderwritingFeatures:
    """ Ratios are decimal strings (``0.0312`` = 3.12%).

        Attributes:
            average_monthly_volume_minor (int):
            existing_debt_service_minor (int):
            months_active (int):
            recent_volume_minor (int):
            refund_rate (str):
            trend (str):
            volatility (str):
     """

    average_monthly_volume_minor: int
    existing_debt_service_minor: int
    months_active: int
    recent_volume_minor: int
    refund_rate: str
    trend: str
    volatility: str





    def to_dict(self) -> dict[str, Any]:
        average_monthly_volume_minor = self.average_monthly_volume_minor

        existing_debt_service_minor = self.existing_debt_service_minor

        months_active = self.months_active

        recent_volume_minor = self.recent_volume_minor

        refund_rate = self.refund_rate

        trend = self.trend

        volatility = self.volatility


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "average_monthly_volume_minor": average_monthly_volume_minor,
            "existing_debt_service_minor": existing_debt_service_minor,
            "months_active": months_active,
            "recent_volume_minor": recent_volume_minor,
            "refund_rate": refund_rate,
            "trend": trend,
            "volatility": volatility,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        average_monthly_volume_minor = d.pop("average_monthly_volume_minor")

        existing_debt_service_minor = d.pop("existing_debt_service_minor")

        months_active = d.pop("months_active")

        recent_volume_minor = d.pop("recent_volume_minor")

        refund_rate = d.pop("refund_rate")

        trend = d.pop("trend")

        volatility = d.pop("volatility")

        underwriting_features = cls(
            average_monthly_volume_minor=average_monthly_volume_minor,
            existing_debt_service_minor=existing_debt_service_minor,
            months_active=months_active,
            recent_volume_minor=recent_volume_minor,
            refund_rate=refund_rate,
            trend=trend,
            volatility=volatility,
        )

        return underwriting_features

