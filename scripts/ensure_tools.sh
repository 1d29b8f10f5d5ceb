#!/usr/bin/env bash
# Make .venv-tools: the tools the tests run beside paysetu whose pins conflict with paysetu's
# (scripts/tools-requirements.txt), once per change of that file. Sourced by scripts/test.sh
# and scripts/generate_client.sh; needs only Python 3.11+ and pip.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
tools_stamp=.venv-tools/.paysetu-installed
tools_wanted="$(sha256sum scripts/tools-requirements.txt | cut -d' ' -f1)"
if [ "$(cat "$tools_stamp" 2>/dev/null || true)" != "$tools_wanted" ]; then
    echo "installing the test tools into .venv-tools (openapi-python-client)" >&2
    "${PYTHON:-python3}" -m venv .venv-tools
    .venv-tools/bin/python -m pip install --quiet --disable-pip-version-check \
        -r scripts/tools-requirements.txt
    echo "$tools_wanted" > "$tools_stamp"
fi
