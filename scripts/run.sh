#!/usr/bin/env bash
# The run command of the README: installs what is missing, builds, starts the desktop console
# in local mode (the embedded service; no account, no network needed). Its arguments go to the
# console (`scripts/run.sh --database other.sqlite`).
#
# On a machine without a display (over SSH, say) the console cannot open: the script says so
# in one line, before building anything, and starts the embedded service in the foreground
# instead (`webhook-admin-cli serve`, with the same arguments), which prints its URL and token.
# A display is DISPLAY or WAYLAND_DISPLAY, or a Qt platform chosen with QT_QPA_PLATFORM.
#
# tests/scripts/run-headless.sh sources this file to check that decision.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="$ROOT/build/release" # where the release preset builds

has_display() {
    [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" || -n "${QT_QPA_PLATFORM:-}" ]]
}

# build <target...>: the release preset, without tests.
build() {
    (
        cd "$ROOT"
        scripts/deps.sh
        cmake --preset release -DWA_BUILD_TESTS=OFF >/dev/null
        cmake --build --preset release -j"$(nproc)" --target "$@"
    )
}

main() {
    if has_display; then
        build webhook-admin webhook-admin-cli
        exec "$BUILD_DIR/app/gui/webhook-admin" "$@"
    fi
    echo "run.sh: no display (DISPLAY and WAYLAND_DISPLAY are unset), so no console:" \
        "starting the embedded service in the foreground instead (webhook-admin-cli serve);" \
        "reach it at the URL below with its token, Ctrl+C stops it."
    build webhook-admin-cli
    exec "$BUILD_DIR/app/cli/webhook-admin-cli" serve "$@"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    main "$@"
fi
