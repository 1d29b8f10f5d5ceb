#!/usr/bin/env bash
# Create .venv and install paysetu with its pinned dependencies, once per pyproject.toml change.
# Sourced by scripts/run.sh and scripts/test.sh; needs only Python 3.11+, pip, gcc and git.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON_BIN="${PYTHON:-python3}"
if ! "$PYTHON_BIN" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
    echo "paysetu needs Python 3.11 or newer (found: $("$PYTHON_BIN" --version 2>&1))" >&2
    exit 1
fi
if [ ! -x .venv/bin/python ]; then
    echo "creating virtual environment in .venv" >&2
    "$PYTHON_BIN" -m venv .venv
fi
stamp=.venv/.paysetu-installed
wanted="$(cat pyproject.toml clients/python/pyproject.toml | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$wanted" ]; then
    echo "installing paysetu and its pinned dependencies into .venv (a few minutes the first" \
         "time; one line per package)" >&2
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
    # pip's own output, one line per package fetched and the summary (its progress bars are
    # meaningless in a log); pipefail keeps pip's exit status.
    .venv/bin/python -m pip install --disable-pip-version-check --progress-bar off \
        -e '.[dev]' -e clients/python 2>&1 \
        | { grep --line-buffered -E '^(Collecting|Successfully installed|ERROR)' || true; } \
        | sed -u -e 's/^Collecting /  fetched /' -e 's/^Successfully installed .*/  installed/' >&2
    echo "$wanted" > "$stamp"
fi
