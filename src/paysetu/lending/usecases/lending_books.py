"""Lending's half of ``paysetu audit``: the figures lending keeps beside the ledger agree with it.

The ledger audit proves every entry balances and every stored balance is its postings' sum;
this checks what lending stores about that money, in one statement: each lender's loan-loss
provision and interest suspense accounts equal the sums of its loans' and credit lines'
``provision_minor`` and ``interest_suspense_minor``, and each credit line's drawn account
equals its statement (draws and interest debits less the drawn balance credits repaid).
"""

from __future__ import annotations

from paysetu.lending.usecases.ports import LendingUnitOfWork


def book_findings(uow: LendingUnitOfWork) -> list[str]:
    """One sentence per difference; empty when lending's books agree with the ledger."""
    return [f"{subject}: {what} is {ledger} in the ledger, {stored} in lending's records"
            for subject, what, ledger, stored in uow.credit_lines.book_differences()]
