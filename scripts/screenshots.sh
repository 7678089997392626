#!/usr/bin/env bash
# Screenshots of the desktop console under Xvfb at 1280x800, for the README and the AppStream
# metainfo:
#   resources/screenshots/main-local.png   local mode, a seeded database: each row's last test
#                                          and its reason
#   resources/screenshots/main-local-de.png  the same in German (LANGUAGE=de, LANG=de_DE.UTF-8)
#   resources/screenshots/main-remote.png  remote mode: `serve` started here is the remote
#   resources/screenshots/empty.png        a new user's first start: the guide, no config yet
#   resources/screenshots/receiver.png     the built-in receiver's panel with verified events
#   resources/screenshots/bulk.png         a bulk test of every config and its summary
#   resources/screenshots/attempt.png      one delivery attempt in full (the attempt view)
#
# Everything runs in a temporary HOME/XDG folder: no real settings, keychain or data are
# touched. Needs xvfb-run, ImageMagick's import, curl, python3 and xdotool (which clicks in
# the receiver's picture); builds webhook-admin and
# webhook-admin-cli in $BUILD_DIR (default build/release) when they are missing.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build/release}"
OUT_DIR="${OUT_DIR:-$ROOT/resources/screenshots}"
GUI="$BUILD_DIR/app/gui/webhook-admin"
CLI="$BUILD_DIR/app/cli/webhook-admin-cli"
SETTLE_SECONDS="${SETTLE_SECONDS:-6}"

for tool in xvfb-run import curl python3; do
    command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing" >&2; exit 1; }
done
if [[ ! -x "$GUI" || ! -x "$CLI" ]]; then
    [[ -f "$BUILD_DIR/CMakeCache.txt" ]] || cmake -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release
    cmake --build "$BUILD_DIR" --target webhook-admin webhook-admin-cli -j2
fi
mkdir -p "$OUT_DIR"

TMP="$(mktemp -d)"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$TMP"
}
trap cleanup EXIT

export HOME="$TMP/home" XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data"
export XDG_CACHE_HOME="$TMP/cache" XDG_RUNTIME_DIR="$TMP/runtime"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
unset DBUS_SESSION_BUS_ADDRESS # no keychain here: tokens go to the announced 0600 file
export QT_LOGGING_RULES="qt.qpa.*=false"

DB="$TMP/local.sqlite"
TOKEN="screenshot-token-$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Receivers: one that accepts, one that answers 500, one that answers slowly (its config stays
# "new" while its test runs), and a port where nothing listens.
R_OK=$(free_port); "$CLI" listen --port "$R_OK" --respond 200 >"$TMP/r-ok.log" 2>&1 & PIDS+=($!)
R_500=$(free_port); "$CLI" listen --port "$R_500" --respond 500 >"$TMP/r-500.log" 2>&1 & PIDS+=($!)
R_SLOW=$(free_port); "$CLI" listen --port "$R_SLOW" --respond 200 --delay 600000 >"$TMP/r-slow.log" 2>&1 & PIDS+=($!)
R_CLOSED=$(free_port)

API_PORT=$(free_port)
API="http://127.0.0.1:$API_PORT"
start_serve() {
    "$CLI" serve --database "$DB" --token "$TOKEN" --port "$API_PORT" >"$TMP/serve.log" 2>&1 &
    SERVE_PID=$!
    PIDS+=("$SERVE_PID")
    for _ in $(seq 1 100); do
        curl -sf -o /dev/null -H "Authorization: Token $TOKEN" "$API/organisation" && return 0
        sleep 0.1
    done
    echo "screenshots: serve did not start" >&2; cat "$TMP/serve.log" >&2; exit 1
}
stop_serve() { kill "$SERVE_PID"; wait "$SERVE_PID" 2>/dev/null || true; }
api() { curl -sS -f -H "Authorization: Token $TOKEN" "$@"; }
create() {
    api -X POST -d "{\"url\": \"$1\"}" "$API/configs/webhook" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}

start_serve
ORDERS=$(create "http://127.0.0.1:$R_OK/webhooks/orders")
create "http://127.0.0.1:$R_OK/webhooks/billing" >/dev/null
create "http://127.0.0.1:$R_CLOSED/webhooks/inventory" >/dev/null
create "http://127.0.0.1:$R_500/webhooks/crm" >/dev/null
LEGACY=$(create "http://127.0.0.1:$R_OK/webhooks/legacy")
sleep 2
api -X DELETE "$API/configs/webhook/$LEGACY" >/dev/null
api -X POST -d "{\"webhook_config_default\": \"$ORDERS\"}" "$API/organisation" >/dev/null
create "http://127.0.0.1:$R_SLOW/webhooks/analytics" >/dev/null
sleep 1
stop_serve

shoot() { # shoot <output.png> <gui arguments...>
    local out="$1"; shift
    export OUT_FILE="$out"
    xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
        "$0" -geometry 1280x800+0+0 "$@" >/dev/null 2>&1 &
        gui=$!
        sleep "$SETTLE_SECONDS"
        import -window root "$OUT_FILE"
        kill "$gui"; wait "$gui" 2>/dev/null || true
    ' "$GUI" "$@"
    echo "screenshots: wrote $out"
}
export SETTLE_SECONDS

# Local mode: the embedded service on the seeded database.
shoot "$OUT_DIR/main-local.png" --database "$DB" --profile Local
# The same in German: the console takes its language from the environment, as for a user.
(
    unset LC_ALL LC_MESSAGES
    export LANGUAGE=de LANG=de_DE.UTF-8
    shoot "$OUT_DIR/main-local-de.png" --database "$DB" --profile Local
)

# Remote mode: `serve` on the same database is the remote, behind a saved profile.
start_serve
"$CLI" profile add Staging --url "$API" --token "$TOKEN" >/dev/null
shoot "$OUT_DIR/main-remote.png" --profile Staging
stop_serve

# A new user's first start: an empty database.
shoot "$OUT_DIR/empty.png" --database "$TMP/empty.sqlite" --profile Local

# The receiver, as a new user meets it: on an empty database, "Start the Receiver and Point a
# Config at It" from the guide, Create; then "New Config Pointing Here" for a second one; both
# are tested at once and their events arrive verified. curl then sends one event without a
# signature and one signed with the wrong secret. The receiver's port is set beforehand (as
# the console remembers it), so that curl knows where to send. Needs xdotool.
if command -v xdotool >/dev/null; then
    R_OWN=$(free_port)
    mkdir -p "$XDG_CONFIG_HOME/webhook-admin"
    cat >"$XDG_CONFIG_HOME/webhook-admin/webhook-admin.conf" <<CONF
[ports]
Local\\receiver\\on=false
Local\\receiver\\port=$R_OWN
CONF
    export R_OWN
    export OUT_FILE="$OUT_DIR/receiver.png"
    xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
        "$0" -geometry 1280x800+0+0 --database "$1" --profile Local >/dev/null 2>&1 &
        gui=$!
        sleep "$SETTLE_SECONDS"
        xdotool mousemove 497 420 click 1   # the guide: start the receiver, point a config
        sleep 1; xdotool key Return; sleep 3
        xdotool mousemove 1190 96 click 1   # the receiver panel: New Config Pointing Here
        sleep 1; xdotool key Return; sleep 3
        curl -s -o /dev/null -X POST -d "{\"id\": \"e1\"}" \
            "http://127.0.0.1:$R_OWN/webhooks/unsigned/e1" || true
        curl -s -o /dev/null -X POST -H "Ricloud-Signature: t=$(date +%s),s=bm90IHRoZSBzaWduYXR1cmU=" \
            -d "{\"id\": \"e2\"}" "http://127.0.0.1:$R_OWN/webhooks/forged/e2" || true
        sleep 2
        import -window root "$OUT_FILE"
        kill "$gui"; wait "$gui" 2>/dev/null || true
    ' "$GUI" "$TMP/receiver.sqlite"
    rm -f "$XDG_CONFIG_HOME/webhook-admin/webhook-admin.conf"
    echo "screenshots: wrote $OUT_FILE"
else
    echo "screenshots: xdotool is missing: no receiver.png" >&2
fi

# Bulk actions and the delivery log (issue 12), on a database of twelve configs made with
# `import --wait`: a click on a row, Ctrl+A and Ctrl+T test every config at once; the summary
# above the table (bulk.png). Then the config whose receiver answered 500, and Open Attempt… in
# the details: its last delivery in full (attempt.png). Needs xdotool.
if command -v xdotool >/dev/null; then
    BULK_DB="$TMP/bulk.sqlite"
    {
        echo '{"resource": "list", "data": ['
        for name in orders billing shipping invoices refunds customers subscriptions payouts; do
            echo "{\"url\": \"http://127.0.0.1:$R_OK/webhooks/$name\"},"
        done
        echo "{\"url\": \"http://127.0.0.1:$R_CLOSED/webhooks/inventory\"},"
        echo "{\"url\": \"http://127.0.0.1:$R_CLOSED/webhooks/legacy-erp\"},"
        echo "{\"url\": \"http://127.0.0.1:$R_500/webhooks/crm\"},"
        echo "{\"url\": \"http://127.0.0.1:$R_OK/webhooks/analytics\"}]}"
    } >"$TMP/bulk.json"
    "$CLI" import "$TMP/bulk.json" --wait --local --database "$BULK_DB" >/dev/null || true
    export BULK_OUT="$OUT_DIR/bulk.png" ATTEMPT_OUT="$OUT_DIR/attempt.png"
    xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
        "$0" -geometry 1280x800+0+0 --database "$1" --profile Local >/dev/null 2>&1 &
        gui=$!
        sleep "$SETTLE_SECONDS"
        xdotool mousemove 300 275 click 1   # a row of the table
        sleep 0.5; xdotool key ctrl+a; sleep 0.5; xdotool key ctrl+t; sleep 5
        import -window root "$BULK_OUT"
        xdotool mousemove 300 224 click 1   # the crm config (the summary moved the rows down)
        sleep 1.5
        xdotool mousemove 1206 714 click 1  # the details: Open Attempt…
        sleep 1.5
        import -window root "$ATTEMPT_OUT"
        kill "$gui"; wait "$gui" 2>/dev/null || true
    ' "$GUI" "$BULK_DB"
    echo "screenshots: wrote $BULK_OUT and $ATTEMPT_OUT"
else
    echo "screenshots: xdotool is missing: no bulk.png, attempt.png" >&2
fi
