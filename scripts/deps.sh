#!/usr/bin/env bash
# Installs the Debian 12 packages Webhook Admin needs to build, run and test; skips what is there.
set -euo pipefail

packages=(
    build-essential cmake pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qt6-tools-dev
    qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev qtkeychain-qt6-dev libmicrohttpd-dev
    libqt6sql6-sqlite libqt6sql6-psql libqt6svg6 libsecret-1-0 qt6-translations-l10n libssl-dev openssl
    curl xvfb xauth imagemagick dbus desktop-file-utils appstream file dpkg-dev
    postgresql haproxy clang-format
)
if [[ "${1:-}" == "--bench" ]]; then
    packages+=(wrk)
    # A machine with Node.js from elsewhere (NodeSource's nodejs carries npm and conflicts with
    # Debian's npm package) already has what the benchmarks need.
    if ! command -v npm >/dev/null; then
        packages+=(nodejs npm)
    fi
fi

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
        || missing+=("$package")
done
if ((${#missing[@]} == 0)); then
    exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then
    sudo="sudo"
fi
echo "Installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
