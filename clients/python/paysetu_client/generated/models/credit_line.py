from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.credit_line_suspended_reason_type_0 import CreditLineSuspendedReasonType0
from ..models.line_state import LineState
from ..models.loan_category import LoanCategory
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.credit_line_metadata import CreditLineMetadata
  from ..models.drawing_power_basis import DrawingPowerBasis
  from ..models.line_classification import LineClassification
  from ..models.line_ledger_accounts import LineLedgerAccounts





T = TypeVar("T", bound="CreditLine")



@_attrs_define
class CreditLine:
    """ Balances from the ledger: ``drawn_minor`` (debited interest included),
    ``interest_accrued_minor`` (not yet debited), ``penal_charges_minor`` (due).

        Attributes:
            available_minor (int):
            category (LoanCategory): PMMY categories (domain.md section 6); amounts come from the product table.
            classification (LineClassification): The line as the last close of business classified it (RBI IRAC, cash
                credit).
            closed_on (None | str):
            created (int):
            currency (str):
            day_count (Literal['actual_365']):
            drawing_power (DrawingPowerBasis): How the drawing power was set (policy, window, sales), stated on the line.
            drawing_power_minor (int):
            drawn_minor (int):
            id (str):
            interest_accrued_minor (int):
            last_credit_on (None | str):
            ledger_accounts (LineLedgerAccounts):
            lender (str):
            limit_minor (int):
            merchant (str):
            metadata (CreditLineMetadata):
            object_ (Literal['credit_line']):
            outstanding_minor (int): Penal charges, drawn and accrued interest.
            penal_charges_minor (int):
            penal_rate_bps (int): Penal charge a year on the drawn balance above the drawing power (a charge, never
                compounded).
            rate_bps (int):
            renewals (int):
            review_due (str):
            sanctioned_on (str):
            status (LineState):
            suspended_reason (CreditLineSuspendedReasonType0 | None):
            sweep_bps (int):
            utilisation_bps (int): Drawn over limit, half-up.
            write_off_reason (None | str): Why the lender wrote the line off (status ``written_off``).
     """

    available_minor: int
    category: LoanCategory
    classification: LineClassification
    closed_on: None | str
    created: int
    currency: str
    day_count: Literal['actual_365']
    drawing_power: DrawingPowerBasis
    drawing_power_minor: int
    drawn_minor: int
    id: str
    interest_accrued_minor: int
    last_credit_on: None | str
    ledger_accounts: LineLedgerAccounts
    lender: str
    limit_minor: int
    merchant: str
    metadata: CreditLineMetadata
    object_: Literal['credit_line']
    outstanding_minor: int
    penal_charges_minor: int
    penal_rate_bps: int
    rate_bps: int
    renewals: int
    review_due: str
    sanctioned_on: str
    status: LineState
    suspended_reason: CreditLineSuspendedReasonType0 | None
    sweep_bps: int
    utilisation_bps: int
    write_off_reason: None | str





    def to_dict(self) -> dict[str, Any]:
        from ..models.credit_line_metadata import CreditLineMetadata # noqa: PLC0415
        from ..models.drawing_power_basis import DrawingPowerBasis # noqa: PLC0415
        from ..models.line_classification import LineClassification # noqa: PLC0415
        from ..models.line_ledger_accounts import LineLedgerAccounts # noqa: PLC0415
        available_minor = self.available_minor

        category = self.category.value

        classification = self.classification.to_dict()

        closed_on: None | str
        closed_on = self.closed_on

        created = self.created

        currency = self.currency

        day_count = self.day_count

        drawing_power = self.drawing_power.to_dict()

        drawing_power_minor = self.drawing_power_minor

        drawn_minor = self.drawn_minor

        id = self.id

        interest_accrued_minor = self.interest_accrued_minor

        last_credit_on: None | str
        last_credit_on = self.last_credit_on

        ledger_accounts = self.ledger_accounts.to_dict()

        lender = self.lender

        limit_minor = self.limit_minor

        merchant = self.merchant

        metadata = self.metadata.to_dict()

        object_ = self.object_

        outstanding_minor = self.outstanding_minor

        penal_charges_minor = self.penal_charges_minor

        penal_rate_bps = self.penal_rate_bps

        rate_bps = self.rate_bps

        renewals = self.renewals

        review_due = self.review_due

        sanctioned_on = self.sanctioned_on

        status = self.status.value

        suspended_reason: None | str
        if isinstance(self.suspended_reason, CreditLineSuspendedReasonType0):
            suspended_reason = self.suspended_reason.value
        else:
            suspended_reason = self.suspended_reason

        sweep_bps = self.sweep_bps

        utilisation_bps = self.utilisation_bps

        write_off_reason: None | str
        write_off_reason = self.write_off_reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "available_minor": available_minor,
            "category": category,
            "classification": classification,
            "closed_on": closed_on,
            "created": created,
            "currency": currency,
            "day_count": day_count,
            "drawing_power": drawing_power,
            "drawing_power_minor": drawing_power_minor,
            "drawn_minor": drawn_minor,
            "id": id,
            "interest_accrued_minor": interest_accrued_minor,
            "last_credit_on": last_credit_on,
            "ledger_accounts": ledger_accounts,
            "lender": lender,
            "limit_minor": limit_minor,
            "merchant": merchant,
            "metadata": metadata,
            "object": object_,
            "outstanding_minor": outstanding_minor,
            "penal_charges_minor": penal_charges_minor,
            "penal_rate_bps": penal_rate_bps,
            "rate_bps": rate_bps,
            "renewals": renewals,
            "review_due": review_due,
            "sanctioned_on": sanctioned_on,
            "status": status,
            "suspended_reason": suspended_reason,
            "sweep_bps": sweep_bps,
            "utilisation_bps": utilisation_bps,
            "write_off_reason": write_off_reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.credit_line_metadata import CreditLineMetadata # noqa: PLC0415
        from ..models.drawing_power_basis import DrawingPowerBasis # noqa: PLC0415
        from ..models.line_classification import LineClassification # noqa: PLC0415
        from ..models.line_ledger_accounts import LineLedgerAccounts # noqa: PLC0415
        d = dict(src_dict)
        available_minor = d.pop("available_minor")

        category = LoanCategory(d.pop("category"))




        classification = LineClassification.from_dict(d.pop("classification"))




        def _parse_closed_on(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        closed_on = _parse_closed_on(d.pop("closed_on"))


        created = d.pop("created")

        currency = d.pop("currency")

        day_count = cast(Literal['actual_365'] , d.pop("day_count"))
        if day_count != 'actual_365':
            raise ValueError(f"day_count must match const 'actual_365', got '{day_count}'")

        drawing_power = DrawingPowerBasis.from_dict(d.pop("drawing_power"))




        drawing_power_minor = d.pop("drawing_power_minor")

        drawn_minor = d.pop("drawn_minor")

        id = d.pop("id")

        interest_accrued_minor = d.pop("interest_accrued_minor")

        def _parse_last_credit_on(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_credit_on = _parse_last_credit_on(d.pop("last_credit_on"))


        ledger_accounts = LineLedgerAccounts.from_dict(d.pop("ledger_accounts"))




        lender = d.pop("lender")

        limit_minor = d.pop("limit_minor")

        merchant = d.pop("merchant")

        metadata = CreditLineMetadata.from_dict(d.pop("metadata"))




        object_ = cast(Literal['credit_line'] , d.pop("object"))
        if object_ != 'credit_line':
            raise ValueError(f"object must match const 'credit_line', got '{object_}'")

        outstanding_minor = d.pop("outstanding_minor")

        penal_charges_minor = d.pop("penal_charges_minor")

        penal_rate_bps = d.pop("penal_rate_bps")

        rate_bps = d.pop("rate_bps")

        renewals = d.pop("renewals")

        review_due = d.pop("review_due")

        sanctioned_on = d.pop("sanctioned_on")

        status = LineState(d.pop("status"))




        def _parse_suspended_reason(data: object) -> CreditLineSuspendedReasonType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                suspended_reason_type_0 = CreditLineSuspendedReasonType0(data)



                return suspended_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreditLineSuspendedReasonType0 | None, data)

        suspended_reason = _parse_suspended_reason(d.pop("suspended_reason"))


        sweep_bps = d.pop("sweep_bps")

        utilisation_bps = d.pop("utilisation_bps")

        def _parse_write_off_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        write_off_reason = _parse_write_off_reason(d.pop("write_off_reason"))


        credit_line = cls(
            available_minor=available_minor,
            category=category,
            classification=classification,
            closed_on=closed_on,
            created=created,
            currency=currency,
            day_count=day_count,
            drawing_power=drawing_power,
            drawing_power_minor=drawing_power_minor,
            drawn_minor=drawn_minor,
            id=id,
            interest_accrued_minor=interest_accrued_minor,
            last_credit_on=last_credit_on,
            ledger_accounts=ledger_accounts,
            lender=lender,
            limit_minor=limit_minor,
            merchant=merchant,
            metadata=metadata,
            object_=object_,
            outstanding_minor=outstanding_minor,
            penal_charges_minor=penal_charges_minor,
            penal_rate_bps=penal_rate_bps,
            rate_bps=rate_bps,
            renewals=renewals,
            review_due=review_due,
            sanctioned_on=sanctioned_on,
            status=status,
            suspended_reason=suspended_reason,
            sweep_bps=sweep_bps,
            utilisation_bps=utilisation_bps,
            write_off_reason=write_off_reason,
        )

        return credit_line

