#!/usr/bin/env bash
# Runs a command with a private PostgreSQL server for the tests: a fresh cluster in a temporary
# directory (initdb), listening on 127.0.0.1 only at a free port, its socket in that directory;
# its URL is passed in SUPPORTBOT_TEST_POSTGRES, and the server stops when the command ends.
# When no server can be started, SUPPORTBOT_TEST_POSTGRES_SKIP says why (the PostgreSQL test
# cases skip with that message) and the command runs anyway. Exits with the command's status.
# Usage: scripts/with-postgres.sh COMMAND [ARGS...]
set -uo pipefail

dir="" reason="" as=()

# Starts the server, or sets `reason` and fails.
start() {
    local bindir="" port
    for candidate in /usr/lib/postgresql/*/bin; do [ -x "$candidate/initdb" ] && bindir="$candidate"; done
    [ -n "$bindir" ] || { reason="no PostgreSQL server installed (no initdb under /usr/lib/postgresql)"; return 1; }
    dir="$(mktemp -d /tmp/supportbot-pg.XXXXXX)" || { reason="cannot make a temporary directory"; return 1; }
    if [ "$(id -u)" -eq 0 ]; then
        # initdb refuses root: the cluster and its directory belong to the postgres user.
        id postgres >/dev/null 2>&1 || { reason="running as root and there is no postgres user"; return 1; }
        chown postgres "$dir" && chmod 700 "$dir"
        as=(runuser -u postgres --)
    fi
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null)" \
        || port=$((20000 + RANDOM % 20000))
    "${as[@]}" "$bindir/initdb" -D "$dir/data" -U supportbot -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { reason="initdb failed: $(tail -1 "$dir/initdb.log")"; return 1; }
    "${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >/dev/null 2>&1 \
        || { reason="the server did not start: $(tail -1 "$dir/server.log" 2>/dev/null)"; return 1; }
    stop_command=("${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop)
    export SUPPORTBOT_TEST_POSTGRES="postgres://supportbot@127.0.0.1:$port/postgres"
}

cleanup() {
    [ -n "${stop_command+x}" ] && "${stop_command[@]}" >/dev/null 2>&1
    [ -n "$dir" ] && rm -rf "$dir"
}
trap cleanup EXIT

if start; then
    echo "with-postgres: test server at $SUPPORTBOT_TEST_POSTGRES" >&2
    unset SUPPORTBOT_TEST_POSTGRES_SKIP
else
    echo "with-postgres: $reason; the PostgreSQL test cases skip" >&2
    export SUPPORTBOT_TEST_POSTGRES_SKIP="$reason"
    unset SUPPORTBOT_TEST_POSTGRES
fi
"$@"
