"""Conformance with TigerBeetle's create_transfers: malformed requests are refused, never repaired.

TigerBeetle refuses a transfer whose reserved flags are set (``reserved_flag``) and one whose
flags contradict each other (``flags_are_mutually_exclusive``: a post or void is neither
pending nor balancing, and not both a post and a void; ``timeout_reserved_for_pending_transfer``
for a timeout on a post or void). paysetu's entry documents (``paysetu ledger post --file``)
are JSON, so the same rules apply to keys: one test per rule, named after it.
"""

from __future__ import annotations

from typing import Any

import pytest

from paysetu.cli.ledger_json import parse_entry
from paysetu.ledger.rules.entries import NewEntry, PendingResolution
from paysetu.ledger.rules.errors import CreateEntryStatus, EntryRejected

S = CreateEntryStatus
POSTINGS = [
    {"account_id": "acct_a", "direction": "debit", "amount_minor": 5, "currency": "INR"},
    {"account_id": "acct_b", "direction": "credit", "amount_minor": 5, "currency": "INR"},
]


def refusal(document: dict[str, Any]) -> tuple[CreateEntryStatus, str | None]:
    with pytest.raises(EntryRejected) as rejected:
        parse_entry(document)
    return rejected.value.code, rejected.value.param


@pytest.mark.parametrize(
    ("extra", "param"),
    [
        ({"timout_s": 5}, "timout_s"),  # a typo is not ignored
        ({"amount_minor": 5}, "amount_minor"),  # a post/void key on a new entry
        ({"debit_account_id": "acct_a"}, "debit_account_id"),
        ({"linked": True}, "linked"),  # every batch is one chain: no per-entry flag
    ],
)
def test_reserved_field(extra: dict[str, Any], param: str) -> None:
    assert refusal({"id": "je_1", "postings": POSTINGS, **extra}) == (S.RESERVED_FIELD, param)


def test_reserved_field_on_post_or_void() -> None:
    document = {"id": "je_2", "void_pending_id": "je_1", "postings": POSTINGS}
    assert refusal(document) == (S.RESERVED_FIELD, "postings")


def test_reserved_field_comes_before_the_id() -> None:
    assert refusal({"id": "bad", "bogus": 1}) == (S.RESERVED_FIELD, "bogus")


@pytest.mark.parametrize("flag", ["pending", "balancing_debit", "balancing_credit"])
@pytest.mark.parametrize("value", ["true", 1, None, [True]])
def test_flag_invalid(flag: str, value: object) -> None:
    assert refusal({"id": "je_1", "postings": POSTINGS, flag: value}) == (S.FLAG_INVALID, flag)


def test_flags_are_mutually_exclusive_post_and_void() -> None:
    document = {"id": "je_2", "post_pending_id": "je_1", "void_pending_id": "je_1"}
    assert refusal(document) == (S.FLAGS_ARE_MUTUALLY_EXCLUSIVE, "void_pending_id")


@pytest.mark.parametrize("key", ["post_pending_id", "void_pending_id"])
@pytest.mark.parametrize("flag", ["pending", "balancing_debit", "balancing_credit"])
def test_flags_are_mutually_exclusive_flag_on_post_or_void(key: str, flag: str) -> None:
    document = {"id": "je_2", key: "je_1", flag: True}
    assert refusal(document) == (S.FLAGS_ARE_MUTUALLY_EXCLUSIVE, flag)


@pytest.mark.parametrize("key", ["post_pending_id", "void_pending_id"])
def test_timeout_reserved_for_pending_transfer_on_post_or_void(key: str) -> None:
    document = {"id": "je_2", key: "je_1", "timeout_s": 60}
    assert refusal(document) == (S.TIMEOUT_RESERVED_FOR_PENDING_TRANSFER, "timeout_s")


def test_pending_id_must_be_different_comes_before_the_timeout() -> None:
    document = {"id": "je_1", "post_pending_id": "je_1", "timeout_s": 60}
    assert refusal(document) == (S.PENDING_ID_MUST_BE_DIFFERENT, "pending_id")


def test_false_flags_are_not_set_flags() -> None:
    document = {
        "id": "je_2",
        "post_pending_id": "je_1",
        "pending": False,
        "balancing_debit": False,
        "timeout_s": None,
    }
    assert parse_entry(document) == PendingResolution("je_2", "je_1", post=True)


def test_post_or_void_may_name_the_pending_entry() -> None:
    document = {
        "id": "je_2",
        "void_pending_id": "je_1",
        "amount_minor": 5,
        "debit_account_id": "acct_a",
        "credit_account_id": "acct_b",
        "currency": "INR",
    }
    assert parse_entry(document) == PendingResolution(
        "je_2", "je_1", False, 5, {}, "acct_a", "acct_b", "INR"
    )


@pytest.mark.parametrize(
    ("extra", "code", "param"),
    [
        ({"debit_account_id": "nope"}, S.ACCOUNT_ID_INVALID, "debit_account_id"),
        ({"credit_account_id": 7}, S.ACCOUNT_ID_INVALID, "credit_account_id"),
        ({"currency": "XXX"}, S.CURRENCY_INVALID, "currency"),
        ({"amount_minor": -1}, S.AMOUNT_MUST_NOT_BE_NEGATIVE, "amount_minor"),
    ],
)
def test_named_fields_of_a_post_or_void_are_well_formed(
    extra: dict[str, Any], code: CreateEntryStatus, param: str
) -> None:
    assert refusal({"id": "je_2", "post_pending_id": "je_1", **extra}) == (code, param)


def test_a_well_formed_entry_still_parses() -> None:
    entry = parse_entry({"id": "je_1", "postings": POSTINGS, "pending": True, "timeout_s": 9})
    assert isinstance(entry, NewEntry)
    assert (entry.pending, entry.timeout_s) == (True, 9)


def test_code_is_a_key_of_both_kinds() -> None:
    entry = parse_entry({"id": "je_1", "postings": POSTINGS, "code": 7})
    assert isinstance(entry, NewEntry)
    assert entry.code == 7
    assert parse_entry({"id": "je_2", "void_pending_id": "je_1", "code": 7}) == PendingResolution(
        "je_2", "je_1", False, code=7
    )
    assert refusal({"id": "je_1", "postings": POSTINGS, "code": 0}) == (
        S.CODE_MUST_NOT_BE_ZERO,
        "code",
    )


@pytest.mark.parametrize("flag", ["closing_debit", "closing_credit"])
def test_flags_are_mutually_exclusive_closing_with_a_post_or_void(flag: str) -> None:
    with pytest.raises(EntryRejected) as refused:
        parse_entry({"id": "je_2", "void_pending_id": "je_1", flag: True})
    assert (refused.value.code, refused.value.param) == (S.FLAGS_ARE_MUTUALLY_EXCLUSIVE, flag)


def test_closing_flags_are_read_from_an_entry_document() -> None:
    entry = parse_entry(
        {
            "id": "je_1",
            "pending": True,
            "closing_credit": True,
            "postings": [
                {
                    "account_id": "acct_a",
                    "direction": "debit",
                    "amount_minor": 0,
                    "currency": "INR",
                },
                {
                    "account_id": "acct_b",
                    "direction": "credit",
                    "amount_minor": 0,
                    "currency": "INR",
                },
            ],
        }
    )
    assert isinstance(entry, NewEntry)
    assert (entry.closing_debit, entry.closing_credit) == (False, True)
