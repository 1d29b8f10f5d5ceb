"""Checkout sessions, the buyer's side: choose a presentment currency, lock a quote, pay once.

No API key: whoever holds the session id (it carries 192 random bits) acts as the buyer, and
the platform acts for the session's merchant when it quotes and books the payment, so the
quote, the payment and their events are the merchant's own, exactly as if its key had made them.

Paying runs in the caller's one transaction, in this order:

1. lock the session's row (``FOR NO KEY UPDATE``); a paid session answers with its receipt
   (``newly_paid`` False): a double click, a second tab or the back button all end here;
2. refuse an expired session, an amount the buyer did not confirm (``checkout_quote_stale``:
   another tab changed the currency or re-quoted), an expired quote (``quote_expired``: the
   page re-quotes), then the simulated source (``payment_source_invalid``, ``source_declined``);
3. fund a guest wallet in the presentment currency from the simulated card/UPI source through
   the normal top-up path (:func:`paysetu.wallets.usecases.wallets.top_up`);
4. pay through :func:`paysetu.payments.usecases.payments.create_payment` (with the quote when the
   currencies differ), so the ledger entries, fee and events are a normal payment's;
5. mark the session ``complete`` with that payment;
6. tell the Alipay gateway (``ctx.checkout_paid``, :func:`paysetu.alipay.usecases.alipay_pages.
   checkout_paid`): a session
   opened by ``alipay.trade.page.pay``/``wap.pay`` links its trade to the payment and queues
   the merchant's ``TRADE_SUCCESS`` notification in this same transaction (other sessions:
   nothing happens). The one explicit hook keeps the checkout unaware of Alipay otherwise.

Any refusal rolls all of it back: nothing is half-paid.

Guest customers are ``full`` KYC: a card or UPI account is the issuing bank's KYC'd instrument,
and the guest wallet only passes the money through within the transaction (it ends at zero).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from paysetu.access.rules.principals import Principal, Role
from paysetu.checkout.rules.errors import CheckoutRejected, CheckoutStatus
from paysetu.checkout.rules.sessions import (
    CartLine,
    CheckoutSession,
    CheckoutState,
    SimulatedSource,
    SourceKind,
    check_presentment,
    check_source,
)
from paysetu.checkout.usecases.checkout import session_object
from paysetu.checkout.usecases.ports import CheckoutContext, CheckoutUnitOfWork
from paysetu.events.usecases.events import emit
from paysetu.kernel.invariants import InvariantViolation, invariant
from paysetu.kernel.money import is_currency
from paysetu.payments.rules.fx_errors import FxRejected, FxStatus
from paysetu.payments.rules.fx_quotes import Quote
from paysetu.payments.rules.payments import Payment, PaymentState
from paysetu.payments.usecases import fx_quotes, payments
from paysetu.payments.usecases.checks import storable
from paysetu.wallets.rules.wallets import Wallet
from paysetu.wallets.usecases import wallets

CHECKOUT_KEY_ID = "key_checkout"
"""The ``api_key_id`` of the principal the checkout acts as (no key was presented)."""


@dataclass(frozen=True, slots=True)
class PayCheckout:
    """What the buyer confirmed on the page.

    Attributes:
        presentment_currency: The currency the buyer pays in.
        fx_quote: The quote the page showed (None when paying in the price currency).
        source: ``card`` or ``upi``; with ``card_number`` or ``upi_id``.
    """

    presentment_currency: str
    fx_quote: str | None
    source: str
    card_number: str | None = None
    upi_id: str | None = None


@dataclass(frozen=True, slots=True)
class CheckoutView:
    """Everything the hosted page shows.

    Attributes:
        quote: The session's current quote (None when paying in the price currency).
        payment: The payment that paid the session, once it is complete.
        newly_paid: True only for the request that paid it.
        now: The instant the view was read (the page's countdown starts from it).
    """

    session: CheckoutSession
    merchant_name: str
    quote: Quote | None
    payment: Payment | None
    now: datetime
    newly_paid: bool = False
    cart: tuple[CartLine, ...] = ()

    @property
    def state(self) -> CheckoutState:
        return self.session.state_at(self.now)

    @property
    def quote_expired(self) -> bool:
        return self.quote is not None and self.now >= self.quote.expires_at


def acting_merchant(session: CheckoutSession) -> Principal:
    """The principal the checkout acts as: the session's merchant, with no key."""
    return Principal(CHECKOUT_KEY_ID, Role.MERCHANT, session.merchant_id, livemode=False)


def _session(uow: CheckoutUnitOfWork, session_id: str, *, for_update: bool) -> CheckoutSession:
    session = (uow.checkout_sessions.get(session_id, for_update=for_update)
               if storable(session_id) else None)
    if session is None:
        raise CheckoutRejected(CheckoutStatus.CHECKOUT_SESSION_NOT_FOUND, param="session")
    return session


def _view(ctx: CheckoutContext, uow: CheckoutUnitOfWork, session: CheckoutSession,
          newly_paid: bool = False) -> CheckoutView:
    merchant = uow.merchants.get(session.merchant_id)
    if merchant is None:
        raise InvariantViolation("a session's merchant exists (foreign key)")
    quote = None if session.fx_quote_id is None else uow.fx_quotes.get(session.fx_quote_id)
    payment = None if session.payment_id is None else uow.payments.get(session.payment_id)
    return CheckoutView(session, merchant.legal_name, quote, payment, ctx.clock.now(), newly_paid,
                        tuple(ctx.checkout_cart(uow, session.id)))


def buyer_view(ctx: CheckoutContext, uow: CheckoutUnitOfWork, session_id: str) -> CheckoutView:
    """The session as the buyer sees it (404 ``checkout_session_not_found`` if none)."""
    return _view(ctx, uow, _session(uow, session_id, for_update=False))


def _check_open(session: CheckoutSession, now: datetime) -> None:
    state = session.state_at(now)
    if state is CheckoutState.COMPLETE:
        raise CheckoutRejected(CheckoutStatus.CHECKOUT_SESSION_COMPLETE, param="session")
    if state is CheckoutState.EXPIRED:
        raise CheckoutRejected(CheckoutStatus.CHECKOUT_SESSION_EXPIRED, param="session")


def choose_currency(
    ctx: CheckoutContext, uow: CheckoutUnitOfWork, session_id: str, currency: str
) -> CheckoutView:
    """Price the session in ``currency``: locks a fresh quote unless the current one still holds.

    Choosing the price currency needs no quote. Choosing the current currency again after its
    quote expired is the re-quote.
    """
    session = _session(uow, session_id, for_update=True)
    now = ctx.clock.now()
    _check_open(session, now)
    if not is_currency(currency):
        raise CheckoutRejected(CheckoutStatus.PRESENTMENT_CURRENCY_UNSUPPORTED,
                               param="presentment_currency")
    check_presentment(currency, session)
    if currency == session.currency:
        session = replace(session, presentment_currency=currency,
                          presentment_amount_minor=session.amount_minor, fx_quote_id=None,
                          updated_at=now)
    else:
        current = None if session.fx_quote_id is None else uow.fx_quotes.get(session.fx_quote_id)
        if current is None or current.terms.sell_currency != currency or now >= current.expires_at:
            current = _new_quote(ctx, uow, session, currency)
        session = replace(session, presentment_currency=currency,
                          presentment_amount_minor=current.terms.sell_amount_minor,
                          fx_quote_id=current.id, updated_at=now)
    uow.checkout_sessions.save(session)
    return _view(ctx, uow, session)


def _new_quote(ctx: CheckoutContext, uow: CheckoutUnitOfWork, session: CheckoutSession,
               currency: str) -> Quote:
    command = fx_quotes.CreateQuote(sell_currency=currency, buy_currency=session.currency,
                                    buy_amount_minor=session.amount_minor)
    created = fx_quotes.create_quote(ctx, uow, acting_merchant(session), command)
    quote = uow.fx_quotes.get(str(created["id"]))
    if quote is None:
        raise InvariantViolation("a quote just inserted can be read back")
    return quote


def _confirmed_quote(
    ctx: CheckoutContext, uow: CheckoutUnitOfWork, session: CheckoutSession, command: PayCheckout
) -> Quote | None:
    """The quote the buyer confirmed, if it is still the session's and still locked."""
    cross_border = command.presentment_currency != session.currency
    matches = (command.fx_quote == session.fx_quote_id
               and (session.presentment_currency == command.presentment_currency
                    or (session.presentment_currency is None and not cross_border)))
    if not matches:
        raise CheckoutRejected(CheckoutStatus.CHECKOUT_QUOTE_STALE, param="fx_quote")
    if not cross_border:
        return None
    quote = uow.fx_quotes.get(session.fx_quote_id or "")
    if quote is None:
        raise InvariantViolation("a session's quote exists (foreign key)")
    if ctx.clock.now() >= quote.expires_at:
        raise FxRejected(FxStatus.QUOTE_EXPIRED, f"The rate locked for {quote.terms.sell_currency}"
                         " expired; get a new rate and pay again.", "fx_quote")
    return quote


def _fund_guest_wallet(
    ctx: CheckoutContext,
    uow: CheckoutUnitOfWork,
    session: CheckoutSession,
    source: SimulatedSource,
    currency: str,
    amount_minor: int,
) -> str:
    """A guest wallet in ``currency`` holding exactly ``amount_minor``, topped up from the
    simulated source through the normal top-up path."""
    tags = {"checkout_session": session.id, "source": source.kind.value}
    customer = wallets.create_customer(
        ctx, uow, f"Checkout buyer ({source.kind.value} {source.hint})", None, "full", tags
    )
    wallet = wallets.create_wallet(ctx, uow, str(customer["id"]), currency)
    wallets.top_up(ctx, uow, str(wallet["id"]), amount_minor, currency, tags)
    return str(wallet["id"])


def pay_session(
    ctx: CheckoutContext,
    uow: CheckoutUnitOfWork,
    session_id: str,
    command: PayCheckout,
    *,
    public_base: str,
) -> CheckoutView:
    """Pay the session once (see the module docstring); a paid one returns its receipt.

    ``public_base`` is the address buyers reach the pages at: the ``checkout.session.completed``
    event carries the session as the API shows it, page URL included."""
    session = _session(uow, session_id, for_update=True)
    if session.status is CheckoutState.COMPLETE:
        return _view(ctx, uow, session)
    now = ctx.clock.now()
    _check_open(session, now)
    quote = _confirmed_quote(ctx, uow, session, command)
    source = check_source(command.source, command.card_number, command.upi_id)
    pays_minor = session.amount_minor if quote is None else quote.terms.sell_amount_minor
    wallet_id = _fund_guest_wallet(
        ctx, uow, session, source, command.presentment_currency, pays_minor
    )
    return _complete(ctx, uow, session, _Paying(
        wallet_id, quote, source.kind, source.hint, pays_minor, command.presentment_currency),
        public_base=public_base)


@dataclass(frozen=True, slots=True)
class _Paying:
    """How a session is paid: from which wallet, at which quote, with which source."""

    wallet_id: str
    quote: Quote | None
    kind: SourceKind
    hint: str
    pays_minor: int
    presentment_currency: str
    customer_approved: bool = False


def pay_session_from_wallet(
    ctx: CheckoutContext,
    uow: CheckoutUnitOfWork,
    session_id: str,
    wallet: Wallet,
    hint: str,
    *,
    public_base: str,
) -> CheckoutView:
    """Pay the session from a signed-in customer's own ``wallet`` (the caller checked the PIN:
    ``customers/usecases/wallet_pay.py``); consent ``customer``. A wallet in another currency
    pays through a quote locked now (e.g. an INR wallet for a gateway's CNY trade). A paid
    session returns its receipt, as :func:`pay_session` does."""
    session = _session(uow, session_id, for_update=True)
    if session.status is CheckoutState.COMPLETE:
        return _view(ctx, uow, session)
    _check_open(session, ctx.clock.now())
    quote = None if wallet.currency == session.currency else _new_quote(
        ctx, uow, session, wallet.currency)
    pays_minor = session.amount_minor if quote is None else quote.terms.sell_amount_minor
    return _complete(ctx, uow, session, _Paying(
        wallet.id, quote, SourceKind.WALLET, hint, pays_minor, wallet.currency,
        customer_approved=True), public_base=public_base)


def _complete(
    ctx: CheckoutContext, uow: CheckoutUnitOfWork, session: CheckoutSession, paying: _Paying,
    *, public_base: str,
) -> CheckoutView:
    """Make the session's payment from ``paying.wallet_id`` and mark the session complete."""
    now = ctx.clock.now()
    quote = paying.quote
    metadata = {"checkout_session": session.id}
    if session.client_reference is not None:
        metadata["client_reference"] = session.client_reference
    paid = payments.create_payment(
        ctx,
        uow,
        acting_merchant(session),
        payments.CreatePayment(
            amount_minor=session.amount_minor,
            currency=session.currency,
            wallet=paying.wallet_id,
            merchant=session.merchant_id,
            description=session.description,
            metadata=metadata,
            confirm=True,
            fx_quote=None if quote is None else quote.id,
            buyer_present=not paying.customer_approved,
            customer_approved=paying.customer_approved,
        ),
    )
    invariant(paid["status"] == PaymentState.SUCCEEDED.value, "a checkout payment is charged")
    charged = uow.payments.get(str(paid["id"]))
    invariant(charged is not None, "the payment just made is readable")
    # one instant: the receipt's "paid at" is the payment's "created", to the microsecond
    paid_at = now if charged is None else charged.created_at
    session = replace(
        session,
        status=CheckoutState.COMPLETE,
        presentment_currency=paying.presentment_currency,
        presentment_amount_minor=paying.pays_minor,
        fx_quote_id=session.fx_quote_id if quote is None else quote.id,
        payment_id=str(paid["id"]),
        source_kind=paying.kind,
        source_hint=paying.hint,
        completed_at=paid_at,
        updated_at=paid_at,
    )
    uow.checkout_sessions.save(session)
    emit(
        ctx,
        uow,
        session.merchant_id,
        "checkout.session.completed",
        session_object(session, now, public_base),
    )
    ctx.checkout_paid(uow, session)
    return _view(ctx, uow, session, newly_paid=True)
