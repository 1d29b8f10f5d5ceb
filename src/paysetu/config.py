"""The one place settings come from: environment variables prefixed ``PAYSETU_``.

Read once, in :mod:`paysetu.bootstrap`; nothing else reads the environment.
"""

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Deployment settings.

    Attributes:
        database_url: PostgreSQL (14+) URL. Unset: paysetu starts its own embedded server
            under ``data_dir``.
        data_dir: Where the embedded database and generated files live.
        db_pool_size: Connections kept open per process.
        authorization_timeout_s: How long a manual-capture authorisation holds funds.
        escrow_release_s: How long escrowed funds wait for the buyer before release.
        host: Address ``paysetu serve`` listens on.
        port: Port ``paysetu serve`` and ``paysetu run`` listen on (0: any free port).
        log_level: Least severe level logged (JSON lines on stderr) by the servers.
    """

    model_config = SettingsConfigDict(env_prefix="PAYSETU_", extra="ignore")

    database_url: str | None = None
    data_dir: Path = Path("var")
    db_pool_size: int = Field(default=10, ge=1, le=200)
    authorization_timeout_s: int = Field(default=7 * 24 * 3600, ge=60)
    escrow_release_s: int = Field(default=14 * 24 * 3600, ge=60)
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=0, le=65535)
    log_level: Annotated[
        Literal["DEBUG", "INFO", "WARNING", "ERROR"], BeforeValidator(lambda v: str(v).upper())
    ] = "INFO"
