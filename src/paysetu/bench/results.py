"""Where a bench run's JSON goes, how it is written, and how time grows with size.

Every ``paysetu bench ...`` writes one file, ``bench-results/<benchmark>-<UTC time>.json``
unless told otherwise, so that runs can be compared later without rerunning anything.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

RESULTS_DIR = Path("bench-results")


def results_path(benchmark: str, output: Path | None) -> Path:
    """``output``, or a new file for ``benchmark`` under :data:`RESULTS_DIR`."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return output or RESULTS_DIR / f"{benchmark}-{stamp}.json"


def write_document(document: Mapping[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


def growth_per_size(first_size: int, first_s: float, last_size: int, last_s: float) -> float:
    """Time growth over size growth between two runs (1.0: linear)."""
    return (last_s / first_s) / (last_size / first_size)
