#!/usr/bin/env bash
# Regenerate clients/python (the paysetu-client package) from the API's OpenAPI document:
# the document to clients/python/openapi.json, the operations and models to
# clients/python/paysetu_client/generated (openapi-python-client, from .venv-tools: its typer pin
# conflicts with paysetu's, so it has its own environment). tests/meta/test_python_client.py
# fails when the committed client is not what this script makes.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
source scripts/ensure_tools.sh
out="${1:-clients/python}"
mkdir -p "$out"
.venv/bin/python -m paysetu.app.http.openapi_document > "$out/openapi.json"
.venv-tools/bin/openapi-python-client generate --path "$out/openapi.json" \
    --config clients/python/generator.yml --meta none \
    --output-path "$out/paysetu_client/generated" --overwrite >/dev/null
