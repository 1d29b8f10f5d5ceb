"""The demo's bank statement: the demo merchant's payouts booked by a pretend bank, one of them
1.00 off, reconciled so that a new user sees a report with a match and a mismatch.

The statement is written to ``<data_dir>/demo_statement.xml`` (camt.053.001.08) and imported
like any bank file, so ``paysetu reconcile var/demo_statement.xml`` shows the same report again
(the same file is one import). A later demo run reuses that file while its import is in the
database; otherwise (a fresh database, or no file yet) it books the merchant's outstanding
payouts anew. Without payouts (nothing settled yet) the step says so and does nothing.
"""

from __future__ import annotations

from pathlib import Path

from paysetu.bootstrap import Runtime
from paysetu.cli.reconcile import import_statement, print_report, unmatched_details
from paysetu.cli.runtime import console
from paysetu.settlement.rules.statements import StatementFormat, statement_sha256
from paysetu.settlement.stores.camt053_writer import statement_for_payouts
from paysetu.settlement.stores.statement_files import read_statement
from paysetu.settlement.usecases import reconciliation

STATEMENT_FILE = "demo_statement.xml"


def _imported(rt: Runtime, path: Path) -> bool:
    if not path.is_file():
        return False
    sha256 = statement_sha256(path.read_bytes())
    with rt.context.uow_factory() as uow:
        return uow.reconciliations.get_run_by_sha256(sha256) is not None


def write_demo_statement(rt: Runtime, merchant_id: str | None, path: Path) -> bool:
    """Book the merchant's outstanding payouts, the oldest one 1.00 off; False if none."""
    with rt.context.uow_factory() as uow:
        payouts = reconciliation.demo_payouts(uow, merchant_id)
    if not payouts:
        return False
    content = statement_for_payouts(payouts, rt.context.clock.now(), off_by_one=payouts[0].id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return True


def reconcile_demo(rt: Runtime, merchant_id: str | None) -> None:
    """Write (or reuse) the demo statement, reconcile it and print the report."""
    path = rt.settings.data_dir / STATEMENT_FILE
    if not _imported(rt, path) and not write_demo_statement(rt, merchant_id, path):
        console.print("demo reconciliation: no outstanding payouts yet (settle first); "
                      "skipped", soft_wrap=True)
        return
    statement = read_statement(path.read_bytes(), StatementFormat.CAMT053)
    run, created = import_statement(rt.context, statement)
    console.print(f"demo bank statement: {path} (one payout booked 1.00 more than sent)",
                  soft_wrap=True)
    print_report(run, unmatched_details(rt.context, run), created)
    console.print(f"  try: paysetu reconcile {path}", soft_wrap=True)
