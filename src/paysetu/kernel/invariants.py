"""Programmer-error checks that survive ``python -O``.

An :class:`InvariantViolation` means the code is wrong, not the input: it is never caught by
the application, so the surrounding database transaction rolls back and the error is logged.
Expected rejections of bad input use :mod:`paysetu.ledger.rules.errors` instead.
"""


class InvariantViolation(AssertionError):
    """A condition the code guarantees did not hold."""


def invariant(condition: bool, why: str) -> None:
    """Raise :class:`InvariantViolation` with ``why`` unless ``condition`` holds."""
    if not condition:
        raise InvariantViolation(why)
