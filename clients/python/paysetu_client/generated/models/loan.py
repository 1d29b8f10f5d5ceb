from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.allocation_order import AllocationOrder
from ..models.closed_reason import ClosedReason
from ..models.day_count import DayCount
from ..models.frequency import Frequency
from ..models.interest_period import InterestPeriod
from ..models.loan_category import LoanCategory
from ..models.loan_state import LoanState
from ..models.overpayment_policy import OverpaymentPolicy
from ..models.schedule_type import ScheduleType
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.loan_classification import LoanClassification
  from ..models.loan_ledger_accounts import LoanLedgerAccounts





T = TypeVar("T", bound="Loan")



@_attrs_define
class Loan:
    """ Balances come from the ledger; ``amount_due_minor``, ``next_due_date`` and
    ``payoff_amount_minor`` are as of today (0 / null unless the loan is active).

        Attributes:
            allocation_order (AllocationOrder):
            amount_due_minor (int):
            application (str):
            category (LoanCategory): PMMY categories (domain.md section 6); amounts come from the product table.
            classification (LoanClassification): The loan as the last close of business classified it (RBI IRAC).
            closed_on (None | str):
            closed_reason (ClosedReason | None):
            created (int):
            currency (str):
            day_count (DayCount):
            disbursal_entry (None | str):
            disbursed_on (None | str):
            foreclosure_fee_bps (int):
            frequency (Frequency):
            id (str):
            installment_multiple_minor (int):
            interest_accrued_minor (int):
            interest_accrued_through (None | str):
            interest_period (InterestPeriod):
            interest_receivable_minor (int):
            ledger_accounts (LoanLedgerAccounts):
            lender (str):
            merchant (str):
            next_due_date (None | str):
            object_ (Literal['loan']):
            outstanding_principal_minor (int):
            overpayment_policy (OverpaymentPolicy):
            payoff_amount_minor (int | None): What closes the loan today.
            prepayment_fee_bps (int):
            principal_minor (int):
            processing_fee_minor (int):
            product (str):
            rate_bps (int): Annual interest rate, basis points.
            schedule_type (ScheduleType):
            status (LoanState):
            sweep_bps (int):
            tenure_periods (int):
            write_off_reason (None | str):
     """

    allocation_order: AllocationOrder
    amount_due_minor: int
    application: str
    category: LoanCategory
    classification: LoanClassification
    closed_on: None | str
    closed_reason: ClosedReason | None
    created: int
    currency: str
    day_count: DayCount
    disbursal_entry: None | str
    disbursed_on: None | str
    foreclosure_fee_bps: int
    frequency: Frequency
    id: str
    installment_multiple_minor: int
    interest_accrued_minor: int
    interest_accrued_through: None | str
    interest_period: InterestPeriod
    interest_receivable_minor: int
    ledger_accounts: LoanLedgerAccounts
    lender: str
    merchant: str
    next_due_date: None | str
    object_: Literal['loan']
    outstanding_principal_minor: int
    overpayment_policy: OverpaymentPolicy
    payoff_amount_minor: int | None
    prepayment_fee_bps: int
    principal_minor: int
    processing_fee_minor: int
    product: str
    rate_bps: int
    schedule_type: ScheduleType
    status: LoanState
    sweep_bps: int
    tenure_periods: int
    write_off_reason: None | str





    def to_dict(self) -> dict[str, Any]:
        from ..models.loan_classification import LoanClassification # noqa: PLC0415
        from ..models.loan_ledger_accounts import LoanLedgerAccounts # noqa: PLC0415
        allocation_order = self.allocation_order.value

        amount_due_minor = self.amount_due_minor

        application = self.application

        category = self.category.value

        classification = self.classification.to_dict()

        closed_on: None | str
        closed_on = self.closed_on

        closed_reason: None | str
        if isinstance(self.closed_reason, ClosedReason):
            closed_reason = self.closed_reason.value
        else:
            closed_reason = self.closed_reason

        created = self.created

        currency = self.currency

        day_count = self.day_count.value

        disbursal_entry: None | str
        disbursal_entry = self.disbursal_entry

        disbursed_on: None | str
        disbursed_on = self.disbursed_on

        foreclosure_fee_bps = self.foreclosure_fee_bps

        frequency = self.frequency.value

        id = self.id

        installment_multiple_minor = self.installment_multiple_minor

        interest_accrued_minor = self.interest_accrued_minor

        interest_accrued_through: None | str
        interest_accrued_through = self.interest_accrued_through

        interest_period = self.interest_period.value

        interest_receivable_minor = self.interest_receivable_minor

        ledger_accounts = self.ledger_accounts.to_dict()

        lender = self.lender

        merchant = self.merchant

        next_due_date: None | str
        next_due_date = self.next_due_date

        object_ = self.object_

        outstanding_principal_minor = self.outstanding_principal_minor

        overpayment_policy = self.overpayment_policy.value

        payoff_amount_minor: int | None
        payoff_amount_minor = self.payoff_amount_minor

        prepayment_fee_bps = self.prepayment_fee_bps

        principal_minor = self.principal_minor

        processing_fee_minor = self.processing_fee_minor

        product = self.product

        rate_bps = self.rate_bps

        schedule_type = self.schedule_type.value

        status = self.status.value

        sweep_bps = self.sweep_bps

        tenure_periods = self.tenure_periods

        write_off_reason: None | str
        write_off_reason = self.write_off_reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "allocation_order": allocation_order,
            "amount_due_minor": amount_due_minor,
            "application": application,
            "category": category,
            "classification": classification,
            "closed_on": closed_on,
            "closed_reason": closed_reason,
            "created": created,
            "currency": currency,
            "day_count": day_count,
            "disbursal_entry": disbursal_entry,
            "disbursed_on": disbursed_on,
            "foreclosure_fee_bps": foreclosure_fee_bps,
            "frequency": frequency,
            "id": id,
            "installment_multiple_minor": installment_multiple_minor,
            "interest_accrued_minor": interest_accrued_minor,
            "interest_accrued_through": interest_accrued_through,
            "interest_period": interest_period,
            "interest_receivable_minor": interest_receivable_minor,
            "ledger_accounts": ledger_accounts,
            "lender": lender,
            "merchant": merchant,
            "next_due_date": next_due_date,
            "object": object_,
            "outstanding_principal_minor": outstanding_principal_minor,
            "overpayment_policy": overpayment_policy,
            "payoff_amount_minor": payoff_amount_minor,
            "prepayment_fee_bps": prepayment_fee_bps,
            "principal_minor": principal_minor,
            "processing_fee_minor": processing_fee_minor,
            "product": product,
            "rate_bps": rate_bps,
            "schedule_type": schedule_type,
            "status": status,
            "sweep_bps": sweep_bps,
            "tenure_periods": tenure_periods,
            "write_off_reason": write_off_reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.loan_classification import LoanClassification # noqa: PLC0415
        from ..models.loan_ledger_accounts import LoanLedgerAccounts # noqa: PLC0415
        d = dict(src_dict)
        allocation_order = AllocationOrder(d.pop("allocation_order"))




        amount_due_minor = d.pop("amount_due_minor")

        application = d.pop("application")

        category = LoanCategory(d.pop("category"))




        classification = LoanClassification.from_dict(d.pop("classification"))




        def _parse_closed_on(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        closed_on = _parse_closed_on(d.pop("closed_on"))


        def _parse_closed_reason(data: object) -> ClosedReason | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_reason_type_0 = ClosedReason(data)



                return closed_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClosedReason | None, data)

        closed_reason = _parse_closed_reason(d.pop("closed_reason"))


        created = d.pop("created")

        currency = d.pop("currency")

        day_count = DayCount(d.pop("day_count"))




        def _parse_disbursal_entry(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        disbursal_entry = _parse_disbursal_entry(d.pop("disbursal_entry"))


        def _parse_disbursed_on(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        disbursed_on = _parse_disbursed_on(d.pop("disbursed_on"))


        foreclosure_fee_bps = d.pop("foreclosure_fee_bps")

        frequency = Frequency(d.pop("frequency"))




        id = d.pop("id")

        installment_multiple_minor = d.pop("installment_multiple_minor")

        interest_accrued_minor = d.pop("interest_accrued_minor")

        def _parse_interest_accrued_through(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        interest_accrued_through = _parse_interest_accrued_through(d.pop("interest_accrued_through"))


        interest_period = InterestPeriod(d.pop("interest_period"))




        interest_receivable_minor = d.pop("interest_receivable_minor")

        ledger_accounts = LoanLedgerAccounts.from_dict(d.pop("ledger_accounts"))




        lender = d.pop("lender")

        merchant = d.pop("merchant")

        def _parse_next_due_date(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_due_date = _parse_next_due_date(d.pop("next_due_date"))


        object_ = cast(Literal['loan'] , d.pop("object"))
        if object_ != 'loan':
            raise ValueError(f"object must match const 'loan', got '{object_}'")

        outstanding_principal_minor = d.pop("outstanding_principal_minor")

        overpayment_policy = OverpaymentPolicy(d.pop("overpayment_policy"))




        def _parse_payoff_amount_minor(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        payoff_amount_minor = _parse_payoff_amount_minor(d.pop("payoff_amount_minor"))


        prepayment_fee_bps = d.pop("prepayment_fee_bps")

        principal_minor = d.pop("principal_minor")

        processing_fee_minor = d.pop("processing_fee_minor")

        product = d.pop("product")

        rate_bps = d.pop("rate_bps")

        schedule_type = ScheduleType(d.pop("schedule_type"))




        status = LoanState(d.pop("status"))




        sweep_bps = d.pop("sweep_bps")

        tenure_periods = d.pop("tenure_periods")

        def _parse_write_off_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        write_off_reason = _parse_write_off_reason(d.pop("write_off_reason"))


        loan = cls(
            allocation_order=allocation_order,
            amount_due_minor=amount_due_minor,
            application=application,
            category=category,
            classification=classification,
            closed_on=closed_on,
            closed_reason=closed_reason,
            created=created,
            currency=currency,
            day_count=day_count,
            disbursal_entry=disbursal_entry,
            disbursed_on=disbursed_on,
            foreclosure_fee_bps=foreclosure_fee_bps,
            frequency=frequency,
            id=id,
            installment_multiple_minor=installment_multiple_minor,
            interest_accrued_minor=interest_accrued_minor,
            interest_accrued_through=interest_accrued_through,
            interest_period=interest_period,
            interest_receivable_minor=interest_receivable_minor,
            ledger_accounts=ledger_accounts,
            lender=lender,
            merchant=merchant,
            next_due_date=next_due_date,
            object_=object_,
            outstanding_principal_minor=outstanding_principal_minor,
            overpayment_policy=overpayment_policy,
            payoff_amount_minor=payoff_amount_minor,
            prepayment_fee_bps=prepayment_fee_bps,
            principal_minor=principal_minor,
            processing_fee_minor=processing_fee_minor,
            product=product,
            rate_bps=rate_bps,
            schedule_type=schedule_type,
            status=status,
            sweep_bps=sweep_bps,
            tenure_periods=tenure_periods,
            write_off_reason=write_off_reason,
        )

        return loan

