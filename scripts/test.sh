#!/usr/bin/env bash
# The test command of the README: installs what is missing, builds, runs the whole suite.
# Under CI (CI=true) it also checks the formatting of every tracked .cpp/.h file
# (scripts/check-format.sh; an unformatted file fails the run, after the tests have run), runs
# the package install test, which installs and purges the .deb, and builds the `asan` preset
# (AddressSanitizer + UBSan, no GUI) and runs its tests: any sanitizer report fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh

# Checked first, so that its list is not lost in the tests' output; it fails the run at the end.
format_ok=true
if [[ "${CI:-}" == "true" ]]; then
    scripts/check-format.sh || format_ok=false
fi

install_test=OFF
if [[ "${CI:-}" == "true" || "${WA_INSTALL_TEST:-}" == "ON" ]]; then
    install_test=ON
fi

cmake --preset release -DWA_INSTALL_TEST="$install_test" > /dev/null
cmake --build --preset release -j"$(nproc)"
ctest --preset release -j"$(nproc)" "$@"

if [[ "${CI:-}" == "true" || "${WA_SANITIZE:-}" == "ON" ]]; then
    # A report aborts the test that made it (UBSan too), so ctest fails. Known reports inside
    # libraries (Qt's headers, OpenSSL) are suppressed by name in scripts/*san.supp.
    export ASAN_OPTIONS="abort_on_error=1:detect_leaks=1"
    export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp"
    export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$PWD/scripts/ubsan.supp"
    cmake --preset asan -DWA_BUILD_GUI=OFF > /dev/null
    cmake --build --preset asan -j"$(nproc)"
    ctest --preset asan -j"$(nproc)" "$@"
fi

if ! $format_ok; then
    echo "test.sh: failed: scripts/check-format.sh found files that are not formatted (listed" \
        "above; scripts/check-format.sh --fix formats them), or could not run" >&2
    exit 1
fi
