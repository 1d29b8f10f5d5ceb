"""The committed Python client is what the generator makes from today's API.

``clients/python`` holds the OpenAPI document and the ``paysetu_client.generated`` package
made from it by openapi-python-client (``scripts/generate_client.sh``). Both are generated
again here, into a temporary folder, and must equal the committed files byte for byte: a route
or model changed without regenerating the client fails here, with the files that differ.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from paysetu.app.http.openapi_document import openapi_document
from tests.meta.source_tree import REPO_DIR

CLIENT_DIR = REPO_DIR / "clients" / "python"
GENERATOR = REPO_DIR / ".venv-tools" / "bin" / "openapi-python-client"


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts}


def test_the_committed_openapi_document_is_the_served_one() -> None:
    committed = json.loads((CLIENT_DIR / "openapi.json").read_text("utf-8"))
    assert committed == openapi_document(), "run scripts/generate_client.sh"


def test_the_committed_client_is_generated_from_it(tmp_path: Path) -> None:
    assert GENERATOR.exists(), "scripts/ensure_tools.sh installs openapi-python-client"
    out = tmp_path / "generated"
    subprocess.run(
        [str(GENERATOR), "generate", "--path", str(CLIENT_DIR / "openapi.json"),
         "--config", str(CLIENT_DIR / "generator.yml"), "--meta", "none",
         "--output-path", str(out)],
        check=True, capture_output=True, timeout=300,
    )
    expected, committed = _files(out), _files(CLIENT_DIR / "paysetu_client" / "generated")
    differ = sorted(name for name in expected.keys() | committed.keys()
                    if expected.get(name) != committed.get(name))
    assert not differ, f"run scripts/generate_client.sh; these differ: {differ[:20]}"
    assert len(expected) > 100, "the generator made almost nothing: the document is broken"
