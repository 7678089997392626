#!/usr/bin/env bash
# The run command of the README: installs what is missing, builds, starts the desktop console
# in local mode (the embedded service; no account, no network needed).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh

cmake --preset release -DWA_BUILD_TESTS=OFF > /dev/null
cmake --build --preset release -j"$(nproc)" --target webhook-admin webhook-admin-cli
exec build/release/app/gui/webhook-admin "$@"
