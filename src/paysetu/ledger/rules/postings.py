"""Postings, the legs of a journal entry, and the rules on them that need no stored state.

Kept apart from :mod:`paysetu.ledger.rules.entries` so that each module reads in one sitting:
this one answers "is this list of legs well formed and balanced?", that one "is this request
a valid entry?".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from paysetu.kernel.money import AMOUNT_MINOR_MAX, is_currency
from paysetu.ledger.rules.errors import CreateEntryStatus

ACCOUNT_ID_PATTERN = re.compile(r"^acct_[A-Za-z0-9_-]{1,60}$")


class Direction(StrEnum):
    DEBIT = "debit"
    CREDIT = "credit"


@dataclass(frozen=True, slots=True)
class Posting:
    """One leg of a journal entry: ``amount_minor`` debited or credited to one account."""

    account_id: str
    direction: Direction
    amount_minor: int
    currency: str


_POSTING_RULES: tuple[tuple[CreateEntryStatus, str, Callable[[Posting], bool]], ...] = (
    (CreateEntryStatus.POSTING_INVALID, "", lambda p: not isinstance(p, Posting)),
    (
        CreateEntryStatus.ACCOUNT_ID_INVALID,
        ".account_id",
        lambda p: not isinstance(p.account_id, str) or not ACCOUNT_ID_PATTERN.match(p.account_id),
    ),
    (
        CreateEntryStatus.DIRECTION_INVALID,
        ".direction",
        lambda p: not isinstance(p.direction, Direction),
    ),
    (
        CreateEntryStatus.AMOUNT_MUST_NOT_BE_NEGATIVE,
        ".amount_minor",
        lambda p: type(p.amount_minor) is not int or p.amount_minor < 0,
    ),
    (
        CreateEntryStatus.AMOUNT_TOO_LARGE,
        ".amount_minor",
        lambda p: p.amount_minor > AMOUNT_MINOR_MAX,
    ),
    (CreateEntryStatus.CURRENCY_INVALID, ".currency", lambda p: not is_currency(p.currency)),
)
"""Rules on one posting, in precedence order; each is checked on every posting before the next."""


def posting_failure(postings: tuple[Posting, ...]) -> tuple[CreateEntryStatus, str] | None:
    """The first rule the postings break, with the field at fault; None when they are valid."""
    if _valid_transfer(postings):
        return None
    return rules_failure(postings)


def _valid_transfer(postings: tuple[Posting, ...]) -> bool:
    """A shortcut for the common entry, one debit and one credit of the same amount: True only
    where :func:`rules_failure` finds nothing (False says nothing). It checks the same rules in
    one pass over two postings instead of a pass per rule (a fifth of the time; it was most of
    a transfer's validation). tests/property/test_entry_properties.py proves the two agree."""
    if len(postings) != 2:
        return False
    first, second = postings
    if type(first) is not Posting or type(second) is not Posting:
        return False
    amount = first.amount_minor
    return (
        type(first.direction) is Direction
        and type(second.direction) is Direction
        and first.direction is not second.direction  # one debit, one credit
        and type(amount) is int
        and type(second.amount_minor) is int
        and 0 <= amount <= AMOUNT_MINOR_MAX
        and second.amount_minor == amount
        and type(first.account_id) is str
        and type(second.account_id) is str
        and first.account_id != second.account_id
        and ACCOUNT_ID_PATTERN.match(first.account_id) is not None
        and ACCOUNT_ID_PATTERN.match(second.account_id) is not None
        and type(first.currency) is str
        and first.currency == second.currency
        and is_currency(first.currency)
    )


def rules_failure(postings: tuple[Posting, ...]) -> tuple[CreateEntryStatus, str] | None:
    """Every rule on postings, in precedence order: the reference :func:`posting_failure`
    answers with (its shortcut aside)."""
    for status, field_suffix, broken in _POSTING_RULES:
        for index, posting in enumerate(postings):
            if broken(posting):
                return status, f"postings[{index}]{field_suffix}"
    debited = {p.account_id for p in postings if p.direction is Direction.DEBIT}
    for index, posting in enumerate(postings):
        if posting.direction is Direction.CREDIT and posting.account_id in debited:
            return CreateEntryStatus.ACCOUNTS_MUST_BE_DIFFERENT, f"postings[{index}].account_id"
    net: Counter[str] = Counter()
    for posting in postings:
        sign = 1 if posting.direction is Direction.DEBIT else -1
        net[posting.currency] += sign * posting.amount_minor
    unbalanced = sorted(currency for currency, total in net.items() if total != 0)
    if unbalanced:
        return CreateEntryStatus.POSTINGS_MUST_BALANCE, "postings"
    return None
