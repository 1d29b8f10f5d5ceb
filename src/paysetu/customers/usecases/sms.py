"""The SMS outbox: codes are queued in the transaction that creates them and delivered after
it commits, by whichever :class:`~.ports.SmsGateway` the deployment wires (default: the
console of ``paysetu run``; a real provider is one adapter away)."""

from __future__ import annotations

from paysetu.customers.usecases.ports import CustomersContext, SmsGateway, SmsMessage

SMS_BATCH_MAX = 100


def deliver_outbox(ctx: CustomersContext, gateway: SmsGateway) -> int:
    """Deliver the messages not yet delivered (each once); how many."""
    with ctx.uow_factory() as uow:
        due = uow.customer_auth.unshown_sms(SMS_BATCH_MAX)
        for message in due:
            gateway.deliver(message)
        uow.customer_auth.mark_sms_shown([m.id for m in due], ctx.clock.now())
        uow.commit()
    return len(due)


def recent_messages(ctx: CustomersContext, limit: int = 20) -> list[SmsMessage]:
    """The newest messages, for the demo's outbox page."""
    with ctx.reader() as uow:
        return uow.customer_auth.recent_sms(limit)
