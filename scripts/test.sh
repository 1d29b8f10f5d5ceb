#!/usr/bin/env bash
# Run the whole test suite (it starts and stops its own PostgreSQL; the browser tests need
# Debian's chromium, installed by scripts/ensure_chromium.sh). Extra args go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
source scripts/ensure_tools.sh
source scripts/ensure_chromium.sh
# pytest exits 5 when no test was collected: that is a failure here, like any non-zero code.
exec .venv/bin/python -m pytest -p no:cacheprovider "$@"
