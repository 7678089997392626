#!/usr/bin/env bash
# The test command of the README: installs what is missing, builds, runs the whole suite.
# Under CI (CI=true) it also runs the package install test, which installs and purges the .deb.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh

install_test=OFF
if [[ "${CI:-}" == "true" || "${WA_INSTALL_TEST:-}" == "ON" ]]; then
    install_test=ON
fi

cmake --preset release -DWA_INSTALL_TEST="$install_test" > /dev/null
cmake --build --preset release -j"$(nproc)"
ctest --preset release -j"$(nproc)" "$@"
