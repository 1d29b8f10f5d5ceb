from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.capture_method import CaptureMethod
from ..models.consent import Consent
from ..models.escrow_state import EscrowState
from ..models.payment_state import PaymentState
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.next_action import NextAction
  from ..models.payment_metadata import PaymentMetadata





T = TypeVar("T", bound="Payment")



@_attrs_define
class Payment:
    """ ``amount_refunded_minor`` counts pending refunds too; a cross-border payment names its
    ``fx_quote`` and what the buyer paid in its own currency (``presentment_*``).

        Attributes:
            amount_capturable_minor (int):
            amount_captured_minor (int):
            amount_minor (int):
            amount_refunded_minor (int):
            authorization_entry (None | str):
            authorization_expires_at (int | None):
            cancellation_reason (None | str):
            capture_method (CaptureMethod):
            consent (Consent | None): How the payer agreed to the debit: `operator` (platform key, with `operator_reason`),
                `mandate`, `customer` (approved with the PIN) or `buyer` (paid on a hosted page); null until debited.
            created (int):
            currency (str):
            customer (str):
            description (None | str):
            escrow (bool):
            escrow_release_at (int | None):
            escrow_status (EscrowState | None):
            failure_code (None | str):
            fee_minor (int):
            fx_quote (None | str):
            id (str):
            mandate (None | str):
            merchant (str):
            metadata (PaymentMetadata):
            next_action (NextAction | None): While `requires_action`: where and until when the customer approves.
            object_ (Literal['payment']):
            operator_reason (None | str):
            presentment_amount_minor (int | None):
            presentment_currency (None | str):
            status (PaymentState):
            wallet (str):
     """

    amount_capturable_minor: int
    amount_captured_minor: int
    amount_minor: int
    amount_refunded_minor: int
    authorization_entry: None | str
    authorization_expires_at: int | None
    cancellation_reason: None | str
    capture_method: CaptureMethod
    consent: Consent | None
    created: int
    currency: str
    customer: str
    description: None | str
    escrow: bool
    escrow_release_at: int | None
    escrow_status: EscrowState | None
    failure_code: None | str
    fee_minor: int
    fx_quote: None | str
    id: str
    mandate: None | str
    merchant: str
    metadata: PaymentMetadata
    next_action: NextAction | None
    object_: Literal['payment']
    operator_reason: None | str
    presentment_amount_minor: int | None
    presentment_currency: None | str
    status: PaymentState
    wallet: str





    def to_dict(self) -> dict[str, Any]:
        from ..models.next_action import NextAction # noqa: PLC0415
        from ..models.payment_metadata import PaymentMetadata # noqa: PLC0415
        amount_capturable_minor = self.amount_capturable_minor

        amount_captured_minor = self.amount_captured_minor

        amount_minor = self.amount_minor

        amount_refunded_minor = self.amount_refunded_minor

        authorization_entry: None | str
        authorization_entry = self.authorization_entry

        authorization_expires_at: int | None
        authorization_expires_at = self.authorization_expires_at

        cancellation_reason: None | str
        cancellation_reason = self.cancellation_reason

        capture_method = self.capture_method.value

        consent: None | str
        if isinstance(self.consent, Consent):
            consent = self.consent.value
        else:
            consent = self.consent

        created = self.created

        currency = self.currency

        customer = self.customer

        description: None | str
        description = self.description

        escrow = self.escrow

        escrow_release_at: int | None
        escrow_release_at = self.escrow_release_at

        escrow_status: None | str
        if isinstance(self.escrow_status, EscrowState):
            escrow_status = self.escrow_status.value
        else:
            escrow_status = self.escrow_status

        failure_code: None | str
        failure_code = self.failure_code

        fee_minor = self.fee_minor

        fx_quote: None | str
        fx_quote = self.fx_quote

        id = self.id

        mandate: None | str
        mandate = self.mandate

        merchant = self.merchant

        metadata = self.metadata.to_dict()

        next_action: dict[str, Any] | None
        if isinstance(self.next_action, NextAction):
            next_action = self.next_action.to_dict()
        else:
            next_action = self.next_action

        object_ = self.object_

        operator_reason: None | str
        operator_reason = self.operator_reason

        presentment_amount_minor: int | None
        presentment_amount_minor = self.presentment_amount_minor

        presentment_currency: None | str
        presentment_currency = self.presentment_currency

        status = self.status.value

        wallet = self.wallet


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_capturable_minor": amount_capturable_minor,
            "amount_captured_minor": amount_captured_minor,
            "amount_minor": amount_minor,
            "amount_refunded_minor": amount_refunded_minor,
            "authorization_entry": authorization_entry,
            "authorization_expires_at": authorization_expires_at,
            "cancellation_reason": cancellation_reason,
            "capture_method": capture_method,
            "consent": consent,
            "created": created,
            "currency": currency,
            "customer": customer,
            "description": description,
            "escrow": escrow,
            "escrow_release_at": escrow_release_at,
            "escrow_status": escrow_status,
            "failure_code": failure_code,
            "fee_minor": fee_minor,
            "fx_quote": fx_quote,
            "id": id,
            "mandate": mandate,
            "merchant": merchant,
            "metadata": metadata,
            "next_action": next_action,
            "object": object_,
            "operator_reason": operator_reason,
            "presentment_amount_minor": presentment_amount_minor,
            "presentment_currency": presentment_currency,
            "status": status,
            "wallet": wallet,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.next_action import NextAction # noqa: PLC0415
        from ..models.payment_metadata import PaymentMetadata # noqa: PLC0415
        d = dict(src_dict)
        amount_capturable_minor = d.pop("amount_capturable_minor")

        amount_captured_minor = d.pop("amount_captured_minor")

        amount_minor = d.pop("amount_minor")

        amount_refunded_minor = d.pop("amount_refunded_minor")

        def _parse_authorization_entry(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        authorization_entry = _parse_authorization_entry(d.pop("authorization_entry"))


        def _parse_authorization_expires_at(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        authorization_expires_at = _parse_authorization_expires_at(d.pop("authorization_expires_at"))


        def _parse_cancellation_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cancellation_reason = _parse_cancellation_reason(d.pop("cancellation_reason"))


        capture_method = CaptureMethod(d.pop("capture_method"))




        def _parse_consent(data: object) -> Consent | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                consent_type_0 = Consent(data)



                return consent_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Consent | None, data)

        consent = _parse_consent(d.pop("consent"))


        created = d.pop("created")

        currency = d.pop("currency")

        customer = d.pop("customer")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))


        escrow = d.pop("escrow")

        def _parse_escrow_release_at(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        escrow_release_at = _parse_escrow_release_at(d.pop("escrow_release_at"))


        def _parse_escrow_status(data: object) -> EscrowState | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                escrow_status_type_0 = EscrowState(data)



                return escrow_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EscrowState | None, data)

        escrow_status = _parse_escrow_status(d.pop("escrow_status"))


        def _parse_failure_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        failure_code = _parse_failure_code(d.pop("failure_code"))


        fee_minor = d.pop("fee_minor")

        def _parse_fx_quote(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        fx_quote = _parse_fx_quote(d.pop("fx_quote"))


        id = d.pop("id")

        def _parse_mandate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        mandate = _parse_mandate(d.pop("mandate"))


        merchant = d.pop("merchant")

        metadata = PaymentMetadata.from_dict(d.pop("metadata"))




        def _parse_next_action(data: object) -> NextAction | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                next_action_type_0 = NextAction.from_dict(data)



                return next_action_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NextAction | None, data)

        next_action = _parse_next_action(d.pop("next_action"))


        object_ = cast(Literal['payment'] , d.pop("object"))
        if object_ != 'payment':
            raise ValueError(f"object must match const 'payment', got '{object_}'")

        def _parse_operator_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        operator_reason = _parse_operator_reason(d.pop("operator_reason"))


        def _parse_presentment_amount_minor(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        presentment_amount_minor = _parse_presentment_amount_minor(d.pop("presentment_amount_minor"))


        def _parse_presentment_currency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        presentment_currency = _parse_presentment_currency(d.pop("presentment_currency"))


        status = PaymentState(d.pop("status"))




        wallet = d.pop("wallet")

        payment = cls(
            amount_capturable_minor=amount_capturable_minor,
            amount_captured_minor=amount_captured_minor,
            amount_minor=amount_minor,
            amount_refunded_minor=amount_refunded_minor,
            authorization_entry=authorization_entry,
            authorization_expires_at=authorization_expires_at,
            cancellation_reason=cancellation_reason,
            capture_method=capture_method,
            consent=consent,
            created=created,
            currency=currency,
            customer=customer,
            description=description,
            escrow=escrow,
            escrow_release_at=escrow_release_at,
            escrow_status=escrow_status,
            failure_code=failure_code,
            fee_minor=fee_minor,
            fx_quote=fx_quote,
            id=id,
            mandate=mandate,
            merchant=merchant,
            metadata=metadata,
            next_action=next_action,
            object_=object_,
            operator_reason=operator_reason,
            presentment_amount_minor=presentment_amount_minor,
            presentment_currency=presentment_currency,
            status=status,
            wallet=wallet,
        )

        return payment

