"""The public JSON form of lenders, loan products, applications, loans, schedules, repayments."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from paysetu.kernel.timestamps import timestamp
from paysetu.lending.rules.allocation import Installment
from paysetu.lending.rules.loans import Lender, LoanApplication, LoanProduct, LoanRepayment


def day(value: date | None) -> str | None:
    """ISO date text, or None."""
    return None if value is None else value.isoformat()


def lender_object(lender: Lender, balances: Sequence[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": lender.id,
        "object": "lender",
        "name": lender.name,
        "kind": lender.kind.value,
        "apex": lender.apex,
        "balances": list(balances),
        "metadata": dict(lender.metadata),
        "created": timestamp(lender.created_at),
    }


def product_object(product: LoanProduct) -> dict[str, Any]:
    return {
        "id": product.id,
        "object": "loan_product",
        "name": product.name,
        "category": product.category.value,
        "currency": product.currency,
        "amount_min_minor": product.amount_min_minor,
        "amount_max_minor": product.amount_max_minor,
        "rate_min_bps": product.rate_min_bps,
        "rate_max_bps": product.rate_max_bps,
        "tenure_min_periods": product.tenure_min_periods,
        "tenure_max_periods": product.tenure_max_periods,
        "frequency": product.frequency.value,
        "schedule_type": product.schedule_type.value,
        "interest_period": product.interest_period.value,
        "day_count": product.day_count.value,
        "installment_multiple_minor": product.installment_multiple_minor,
        "processing_fee_bps": product.processing_fee_bps,
        "prepayment_fee_bps": product.prepayment_fee_bps,
        "foreclosure_fee_bps": product.foreclosure_fee_bps,
        "penalty_rate_bps": product.penalty_rate_bps,
        "sweep_bps": product.sweep_bps,
        "allocation_order": product.allocation_order,
        "overpayment_policy": product.overpayment_policy.value,
        "requires_repaid_category": (None if product.requires_repaid_category is None
                                     else product.requires_repaid_category.value),
        "active": product.active,
    }


def application_object(application: LoanApplication) -> dict[str, Any]:
    return {
        "id": application.id,
        "object": "loan_application",
        "merchant": application.merchant_id,
        "lender": application.lender_id,
        "product": application.product_id,
        "amount_minor": application.amount_minor,
        "currency": application.currency,
        "tenure_periods": application.tenure_periods,
        "purpose": application.purpose,
        "status": application.status.value,
        "underwriting": dict(application.underwriting),
        "decision_reason": application.decision_reason,
        "decided": None if application.decided_at is None else timestamp(application.decided_at),
        "loan": application.loan_id,
        "metadata": dict(application.metadata),
        "created": timestamp(application.created_at),
    }


def _installment_status(installment: Installment, today: date) -> str:
    if installment.fully_paid:
        return "paid"
    if installment.due_date > today:
        return "upcoming"
    return "due" if installment.due_date == today else "overdue"


def installment_object(installment: Installment, today: date) -> dict[str, Any]:
    return {
        "number": installment.number,
        "period_start": installment.period_start.isoformat(),
        "due_date": installment.due_date.isoformat(),
        "principal_minor": installment.principal_minor,
        "interest_minor": installment.interest_minor,
        "fees_minor": installment.fees_minor,
        "penalty_minor": installment.penalty_minor,
        "total_minor": installment.total_minor,
        "principal_paid_minor": installment.principal_paid_minor,
        "interest_paid_minor": installment.interest_paid_minor,
        "fees_paid_minor": installment.fees_paid_minor,
        "penalty_paid_minor": installment.penalty_paid_minor,
        "status": _installment_status(installment, today),
    }


def schedule_object(
    loan_id: str, currency: str, installments: Sequence[Installment], today: date,
    projected: bool,
) -> dict[str, Any]:
    """A loan's schedule; ``projected`` before disbursal (dates as if disbursed today)."""
    return {
        "object": "loan_schedule",
        "loan": loan_id,
        "currency": currency,
        "projected": projected,
        "installments": [installment_object(i, today) for i in installments],
        "total_principal_minor": sum(i.principal_minor for i in installments),
        "total_interest_minor": sum(i.interest_minor for i in installments),
        "total_minor": sum(i.total_minor for i in installments),
    }


def repayment_object(repayment: LoanRepayment) -> dict[str, Any]:
    return {
        "id": repayment.id,
        "object": "loan_repayment",
        "loan": repayment.loan_id,
        "merchant": repayment.merchant_id,
        "source": repayment.source.value,
        "amount_minor": repayment.amount_minor,
        "currency": repayment.currency,
        "principal_minor": repayment.principal_minor,
        "interest_minor": repayment.interest_minor,
        "fees_minor": repayment.fees_minor,
        "penalty_minor": repayment.penalty_minor,
        "returned_minor": repayment.returned_minor,
        "allocation": [dict(a) for a in repayment.allocation],
        "journal_entry": repayment.entry_id,
        "paid_on": repayment.paid_on.isoformat(),
        "created": timestamp(repayment.created_at),
    }

