#!/usr/bin/env bash
# Make sure Debian's chromium is at /usr/bin/chromium for the browser tests (tests/browser):
# installed with apt-get when missing (as root), never Playwright's own browser download.
# Sourced by scripts/test.sh; also runnable on its own.
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" -eq 0 ]; then
        echo "installing Debian's chromium for the browser tests (apt-get)" >&2
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
        echo "the browser tests need /usr/bin/chromium: run 'sudo apt-get install chromium'" \
             "(or run this script as root), then run the tests again" >&2
        exit 1
    fi
fi
