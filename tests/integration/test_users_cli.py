"""``paysetu users``: a web user from the command line, the password read from standard input."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from paysetu.access.rules.web_errors import WebRejected, WebStatus
from paysetu.access.stores.passwords import Argon2Passwords
from paysetu.access.usecases import web_users
from paysetu.app.context import AppContext
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.cli.app import app as cli
from paysetu.kernel.clock import SystemClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets
from paysetu.payments.usecases import merchants


@pytest.fixture
def cli_database(database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("PAYSETU_DATABASE_URL", database_url)
    monkeypatch.setenv("PAYSETU_DATA_DIR", str(tmp_path / "var"))
    return tmp_path


def test_create_a_merchant_user_and_sign_in(cli_database: Path, engine: sa.Engine) -> None:
    context = AppContext(lambda: PostgresUnitOfWork(engine), SystemClock(), UlidIds(),
                         SystemSecrets())
    with context.uow_factory() as uow:
        shop = merchants.create_merchant(context, uow, "Kirana Stores", "IN", "INR", 0, 0, {})
        uow.commit()
    made = CliRunner().invoke(cli, ["users", "create", "--email", "Owner@Kirana.example",
                                    "--role", "merchant", "--merchant", shop["id"]],
                              input="a long kirana passphrase\n")
    assert made.exit_code == 0, made.output
    assert "owner@kirana.example (merchant)" in made.output
    assert "a long kirana passphrase" not in made.output

    token, session = web_users.log_in(context, Argon2Passwords(), email="owner@kirana.example",
                                      password="a long kirana passphrase", client_address="t")
    assert session.user.merchant_id == shop["id"]
    assert session.user.password_hash.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert web_users.current_session(context, token) == session
    web_users.log_out(context, token)
    assert web_users.current_session(context, token) is None

    listed = CliRunner().invoke(cli, ["users", "list"])
    assert listed.exit_code == 0
    assert "owner@" in listed.output


def test_refusals_name_the_rule(cli_database: Path, engine: sa.Engine) -> None:
    context = AppContext(lambda: PostgresUnitOfWork(engine), SystemClock(), UlidIds(),
                         SystemSecrets())
    short = CliRunner().invoke(cli, ["users", "create", "--email", "ops@paysetu.example",
                                     "--role", "admin"], input="short\n")
    assert short.exit_code == 1
    assert isinstance(short.exception, WebRejected)
    assert short.exception.code is WebStatus.PASSWORD_TOO_SHORT
    scoped = CliRunner().invoke(cli, ["users", "create", "--email", "ops@paysetu.example",
                                      "--role", "admin", "--merchant", "mer_x"],
                                input="a long enough passphrase\n")
    assert isinstance(scoped.exception, WebRejected)
    assert scoped.exception.code is WebStatus.WEB_SCOPE_INVALID
    unknown = CliRunner().invoke(cli, ["users", "create", "--email", "m@shop.example",
                                       "--role", "merchant", "--merchant", "mer_missing"],
                                 input="a long enough passphrase\n")
    assert isinstance(unknown.exception, WebRejected)
    assert unknown.exception.param == "merchant_id"
    assert web_users.list_users(context) == []
