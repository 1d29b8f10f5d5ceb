"""The demo's state files: the ids of what a demo step made, kept under the data directory so
that a later run over the same database reuses them instead of making the step again."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any, TypeVar

State = TypeVar("State")


def read_state(path: Path, kind: type[State]) -> State | None:
    """The state saved at ``path``, or None (no file, or one this version cannot read)."""
    try:
        return kind(**json.loads(path.read_text()))
    except (OSError, ValueError, TypeError):
        return None


def write_state(path: Path, state: Any) -> None:
    """Save a dataclass instance as JSON at ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(asdict(state), indent=2) + "\n")
