from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.application_state import ApplicationState
from ..models.loan_category import LoanCategory
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.line_advice import LineAdvice





T = TypeVar("T", bound="CreditLineApplication")



@_attrs_define
class CreditLineApplication:
    """ A merchant's application for a line, with the underwriting advice the lender sees.

        Attributes:
            advice (LineAdvice): What the lender is shown: the underwriting policy's decision, reasons and features, and
                the drawing power the line would have today, explained.
            category (LoanCategory): PMMY categories (domain.md section 6); amounts come from the product table.
            created (int):
            credit_line (None | str): The sanctioned line (``approved``).
            currency (str):
            decided (int | None):
            decision_reason (None | str):
            id (str):
            lender (str):
            limit_minor (int): The limit asked for, minor units.
            merchant (str):
            object_ (Literal['credit_line_application']):
            purpose (str):
            status (ApplicationState):
     """

    advice: LineAdvice
    category: LoanCategory
    created: int
    credit_line: None | str
    currency: str
    decided: int | None
    decision_reason: None | str
    id: str
    lender: str
    limit_minor: int
    merchant: str
    object_: Literal['credit_line_application']
    purpose: str
    status: ApplicationState





    def to_dict(self) -> dict[str, Any]:
        from ..models.line_advice import LineAdvice # noqa: PLC0415
        advice = self.advice.to_dict()

        category = self.category.value

        created = self.created

        credit_line: None | str
        credit_line = self.credit_line

        currency = self.currency

        decided: int | None
        decided = self.decided

        decision_reason: None | str
        decision_reason = self.decision_reason

        id = self.id

        lender = self.lender

        limit_minor = self.limit_minor

        merchant = self.merchant

        object_ = self.object_

        purpose = self.purpose

        status = self.status.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "advice": advice,
            "category": category,
            "created": created,
            "credit_line": credit_line,
            "currency": currency,
            "decided": decided,
            "decision_reason": decision_reason,
            "id": id,
            "lender": lender,
            "limit_minor": limit_minor,
            "merchant": merchant,
            "object": object_,
            "purpose": purpose,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.line_advice import LineAdvice # noqa: PLC0415
        d = dict(src_dict)
        advice = LineAdvice.from_dict(d.pop("advice"))




        category = LoanCategory(d.pop("category"))




        created = d.pop("created")

        def _parse_credit_line(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        credit_line = _parse_credit_line(d.pop("credit_line"))


        currency = d.pop("currency")

        def _parse_decided(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        decided = _parse_decided(d.pop("decided"))


        def _parse_decision_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decision_reason = _parse_decision_reason(d.pop("decision_reason"))


        id = d.pop("id")

        lender = d.pop("lender")

        limit_minor = d.pop("limit_minor")

        merchant = d.pop("merchant")

        object_ = cast(Literal['credit_line_application'] , d.pop("object"))
        if object_ != 'credit_line_application':
            raise ValueError(f"object must match const 'credit_line_application', got '{object_}'")

        purpose = d.pop("purpose")

        status = ApplicationState(d.pop("status"))




        credit_line_application = cls(
            advice=advice,
            category=category,
            created=created,
            credit_line=credit_line,
            currency=currency,
            decided=decided,
            decision_reason=decision_reason,
            id=id,
            lender=lender,
            limit_minor=limit_minor,
            merchant=merchant,
            object_=object_,
            purpose=purpose,
            status=status,
        )

        return credit_line_application

