"""Structured logs: one JSON object per line on stderr, with secrets scrubbed before formatting.

:func:`configure_logging` is the one place logging is set up; the server commands call it at
start-up (never at import time). Every record that reaches its handler first passes
:class:`RedactSecrets`, which rewrites the message, the ``extra`` fields and any exception text
so that API keys (``sk_live_...``/``sk_test_...``: the key id stays, the secret goes), webhook
signing secrets (``whsec_...``) and ``Authorization`` values never reach the output, whichever
library logged them. :class:`JsonFormatter` applies the same scrubbing to the finished line.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, TextIO

REDACTED = "[REDACTED]"

# Applying these twice changes nothing (the atomic group keeps "sk_..._[REDACTED]" as it is).
_SECRET_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?i)(authorization[\"']?\s*[:=]\s*[\"']?)[^\"'\r\n,}]+"), rf"\1{REDACTED}"),
    (re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+"), rf"\1 {REDACTED}"),
    (re.compile(r"(sk_(?:live|test)_)(?>(key_[0-9A-Z]{26}_)?)[A-Za-z0-9_-]+"),
     rf"\1\2{REDACTED}"),
    (re.compile(r"(whsec_)[A-Za-z0-9_+/=-]+"), rf"\1{REDACTED}"),
)
_SECRET_FIELD_NAMES = frozenset(
    {"authorization", "proxy-authorization", "cookie", "set-cookie", "secret", "signing_secret",
     "api_key", "password"}
)
# Attributes every LogRecord has; anything else on a record came from ``extra=``.
_RECORD_FIELDS = frozenset(vars(logging.makeLogRecord({}))) | {
    "message", "asctime", "taskName",
    "color_message",  # uvicorn's copy of the message with terminal colours
}


_MAY_HOLD_A_SECRET = re.compile(r"(?i:authorization|bearer|basic)|sk_(?:live|test)_|whsec_")
"""A word every pattern above needs: text without one is returned as it is, after one scan
instead of four substitutions (each request's log line passes here about ten times)."""


def redact(text: str) -> str:
    """``text`` with every secret pattern replaced by a marker."""
    if _MAY_HOLD_A_SECRET.search(text) is None:
        return text
    for pattern, replacement in _SECRET_PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, Mapping):
        return {
            k: REDACTED if str(k).lower() in _SECRET_FIELD_NAMES else _scrub(v)
            for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [_scrub(v) for v in value]
    return value


def extra_fields(record: logging.LogRecord) -> dict[str, Any]:
    """The ``extra=`` fields of a record."""
    return {k: v for k, v in vars(record).items() if k not in _RECORD_FIELDS}


class RedactSecrets(logging.Filter):
    """Rewrites a record in place so that no handler after it can see a secret."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        for name, value in extra_fields(record).items():
            setattr(record, name, REDACTED if name.lower() in _SECRET_FIELD_NAMES
                    else _scrub(value))
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class JsonFormatter(logging.Formatter):
    """``{"time", "level", "logger", "message", ...extra fields, "exception"?}`` on one line."""

    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            **extra_fields(record),
        }
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            payload["exception"] = record.exc_text
        return redact(json.dumps(payload, default=str, ensure_ascii=False))


def json_handler(stream: TextIO | None = None) -> logging.Handler:
    """A handler writing redacted JSON lines to ``stream`` (stderr by default)."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.addFilter(RedactSecrets())
    handler.setFormatter(JsonFormatter())
    return handler


def configure_logging(level: str = "INFO", stream: TextIO | None = None) -> None:
    """Send every logger's records as redacted JSON lines to ``stream`` (replaces root handlers)."""
    root = logging.getLogger()
    for existing in list(root.handlers):
        root.removeHandler(existing)
    root.addHandler(json_handler(stream))
    root.setLevel(level.upper())
    logging.captureWarnings(True)
