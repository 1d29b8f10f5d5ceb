"""Stateless refusals: a request that breaks a rule decidable from the request alone is refused
at construction, with the first failing code in the enum's precedence order and the field at
fault.

Clients branch on the code and point at the param, so both are contract: one test per code,
plus tests that the first rule in precedence order wins when several are broken.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from paysetu.kernel.money import AMOUNT_MINOR_MAX
from paysetu.ledger.rules.entries import (
    AccountKind,
    Direction,
    EntryKind,
    NewAccount,
    NewEntry,
    PendingResolution,
    Posting,
)
from paysetu.ledger.rules.errors import (
    AccountRejected,
    CreateAccountStatus,
    CreateEntryStatus,
    EntryRejected,
)

D, C = Direction.DEBIT, Direction.CREDIT
S = CreateEntryStatus


def debit(account: str = "acct_a", amount: int = 100, currency: str = "INR") -> Posting:
    return Posting(account, D, amount, currency)


def credit(account: str = "acct_b", amount: int = 100, currency: str = "INR") -> Posting:
    return Posting(account, C, amount, currency)


def entry(**overrides: Any) -> NewEntry:
    fields: dict[str, Any] = {"id": "je_1", "postings": (debit(), credit())}
    fields.update(overrides)
    return NewEntry(**fields)


def refusal(build: Callable[[], object]) -> tuple[object, str | None]:
    with pytest.raises(EntryRejected) as refused:
        build()
    assert type(refused.value) is EntryRejected
    return refused.value.code, refused.value.param


def test_a_valid_entry_constructs() -> None:
    made = entry(metadata={"order": "o-1"})
    assert made.kind is EntryKind.SINGLE_PHASE
    assert entry(pending=True, timeout_s=60).kind is EntryKind.PENDING


# (overrides for entry(), expected code, expected param)
_ENTRY_REFUSALS: list[tuple[dict[str, Any], CreateEntryStatus, str]] = [
    ({"id": "tx_1"}, S.ID_INVALID, "id"),
    ({"id": "je_"}, S.ID_INVALID, "id"),
    ({"id": "je_" + "x" * 61}, S.ID_INVALID, "id"),
    ({"id": "je_a b"}, S.ID_INVALID, "id"),
    ({"id": "je_expiry_x"}, S.ID_INVALID, "id"),
    ({"postings": (debit(),)}, S.POSTINGS_TOO_FEW, "postings"),
    ({"postings": ()}, S.POSTINGS_TOO_FEW, "postings"),
    ({"postings": (debit(amount=65), *(credit(f"acct_c{i}", 1) for i in range(65)))},
     S.POSTINGS_TOO_MANY, "postings"),
    ({"postings": (debit(), ("acct_b", "credit", 100, "INR"))}, S.POSTING_INVALID, "postings[1]"),
    ({"postings": (debit(), credit("wallet"))}, S.ACCOUNT_ID_INVALID, "postings[1].account_id"),
    ({"postings": (debit(), Posting("acct_b", "credit", 100, "INR"))},  # type: ignore[arg-type]
     S.DIRECTION_INVALID, "postings[1].direction"),
    ({"postings": (debit(), Posting("acct_b", "sideways", 100, "INR"))},  # type: ignore[arg-type]
     S.DIRECTION_INVALID, "postings[1].direction"),
    ({"postings": (debit(amount=-5), credit(amount=-5))}, S.AMOUNT_MUST_NOT_BE_NEGATIVE,
     "postings[0].amount_minor"),
    ({"postings": (debit(amount=1.0), credit(amount=1.0))},  # type: ignore[arg-type]
     S.AMOUNT_MUST_NOT_BE_NEGATIVE, "postings[0].amount_minor"),
    ({"postings": (debit(amount=True), credit(amount=True))}, S.AMOUNT_MUST_NOT_BE_NEGATIVE,
     "postings[0].amount_minor"),
    ({"postings": (debit(amount=AMOUNT_MINOR_MAX + 1), credit(amount=AMOUNT_MINOR_MAX + 1))},
     S.AMOUNT_TOO_LARGE, "postings[0].amount_minor"),
    ({"postings": (debit(), credit(currency="XAU"))}, S.CURRENCY_INVALID, "postings[1].currency"),
    ({"postings": (debit(currency="inr"), credit())}, S.CURRENCY_INVALID, "postings[0].currency"),
    ({"postings": (debit("acct_a"), credit("acct_a"))}, S.ACCOUNTS_MUST_BE_DIFFERENT,
     "postings[1].account_id"),
    ({"postings": (debit(amount=100), credit(amount=99))}, S.POSTINGS_MUST_BALANCE, "postings"),
    ({"postings": (debit(currency="INR"), credit(currency="JPY"))}, S.POSTINGS_MUST_BALANCE,
     "postings"),
    ({"postings": (debit(), credit(), debit("acct_c", 5, "JPY"), credit("acct_d", 4, "JPY"))},
     S.POSTINGS_MUST_BALANCE, "postings"),
    ({"timeout_s": 60}, S.TIMEOUT_RESERVED_FOR_PENDING_TRANSFER, "timeout_s"),
    ({"closing_debit": True}, S.CLOSING_TRANSFER_MUST_BE_PENDING, "closing_debit"),
    ({"closing_credit": True}, S.CLOSING_TRANSFER_MUST_BE_PENDING, "closing_credit"),
    ({"pending": True, "timeout_s": 0}, S.TIMEOUT_MUST_BE_POSITIVE, "timeout_s"),
    ({"pending": True, "timeout_s": -1}, S.TIMEOUT_MUST_BE_POSITIVE, "timeout_s"),
    ({"pending": True, "timeout_s": 1.5}, S.TIMEOUT_MUST_BE_POSITIVE, "timeout_s"),
    ({"pending": True, "timeout_s": 2**31}, S.OVERFLOWS_TIMEOUT, "timeout_s"),
    ({"balancing_debit": True, "postings": (debit(amount=2), credit(amount=1),
                                            credit("acct_c", 1))},
     S.BALANCING_REQUIRES_TWO_POSTINGS, "postings"),
    ({"balancing_credit": True, "postings": (debit(amount=1), debit("acct_c", 1),
                                             credit(amount=2))},
     S.BALANCING_REQUIRES_TWO_POSTINGS, "postings"),
    ({"metadata": {"k": 1}}, S.METADATA_INVALID, "metadata"),
    ({"metadata": {"": "v"}}, S.METADATA_INVALID, "metadata"),
    ({"metadata": {"k" * 41: "v"}}, S.METADATA_INVALID, "metadata"),
    ({"code": 0}, S.CODE_MUST_NOT_BE_ZERO, "code"),
    ({"code": 65_536}, S.CODE_INVALID, "code"),
    ({"code": -1}, S.CODE_INVALID, "code"),
    ({"code": True}, S.CODE_INVALID, "code"),
    ({"metadata": {"k": "v" * 501}}, S.METADATA_INVALID, "metadata"),
    ({"metadata": {f"k{i}": "v" for i in range(51)}}, S.METADATA_INVALID, "metadata"),
    ({"metadata": {"k": {"nested": "v"}}}, S.METADATA_INVALID, "metadata"),
    ({"metadata": {"k": "a\x00b"}}, S.METADATA_INVALID, "metadata"),
    ({"metadata": ["k", "v"]}, S.METADATA_INVALID, "metadata"),
]


@pytest.mark.parametrize(("overrides", "code", "param"), _ENTRY_REFUSALS)
def test_entry_refusal(overrides: dict[str, Any], code: CreateEntryStatus, param: str) -> None:
    assert refusal(lambda: entry(**overrides)) == (code, param)


def test_every_construction_code_of_an_entry_is_covered() -> None:
    covered = {code for _, code, _ in _ENTRY_REFUSALS}
    covered |= {code for _, _, code, _ in _RESOLUTION_REFUSALS}
    first_stateful = list(S).index(S.EXISTS_WITH_DIFFERENT_KIND)
    batch_codes = {S.LINKED_EVENT_FAILED, S.BATCH_TOO_LARGE, S.BATCH_EMPTY}
    # Refused by the JSON entry format (tests/unit/test_ledger_tb_malformed_requests.py).
    document_codes = {S.RESERVED_FIELD, S.FLAG_INVALID, S.FLAGS_ARE_MUTUALLY_EXCLUSIVE}
    assert covered == set(list(S)[:first_stateful]) - batch_codes - document_codes


@pytest.mark.parametrize(
    "overrides",
    [
        {"id": "je_" + "x" * 60},
        {"postings": (debit(amount=63), *(credit(f"acct_c{i}", 1) for i in range(63)))},
        {"postings": (debit(amount=AMOUNT_MINOR_MAX), credit(amount=AMOUNT_MINOR_MAX))},
        {"postings": (debit(), credit(), debit("acct_c", 5, "JPY"), credit("acct_d", 5, "JPY"))},
        {"postings": (debit(amount=3), credit(amount=1), credit("acct_c", 2))},
        {"postings": (debit(amount=1), debit(amount=1), credit(amount=2))},  # same account twice
        {"metadata": {f"k{i}": "v" * 500 for i in range(50)}},
        {"metadata": {"k" * 40: ""}},
        {"pending": True, "timeout_s": 2**31 - 1},
        {"balancing_debit": True, "balancing_credit": True},
    ],
)
def test_limits_are_inclusive(overrides: dict[str, Any]) -> None:
    assert entry(**overrides).id.startswith("je_")


# Entries that break two rules: the earlier rule (in enum order) is reported.
_PRECEDENCE: list[tuple[dict[str, Any], CreateEntryStatus, CreateEntryStatus, str]] = [
    ({"id": "bad", "postings": (debit(amount=100), credit(amount=1))},
     S.ID_INVALID, S.POSTINGS_MUST_BALANCE, "id"),
    ({"id": "bad", "postings": (debit(),)}, S.ID_INVALID, S.POSTINGS_TOO_FEW, "id"),
    ({"postings": (debit("nope"),)}, S.POSTINGS_TOO_FEW, S.ACCOUNT_ID_INVALID, "postings"),
    ({"postings": (debit(amount=-1), credit("nope", -1))}, S.ACCOUNT_ID_INVALID,
     S.AMOUNT_MUST_NOT_BE_NEGATIVE, "postings[1].account_id"),
    ({"postings": (debit(amount=-1), Posting("acct_b", "x", 1, "INR"))},  # type: ignore[arg-type]
     S.DIRECTION_INVALID, S.AMOUNT_MUST_NOT_BE_NEGATIVE, "postings[1].direction"),
    ({"postings": (debit(amount=AMOUNT_MINOR_MAX + 1), credit(amount=-1))},
     S.AMOUNT_MUST_NOT_BE_NEGATIVE, S.AMOUNT_TOO_LARGE, "postings[1].amount_minor"),
    ({"postings": (debit(currency="XXX"), credit(amount=AMOUNT_MINOR_MAX + 1))},
     S.AMOUNT_TOO_LARGE, S.CURRENCY_INVALID, "postings[1].amount_minor"),
    ({"postings": (debit("acct_a"), credit("acct_a", currency="ABC"))},
     S.CURRENCY_INVALID, S.ACCOUNTS_MUST_BE_DIFFERENT, "postings[1].currency"),
    ({"postings": (debit("acct_a", 5), credit("acct_a", 4))},
     S.ACCOUNTS_MUST_BE_DIFFERENT, S.POSTINGS_MUST_BALANCE, "postings[1].account_id"),
    ({"postings": (debit(amount=5), credit(amount=4)), "timeout_s": 9},
     S.POSTINGS_MUST_BALANCE, S.TIMEOUT_RESERVED_FOR_PENDING_TRANSFER, "postings"),
    ({"timeout_s": 0}, S.TIMEOUT_RESERVED_FOR_PENDING_TRANSFER, S.TIMEOUT_MUST_BE_POSITIVE,
     "timeout_s"),
    ({"pending": True, "timeout_s": 0, "balancing_debit": True,
      "postings": (debit(amount=2), credit(amount=1), credit("acct_c", 1))},
     S.TIMEOUT_MUST_BE_POSITIVE, S.BALANCING_REQUIRES_TWO_POSTINGS, "timeout_s"),
    ({"balancing_debit": True, "metadata": {"k": 1},
      "postings": (debit(amount=2), credit(amount=1), credit("acct_c", 1))},
     S.BALANCING_REQUIRES_TWO_POSTINGS, S.METADATA_INVALID, "postings"),
]


@pytest.mark.parametrize(("overrides", "first", "second", "param"), _PRECEDENCE)
def test_the_first_rule_in_precedence_order_wins(
    overrides: dict[str, Any], first: CreateEntryStatus, second: CreateEntryStatus, param: str
) -> None:
    order = list(S)
    assert order.index(first) < order.index(second)  # the table agrees with the enum
    assert refusal(lambda: entry(**overrides)) == (first, param)


def test_within_one_rule_the_first_posting_at_fault_is_named() -> None:
    postings = (debit(), credit(amount=50), credit("acct_c", -1), credit("acct_d", -2))
    assert refusal(lambda: entry(postings=postings)) == (
        S.AMOUNT_MUST_NOT_BE_NEGATIVE,
        "postings[2].amount_minor",
    )


def test_a_valid_resolution_constructs() -> None:
    assert PendingResolution("je_post", "je_pending", post=True).kind is EntryKind.POST_PENDING
    assert PendingResolution("je_void", "je_pending", post=False).kind is EntryKind.VOID_PENDING
    partial = PendingResolution("je_post", "je_pending", post=True, amount_minor=AMOUNT_MINOR_MAX)
    assert partial.amount_minor == AMOUNT_MINOR_MAX


# (id, pending_id, post, amount_minor, metadata) -> code, param
_RESOLUTION_REFUSALS: list[tuple[tuple[Any, ...], dict[str, Any], CreateEntryStatus, str]] = [
    (("bad", "je_p", True), {}, S.ID_INVALID, "id"),
    (("je_r", "bad", True), {}, S.ID_INVALID, "pending_id"),
    (("bad", "bad", True), {}, S.ID_INVALID, "id"),
    (("je_p", "je_p", False), {}, S.PENDING_ID_MUST_BE_DIFFERENT, "pending_id"),
    (("je_p", "je_p", True), {"amount_minor": 0}, S.PENDING_ID_MUST_BE_DIFFERENT, "pending_id"),
    (("je_r", "je_p", True), {"amount_minor": -1}, S.AMOUNT_MUST_NOT_BE_NEGATIVE, "amount_minor"),
    (("je_r", "je_p", True), {"amount_minor": 2.5}, S.AMOUNT_MUST_NOT_BE_NEGATIVE, "amount_minor"),
    (("je_r", "je_p", False), {"amount_minor": -3}, S.AMOUNT_MUST_NOT_BE_NEGATIVE,
     "amount_minor"),
    (("je_r", "je_p", True), {"amount_minor": AMOUNT_MINOR_MAX + 1}, S.AMOUNT_TOO_LARGE,
     "amount_minor"),
    (("je_r", "je_p", True), {"amount_minor": -1, "metadata": {"k": 1}},
     S.AMOUNT_MUST_NOT_BE_NEGATIVE, "amount_minor"),
    (("je_r", "je_p", True), {"metadata": {"k": 1}}, S.METADATA_INVALID, "metadata"),
]


@pytest.mark.parametrize(("args", "kwargs", "code", "param"), _RESOLUTION_REFUSALS)
def test_resolution_refusal(
    args: tuple[Any, ...], kwargs: dict[str, Any], code: CreateEntryStatus, param: str
) -> None:
    assert refusal(lambda: PendingResolution(*args, **kwargs)) == (code, param)


def account(**overrides: Any) -> NewAccount:
    fields: dict[str, Any] = {"id": "acct_w", "currency": "INR", "kind": AccountKind.LIABILITY}
    fields.update(overrides)
    return NewAccount(**fields)


_ACCOUNT_REFUSALS: list[tuple[dict[str, Any], CreateAccountStatus, str]] = [
    ({"id": "je_w"}, CreateAccountStatus.ID_INVALID, "id"),
    ({"id": "acct_" + "x" * 61}, CreateAccountStatus.ID_INVALID, "id"),
    ({"currency": "XAU"}, CreateAccountStatus.CURRENCY_INVALID, "currency"),
    ({"debits_must_not_exceed_credits": True, "credits_must_not_exceed_debits": True},
     CreateAccountStatus.FLAGS_ARE_MUTUALLY_EXCLUSIVE, "credits_must_not_exceed_debits"),
    ({"owner_type": "merchant"}, CreateAccountStatus.OWNER_INVALID, "owner"),
    ({"owner_id": "m_1"}, CreateAccountStatus.OWNER_INVALID, "owner"),
    ({"owner_type": "", "owner_id": "m_1"}, CreateAccountStatus.OWNER_INVALID, "owner"),
    ({"owner_type": "merchant", "owner_id": "m" * 65}, CreateAccountStatus.OWNER_INVALID, "owner"),
    ({"owner_type": "merchant", "owner_id": "m\n1"}, CreateAccountStatus.OWNER_INVALID, "owner"),
    ({"metadata": {"k": 1}}, CreateAccountStatus.METADATA_INVALID, "metadata"),
    ({"metadata": {"k\x00": "v"}}, CreateAccountStatus.METADATA_INVALID, "metadata"),
    # precedence: the earlier rule wins
    ({"id": "bad", "currency": "XAU"}, CreateAccountStatus.ID_INVALID, "id"),
    ({"currency": "XAU", "debits_must_not_exceed_credits": True,
      "credits_must_not_exceed_debits": True}, CreateAccountStatus.CURRENCY_INVALID, "currency"),
    ({"owner_type": "merchant", "metadata": {"k": 1}}, CreateAccountStatus.OWNER_INVALID, "owner"),
]


@pytest.mark.parametrize(("overrides", "code", "param"), _ACCOUNT_REFUSALS)
def test_account_refusal(overrides: dict[str, Any], code: CreateAccountStatus, param: str) -> None:
    with pytest.raises(AccountRejected) as refused:
        account(**overrides)
    assert (refused.value.code, refused.value.param) == (code, param)


def test_every_construction_code_of_an_account_is_covered() -> None:
    covered = {code for _, code, _ in _ACCOUNT_REFUSALS}
    stateless = list(CreateAccountStatus)[: list(CreateAccountStatus).index(
        CreateAccountStatus.EXISTS_WITH_DIFFERENT_CURRENCY
    )]
    assert covered == set(stateless)


def test_a_valid_account_constructs() -> None:
    made = account(owner_type="merchant", owner_id="mer_1", debits_must_not_exceed_credits=True,
                   metadata={"k" * 40: "v" * 500})
    assert (made.owner_type, made.owner_id) == ("merchant", "mer_1")
