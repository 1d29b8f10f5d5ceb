from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.allocation_order import AllocationOrder
from ..models.day_count import DayCount
from ..models.frequency import Frequency
from ..models.interest_period import InterestPeriod
from ..models.loan_category import LoanCategory
from ..models.overpayment_policy import OverpaymentPolicy
from ..models.schedule_type import ScheduleType
from typing import cast
from typing import Literal, cast






T = TypeVar("T", bound="LoanProduct")



@_attrs_define
class LoanProduct:
    """ 
        Attributes:
            active (bool):
            allocation_order (AllocationOrder):
            amount_max_minor (int):
            amount_min_minor (int):
            category (LoanCategory): PMMY categories (domain.md section 6); amounts come from the product table.
            currency (str):
            day_count (DayCount):
            foreclosure_fee_bps (int):
            frequency (Frequency):
            id (str):
            installment_multiple_minor (int): Installments round to this (1: none).
            interest_period (InterestPeriod):
            name (str):
            object_ (Literal['loan_product']):
            overpayment_policy (OverpaymentPolicy):
            penalty_rate_bps (int): Annual penal rate on overdue amounts.
            prepayment_fee_bps (int):
            processing_fee_bps (int): Withheld from the disbursal.
            rate_max_bps (int):
            rate_min_bps (int): Lowest annual rate a lender may approve, bps.
            requires_repaid_category (LoanCategory | None): The borrower must have fully repaid a loan of this category
                first.
            schedule_type (ScheduleType):
            sweep_bps (int): Share of each settlement swept while anything is due.
            tenure_max_periods (int):
            tenure_min_periods (int): Fewest installments (months or weeks).
     """

    active: bool
    allocation_order: AllocationOrder
    amount_max_minor: int
    amount_min_minor: int
    category: LoanCategory
    currency: str
    day_count: DayCount
    foreclosure_fee_bps: int
    frequency: Frequency
    id: str
    installment_multiple_minor: int
    interest_period: InterestPeriod
    name: str
    object_: Literal['loan_product']
    overpayment_policy: OverpaymentPolicy
    penalty_rate_bps: int
    prepayment_fee_bps: int
    processing_fee_bps: int
    rate_max_bps: int
    rate_min_bps: int
    requires_repaid_category: LoanCategory | None
    schedule_type: ScheduleType
    sweep_bps: int
    tenure_max_periods: int
    tenure_min_periods: int





    def to_dict(self) -> dict[str, Any]:
        active = self.active

        allocation_order = self.allocation_order.value

        amount_max_minor = self.amount_max_minor

        amount_min_minor = self.amount_min_minor

        category = self.category.value

        currency = self.currency

        day_count = self.day_count.value

        foreclosure_fee_bps = self.foreclosure_fee_bps

        frequency = self.frequency.value

        id = self.id

        installment_multiple_minor = self.installment_multiple_minor

        interest_period = self.interest_period.value

        name = self.name

        object_ = self.object_

        overpayment_policy = self.overpayment_policy.value

        penalty_rate_bps = self.penalty_rate_bps

        prepayment_fee_bps = self.prepayment_fee_bps

        processing_fee_bps = self.processing_fee_bps

        rate_max_bps = self.rate_max_bps

        rate_min_bps = self.rate_min_bps

        requires_repaid_category: None | str
        if isinstance(self.requires_repaid_category, LoanCategory):
            requires_repaid_category = self.requires_repaid_category.value
        else:
            requires_repaid_category = self.requires_repaid_category

        schedule_type = self.schedule_type.value

        sweep_bps = self.sweep_bps

        tenure_max_periods = self.tenure_max_periods

        tenure_min_periods = self.tenure_min_periods


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "active": active,
            "allocation_order": allocation_order,
            "amount_max_minor": amount_max_minor,
            "amount_min_minor": amount_min_minor,
            "category": category,
            "currency": currency,
            "day_count": day_count,
            "foreclosure_fee_bps": foreclosure_fee_bps,
            "frequency": frequency,
            "id": id,
            "installment_multiple_minor": installment_multiple_minor,
            "interest_period": interest_period,
            "name": name,
            "object": object_,
            "overpayment_policy": overpayment_policy,
            "penalty_rate_bps": penalty_rate_bps,
            "prepayment_fee_bps": prepayment_fee_bps,
            "processing_fee_bps": processing_fee_bps,
            "rate_max_bps": rate_max_bps,
            "rate_min_bps": rate_min_bps,
            "requires_repaid_category": requires_repaid_category,
            "schedule_type": schedule_type,
            "sweep_bps": sweep_bps,
            "tenure_max_periods": tenure_max_periods,
            "tenure_min_periods": tenure_min_periods,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        allocation_order = AllocationOrder(d.pop("allocation_order"))




        amount_max_minor = d.pop("amount_max_minor")

        amount_min_minor = d.pop("amount_min_minor")

        category = LoanCategory(d.pop("category"))




        currency = d.pop("currency")

        day_count = DayCount(d.pop("day_count"))




        foreclosure_fee_bps = d.pop("foreclosure_fee_bps")

        frequency = Frequency(d.pop("frequency"))




        id = d.pop("id")

        installment_multiple_minor = d.pop("installment_multiple_minor")

        interest_period = InterestPeriod(d.pop("interest_period"))




        name = d.pop("name")

        object_ = cast(Literal['loan_product'] , d.pop("object"))
        if object_ != 'loan_product':
            raise ValueError(f"object must match const 'loan_product', got '{object_}'")

        overpayment_policy = OverpaymentPolicy(d.pop("overpayment_policy"))




        penalty_rate_bps = d.pop("penalty_rate_bps")

        prepayment_fee_bps = d.pop("prepayment_fee_bps")

        processing_fee_bps = d.pop("processing_fee_bps")

        rate_max_bps = d.pop("rate_max_bps")

        rate_min_bps = d.pop("rate_min_bps")

        def _parse_requires_repaid_category(data: object) -> LoanCategory | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                requires_repaid_category_type_0 = LoanCategory(data)



                return requires_repaid_category_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LoanCategory | None, data)

        requires_repaid_category = _parse_requires_repaid_category(d.pop("requires_repaid_category"))


        schedule_type = ScheduleType(d.pop("schedule_type"))




        sweep_bps = d.pop("sweep_bps")

        tenure_max_periods = d.pop("tenure_max_periods")

        tenure_min_periods = d.pop("tenure_min_periods")

        loan_product = cls(
            active=active,
            allocation_order=allocation_order,
            amount_max_minor=amount_max_minor,
            amount_min_minor=amount_min_minor,
            category=category,
            currency=currency,
            day_count=day_count,
            foreclosure_fee_bps=foreclosure_fee_bps,
            frequency=frequency,
            id=id,
            installment_multiple_minor=installment_multiple_minor,
            interest_period=interest_period,
            name=name,
            object_=object_,
            overpayment_policy=overpayment_policy,
            penalty_rate_bps=penalty_rate_bps,
            prepayment_fee_bps=prepayment_fee_bps,
            processing_fee_bps=processing_fee_bps,
            rate_max_bps=rate_max_bps,
            rate_min_bps=rate_min_bps,
            requires_repaid_category=requires_repaid_category,
            schedule_type=schedule_type,
            sweep_bps=sweep_bps,
            tenure_max_periods=tenure_max_periods,
            tenure_min_periods=tenure_min_periods,
        )

        return loan_product

