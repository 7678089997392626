#!/usr/bin/env bash
# The team service's benchmark: `serve` on PostgreSQL (a throwaway cluster with fsync on, as a
# real one runs) against json-server holding the same 10,000 configs, then two instances on one
# database sharing the list's load. Everything else as in bench_service.sh, which it runs.
#
#   tests/bench/bench_team.sh [path/to/webhook-admin-cli]
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
state=$(mktemp)
cleanup() { "$root/tests/support/postgres-cluster.sh" stop "$state"; }
trap cleanup EXIT

WA_POSTGRES_FSYNC=on "$root/tests/support/postgres-cluster.sh" start "$state"
url=$(sed -n 's/^URL=//p' "$state")
[[ -n $url ]] || { echo "bench_team: no PostgreSQL cluster (apt-get install postgresql)" >&2; exit 1; }
dir=$(sed -n 's/^DIR=//p' "$state")
bin=$(sed -n 's/^BIN=//p' "$state")
port=$(sed -n 's/^PORT=//p' "$state")
runuser=()
[[ $(id -u) == 0 ]] && runuser=(runuser -u postgres --)
"${runuser[@]}" "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -q \
    -c "CREATE DATABASE bench" >/dev/null
BENCH_DATABASE=${url%/postgres}/bench "$here/bench_service.sh" "$@"
