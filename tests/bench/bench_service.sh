#!/usr/bin/env bash
# Throughput of `webhook-admin-cli serve` against json-server 0.17.4 (a typical mock of a REST
# API) holding the same 10,000 webhook configs: wrk on list, one config by id, and create.
#
#   tests/bench/bench_service.sh [path/to/webhook-admin-cli]
#
# Builds nothing: pass a release build's binary (default build/release/app/cli/webhook-admin-cli,
# from `cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release &&
# cmake --build build/release --target webhook-admin-cli`). Needs wrk, node/npm and python3;
# installs json-server@0.17.4 into tests/bench/node_modules when missing.
# Environment: BENCH_CONFIGS (10000), BENCH_DURATION (10s), BENCH_THREADS (2),
# BENCH_CONNECTIONS (50), BENCH_DATABASE (a postgresql:// URL of an empty database instead of a
# SQLite file; bench_team.sh sets it, and adds a row of two instances sharing the load).
# Raw wrk output goes to tests/bench/results/.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cli=${1:-$root/build/release/app/cli/webhook-admin-cli}
configs=${BENCH_CONFIGS:-10000}
duration=${BENCH_DURATION:-10s}
threads=${BENCH_THREADS:-2}
connections=${BENCH_CONNECTIONS:-50}
database=${BENCH_DATABASE:-}
token=bench-token-$(printf %05d%05d "$RANDOM" "$RANDOM")

die() { echo "bench_service: $*" >&2; exit 1; }

[[ -x $cli ]] || die "no webhook-admin-cli at $cli (build a release one first, see the header)"
if ! command -v wrk >/dev/null; then
    if [[ $(id -u) == 0 ]]; then
        apt-get install -y wrk >/dev/null || die "cannot install wrk"
    else
        die "wrk is missing: apt-get install wrk"
    fi
fi
command -v npm >/dev/null || die "npm is missing"
command -v python3 >/dev/null || die "python3 is missing"
if [[ ! -x $here/node_modules/.bin/json-server ]]; then
    echo "Installing json-server@0.17.4 into $here/node_modules ..."
    npm install --prefix "$here" --no-save --no-package-lock --no-audit --no-fund \
        json-server@0.17.4 >/dev/null || die "npm install json-server@0.17.4 failed"
fi

work=$(mktemp -d)
results=$here/results/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$results"
serve_pid=
json_pid=
writer_pid=
trickle_pid=
# json-server keeps rewriting db.json for every queued create after wrk stops, and ignores
# SIGTERM until it is done: give each peer 5 s, then kill it.
stop() { # pid
    kill "$1" 2>/dev/null || return 0
    for _ in $(seq 50); do
        kill -0 "$1" 2>/dev/null || break
        sleep 0.1
    done
    kill -9 "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}
cleanup() {
    [[ -n $trickle_pid ]] && stop "$trickle_pid"
    [[ -n $writer_pid ]] && stop "$writer_pid"
    [[ -n $serve_pid ]] && stop "$serve_pid"
    [[ -n $json_pid ]] && stop "$json_pid"
    rm -rf "$work"
}
trap cleanup EXIT

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
wait_for() { # url header...
    local url=$1; shift
    for _ in $(seq 100); do
        curl -fsS -o /dev/null "$@" "$url" 2>/dev/null && return 0
        sleep 0.2
    done
    return 1
}

serve_port=$(free_port)
json_port=$(free_port)
hook_port=$(free_port) # nothing listens there: test deliveries are refused at once
hook=http://127.0.0.1:$hook_port/hooks
serve=http://127.0.0.1:$serve_port
json=http://127.0.0.1:$json_port

[[ -n $database ]] || database=$work/bench.sqlite
echo "webhook-admin-cli: $cli"
echo "database: $database"
echo "Starting serve on $serve_port ..."
WEBHOOK_ADMIN_SERVE_TOKEN=$token "$cli" serve --port "$serve_port" --database "$database" \
    --delivery-timeout 2000 >"$work/serve.log" 2>&1 &
serve_pid=$!
wait_for "$serve/key" -H "Authorization: Token $token" || { cat "$work/serve.log"; die "serve did not start"; }

echo "Seeding $configs configs through the API ..."
config_id=$(python3 "$here/seed_service.py" --base "$serve" --token "$token" --count "$configs" \
    --hook "$hook" --db-json "$work/db.json" | tail -n 1)
[[ -n $config_id ]] || die "seeding failed"

echo "Starting json-server on $json_port with the same configs ..."
(cd "$work" && exec "$here/node_modules/.bin/json-server" --quiet --port "$json_port" \
    --routes "$here/json-server-routes.json" db.json) >"$work/json-server.log" 2>&1 &
json_pid=$!
wait_for "$json/configs/webhook/$config_id" || { cat "$work/json-server.log"; die "json-server did not start"; }

# One wrk run; prints "<2xx answers/s> <p99 ms> <non-2xx answers + socket errors>" (a refusal is
# not counted as served), keeps the raw output.
# (wrk's own timeout is 2 s: a p99 of 2000 ms means "at least".)
run_wrk() { # name url [wrk args...]
    local name=$1 url=$2; shift 2
    wrk -t"$threads" -c"$connections" -d"$duration" --latency "$@" "$url" >"$results/$name.txt"
    awk '
        function ms(v) {
            if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
            if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
            if (v ~ /s$/) return substr(v, 1, length(v) - 1) * 1000
            return v
        }
        / requests in / { total = $1; secs = ms(substr($4, 1, length($4) - 1)) / 1000 }
        $1 == "99%" { p99 = ms($2) }
        /Non-2xx or 3xx responses:/ { bad += $5 }
        /Socket errors:/ { for (i = 4; i <= NF; i += 2) bad += $i }
        END { printf "%.0f %.2f %d\n", (total - bad) / secs, p99, bad }
    ' "$results/$name.txt"
}

auth=(-H "Authorization: Token $token")
declare -A rps p99 bad
measure() { # key name url args...
    local key=$1; shift
    read -r rps[$key] p99[$key] bad[$key] < <(run_wrk "$@")
}

echo "Running wrk -t$threads -c$connections -d$duration (6 runs) ..."
measure serve_list serve-list "$serve/configs/webhook?limit=10" "${auth[@]}"
measure json_list json-server-list "$json/configs/webhook?_limit=10"
measure serve_get serve-get "$serve/configs/webhook/$config_id" "${auth[@]}"
measure json_get json-server-get "$json/configs/webhook/$config_id"
BENCH_HOOK_URL=$hook BENCH_TOKEN=$token measure serve_create serve-create \
    "$serve/configs/webhook" -s "$here/create.lua"
BENCH_HOOK_URL=$hook BENCH_TOKEN= measure json_create json-server-create \
    "$json/configs/webhook" -s "$here/create.lua"

# The list again while another process commits 50 creates a second: a second `serve` on the same
# database file, fed by trickle_creates.py; json-server's list while it takes 50 creates a
# second itself.
writer_port=$(free_port)
WEBHOOK_ADMIN_SERVE_TOKEN=$token "$cli" serve --port "$writer_port" --database "$database" \
    --delivery-timeout 2000 >"$work/writer.log" 2>&1 &
writer_pid=$!
wait_for "http://127.0.0.1:$writer_port/key" -H "Authorization: Token $token" \
    || { cat "$work/writer.log"; die "the second serve did not start"; }
echo "Running the list while another process commits 50 creates a second (2 runs) ..."
python3 "$here/trickle_creates.py" --base "http://127.0.0.1:$writer_port" --token "$token" \
    --hook "$hook" --rate 50 &
trickle_pid=$!
measure serve_busy serve-list-busy "$serve/configs/webhook?limit=10" "${auth[@]}"
stop "$trickle_pid"
trickle_pid=
if [[ -n ${BENCH_DATABASE:-} ]]; then
    # Two instances sharing the load: half the connections on each, at the same time.
    echo "Running the list on two instances at once ..."
    half=$((connections / 2))
    wrk -t1 -c"$half" -d"$duration" --latency "${auth[@]}" "$serve/configs/webhook?limit=10" \
        >"$results/serve-list-a.txt" &
    wrk_a=$!
    wrk -t1 -c"$half" -d"$duration" --latency "${auth[@]}" \
        "http://127.0.0.1:$writer_port/configs/webhook?limit=10" >"$results/serve-list-b.txt"
    wait "$wrk_a"
    rps[serve_two]=$(awk '/Requests\/sec:/ { s += $2 } END { printf "%.0f", s }' \
        "$results/serve-list-a.txt" "$results/serve-list-b.txt")
fi
python3 "$here/trickle_creates.py" --base "$json" --hook "$hook" --rate 50 &
trickle_pid=$!
measure json_busy json-server-list-busy "$json/configs/webhook?_limit=10"
stop "$trickle_pid"
trickle_pid=

{
    echo
    echo "$configs configs, wrk -t$threads -c$connections -d$duration, $(nproc) CPU(s)"
    printf '%-8s %14s %10s %18s %10s %10s\n' endpoint "serve req/s" "p99 ms" "json-server req/s" \
        "p99 ms" "req/s x"
    for op in list get create busy; do
        s=${rps[serve_$op]} j=${rps[json_$op]}
        ratio=$(awk -v s="$s" -v j="$j" 'BEGIN { if (j > 0) printf "%.1f", s / j; else print "-" }')
        printf '%-8s %14s %10s %18s %10s %10s\n' "$op" "$s" "${p99[serve_$op]}" "$j" \
            "${p99[json_$op]}" "$ratio"
    done
    echo "(req/s: 2xx answers a second; busy: the list while 50 creates a second are committed, for serve by another process)"
    if [[ -n ${rps[serve_two]:-} ]]; then
        echo "list on two instances at once (wrk -t1 -c$((connections / 2)) on each): ${rps[serve_two]} req/s in all"
    fi
    for key in serve_list serve_get serve_create serve_busy json_list json_get json_create json_busy; do
        if [[ ${bad[$key]} != 0 ]]; then
            echo "note: $key had ${bad[$key]} non-2xx answers or socket errors/timeouts (see $results)"
        fi
    done
} | tee "$results/summary.txt"
