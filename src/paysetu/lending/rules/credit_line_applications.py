"""A merchant's application for a credit line, and the underwriting advice shown to the lender.

The advice reuses the term loans' underwriting policy (:mod:`.underwriting`, ``uw-2026.1``)
over the merchant's own history on paysetu, reading the requested limit as a loan repaid
monthly over the line's year (12 periods) at the category's highest rate, and adds the drawing
power the line would have today under the drawing-power policy (``dp-2026.1``, with its
explanation: :meth:`~.credit_lines.DrawingPower.document`). The advice's decision is the
underwriting's; approving against ``decline`` needs a stated reason, as for loan applications.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from paysetu.lending.rules.credit_lines import DrawingPower
from paysetu.lending.rules.loans import ApplicationState, LoanCategory
from paysetu.lending.rules.underwriting import UnderwritingDecision

LINE_TENURE_MONTHS = 12
"""A line is reviewed yearly: underwriting reads its limit as a year's monthly loan."""


@dataclass(frozen=True, slots=True)
class CreditLineApplication:
    """An application for a line; ``credit_line_id`` once the lender sanctioned it."""

    id: str
    merchant_id: str
    lender_id: str
    category: LoanCategory
    currency: str
    limit_minor: int
    purpose: str
    status: ApplicationState
    advice: Mapping[str, Any]
    decision_reason: str | None
    decided_at: datetime | None
    credit_line_id: str | None
    created_at: datetime
    updated_at: datetime


def line_advice(decision: UnderwritingDecision, power: DrawingPower) -> dict[str, Any]:
    """The stored advice: the underwriting document, its decision, and the drawing power."""
    return {"decision": decision.outcome.value, "underwriting": decision.document(),
            "drawing_power": power.document()}
