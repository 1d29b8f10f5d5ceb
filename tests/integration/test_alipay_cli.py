"""``paysetu alipay``: register an app from the command line; the platform key is made once."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from paysetu.alipay.rules.app_errors import AlipayAppRejected, AlipayAppStatus
from paysetu.app.context import AppContext
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.bootstrap import ALIPAY_PLATFORM_KEY_FILE
from paysetu.cli.app import app as cli
from paysetu.kernel.clock import SystemClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets
from paysetu.payments.usecases import merchants
from tests.api.alipay_setup import key_pair

NOTIFY_URL = "https://127.0.0.1:8443/alipay/notify"
"""A notify URL that resolves without the internet (a name like tea.example does not)."""


@pytest.fixture
def data_dir(database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("PAYSETU_DATABASE_URL", database_url)
    # The merchant's server is on this machine: loopback must be allowed explicitly.
    monkeypatch.setenv("PAYSETU_WEBHOOK_ALLOWED_NETWORKS", "127.0.0.0/8")
    monkeypatch.setenv("PAYSETU_DATA_DIR", str(tmp_path / "var"))
    return tmp_path / "var"


def test_register_an_app_and_show_the_platform_key(
    data_dir: Path, engine: sa.Engine, tmp_path: Path
) -> None:
    context = AppContext(lambda: PostgresUnitOfWork(engine), SystemClock(), UlidIds(),
                         SystemSecrets())
    with context.uow_factory() as uow:
        shop = merchants.create_merchant(context, uow, "Jade Tea House", "IN", "CNY", 0, 0, {})
        uow.commit()
    public_key = tmp_path / "app_public_key.pem"
    public_key.write_text(key_pair("merchant").public_pem)
    runner = CliRunner()
    registered = runner.invoke(cli, ["alipay", "register", "--merchant", shop["id"],
                                     "--public-key-file", str(public_key),
                                     "--notify-url", NOTIFY_URL])
    assert registered.exit_code == 0, registered.output
    app_id = next(line.split(": ", 1)[1] for line in registered.stdout.splitlines()
                  if line.startswith("app_id: "))
    assert len(app_id) == 16
    assert app_id.isdigit()
    key_file = data_dir / ALIPAY_PLATFORM_KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    private_pem = key_file.read_text()
    assert "PRIVATE KEY" not in registered.output

    shown = runner.invoke(cli, ["alipay", "platform-key"])
    assert shown.exit_code == 0, shown.output
    assert "BEGIN PUBLIC KEY" in shown.stdout
    assert shown.stdout.strip() in registered.stdout
    assert key_file.read_text() == private_pem, "generated once"
    listed = runner.invoke(cli, ["alipay", "apps"])
    assert listed.exit_code == 0, listed.output
    assert app_id in listed.stdout

    public_key.write_text("not a key")
    refused = runner.invoke(cli, ["alipay", "register", "--merchant", shop["id"],
                                  "--public-key-file", str(public_key)])
    assert refused.exit_code != 0
    assert isinstance(refused.exception, AlipayAppRejected)  # main() prints its code
    assert refused.exception.code is AlipayAppStatus.PUBLIC_KEY_INVALID
