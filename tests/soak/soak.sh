#!/usr/bin/env bash
# Soak of `webhook-admin-cli serve`: starts it on a fresh database and loads it for a while with
# keep-alive clients (70 % list, 15 % get, 10 % create, 5 % test by default), printing every interval the
# requests, errors, p99 latency, serve's resident memory and the database's size.
#
#   tests/soak/soak.sh [SECONDS] [path/to/webhook-admin-cli]
#
# SECONDS defaults to 180; the binary to a release build's. Environment: SOAK_INTERVAL (10),
# SOAK_CONNECTIONS (16), SOAK_WRITES (15: percent of requests that create or test; 0 for reads
# only, after a second of creates to have something to read). Needs python3. Stops serve at the end; leaves nothing running.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${1:-180}
cli=${2:-$root/build/release/app/cli/webhook-admin-cli}
[[ -x $cli ]] || { echo "soak: no webhook-admin-cli at $cli" >&2; exit 1; }

work=$(mktemp -d)
token=soak-token-$RANDOM$RANDOM$RANDOM
HOME=$work XDG_DATA_HOME=$work XDG_CONFIG_HOME=$work \
    "$cli" serve --port 0 --database "$work/soak.sqlite" --token "$token" \
    --delivery-timeout 2000 > "$work/serve.out" 2>&1 &
serve=$!
trap 'kill "$serve" 2>/dev/null; wait "$serve" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do
    grep -q '^Listening on' "$work/serve.out" && break
    sleep 0.1
done
url=$(sed -n 's/^Listening on //p' "$work/serve.out")
[[ -n $url ]] || { cat "$work/serve.out" >&2; exit 1; }
echo "soak: $url for ${seconds} s, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$here/soak.py" --url "$url" --token "$token" --pid "$serve" \
    --database "$work/soak.sqlite" --seconds "$seconds" \
    --interval "${SOAK_INTERVAL:-10}" --connections "${SOAK_CONNECTIONS:-16}" \
    --writes "${SOAK_WRITES:-15}"
