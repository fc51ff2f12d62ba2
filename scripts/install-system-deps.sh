#!/usr/bin/env bash
# Install the Debian packages the test suites need on a fresh machine.
#
# Idempotent: a package is installed only when the command it provides is
# missing, and `apt-get update` runs at most once per call. As root it
# installs; without root it prints the apt-get line to run and exits 1.
#
# Each `need` line names a command the tests run and the packages that
# provide it. Add a line here when a suite needs another system tool.
set -euo pipefail

missing=()
need() {
    local command_path=$1
    shift
    if [[ ! -x $command_path ]] && ! command -v "$command_path" >/dev/null 2>&1; then
        missing+=("$@")
    fi
}

# Browser suite (tests/browser) and benchmark (bench/): Debian's Chromium,
# driven by Playwright; CHROMIUM_PATH points at another build (CI uses the
# runner's Chrome), in which case nothing is installed.
need "${CHROMIUM_PATH:-/usr/bin/chromium}" chromium chromium-driver

if ((${#missing[@]} == 0)); then
    echo "install-system-deps: nothing to install"
    exit 0
fi

if ((EUID != 0)); then
    echo "install-system-deps: missing system packages; run as root:" >&2
    echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
fi

echo "install-system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
echo "install-system-deps: done"
