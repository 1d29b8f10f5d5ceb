"""Payments: create, confirm, capture, cancel, and the sweep of lapsed authorisations.

States (domain.md section 4)::

    requires_confirmation --confirm, with consent--> (debit)
    requires_confirmation --confirm, no consent----> requires_action
    requires_action --customer approves with the PIN--> (debit)
    requires_action --customer refuses--> failed (failure_code "customer_refused")
    requires_action --approval timeout--> canceled (cancellation_reason "expired")
    (debit), automatic --> succeeded
    (debit), manual -----> requires_capture --capture--> succeeded
    requires_confirmation | requires_action | requires_capture --cancel--> canceled
    requires_capture --authorisation timeout--> canceled (cancellation_reason "expired")

Consent (domain.md section 7, ``docs/customers.md``): a confirm debits the wallet only when
the payer agreed: the platform key with an ``operator_reason`` (an operator action, recorded
on the payment, its events and its ledger entries), a live mandate the payment names, or a
buyer paying on a hosted page (checkout and the gateway create those payments themselves).
Anything else, whoever's key, waits in ``requires_action`` for the customer, before the
wallet is read: the answer is the same for a rich and an empty wallet, and a wallet that
cannot fund the payment is found out only when its customer approves
(:mod:`paysetu.payments.usecases.approvals`).

Every operation on a payment first locks its row (``FOR NO KEY UPDATE``), then applies its
ledger entries, then saves the new state and emits its event, all in the caller's transaction:
concurrent captures, cancels and refunds of one payment run one after another and each sees
the state the previous one left.

A debit the paying wallet cannot fund is refused (402 ``exceeds_available_balance``) and
changes nothing: the payment stays ``requires_confirmation`` and can be confirmed again after
a top-up. Recording a ``failed`` payment would need a write that survives the refusal's
rollback, and the caller already has the answer; the code is transient, so a retry with the
same Idempotency-Key runs again rather than replaying the refusal.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from paysetu.access.rules.principals import Principal, Role
from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.events.usecases.events import emit
from paysetu.kernel.invariants import invariant
from paysetu.kernel.money import is_currency
from paysetu.kernel.money_display import shown
from paysetu.kernel.pagination import PageRequest
from paysetu.ledger.rules.entries import EntryRequest, PendingResolution
from paysetu.ledger.rules.errors import CreateEntryStatus, EntryRejected
from paysetu.payments.rules.errors import PaymentRejected, PaymentStatus
from paysetu.payments.rules.payments import (
    CaptureMethod,
    Consent,
    EscrowState,
    Payment,
    PaymentState,
    authorization_entry,
    charge_entry,
    destination_of,
    entry_metadata,
    fee_entry,
    with_split,
)
from paysetu.payments.usecases import fx_payments
from paysetu.payments.usecases.approvals_state import (
    EXPIRED,
    authorization_lapsed,
    consent_metadata,
    initial_consent,
    lapsed,
    mandate_consent,
    require_action,
)
from paysetu.payments.usecases.checks import (
    check_amount,
    check_cursors,
    check_metadata,
    check_text,
    merchant_scope,
    storable,
    visible_payment,
)
from paysetu.payments.usecases.merchants import get_merchant, merchant_accounts
from paysetu.payments.usecases.objects import payment_object
from paysetu.payments.usecases.payer_rows import (
    PayerRows,
    payer_of,
    read_ahead_capture,
    read_ahead_payer,
    read_for_create,
)
from paysetu.payments.usecases.ports import PaymentsContext, PaymentsUnitOfWork

CANCELLATION_REASONS = frozenset({"duplicate", "fraudulent", "requested_by_customer", "abandoned"})
OPERATOR_REASON_LENGTH_MAX = 500
SWEEP_BATCH_MAX = 100


@dataclass(frozen=True, slots=True)
class CreatePayment:
    """A request to take ``amount_minor`` from a customer's wallet for a merchant.

    Attributes:
        merchant: Required with the platform key; a merchant key pays only itself.
        confirm: Confirm in the same request (one round trip for the common case).
        fx_quote: A cross-border payment: the quote (quo_...) whose buy side is this amount
            and currency, paid from a wallet in its sell currency
            (payments/usecases/fx_payments.py).
        operator_reason: Platform key only: debit without the customer, as an operator
            action, for this recorded reason.
        mandate: A mandate (man_...) of the customer for this merchant to debit under.
        buyer_present: Set by the hosted checkout and the gateway (never by the API): the
            buyer is paying on their page right now.
        customer_approved: Set only by ``customers/usecases/wallet_pay.py`` (session, PIN).
    """

    amount_minor: int
    currency: str
    wallet: str
    merchant: str | None = None
    capture_method: str = "automatic"
    escrow: bool = False
    description: str | None = None
    metadata: Mapping[str, str] | None = None
    confirm: bool = False
    fx_quote: str | None = None
    operator_reason: str | None = None
    mandate: str | None = None
    buyer_present: bool = False
    customer_approved: bool = False


def _validated_create(command: CreatePayment) -> None:
    if not is_currency(command.currency):
        raise PaymentRejected(PaymentStatus.CURRENCY_INVALID, param="currency")
    check_amount(command.amount_minor)
    if command.capture_method not in {m.value for m in CaptureMethod}:
        raise PaymentRejected(PaymentStatus.CAPTURE_METHOD_INVALID, param="capture_method")
    check_metadata(command.metadata or {})
    check_text(command.description, "description")
    reason = command.operator_reason
    if reason is not None and not (0 < len(reason) <= OPERATOR_REASON_LENGTH_MAX):
        raise PaymentRejected(PaymentStatus.OPERATOR_REASON_INVALID, param="operator_reason")


def create_payment(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, caller: Principal, command: CreatePayment
) -> dict[str, Any]:
    """Create a payment in ``requires_confirmation``; confirm it too if asked."""
    _validated_create(command)
    merchant_id = command.merchant
    if not storable(merchant_id):
        raise PaymentRejected(PaymentStatus.MERCHANT_NOT_FOUND, param="merchant")
    if merchant_id is None and caller.role is Role.PLATFORM:
        raise RequestRejected(
            RequestStatus.PARAMETER_MISSING, "merchant is required with a platform key.",
            "merchant",
        )
    consent = initial_consent(caller.role, command.operator_reason,
                              buyer_present=command.buyer_present,
                              customer_approved=command.customer_approved)
    merchant_id = merchant_id or caller.owner_id or ""
    # a confirm under the mandate will lock it: lock it at this read (the caller's own only)
    lock = command.confirm and consent is None and caller.owns_merchant(merchant_id)
    rows = read_for_create(ctx, uow, caller, merchant_id, command.wallet, command.mandate,
                           debit_minor=command.amount_minor if lock else None)
    merchant, wallet, mandate = rows.merchant, rows.wallet, rows.mandate
    quote = None
    if command.fx_quote is not None:
        quote = fx_payments.take_quote(
            ctx, uow, caller, command.fx_quote, merchant_id=merchant.id,
            amount_minor=command.amount_minor, currency=command.currency,
            wallet_currency=wallet.currency, capture_method=command.capture_method)
    elif wallet.currency != command.currency:
        raise PaymentRejected(PaymentStatus.CURRENCY_MISMATCH, param="currency")
    now = ctx.clock.now()
    payment = Payment(
        id=ctx.ids.new_id("pay"), merchant_id=merchant.id, customer_id=wallet.customer_id,
        wallet_id=wallet.id, amount_minor=command.amount_minor, currency=command.currency,
        capture_method=CaptureMethod(command.capture_method), escrow=command.escrow,
        status=PaymentState.REQUIRES_CONFIRMATION, amount_captured_minor=0,
        amount_refunded_minor=0, fee_minor=0, authorization_entry_id=None,
        authorization_expires_at=None, escrow_status=None, escrow_release_at=None,
        failure_code=None, cancellation_reason=None, description=command.description,
        metadata=dict(command.metadata or {}), created_at=now, updated_at=now,
        consent=consent, operator_reason=command.operator_reason,
        mandate_id=None if mandate is None else mandate.id,
    )
    if quote is not None:
        payment = fx_payments.with_quote(payment, quote)
    uow.payments.insert(payment)
    if quote is not None:
        uow.fx_quotes.mark_used(quote.id, payment.id)
    obj = payment_object(payment)
    emit(ctx, uow, merchant.id, "payment.created", obj)
    if command.confirm:
        return _confirm(ctx, uow, payment, created_here=True, read=rows)
    return obj


def confirm_payment(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, caller: Principal, payment_id: str, *,
    buyer_present: bool = False, operator_reason: str | None = None,
    customer_approved: bool = False,
) -> dict[str, Any]:
    """Charge (automatic) or authorise (manual) the payer's wallet, when the payer agreed;
    otherwise ask the customer (``requires_action``). ``buyer_present``: the gateway's buyer
    is paying on their page or with their payment code; ``operator_reason``: the wallet
    operator (a platform-key route of the gateway) debits, with its stated reason. Neither is
    ever set from a merchant's request; nor is ``customer_approved`` (the customer signed in
    and gave the PIN: the gateway's wallet pay page)."""
    if operator_reason is not None and not (
            0 < len(operator_reason) <= OPERATOR_REASON_LENGTH_MAX):
        raise PaymentRejected(PaymentStatus.OPERATOR_REASON_INVALID, param="operator_reason")
    payment = visible_payment(uow, caller, payment_id, for_update=True)
    if payment.status is not PaymentState.REQUIRES_CONFIRMATION:
        raise PaymentRejected(
            PaymentStatus.PAYMENT_UNEXPECTED_STATE,
            f"Only a payment in requires_confirmation can be confirmed; {payment.id} is"
            f" {payment.status.value}.",
        )
    if operator_reason is not None and payment.consent is None:
        payment = replace(payment, consent=Consent.OPERATOR, operator_reason=operator_reason)
    if customer_approved and payment.consent is None:
        payment = replace(payment, consent=Consent.CUSTOMER)
    if buyer_present and payment.consent is None:
        payment = replace(payment, consent=Consent.BUYER)
    return _confirm(ctx, uow, payment)


def _apply_for_payer(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, payment: Payment,
    entries: list[EntryRequest], *, created_here: bool,
) -> None:
    """Apply the payer's entries; a wallet that cannot fund them is a 402 whose message names
    the payment only when it exists (one created in this request is rolled back with it)."""
    try:
        uow.ledger.apply(entries, ctx.clock.now())
    except EntryRejected as rejection:
        if rejection.code is CreateEntryStatus.EXCEEDS_CREDITS:
            amount = shown(payment.amount_minor, payment.currency)
            outcome = ("the payment was not created." if created_here else
                       f"payment {payment.id} stays {payment.status.value}.")
            raise PaymentRejected(
                PaymentStatus.EXCEEDS_AVAILABLE_BALANCE,
                f"Wallet {payment.wallet_id} cannot cover {amount}; {outcome}", "wallet",
            ) from None
        raise


def escrow_hold(ctx: PaymentsContext, payment: Payment, captured_at: datetime) -> dict[str, Any]:
    """The escrow fields of a payment just captured (none for a direct payment)."""
    release_at = captured_at + timedelta(seconds=ctx.policy.escrow_release_s)
    return {"escrow_status": EscrowState.HELD, "escrow_release_at": release_at} if (
        payment.escrow) else {}


def _confirm(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, payment: Payment, *, created_here: bool = False,
    read: PayerRows | None = None,
) -> dict[str, Any]:
    """Debit with the consent the payment carries, under its mandate, or ask the customer."""
    if payment.consent is not None:
        return debit(ctx, uow, payment, created_here=created_here, read=read)
    if payment.mandate_id is None:
        return require_action(ctx, uow, payment, "no_mandate")
    if read is None:  # the mandate, and what a debit under it reads, in one round trip
        uow.mandates.read_ahead(payment.mandate_id, for_update=True)
        read_ahead_payer(uow, payment)
    mandated = mandate_consent(ctx, uow, payment, payment.mandate_id, read=read)
    if mandated is None:
        return require_action(ctx, uow, payment, "above_mandate_threshold")
    return debit(ctx, uow, mandated, created_here=created_here, read=read)


def debit(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, payment: Payment, *, created_here: bool = False,
    read: PayerRows | None = None,
) -> dict[str, Any]:
    """Charge (automatic) or authorise (manual) the wallet: ``payment.consent`` says why;
    ``read``: what a create with ``confirm`` read (:mod:`.payer_rows`)."""
    invariant(payment.consent is not None, "a wallet is debited only with the payer's consent")
    merchant, wallet = payer_of(uow, payment, read)
    accounts = merchant_accounts(ctx, uow, merchant.id, payment.currency)
    destination = destination_of(payment, accounts)
    now = ctx.clock.now()
    entry_id = ctx.ids.new_id("je")
    if payment.capture_method is CaptureMethod.AUTOMATIC:
        fee = merchant.fee_plan.fee_for(payment.amount_minor)
        charges = fx_payments.charge_entries(
            ctx, uow, payment, wallet.account_id, destination, accounts.fees, fee,
        ) if payment.fx_quote_id else [charge_entry(
            entry_id, wallet.account_id, destination, accounts.fees, payment.amount_minor, fee,
            payment.currency, entry_metadata("payment", payment, **consent_metadata(payment)))]
        # a marketplace order's split rides on the entry crediting the payee (FX: the buy leg)
        split = ctx.charge_split(uow, payment, fee, charges[-1].id)
        last = charges[-1] if split is None else with_split(charges[-1], split)
        entries: list[EntryRequest] = [*charges[:-1], last]
        succeeded = replace(
            payment, status=PaymentState.SUCCEEDED, amount_captured_minor=payment.amount_minor,
            fee_minor=fee, updated_at=now, **escrow_hold(ctx, payment, now),
        )
        # The charge goes last: it takes the row locks of the merchant's and the platform's
        # fee accounts, which every payment to the merchant needs, and holds them to COMMIT.
        # Writing the payment and its event first keeps them out of that window. A refusal
        # raises, and the caller's rollback takes the two writes back with it.
        uow.payments.save(succeeded)
        obj = payment_object(succeeded)
        emit(ctx, uow, payment.merchant_id, "payment.succeeded", obj)
        _apply_for_payer(ctx, uow, payment, entries, created_here=created_here)
        return obj
    # An authorisation is written first: the payment row names its ledger entry (foreign key).
    timeout_s = ctx.policy.authorization_timeout_s
    _apply_for_payer(ctx, uow, payment, created_here=created_here, entries=[authorization_entry(
        entry_id, wallet.account_id, destination, payment.amount_minor, payment.currency,
        timeout_s, entry_metadata("authorization", payment, **consent_metadata(payment)))])
    authorised = replace(
        payment, status=PaymentState.REQUIRES_CAPTURE, authorization_entry_id=entry_id,
        authorization_expires_at=now + timedelta(seconds=timeout_s), updated_at=now,
    )
    uow.payments.save(authorised)
    obj = payment_object(authorised)
    emit(ctx, uow, payment.merchant_id, "payment.requires_capture", obj)
    return obj


def capture_payment(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, caller: Principal, payment_id: str,
    amount_minor: int | None,
) -> dict[str, Any]:
    """Post the authorisation (all of it, or ``amount_minor``; the rest goes back) and the fee."""
    if amount_minor is not None:
        check_amount(amount_minor)
    read_ahead_capture(uow, caller, payment_id)
    payment = visible_payment(uow, caller, payment_id, for_update=True)
    now = ctx.clock.now()
    if payment.cancellation_reason == EXPIRED or authorization_lapsed(payment, now):
        raise PaymentRejected(PaymentStatus.AUTHORIZATION_EXPIRED, param="payment")
    authorization = payment.authorization_entry_id
    if payment.status is not PaymentState.REQUIRES_CAPTURE or authorization is None:
        raise PaymentRejected(
            PaymentStatus.PAYMENT_UNEXPECTED_STATE,
            f"Only a payment in requires_capture can be captured; {payment.id} is"
            f" {payment.status.value}.",
        )
    amount = payment.amount_minor if amount_minor is None else amount_minor
    if amount > payment.amount_minor:
        raise PaymentRejected(PaymentStatus.CAPTURE_EXCEEDS_AUTHORIZED, param="amount_minor")
    merchant = get_merchant(uow, caller, payment.merchant_id)
    accounts = merchant_accounts(ctx, uow, merchant.id, payment.currency)
    fee = merchant.fee_plan.fee_for(amount)
    batch: list[EntryRequest] = [PendingResolution(
        ctx.ids.new_id("je"), authorization, post=True,
        amount_minor=None if amount == payment.amount_minor else amount,
        metadata=entry_metadata("capture", payment))]
    if fee:
        batch.append(fee_entry(
            ctx.ids.new_id("je"), destination_of(payment, accounts), accounts.fees, fee,
            payment.currency, entry_metadata("fee", payment)))
    try:
        uow.ledger.apply(batch, now)
    except EntryRejected as rejection:
        if rejection.code is CreateEntryStatus.PENDING_TRANSFER_EXPIRED:
            raise PaymentRejected(PaymentStatus.AUTHORIZATION_EXPIRED, param="payment") from None
        raise
    payment = replace(payment, status=PaymentState.SUCCEEDED, amount_captured_minor=amount,
                      fee_minor=fee, updated_at=now, **escrow_hold(ctx, payment, now))
    uow.payments.save(payment)
    obj = payment_object(payment)
    emit(ctx, uow, payment.merchant_id, "payment.succeeded", obj)
    return obj


def cancel_payment(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, caller: Principal, payment_id: str,
    reason: str | None,
) -> dict[str, Any]:
    """Cancel before capture; an authorisation is voided (one that lapsed is expired)."""
    if reason is not None and reason not in CANCELLATION_REASONS:
        raise RequestRejected(
            RequestStatus.PARAMETER_INVALID,
            "cancellation_reason is one of " + ", ".join(sorted(CANCELLATION_REASONS)) + ".",
            "cancellation_reason",
        )
    payment = visible_payment(uow, caller, payment_id, for_update=True)
    now = ctx.clock.now()
    if lapsed(payment, now):
        return _expire(ctx, uow, payment, now)
    if payment.status is PaymentState.REQUIRES_CAPTURE and payment.authorization_entry_id:
        uow.ledger.apply([PendingResolution(
            ctx.ids.new_id("je"), payment.authorization_entry_id, post=False,
            metadata=entry_metadata("cancel", payment))], now)
    elif payment.status not in (PaymentState.REQUIRES_CONFIRMATION, PaymentState.REQUIRES_ACTION):
        raise PaymentRejected(
            PaymentStatus.PAYMENT_UNEXPECTED_STATE,
            f"Only a payment not yet captured can be canceled; {payment.id} is"
            f" {payment.status.value}.",
        )
    payment = replace(payment, status=PaymentState.CANCELED, cancellation_reason=reason,
                      action_expires_at=None, updated_at=now)
    uow.payments.save(payment)
    obj = payment_object(payment)
    emit(ctx, uow, payment.merchant_id, "payment.canceled", obj)
    return obj


def _expire(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, payment: Payment, now: datetime
) -> dict[str, Any]:
    """Cancel a locked payment whose authorisation (the ledger releases the funds) or
    approval lapsed."""
    if payment.authorization_entry_id is not None:
        uow.ledger.expire(now, pending_id=payment.authorization_entry_id)
    payment = replace(payment, status=PaymentState.CANCELED, cancellation_reason=EXPIRED,
                      action_expires_at=None, updated_at=now)
    uow.payments.save(payment)
    obj = payment_object(payment)
    emit(ctx, uow, payment.merchant_id, "payment.canceled", obj)
    return obj


def authorization_due(ctx: PaymentsContext, uow: PaymentsUnitOfWork, payment_id: str) -> bool:
    """Whether the payment's authorisation or approval lapsed and is not yet expired (one
    read, no lock)."""
    payment = uow.payments.get(payment_id) if storable(payment_id) else None
    return payment is not None and lapsed(payment, ctx.clock.now())


def expire_if_due(ctx: PaymentsContext, uow: PaymentsUnitOfWork, payment_id: str) -> bool:
    """Lazy expiry of one payment (before a capture or a read); True if it was expired now.

    Needs no caller: it reveals nothing and does only what the sweep would do anyway.
    """
    now = ctx.clock.now()
    if not authorization_due(ctx, uow, payment_id):
        return False
    payment = uow.payments.get(payment_id, for_update=True)
    if payment is None or not lapsed(payment, now):
        return False
    _expire(ctx, uow, payment, now)
    return True


def expire_authorizations(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, now: datetime, limit: int = SWEEP_BATCH_MAX
) -> int:
    """For the worker: cancel up to ``limit`` payments whose authorisation lapsed by ``now``.

    Payments a request is working on are skipped (it will see the lapse itself); returns how
    many were canceled. The caller commits.
    """
    due = uow.payments.due_authorizations(now, limit)
    for payment in due:
        _expire(ctx, uow, payment, now)
    return len(due)


def expire_approvals(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, now: datetime, limit: int = SWEEP_BATCH_MAX
) -> int:
    """For the worker: cancel up to ``limit`` payments whose customer never answered by
    ``now`` (nothing was reserved, so nothing moves); the caller commits."""
    due = uow.payments.due_approvals(now, limit)
    for payment in due:
        _expire(ctx, uow, payment, now)
    return len(due)


def get_payment(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, caller: Principal, payment_id: str
) -> dict[str, Any]:
    """The payment as the caller may see it, after lazy expiry (the caller commits)."""
    visible_payment(uow, caller, payment_id)
    expire_if_due(ctx, uow, payment_id)
    return payment_object(visible_payment(uow, caller, payment_id))


def list_payments(
    uow: PaymentsUnitOfWork,
    caller: Principal,
    merchant: str | None,
    status: str | None,
    page: PageRequest,
) -> tuple[list[dict[str, Any]], bool]:
    """Newest first, only the caller's merchant's (the platform may filter by merchant)."""
    scope = merchant_scope(caller)
    if not storable(merchant) or (merchant is not None and scope not in (None, merchant)):
        raise PaymentRejected(PaymentStatus.MERCHANT_NOT_FOUND, param="merchant")
    check_cursors(page)
    if status is not None and status not in {s.value for s in PaymentState}:
        raise RequestRejected(
            RequestStatus.PARAMETER_INVALID,
            "status is one of " + ", ".join(s.value for s in PaymentState) + ".",
            "status",
        )
    items, has_more = uow.payments.list_page(scope or merchant, status, page)
    return [payment_object(p) for p in items], has_more
