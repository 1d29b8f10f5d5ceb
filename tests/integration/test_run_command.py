"""``paysetu run`` as a user runs it: a real process, its own embedded PostgreSQL, Ctrl-C.

The process is started in its own session and interrupted with SIGINT to the whole process
group, as a terminal's Ctrl-C does. Its stdout is read line by line with a deadline (no sleeps).
"""

from __future__ import annotations

import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx
import pytest
import sqlalchemy as sa

from paysetu.access.rules.principals import parse_key
from paysetu.app.context import AppContext
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.demo.history import BUYERS
from paysetu.demo.shop import ensure_demo_shop
from paysetu.kernel.clock import SystemClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.pagination import PageRequest
from paysetu.kernel.secrets import SystemSecrets

STARTUP_TIMEOUT_S = 180
EXIT_TIMEOUT_S = 60


@dataclass
class RunningProduct:
    """A ``paysetu run`` process and the lines it has printed so far."""

    process: subprocess.Popen[str]
    data_dir: Path
    lines: queue.Queue[str | None] = field(default_factory=queue.Queue)
    seen: list[str] = field(default_factory=list)
    reader: threading.Thread | None = None

    def close(self) -> None:
        """Kill the process if it is still running; close its pipe once fully read."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        if self.reader is not None:
            self.reader.join(timeout=EXIT_TIMEOUT_S)
        assert self.process.stdout is not None
        self.process.stdout.close()

    def pump(self, stream: IO[str]) -> None:
        for line in stream:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def wait_for(self, pattern: str, timeout_s: float = STARTUP_TIMEOUT_S) -> re.Match[str]:
        """The next printed line matching ``pattern``; fails at end of output or deadline."""
        deadline = time.monotonic() + timeout_s
        while (remaining_s := deadline - time.monotonic()) > 0:
            try:
                line = self.lines.get(timeout=remaining_s)
            except queue.Empty:
                break
            if line is None:
                pytest.fail(f"paysetu run ended before printing {pattern!r}:\n"
                            + "\n".join(self.seen) + self.stderr())
            self.seen.append(line)
            if match := re.search(pattern, line):
                return match
        pytest.fail(f"no {pattern!r} within {timeout_s} s:\n" + "\n".join(self.seen)
                    + self.stderr())

    def stderr(self) -> str:
        return "\n--- stderr ---\n" + (self.data_dir / "stderr.log").read_text()


def _environment(data_dir: Path, port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAYSETU_")}
    env.update(PAYSETU_DATA_DIR=str(data_dir / "var"), PAYSETU_PORT=str(port),
               PAYSETU_DB_POOL_SIZE="2")
    return env


def _paysetu() -> str:
    return str(Path(sys.executable).with_name("paysetu"))


def _start(data_dir: Path, port: int) -> RunningProduct:
    stderr = (data_dir / "stderr.log").open("w")
    process = subprocess.Popen(
        [_paysetu(), "run"], cwd=data_dir, env=_environment(data_dir, port),
        stdout=subprocess.PIPE, stderr=stderr, text=True, start_new_session=True,
    )
    stderr.close()
    product = RunningProduct(process, data_dir)
    assert process.stdout is not None
    product.reader = threading.Thread(target=product.pump, args=(process.stdout,), daemon=True)
    product.reader.start()
    return product


def _postgres_using(pgdata: Path) -> list[int]:
    """Pids of processes whose command line names ``pgdata``."""
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if "postgres" in command and str(pgdata) in command:
            pids.append(int(proc.name))
    return pids


@pytest.fixture
def data_dir() -> Iterator[Path]:
    # Not pytest's tmp_path: concurrent pytest sessions prune each other's temp roots.
    root = Path(tempfile.mkdtemp(prefix="paysetu-run-"))
    try:
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="checks processes through /proc")
def test_run_serves_the_demo_and_stops_everything_on_ctrl_c(data_dir: Path) -> None:
    pgdata = (data_dir / "var" / "postgres").resolve()
    product = _start(data_dir, port=0)
    try:
        url = product.wait_for(r"paysetu is running at (http://\S+)").group(1)
        key = product.wait_for(r"platform key:\s+(sk_test_\S+)").group(1)
        product.wait_for(r"merchant key:\s+sk_test_\S+\s+\(Chai Point, mer_")
        product.wait_for(r"curl -s http://\S+/v1/customers -H \"Authorization: Bearer sk_test_")

        assert httpx.get(f"{url}/healthz", timeout=10).json() == {"status": "ok"}
        customers = httpx.get(f"{url}/v1/customers?limit=100", timeout=10,
                              headers={"Authorization": f"Bearer {key}"})
        assert customers.status_code == 200, customers.text
        names = {c["name"] for c in customers.json()["data"]}
        assert {"Asha Verma"} | {name for name, _ in BUYERS} <= names  # shop and history
        assert "openapi" in httpx.get(f"{url}/openapi.json", timeout=10).json()
        product.wait_for(r"wallet app:\s+http://\S+/wallet\s")
        phone = product.wait_for(r"sign in as Meera: phone (\+91\d+)").group(1)
        assert httpx.post(f"{url}/v1/customer/sign_in_codes", json={"phone": phone},
                          timeout=10).status_code == 200
        code = product.wait_for(rf"SMS to \{phone}: (\d{{6}}) is your paysetu sign-in code")
        session = httpx.post(f"{url}/v1/customer/sessions", timeout=10,
                             json={"phone": phone, "code": code.group(1)}).json()
        wallet = {"Authorization": f"Bearer {session['token']}"}
        assert session["has_pin"]
        pending = httpx.get(f"{url}/v1/customer/approvals", headers=wallet, timeout=10).json()
        assert [p["status"] for p in pending["data"]] == ["requires_action"]
        mandates = httpx.get(f"{url}/v1/customer/mandates", headers=wallet, timeout=10).json()
        assert [m["status"] for m in mandates["data"]] == ["active"]
        assert _postgres_using(pgdata), "the check below must be able to see the server"

        os.killpg(product.process.pid, signal.SIGINT)
        assert product.process.wait(timeout=EXIT_TIMEOUT_S) == 0, product.stderr()
    finally:
        product.close()
    assert (data_dir / "var" / "demo_shop.json").exists()
    assert not (pgdata / "postmaster.pid").exists()
    assert _postgres_using(pgdata) == []
    stderr = (data_dir / "stderr.log").read_text()
    parsed = parse_key(key)
    assert parsed is not None
    assert parsed[2] not in stderr
    assert '"route": "/v1/customers"' in stderr


def test_run_names_the_setting_when_the_port_is_busy(data_dir: Path) -> None:
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        result = subprocess.run(
            [_paysetu(), "run"], cwd=data_dir, env=_environment(data_dir, port),
            capture_output=True, text=True, timeout=EXIT_TIMEOUT_S, check=False,
        )
    assert result.returncode == 1
    assert f"port {port} on 127.0.0.1 is already in use" in result.stderr
    assert "PAYSETU_PORT" in result.stderr
    assert not (data_dir / "var" / "postgres").exists()


def test_the_demo_shop_is_made_once_per_database(engine: sa.Engine, data_dir: Path) -> None:
    context = AppContext(lambda: PostgresUnitOfWork(engine), SystemClock(), UlidIds(),
                         SystemSecrets())
    first, created = ensure_demo_shop(context, data_dir)
    again, created_again = ensure_demo_shop(context, data_dir)
    assert (created, created_again) == (True, False)
    assert again == first
    with context.uow_factory() as uow:
        customers, _ = uow.customers.list_page(PageRequest(limit=10))
        merchants, _ = uow.merchants.list_page(None, PageRequest(limit=10))
        wallet = uow.wallets.get(first.wallet_id)
    assert [c.name for c in customers] == ["Asha Verma"]
    assert [(m.legal_name, m.country, m.settlement_currency, m.fee_plan.fee_bps)
            for m in merchants] == [("Chai Point", "IN", "INR", 200)]
    assert wallet is not None
    assert (wallet.currency, wallet.balance_minor) == ("INR", 5_000_00)
