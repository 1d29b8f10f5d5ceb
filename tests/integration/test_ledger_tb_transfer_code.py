"""Conformance with TigerBeetle's ``Transfer.code``: a small integer naming why money moved,
stored with the entry, compared on replays, inherited by a post or void, and queryable.

TigerBeetle requires a non-zero u16 on every transfer (``code_must_not_be_zero``); paysetu
keeps it optional, so the entries other capabilities write without one stay valid, and refuses
0 and anything outside 1-65535. One test per rule.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from paysetu.ledger.rules.entries import PendingResolution
from paysetu.ledger.rules.errors import CreateEntryStatus, EntryRejected
from paysetu.ledger.usecases.service import LedgerService
from tests.integration.ledger_builders import (
    CASH,
    SHOP,
    WALLET,
    move,
    open_chart,
    refused_unchanged,
)

S = CreateEntryStatus
pytestmark = pytest.mark.postgres
REFUND = 7


@pytest.fixture
def chart(ledger: LedgerService) -> LedgerService:
    open_chart(ledger)
    return ledger


def test_code_is_stored(chart: LedgerService) -> None:
    chart.apply([move("je_refund", WALLET, SHOP, 1, code=REFUND)])
    assert chart.get_entry("je_refund").code == REFUND
    assert chart.get_entry("je_fund").code is None


def test_code_is_stored_on_the_set_based_path(chart: LedgerService) -> None:
    chart.apply([move("je_a", CASH, WALLET, 5, code=1), move("je_b", CASH, SHOP, 5, code=2)])
    assert [chart.get_entry(i).code for i in ("je_a", "je_b")] == [1, 2]


def test_code_must_not_be_zero() -> None:
    with pytest.raises(EntryRejected) as rejected:
        move("je_x", CASH, WALLET, 5, code=0)
    assert (rejected.value.code, rejected.value.param) == (S.CODE_MUST_NOT_BE_ZERO, "code")


def test_exists_with_different_code(chart: LedgerService, engine: sa.Engine) -> None:
    chart.apply([move("je_a", CASH, WALLET, 5, code=1)])
    assert chart.apply([move("je_a", CASH, WALLET, 5, code=1)])[0].replayed
    refused_unchanged(
        engine, chart, [move("je_a", CASH, WALLET, 5, code=2)], S.EXISTS_WITH_DIFFERENT_CODE, "code"
    )
    refused_unchanged(
        engine, chart, [move("je_a", CASH, WALLET, 5)], S.EXISTS_WITH_DIFFERENT_CODE, "code"
    )


def test_post_or_void_inherits_the_pending_code(chart: LedgerService) -> None:
    chart.apply([move("je_hold", WALLET, SHOP, 5, pending=True, code=REFUND)])
    chart.apply([PendingResolution("je_post", "je_hold", post=True)])
    assert chart.get_entry("je_post").code == REFUND


@pytest.mark.parametrize("post", [True, False])
def test_pending_transfer_has_different_code(
    chart: LedgerService, engine: sa.Engine, post: bool
) -> None:
    chart.apply([move("je_hold", WALLET, SHOP, 5, pending=True, code=REFUND)])
    refused_unchanged(
        engine,
        chart,
        [PendingResolution("je_out", "je_hold", post, code=REFUND + 1)],
        S.PENDING_TRANSFER_HAS_DIFFERENT_CODE,
        "code",
    )
    chart.apply([PendingResolution("je_out", "je_hold", post, code=REFUND)])


def test_entries_are_found_by_code(chart: LedgerService) -> None:
    chart.apply([move("je_a", CASH, WALLET, 5, code=1), move("je_b", CASH, SHOP, 5, code=2)])
    chart.apply([move("je_c", CASH, WALLET, 5, code=1, metadata={"k": "v"})])
    found, more = chart.find_entries({}, code=1)
    assert ([e.id for e in found], more) == (["je_a", "je_c"], False)
    found, _ = chart.find_entries({"k": None}, code=1)
    assert [e.id for e in found] == ["je_c"]


def test_the_database_refuses_a_code_out_of_range(chart: LedgerService, engine: sa.Engine) -> None:
    with engine.connect() as connection, pytest.raises(sa.exc.IntegrityError) as error:
        connection.exec_driver_sql(
            "INSERT INTO ledger_entries (id, kind, metadata, created_at, code)"
            " VALUES ('je_raw', 'void_pending', '{}', now(), 0)"
        )
    assert "ledger_entry_code_range" in str(error.value)
