"""Error codes: each is documented, mapped to HTTP, unique, and the SQL raises only known ones.

design.md section 4: one closed enum of codes per operation family, in precedence order; one
exception tree rooted at ``PaysetuError``; every code has an HTTP mapping and a line in the docs.
"""

from __future__ import annotations

import importlib
import inspect
import re
from enum import StrEnum

import pytest

from paysetu.app.docs_errors import COMMAND, render_errors_markdown
from paysetu.app.error_codes import ALL_CODE_ENUMS
from paysetu.ledger.rules import errors
from paysetu.ledger.rules.entries import Direction
from paysetu.ledger.rules.errors import (
    CreateEntryStatus,
    ErrorCategory,
    ErrorCode,
    PaysetuError,
)
from paysetu.shell.http.error_mapping import (
    ERROR_TYPE,
    HTTP_STATUS,
    TYPE_OVERRIDES,
    error_body,
    error_type,
    http_status,
)
from tests.meta.source_tree import REPO_DIR, SQL_DIR, importable_module_names, in_package

ERRORS_PAGE = REPO_DIR / "docs" / "errors.md"
STRIPE_TYPES = {"api_error", "card_error", "idempotency_error", "invalid_request_error"}

CODES = [(enum, code) for enum in ALL_CODE_ENUMS for code in enum]
CODE_IDS = [f"{enum.__name__}.{code.value}" for enum, code in CODES]

OUTSIDE_THE_TREE = {
    "paysetu.kernel.invariants.InvariantViolation": (
        "a programmer error: never caught, it rolls the transaction back"
    ),
    "paysetu.kernel.ports.TransientConflictError": (
        "a retry signal between adapters and services; never reaches a client"
    ),
    "paysetu.kernel.money.CurrencyError": (
        "ValueError of the Money value type; entrypoints turn it into a coded refusal"
    ),
    "paysetu.kernel.money.AmountFormatError": (
        "ValueError of Money.parse; entrypoints turn it into a coded refusal"
    ),
    "paysetu.webhooks.SignatureVerificationError": (
        "raised in a merchant's webhook receiver by the helper paysetu ships; never by the API"
    ),
    "paysetu.alipay.rules.errors.AlipayRefused": (
        "the Alipay gateway's refusal: answered in Alipay's signed envelope, never as an API error"
    ),
    "paysetu.shell.pages.auth.PageError": (
        "a web page that cannot be shown (404, 403): rendered as an HTML page, not a refusal code"
    ),
    "paysetu.shell.pages.auth.LoginRequired": (
        "a web page needs a signed-in user: answered with a redirect to the login page"
    ),
    "paysetu.db.replication.ReplicationError": (
        "an operator's standby, backup or restore command failed (a PostgreSQL program, or a"
        " server that never reached the state waited for): printed by the CLI, never an API answer"
    ),
}
"""Exception classes that deliberately do not inherit from PaysetuError, with the reason."""

DEVELOPER_TOOLS = ("paysetu.bench", "paysetu.check")
"""Packages whose failures never reach a client (benchmarks, reliability checks), left out of
the exception check."""


def test_every_category_has_a_status_and_a_type() -> None:
    assert dict(HTTP_STATUS) == {
        ErrorCategory.INVALID: 400,
        ErrorCategory.UNAUTHENTICATED: 401,
        ErrorCategory.DECLINED: 402,
        ErrorCategory.NOT_FOUND: 404,
        ErrorCategory.CONFLICT: 409,
        ErrorCategory.RATE_LIMITED: 429,
        ErrorCategory.UNAVAILABLE: 503,
    }
    assert set(ERROR_TYPE) == set(ErrorCategory)
    assert set(ERROR_TYPE.values()) <= STRIPE_TYPES | {"declined_error"}
    assert {type_ for _, type_ in TYPE_OVERRIDES} <= STRIPE_TYPES


def test_every_code_enum_is_listed() -> None:
    """An enum of codes missing from ALL_CODE_ENUMS would escape the docs and these tests."""
    enums: set[type[ErrorCode]] = set()
    for name in importable_module_names():
        module = importlib.import_module(name)
        enums |= {
            obj
            for _, obj in inspect.getmembers(module, inspect.isclass)
            if issubclass(obj, ErrorCode) and obj.__module__ == name and len(obj) > 0
        }
    assert enums == set(ALL_CODE_ENUMS)
    assert len(ALL_CODE_ENUMS) == len(set(ALL_CODE_ENUMS))


@pytest.mark.parametrize("enum", ALL_CODE_ENUMS, ids=lambda e: e.__name__)
def test_codes_are_unique_within_an_enum(enum: type[StrEnum]) -> None:
    """Two members with the same value would silently become aliases of one code."""
    assert len(enum.__members__) == len(list(enum)), "duplicate values became aliases"
    values = [code.value for code in enum]
    assert len(values) == len(set(values))


@pytest.mark.parametrize(("enum", "code"), CODES, ids=CODE_IDS)
def test_code_is_mapped_and_summarised(enum: type[StrEnum], code: ErrorCode) -> None:
    assert code.value == code.name.lower(), "the value is the member name in lower case"
    assert re.fullmatch(r"[a-z][a-z_]*[a-z]", code.value)
    assert isinstance(code.transient, bool)
    assert code.category in HTTP_STATUS
    assert code.summary.strip() == code.summary
    assert code.summary.endswith("."), "the summary is a sentence"
    assert "\n" not in code.summary


@pytest.mark.parametrize(("enum", "code"), CODES, ids=CODE_IDS)
def test_code_has_a_line_in_the_docs(enum: type[StrEnum], code: ErrorCode) -> None:
    page = ERRORS_PAGE.read_text("utf-8")
    section = page.split(f"\n## {enum.__name__}\n", 1)[-1].split("\n## ", 1)[0]
    assert f"| `{code.value}` |" in section, f"{code.value} missing from {enum.__name__} docs"


def test_errors_page_is_generated_from_the_code() -> None:
    assert ERRORS_PAGE.read_text("utf-8") == render_errors_markdown(), (
        f"docs/errors.md is out of date: run `{COMMAND}`"
    )


@pytest.mark.parametrize(("enum", "code"), CODES, ids=CODE_IDS)
def test_error_body_has_stripes_shape(enum: type[StrEnum], code: ErrorCode) -> None:
    error = PaysetuError(code, param="postings[0].amount_minor")
    body = error_body(error, "req_123")
    assert body == {
        "error": {
            "type": error_type(code),
            "code": code.value,
            "message": code.summary,
            "param": "postings[0].amount_minor",
            "request_id": "req_123",
        }
    }
    assert http_status(error) == HTTP_STATUS[code.category]


def test_type_overrides_compare_codes_by_identity() -> None:
    """Codes of different enums with one value are equal as strings; the override must not leak."""
    (overridden, type_), *_ = TYPE_OVERRIDES

    class Twin(ErrorCode):
        SAME = (overridden.value, False, ErrorCategory.INVALID, "A code with the same value.")

    assert overridden == Twin.SAME
    assert error_type(overridden) == type_
    assert error_type(Twin.SAME) == "invalid_request_error"


def test_every_exception_of_the_errors_module_inherits_from_the_root() -> None:
    classes = [
        cls
        for _, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, BaseException) and cls.__module__ == errors.__name__
    ]
    assert PaysetuError in classes
    assert [c.__name__ for c in classes if not issubclass(c, PaysetuError)] == []


def test_exceptions_elsewhere_inherit_from_the_root_or_are_listed() -> None:
    """Any other exception class in paysetu joins the tree or is listed here with a reason."""
    found: set[str] = set()
    for name in importable_module_names():
        if any(in_package(name, tool) for tool in DEVELOPER_TOOLS):
            continue
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            exception = cls.__module__ == name and issubclass(cls, BaseException)
            if exception and not issubclass(cls, PaysetuError):
                found.add(f"{name}.{cls.__qualname__}")
    assert found == set(OUTSIDE_THE_TREE), (
        "exceptions outside the PaysetuError tree changed; join the tree or list them with a reason"
    )


# Codes raised by the SQL ------------------------------------------------------------------

_REFUSE_CALL = re.compile(r"(?<!FUNCTION )\bledger_refuse\(")
_DIRECTION_PREFIX = re.compile(r"\s*\w+\.(?:d|direction)\s*\|\|\s*'(_[a-z_]+)'\s*")


def _first_argument(sql: str, start: int) -> str:
    """The text of a call's first argument, from just after its opening parenthesis."""
    depth, quoted = 0, False
    for end in range(start, len(sql)):
        char = sql[end]
        if char == "'":
            quoted = not quoted
        elif not quoted and char == "(":
            depth += 1
        elif not quoted and char in ",)" and depth == 0:
            return sql[start:end]
        elif not quoted and char == ")":
            depth -= 1
    raise AssertionError(f"unterminated call at {sql[start : start + 60]!r}")


def _codes_of(argument: str) -> set[str]:
    if "||" in argument:
        match = _DIRECTION_PREFIX.fullmatch(argument)
        assert match, f"ledger_refuse with a computed code the test cannot read: {argument!r}"
        return {f"{direction.value}{match.group(1)}" for direction in Direction}
    literals = set(re.findall(r"'([^']*)'", argument))
    assert literals, f"ledger_refuse with a code that is not a literal: {argument!r}"
    return literals


def sql_refusal_codes() -> dict[str, set[str]]:
    """For each SQL file, every code its ``ledger_refuse`` calls can raise."""
    codes: dict[str, set[str]] = {}
    for path in sorted(SQL_DIR.glob("*.sql")):
        sql = re.sub(r"--[^\n]*", "", path.read_text("utf-8"))
        codes[path.name] = set()
        for call in _REFUSE_CALL.finditer(sql):
            codes[path.name] |= _codes_of(_first_argument(sql, call.end()))
    return codes


def test_sql_raises_only_create_entry_codes() -> None:
    """ledger_store turns SQLSTATE PSL01 into ``CreateEntryStatus(message)``: it must exist."""
    by_file = sql_refusal_codes()
    raised = set().union(*by_file.values())
    assert len(raised) >= 20, f"suspiciously few codes found in the SQL: {sorted(raised)}"
    unknown = {
        name: sorted(codes - {c.value for c in CreateEntryStatus})
        for name, codes in by_file.items()
        if codes - {c.value for c in CreateEntryStatus}
    }
    assert not unknown, f"the SQL raises codes CreateEntryStatus does not have: {unknown}"


def test_sql_code_reader_understands_every_form() -> None:
    sql = (
        "PERFORM ledger_refuse('pending_transfer_expired', p_index, 'pending_id');\n"
        "PERFORM ledger_refuse(v_problem.d || '_account_not_found', p_index, format('x[%s]', 1));\n"
        "PERFORM ledger_refuse(CASE WHEN v THEN 'exceeds_credits' ELSE 'exceeds_debits' END, 1);\n"
    )
    calls = _REFUSE_CALL.finditer(sql)
    found = set().union(*(_codes_of(_first_argument(sql, m.end())) for m in calls))
    assert found == {
        "pending_transfer_expired",
        "debit_account_not_found",
        "credit_account_not_found",
        "exceeds_credits",
        "exceeds_debits",
    }
