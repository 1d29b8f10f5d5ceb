#!/usr/bin/env bash
# Run the product: embedded PostgreSQL, migrations, demo data, demo API keys, then the API on
# http://127.0.0.1:8000 (PAYSETU_PORT) until Ctrl-C. Extra args go to `paysetu run`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
exec .venv/bin/paysetu run "$@"
