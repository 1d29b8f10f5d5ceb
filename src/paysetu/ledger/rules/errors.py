"""Expected rejections: closed enums of error codes and one exception tree.

Each operation family has one ``StrEnum`` of codes, declared in order of precedence: when an
input breaks several rules, the code listed first is the one reported (TigerBeetle's
``CreateTransferStatus`` is the model, and its names are reused where a rule has a TigerBeetle
equivalent). Every code carries:

* ``transient``: True when the outcome depends on state that may change (an account created
  later, funds arriving), so the same request may succeed when retried later;
* ``category``: what kind of refusal it is, which entrypoints map to a protocol status
  (HTTP 400/401/402/404/409/429/503) without knowing the individual codes;
* ``summary``: one line for the documentation table in ``docs/errors.md``.

Exception tree::

    PaysetuError(code, message, param)          root of every expected rejection
     ├── EntryRejected                            one journal entry refused (CreateEntryStatus)
     │    └── BatchRejected                       a linked batch refused, with per-entry results
     ├── AccountRejected                          account creation or state change refused
     └── QueryRejected                            a read with bad parameters or unknown objects

Programmer errors are not here: see :mod:`paysetu.kernel.invariants`.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from paysetu.kernel.error_base import ErrorCategory, ErrorCode
from paysetu.kernel.invariants import InvariantViolation
from paysetu.ledger.rules.codes import (
    CODE_ENUMS,
    AccountStateStatus,
    CreateAccountStatus,
    QueryStatus,
)
from paysetu.ledger.rules.entry_codes import CreateEntryStatus

__all__ = [
    "CODE_ENUMS",
    "AccountRejected",
    "AccountStateStatus",
    "BatchRejected",
    "CreateAccountStatus",
    "CreateEntryStatus",
    "EntryRejected",
    "EntryResult",
    "ErrorCategory",
    "ErrorCode",
    "PaysetuError",
    "QueryRejected",
    "QueryStatus",
]


class PaysetuError(Exception):
    """Root of every expected rejection: a code from a closed enum, a message, an optional param.

    Attributes:
        code: The rule that failed.
        message: A sentence for a person, safe to show to the client.
        param: The input field at fault (``"postings[1].amount_minor"``), when there is one.
    """

    def __init__(
        self, code: ErrorCode, message: str | None = None, param: str | None = None
    ) -> None:
        self.code = code
        self.message = message or code.summary
        self.param = param
        super().__init__(f"{code}: {self.message}")


class EntryRejected(PaysetuError):
    """One journal entry was refused; nothing was written.

    Attributes:
        settled: False when the refusal came from a condition that passes by itself (a lapsed
            reservation that another transaction kept locked), so it is no verdict on the id:
            the id is not recorded for ``id_already_failed``.
    """

    code: CreateEntryStatus

    def __init__(
        self,
        code: CreateEntryStatus,
        message: str | None = None,
        param: str | None = None,
        *,
        settled: bool = True,
    ) -> None:
        super().__init__(code, message, param)
        self.settled = settled


class AccountRejected(PaysetuError):
    """Creating, closing or reopening an account was refused; nothing was written."""


class QueryRejected(PaysetuError):
    """A read was refused: bad cursor, bad page size, or an unknown object."""


@dataclass(frozen=True, slots=True)
class EntryResult:
    """Outcome of one entry of a batch.

    Attributes:
        index: Position of the entry in the submitted batch.
        status: ``None`` when the entry was (or already had been) applied, else the code.
        param: Field at fault inside the entry, when known.
    """

    index: int
    status: CreateEntryStatus | None
    param: str | None = None


class BatchRejected(EntryRejected):
    """A linked batch was refused as a whole: the first failure's code, plus every result."""

    def __init__(self, results: Sequence[EntryResult], *, settled: bool = True) -> None:
        failed = next(
            r for r in results if r.status not in (None, CreateEntryStatus.LINKED_EVENT_FAILED)
        )
        status = failed.status
        if status is None:  # excluded above; keeps the type checker informed
            raise InvariantViolation("a rejected batch has a failed entry")
        param = f"entries[{failed.index}]" + (f".{failed.param}" if failed.param else "")
        super().__init__(
            status, f"entry {failed.index}: {status.summary}", param, settled=settled
        )
        self.results = tuple(results)
