#!/usr/bin/env bash
# Run the product: embedded PostgreSQL, migrations, demo data, balances. Extra args go to `paysetu demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
exec .venv/bin/paysetu demo "$@"
