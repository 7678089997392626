#!/usr/bin/env bash
# scripts/run.sh on a machine without a display (over SSH): it says so in one line before it
# builds anything, builds the CLI only, and starts `webhook-admin-cli serve` in the foreground,
# whose URL and token answer. With DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM it opens the
# console instead. The build is stubbed: the CLI of <build dir> is the one run.
#
#   run-headless.sh <build dir>
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$1" && pwd)
work=$(mktemp -d /tmp/wa-run-headless.XXXXXX)
pid=""
cleanup() {
    if [[ -n "$pid" ]]; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*" >&2
    for file in out err builds; do
        [[ -f "$work/$file" ]] && sed "s/^/  $file: /" "$work/$file" >&2
    done
    exit 1
}

# shellcheck source=scripts/run.sh
source "$root/scripts/run.sh"
# shellcheck disable=SC2034 # read by run.sh's main
BUILD_DIR=$build
build() { echo "build $*" >>"$work/builds"; }

# The decision.
(unset DISPLAY WAYLAND_DISPLAY QT_QPA_PLATFORM && ! has_display) || fail "no display taken for one"
(unset WAYLAND_DISPLAY QT_QPA_PLATFORM && DISPLAY=:0 has_display) || fail "DISPLAY not seen"
(unset DISPLAY QT_QPA_PLATFORM && WAYLAND_DISPLAY=wayland-0 has_display) ||
    fail "WAYLAND_DISPLAY not seen"
(unset DISPLAY WAYLAND_DISPLAY && QT_QPA_PLATFORM=offscreen has_display) ||
    fail "QT_QPA_PLATFORM not taken as the user's choice"

# The whole headless path, in a private HOME, as `scripts/run.sh --port 0 --database …`.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" XDG_DATA_HOME="$work/home/data"
export XDG_RUNTIME_DIR="$work/runtime" DBUS_SESSION_BUS_ADDRESS="unix:path=/nonexistent/bus"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset WEBHOOK_ADMIN_SERVE_TOKEN
(
    unset DISPLAY WAYLAND_DISPLAY QT_QPA_PLATFORM
    main --port 0 --database "$work/serve.sqlite"
) >"$work/out" 2>"$work/err" &
pid=$!

for _ in $(seq 1 200); do
    grep -q '^Token: ' "$work/out" && break
    kill -0 "$pid" 2>/dev/null || fail "serve did not start"
    sleep 0.1
done
grep -q '^Token: ' "$work/out" || fail "serve printed no token within 20 s"

notice=$(head -n 1 "$work/out")
[[ "$notice" == "run.sh: no display (DISPLAY and WAYLAND_DISPLAY are unset)"* ]] ||
    fail "the first line is not the notice: $notice"
[[ "$notice" == *"webhook-admin-cli serve"* ]] || fail "the notice does not name serve"
[[ $(sed -n 2p "$work/out") == "Listening on http://127.0.0.1:"* ]] ||
    fail "the notice is not one line followed by serve's banner"
[[ $(cat "$work/builds") == "build webhook-admin-cli" ]] || fail "it built more than the CLI"

url=$(sed -nE 's/^Listening on (http:\/\/\S+)$/\1/p' "$work/out")
token=$(sed -nE 's/^Token: (\S+)$/\1/p' "$work/out")
status=$(curl -s -o "$work/answer" -w '%{http_code}' -H "Authorization: Token $token" \
    "$url/configs/webhook")
[[ "$status" == 200 ]] || fail "GET $url/configs/webhook with the printed token: HTTP $status"
grep -q '"resource": *"list"' "$work/answer" || fail "not the API's list: $(cat "$work/answer")"

# In the foreground: it serves until interrupted, then ends cleanly.
kill -INT "$pid"
code=0
wait "$pid" || code=$?
pid=""
[[ "$code" == 0 ]] || fail "serve ended with $code after SIGINT"
echo "PASS: without a display, run.sh says so in one line and serves at $url"
