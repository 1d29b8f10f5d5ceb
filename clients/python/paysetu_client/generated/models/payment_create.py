from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.payment_create_metadata import PaymentCreateMetadata





T = TypeVar("T", bound="PaymentCreate")



@_attrs_define
class PaymentCreate:
    """ 
        Attributes:
            amount_minor (int): Integer amount in the currency's minor unit.
            currency (str): ISO 4217 code; the paying wallet's currency.
            wallet (str): The payer's wallet (wal_...).
            capture_method (str | Unset): `automatic` (charged at confirm) or `manual` (authorised at confirm, captured
                later). Default: 'automatic'.
            confirm (bool | Unset): Confirm in the same request. Default: False.
            description (None | str | Unset): Up to 1,000 characters.
            escrow (bool | Unset): Hold the funds in escrow until the buyer confirms receipt. Default: False.
            fx_quote (None | str | Unset): Cross-border: an FX quote (quo_...) whose buy side is this amount and currency;
                the wallet, in the quote's sell currency, pays the quoted sell amount. Automatic capture only.
            mandate (None | str | Unset): Debit under this mandate (man_...) of the customer: within its terms the payment
                needs no approval. Without one, the customer approves each payment (`requires_action`).
            merchant (None | str | Unset): The merchant (mer_...) paid; required with a platform key, a merchant key's
                payments are its own.
            metadata (PaymentCreateMetadata | Unset):
            operator_reason (None | str | Unset): Platform key only: debit the wallet without the customer, as an operator
                action recorded with this reason (1-500 characters).
     """

    amount_minor: int
    currency: str
    wallet: str
    capture_method: str | Unset = 'automatic'
    confirm: bool | Unset = False
    description: None | str | Unset = UNSET
    escrow: bool | Unset = False
    fx_quote: None | str | Unset = UNSET
    mandate: None | str | Unset = UNSET
    merchant: None | str | Unset = UNSET
    metadata: PaymentCreateMetadata | Unset = UNSET
    operator_reason: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.payment_create_metadata import PaymentCreateMetadata # noqa: PLC0415
        amount_minor = self.amount_minor

        currency = self.currency

        wallet = self.wallet

        capture_method = self.capture_method

        confirm = self.confirm

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        escrow = self.escrow

        fx_quote: None | str | Unset
        if isinstance(self.fx_quote, Unset):
            fx_quote = UNSET
        else:
            fx_quote = self.fx_quote

        mandate: None | str | Unset
        if isinstance(self.mandate, Unset):
            mandate = UNSET
        else:
            mandate = self.mandate

        merchant: None | str | Unset
        if isinstance(self.merchant, Unset):
            merchant = UNSET
        else:
            merchant = self.merchant

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        operator_reason: None | str | Unset
        if isinstance(self.operator_reason, Unset):
            operator_reason = UNSET
        else:
            operator_reason = self.operator_reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_minor": amount_minor,
            "currency": currency,
            "wallet": wallet,
        })
        if capture_method is not UNSET:
            field_dict["capture_method"] = capture_method
        if confirm is not UNSET:
            field_dict["confirm"] = confirm
        if description is not UNSET:
            field_dict["description"] = description
        if escrow is not UNSET:
            field_dict["escrow"] = escrow
        if fx_quote is not UNSET:
            field_dict["fx_quote"] = fx_quote
        if mandate is not UNSET:
            field_dict["mandate"] = mandate
        if merchant is not UNSET:
            field_dict["merchant"] = merchant
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if operator_reason is not UNSET:
            field_dict["operator_reason"] = operator_reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.payment_create_metadata import PaymentCreateMetadata # noqa: PLC0415
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        currency = d.pop("currency")

        wallet = d.pop("wallet")

        capture_method = d.pop("capture_method", UNSET)

        confirm = d.pop("confirm", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        escrow = d.pop("escrow", UNSET)

        def _parse_fx_quote(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fx_quote = _parse_fx_quote(d.pop("fx_quote", UNSET))


        def _parse_mandate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        mandate = _parse_mandate(d.pop("mandate", UNSET))


        def _parse_merchant(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        merchant = _parse_merchant(d.pop("merchant", UNSET))


        _metadata = d.pop("metadata", UNSET)
        metadata: PaymentCreateMetadata | Unset
        if isinstance(_metadata,  Unset):
            metadata = UNSET
        else:
            metadata = PaymentCreateMetadata.from_dict(_metadata)




        def _parse_operator_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        operator_reason = _parse_operator_reason(d.pop("operator_reason", UNSET))


        payment_create = cls(
            amount_minor=amount_minor,
            currency=currency,
            wallet=wallet,
            capture_method=capture_method,
            confirm=confirm,
            description=description,
            escrow=escrow,
            fx_quote=fx_quote,
            mandate=mandate,
            merchant=merchant,
            metadata=metadata,
            operator_reason=operator_reason,
        )

        return payment_create

