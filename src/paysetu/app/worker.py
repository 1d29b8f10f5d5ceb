"""One cycle of ``paysetu worker``: the periodic jobs of every area, then the webhook outbox.

The jobs run first, so the events they emit (an authorisation expired, escrow released, a
refund completed) are delivered in the same cycle. Each job opens its own short transactions
and works in bounded batches; one job failing (a deadlock, a bug) is reported and does not stop
the others or the deliveries.

To add a periodic job, write ``f(ctx) -> int`` (how many objects it changed) and list it in
:data:`MAINTENANCE_JOBS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from paysetu.alipay.usecases import alipay_notifications
from paysetu.app.context import AppContext
from paysetu.app.ports import AppUnitOfWork
from paysetu.customers.usecases import money_requests
from paysetu.events.usecases.delivery import DeliveryReport, DeliverySettings, deliver_due
from paysetu.events.usecases.ports import WebhookSender
from paysetu.lending.usecases import loan_repayments
from paysetu.marketplace.usecases import holds
from paysetu.payments.usecases import escrow, payments, refunds

MaintenanceJob = Callable[[AppContext], int]
"""A periodic job: does what is due at ``ctx.clock.now()``, returns how many objects changed."""

SWEEP_BATCH = payments.SWEEP_BATCH_MAX
SWEEP_ROUNDS_MAX = 50
"""A sweep commits a batch at a time and stops after this many full batches per cycle."""


def _sweep(ctx: AppContext, batch: Callable[[AppUnitOfWork], int]) -> int:
    """Run ``batch`` in its own transaction until it changes fewer than a full batch."""
    total = 0
    for _ in range(SWEEP_ROUNDS_MAX):
        with ctx.uow_factory() as uow:
            changed = batch(uow)
            uow.commit()
        total += changed
        if changed < SWEEP_BATCH:
            break
    return total


def expire_authorizations(ctx: AppContext) -> int:
    """Cancel payments whose manual-capture authorisation lapsed, releasing the funds."""
    return _sweep(ctx, lambda uow: payments.expire_authorizations(
        ctx, uow, ctx.clock.now(), SWEEP_BATCH))


def expire_approvals(ctx: AppContext) -> int:
    """Cancel payments whose customer never answered the approval (nothing was reserved)."""
    return _sweep(ctx, lambda uow: payments.expire_approvals(
        ctx, uow, ctx.clock.now(), SWEEP_BATCH))


def expire_money_requests(ctx: AppContext) -> int:
    """Expire customers' money requests that waited their time unanswered."""
    return _sweep(ctx, lambda uow: money_requests.expire_due(ctx, uow, SWEEP_BATCH))


def release_due_escrows(ctx: AppContext) -> int:
    """Release escrowed funds whose release time passed without a dispute."""
    return _sweep(ctx, lambda uow: escrow.release_due_escrows(
        ctx, uow, ctx.clock.now(), SWEEP_BATCH))


def release_due_shares(ctx: AppContext) -> int:
    """Release marketplace shares whose auto-release time passed without a dispute."""
    return _sweep(ctx, lambda uow: holds.release_due_shares(
        ctx, uow, ctx.clock.now(), SWEEP_BATCH))


def retry_pending_refunds(ctx: AppContext) -> int:
    """Complete refunds that waited for the merchant's balance (one batch per cycle: a refund
    that still cannot be paid stays pending and would be retried in vain)."""
    with ctx.uow_factory() as uow:
        completed = refunds.retry_pending_refunds(ctx, uow, SWEEP_BATCH)
        uow.commit()
    return completed


def collect_loan_installments(ctx: AppContext) -> int:
    """EMI auto-debit: take what each loan has due today from the merchant's balance."""
    today = ctx.clock.now().date()
    return _sweep(ctx, lambda uow: loan_repayments.collect_due_installments(
        ctx, uow, today, SWEEP_BATCH))


MAINTENANCE_JOBS: tuple[tuple[str, MaintenanceJob], ...] = (
    ("expire_authorizations", expire_authorizations),
    ("expire_approvals", expire_approvals),
    ("expire_money_requests", expire_money_requests),
    ("release_due_escrows", release_due_escrows),
    ("release_due_shares", release_due_shares),
    ("retry_pending_refunds", retry_pending_refunds),
    ("collect_loan_installments", collect_loan_installments),
    ("deliver_alipay_notifications", alipay_notifications.deliver_due),
)
"""The periodic jobs ``paysetu worker`` runs each cycle, by name, before delivering webhooks."""


@dataclass(frozen=True, slots=True)
class JobResult:
    """One maintenance job's outcome: how many objects it changed, or the error that stopped it."""

    name: str
    changed: int = 0
    error: str | None = None


@dataclass(slots=True)
class CycleReport:
    """One worker cycle: the periodic jobs, then the webhook deliveries."""

    jobs: list[JobResult] = field(default_factory=list)
    deliveries: DeliveryReport = field(default_factory=DeliveryReport)

    @property
    def idle(self) -> bool:
        """Nothing was delivered and no job changed anything (or failed)."""
        return self.deliveries.attempted == 0 and not any(j.changed or j.error for j in self.jobs)


def run_maintenance(
    ctx: AppContext, jobs: tuple[tuple[str, MaintenanceJob], ...] = MAINTENANCE_JOBS
) -> list[JobResult]:
    """Run each periodic job once; one job's failure is reported and does not stop the rest."""
    results: list[JobResult] = []
    for name, job in jobs:
        try:
            results.append(JobResult(name, job(ctx)))
        except Exception as error:  # a worker outlives a broken job; the error is reported
            results.append(JobResult(name, error=f"{type(error).__name__}: {error}"[:500]))
    return results


def run_cycle(
    ctx: AppContext, sender: WebhookSender, settings: DeliverySettings | None = None,
    jobs: tuple[tuple[str, MaintenanceJob], ...] = MAINTENANCE_JOBS,
) -> CycleReport:
    """One worker cycle (``paysetu worker --once`` runs exactly one)."""
    job_results = run_maintenance(ctx, jobs)
    return CycleReport(job_results, deliver_due(ctx, sender, settings))
