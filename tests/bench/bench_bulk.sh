#!/usr/bin/env bash
# Bulk test of many configs (issue 12): `webhook-admin-cli test - --wait --local` over 1,000
# configs against the embedded service and a local receiver (`listen --respond 200`), in
# configs per second, best and median of a few runs. A benchmark, not a timed test.
#
#   tests/bench/bench_bulk.sh [path/to/webhook-admin-cli]
#
# Builds nothing: pass a release build's binary (default build/release/app/cli/webhook-admin-cli).
# Environment: BENCH_CONFIGS (1000), BENCH_RUNS (3), BENCH_CONCURRENCY (the CLI's default for
# --local). Needs python3. Also measures the same over `serve` as a remote, with the remote's
# default concurrency, for comparison.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cli=${1:-$root/build/release/app/cli/webhook-admin-cli}
configs=${BENCH_CONFIGS:-1000}
runs=${BENCH_RUNS:-3}
concurrency=()
[[ -n ${BENCH_CONCURRENCY:-} ]] && concurrency=(--concurrency "$BENCH_CONCURRENCY")

die() { echo "bench_bulk: $*" >&2; exit 1; }
[[ -x $cli ]] || die "no webhook-admin-cli at $cli (build a release one first)"
command -v python3 >/dev/null || die "python3 is missing"

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT
# The binary's settings and data stay in the work folder.
export HOME=$work XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config
unset WEBHOOK_ADMIN_TOKEN WEBHOOK_ADMIN_SERVE_TOKEN

# Prints the text of stderr's first line matching $2 once it appears in file $1.
wait_for_line() {
    for _ in $(seq 100); do
        if grep -q "$2" "$1" 2>/dev/null; then
            grep -m1 "$2" "$1"
            return 0
        fi
        sleep 0.1
    done
    return 1
}

# With --json the banner goes to stderr and each event, unread here, to stdout.
"$cli" listen --port 0 --respond 200 --json >/dev/null 2>"$work/listen.err" &
pids+=($!)
receiver=$(wait_for_line "$work/listen.err" 'Listening on' | sed -n 's/^Listening on \(\S*\) .*/\1/p')
[[ -n $receiver ]] || die "listen did not start: $(cat "$work/listen.err")"

local_db=(--local --database "$work/bench.sqlite")
python3 - "$receiver" "$configs" >"$work/configs.json" <<'PY'
import json, sys
base, count = sys.argv[1], int(sys.argv[2])
print(json.dumps({"resource": "list", "data": [{"url": f"{base}/c{i}"} for i in range(count)]}))
PY
echo "Creating $configs configs (import --wait) ..."
start=$(date +%s.%N)
"$cli" import "$work/configs.json" --wait "${local_db[@]}" >/dev/null
end=$(date +%s.%N)
echo "import: $(python3 -c "print(f'{$configs / ($end - $start):.0f}')") configs/s (create + test)"
"$cli" list --all --json "${local_db[@]}" \
    | python3 -c 'import json,sys; print("\n".join(c["id"] for c in json.load(sys.stdin)["data"]))' \
    >"$work/ids"
[[ $(wc -l <"$work/ids") == "$configs" ]] || die "expected $configs configs"

# One timed bulk test; prints configs per second, fails unless every test passed.
measure() { # label, backend options...
    local label=$1
    shift
    local start end
    start=$(date +%s.%N)
    "$cli" test - --wait --json "${concurrency[@]}" "$@" <"$work/ids" >"$work/results" \
        2>"$work/summary" || die "$label: exit $? ($(cat "$work/summary"))"
    end=$(date +%s.%N)
    [[ $(grep -c '"outcome":"valid"' "$work/results") == "$configs" ]] \
        || die "$label: not every test passed: $(cat "$work/summary")"
    python3 -c "print(f'{$configs / ($end - $start):.0f}')"
}

report() { # label, rates...
    local label=$1
    shift
    python3 - "$label" "$@" <<'PY'
import statistics, sys
label, rates = sys.argv[1], [int(r) for r in sys.argv[2:]]
print(f"{label}: best {max(rates)} configs/s, median {int(statistics.median(rates))} "
      f"(runs: {', '.join(map(str, rates))})")
PY
}

rates=()
for _ in $(seq "$runs"); do
    rates+=("$(measure local "${local_db[@]}")")
done
report "bulk test, --local (${BENCH_CONCURRENCY:-default} at once), $configs configs" "${rates[@]}"

token=bench-bulk-token-$(printf %05d%05d "$RANDOM" "$RANDOM")
WEBHOOK_ADMIN_SERVE_TOKEN=$token "$cli" serve --port 0 --database "$work/bench.sqlite" \
    >"$work/serve.out" 2>"$work/serve.err" &
pids+=($!)
serve=$(wait_for_line "$work/serve.out" 'Listening on' | sed -n 's/^Listening on \(\S*\)$/\1/p')
[[ -n $serve ]] || die "serve did not start: $(cat "$work/serve.err")"
rates=()
for _ in $(seq "$runs"); do
    rates+=("$(measure serve --api-url "$serve" --token "$token")")
done
report "bulk test, serve as a remote (${BENCH_CONCURRENCY:-default} at once), $configs configs" \
    "${rates[@]}"
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
