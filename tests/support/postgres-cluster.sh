#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: in a temporary folder, on a free port of
# 127.0.0.1, removed afterwards. Uses Debian's initdb and pg_ctl (package postgresql), run as the
# postgres user when the tests run as root (PostgreSQL refuses to run as root).
#
#   postgres-cluster.sh start STATE_FILE   writes KEY=VALUE lines: URL, DIR, BIN, PORT, RUNAS
#   postgres-cluster.sh stop STATE_FILE    stops the cluster and removes its folder
#   postgres-cluster.sh down STATE_FILE    stops the server, keeping the cluster
#   postgres-cluster.sh up STATE_FILE      starts it again on the same port
#
# WA_POSTGRES_FSYNC=on keeps fsync (the benchmark: a durable commit means one); tests run
# without it. The administrator connects without a password; the role wa_password (password
# "wa-password-1234") must give one, for the tests of ~/.pgpass and refused logins.
set -euo pipefail

command=${1:?start, stop, down or up}
state=${2:?the state file}

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
run_as() {
    if [[ $(id -u) == 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

case $command in
start)
    if [[ -z $bin || ! -x $bin/initdb ]]; then
        echo "postgres-cluster: SKIP: PostgreSQL's server is not installed (apt-get install postgresql)" >&2
        rm -f "$state"
        exit 0
    fi
    dir=$(mktemp -d /tmp/wa-postgres.XXXXXX)
    chmod 0755 "$dir"
    [[ $(id -u) == 0 ]] && chown postgres: "$dir"
    run_as "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
        --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    cat >"$dir/data/pg_hba.conf" <<'HBA'
local all all trust
host all wa_password 127.0.0.1/32 scram-sha-256
host all all 127.0.0.1/32 trust
HBA
    for _ in $(seq 20); do
        port=$((20000 + RANDOM % 40000))
        (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && continue # taken
        if run_as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
            -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=${WA_POSTGRES_FSYNC:-off} -c max_connections=200" \
            start >/dev/null 2>&1; then
            break
        fi
        port=
    done
    [[ -n ${port:-} ]] || { cat "$dir/server.log" >&2; exit 1; }
    run_as "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
        -c "CREATE ROLE wa_password LOGIN SUPERUSER PASSWORD 'wa-password-1234'" >/dev/null
    {
        echo "URL=postgresql://postgres@127.0.0.1:$port/postgres"
        echo "DIR=$dir"
        echo "BIN=$bin"
        echo "PORT=$port"
    } >"$state"
    echo "postgres-cluster: started on 127.0.0.1:$port in $dir"
    ;;
stop)
    [[ -f $state ]] || exit 0
    dir=$(sed -n 's/^DIR=//p' "$state")
    bin=$(sed -n 's/^BIN=//p' "$state")
    run_as "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir" "$state"
    ;;
down | up)
    dir=$(sed -n 's/^DIR=//p' "$state")
    bin=$(sed -n 's/^BIN=//p' "$state")
    port=$(sed -n 's/^PORT=//p' "$state")
    if [[ $command == down ]]; then
        run_as "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    else
        run_as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
            -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=${WA_POSTGRES_FSYNC:-off} -c max_connections=200" \
            start >/dev/null
    fi
    ;;
*)
    echo "postgres-cluster: start, stop, down or up" >&2
    exit 2
    ;;
esac
