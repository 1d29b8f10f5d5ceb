"""Any journal entry a client can send is either balanced or refused with a code; money sums
never mix currencies; formatted money parses back to itself.

The unit tests pin chosen examples; these let hypothesis search the space between them
(zero, negative and 64-bit-overflowing amounts, unknown currencies, malformed ids, mixed
currencies, several rules broken at once) against an independent model of the rules.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from paysetu.kernel.invariants import InvariantViolation
from paysetu.kernel.money import AMOUNT_MINOR_MAX, AmountFormatError, Money
from paysetu.ledger.rules.entries import Direction, NewEntry, Posting
from paysetu.ledger.rules.errors import CreateEntryStatus, EntryRejected
from paysetu.ledger.rules.postings import posting_failure, rules_failure
from paysetu.ledger.stores.entry_documents import entries_payload, entry_document

S = CreateEntryStatus
PURE = settings(max_examples=200, database=None)

VALID_CURRENCIES = {"INR": 2, "JPY": 0, "KWD": 3, "USD": 2}
INVALID_CURRENCIES = ["XAU", "XTS", "inr", "ABC", "", "RUPEE"]
VALID_ACCOUNTS = ["acct_a", "acct_b", "acct_c", "acct_d-1", "acct_E_2"]
INVALID_ACCOUNTS = ["acct_", "wallet", "ACCT_a", "acct_a b"]
VALID_IDS = ["je_1", "je_Z-9_", "je_" + "x" * 60]

amounts = st.one_of(
    st.integers(min_value=-3, max_value=1_000),
    st.integers(min_value=-(2**65), max_value=2**65),
    st.sampled_from([0, 1, AMOUNT_MINOR_MAX, AMOUNT_MINOR_MAX + 1, -AMOUNT_MINOR_MAX]),
)
postings = st.builds(
    Posting,
    account_id=st.sampled_from(VALID_ACCOUNTS + INVALID_ACCOUNTS),
    direction=st.sampled_from(Direction),
    amount_minor=amounts,
    currency=st.sampled_from([*VALID_CURRENCIES, *INVALID_CURRENCIES]),
)
metadata = st.one_of(
    st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=3),
    st.dictionaries(st.text(min_size=39, max_size=41), st.just("v"), max_size=1),
    st.just({"k": 1}),
)


@dataclass(frozen=True)
class Request:
    """The fields of a NewEntry, kept apart so the model can judge them without the class."""

    id: str
    postings: tuple[Posting, ...]
    metadata: dict[Any, Any]
    pending: bool
    timeout_s: int | None
    balancing_debit: bool
    balancing_credit: bool

    def build(self) -> NewEntry:
        return NewEntry(
            id=self.id,
            postings=self.postings,
            metadata=self.metadata,
            pending=self.pending,
            timeout_s=self.timeout_s,
            balancing_debit=self.balancing_debit,
            balancing_credit=self.balancing_credit,
        )


@st.composite
def balanced_postings(draw: st.DrawFn) -> tuple[Posting, ...]:
    """Postings built to balance, so that generated entries often pass every rule."""
    currency = draw(st.sampled_from(list(VALID_CURRENCIES)))
    amount = draw(st.integers(min_value=1, max_value=AMOUNT_MINOR_MAX))
    debit_account, credit_account = draw(
        st.lists(st.sampled_from(VALID_ACCOUNTS), min_size=2, max_size=2, unique=True)
    )
    return (
        Posting(debit_account, Direction.DEBIT, amount, currency),
        Posting(credit_account, Direction.CREDIT, amount, currency),
    )


requests = st.builds(
    Request,
    id=st.sampled_from([*VALID_IDS, "je_" + "x" * 61, "je_", "tx_1", "je_a.b", "je_é"]),
    postings=st.one_of(
        balanced_postings(),
        st.lists(postings, max_size=6).map(tuple),
        st.tuples(balanced_postings(), balanced_postings()).map(lambda pair: pair[0] + pair[1]),
    ),
    metadata=metadata,
    pending=st.booleans(),
    timeout_s=st.one_of(st.none(), st.integers(min_value=-2, max_value=10**6)),
    balancing_debit=st.booleans(),
    balancing_credit=st.booleans(),
)


def first_posting(request: Request, broken: Any) -> int | None:
    return next((i for i, p in enumerate(request.postings) if broken(p)), None)


def model_failures(r: Request) -> dict[CreateEntryStatus, str]:
    """Every rule the request breaks, judged independently, with the field at fault."""
    failures: dict[CreateEntryStatus, str] = {}
    if r.id not in VALID_IDS:
        failures[S.ID_INVALID] = "id"
    if len(r.postings) < 2:
        failures[S.POSTINGS_TOO_FEW] = "postings"
    if len(r.postings) > 64:
        failures[S.POSTINGS_TOO_MANY] = "postings"
    per_posting = [
        (S.ACCOUNT_ID_INVALID, "account_id", lambda p: p.account_id not in VALID_ACCOUNTS),
        (S.AMOUNT_MUST_NOT_BE_NEGATIVE, "amount_minor", lambda p: p.amount_minor < 0),
        (S.AMOUNT_TOO_LARGE, "amount_minor", lambda p: p.amount_minor >= 2**63),
        (S.CURRENCY_INVALID, "currency", lambda p: p.currency not in VALID_CURRENCIES),
    ]
    for code, field, broken in per_posting:
        index = first_posting(r, broken)
        if index is not None:
            failures[code] = f"postings[{index}].{field}"
    debited = {p.account_id for p in r.postings if p.direction == "debit"}
    index = first_posting(r, lambda p: p.direction == "credit" and p.account_id in debited)
    if index is not None:
        failures[S.ACCOUNTS_MUST_BE_DIFFERENT] = f"postings[{index}].account_id"
    if any(net != 0 for net in net_per_currency(r.postings).values()):
        failures[S.POSTINGS_MUST_BALANCE] = "postings"
    if r.timeout_s is not None and not r.pending:
        failures[S.TIMEOUT_RESERVED_FOR_PENDING_TRANSFER] = "timeout_s"
    if r.timeout_s is not None and r.timeout_s <= 0:
        failures[S.TIMEOUT_MUST_BE_POSITIVE] = "timeout_s"
    if (r.balancing_debit or r.balancing_credit) and len(r.postings) != 2:
        failures[S.BALANCING_REQUIRES_TWO_POSTINGS] = "postings"
    if not all(isinstance(v, str) and 0 < len(k) <= 40 and len(v) <= 500 and "\x00" not in k + v
               for k, v in r.metadata.items()):
        failures[S.METADATA_INVALID] = "metadata"
    return failures


def net_per_currency(entry_postings: tuple[Posting, ...]) -> Counter[str]:
    net: Counter[str] = Counter()
    for p in entry_postings:
        net[p.currency] += p.amount_minor if p.direction == "debit" else -p.amount_minor
    return net


def outcome(request: Request) -> NewEntry | EntryRejected:
    try:
        return request.build()
    except EntryRejected as refused:
        return refused


ZERO_TRANSFER = Request("je_1", (Posting("acct_a", Direction.DEBIT, 0, "INR"),
                                  Posting("acct_b", Direction.CREDIT, 0, "INR")),
                        {}, False, None, False, False)
"""A transfer of zero: allowed, as in TigerBeetle (``test_ledger_tb_zero_amounts``)."""


@PURE
@given(requests)
@example(ZERO_TRANSFER)
def test_an_entry_either_balances_or_is_refused_with_its_first_broken_rule(r: Request) -> None:
    failures = model_failures(r)
    result = outcome(r)
    if isinstance(result, EntryRejected):
        assert type(result) is EntryRejected
        assert isinstance(result.code, CreateEntryStatus)
        assert failures, f"refused {result.code} but the model finds no broken rule"
        first = min(failures, key=list(S).index)
        assert (result.code, result.param) == (first, failures[first])
        return
    assert not failures, f"accepted although it breaks {sorted(failures)}"
    assert len(result.postings) >= 2
    assert all(count == 0 for count in net_per_currency(result.postings).values())
    assert all(0 <= p.amount_minor <= AMOUNT_MINOR_MAX for p in result.postings)  # 0: allowed


@PURE
@given(st.lists(postings, min_size=65, max_size=70).map(tuple))
def test_too_many_postings_is_reported_before_any_posting_rule(many: tuple[Posting, ...]) -> None:
    with pytest.raises(EntryRejected) as refused:
        NewEntry("je_many", many)
    assert (refused.value.code, refused.value.param) == (S.POSTINGS_TOO_MANY, "postings")


currencies = st.sampled_from(list(VALID_CURRENCIES))
money = st.builds(Money, st.integers(min_value=-(10**40), max_value=10**40), currencies)


@PURE
@given(money, money)
def test_money_addition_never_mixes_currencies(a: Money, b: Money) -> None:
    if a.currency != b.currency:
        try:
            a + b
        except InvariantViolation:
            return
        raise AssertionError(f"{a} + {b} did not refuse to mix currencies")
    total = a + b
    assert total.currency == a.currency
    assert total.amount_minor == a.amount_minor + b.amount_minor
    assert total - b == a


@PURE
@given(money)
def test_formatted_money_parses_back_to_itself(m: Money) -> None:
    text, code = str(m).split(" ")
    assert code == m.currency
    assert Money.parse(text, code) == m
    places = len(text.partition(".")[2])
    assert places == VALID_CURRENCIES[m.currency]


@PURE
@given(money, st.integers(min_value=1, max_value=9))
def test_an_extra_decimal_place_is_refused_never_rounded(m: Money, digit: int) -> None:
    text = str(m).split(" ")[0]
    longer = f"{text}{digit}" if "." in text else f"{text}.{digit}"
    try:
        parsed = Money.parse(longer, m.currency)
    except AmountFormatError:
        return
    raise AssertionError(f"{longer!r} parsed as {parsed} instead of being refused")


pairs = st.one_of(
    balanced_postings(),
    st.tuples(postings, postings),
    balanced_postings().map(lambda pair: (pair[1], pair[0])),
    st.tuples(balanced_postings(), postings).map(lambda t: (t[0][0], t[1])),
    st.tuples(balanced_postings(), st.sampled_from(["acct_a\n", "USD", "", "XAU"])).map(
        lambda t: (t[0][0], Posting(t[1], Direction.CREDIT, t[0][0].amount_minor, "INR"))
    ),
)


@PURE
@given(pairs)
def test_the_two_posting_shortcut_agrees_with_every_rule(pair: tuple[Posting, ...]) -> None:
    # posting_failure answers two postings in one pass; rules_failure is every rule in order.
    assert posting_failure(pair) == rules_failure(pair)


@PURE
@given(st.lists(requests, min_size=1, max_size=4), st.lists(st.integers(1, 65535), max_size=4))
def test_the_payload_decodes_to_each_entry_document(rs: list[Request], codes: list[int]) -> None:
    # entries_payload writes plain transfers straight into the text; json.dumps the rest.
    entries = []
    for i, r in enumerate(rs):
        try:
            entry = r.build()
        except EntryRejected:
            continue
        if i < len(codes) and codes[i] % 2:
            entry = NewEntry(entry.id, entry.postings, entry.metadata, code=codes[i])
        entries.append(entry)
    assert json.loads(entries_payload(entries)) == [entry_document(e) for e in entries]
