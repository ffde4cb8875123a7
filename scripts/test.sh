#!/usr/bin/env bash
# The README's test command, and what .ci/run runs:
#
#   bash scripts/test.sh [CARGO TEST ARGS...]      e.g. bash scripts/test.sh -p codeset
#
# 1. Installs what is missing, and only that: Debian's `postgresql` and `chromium` (apt-get, as root or via sudo;
#    `apt-get update` only if the install fails without it), and playwright-core in tests/browser (`npm ci`, when
#    node_modules is missing or was installed from another package.json/package-lock.json). No browser download.
# 2. Starts a throwaway PostgreSQL server (as the `postgres` OS user when run as root, else as the caller) from
#    Debian's /usr/lib/postgresql/*/bin in a temp dir, on 127.0.0.1 and a free port from 55432 up, with role
#    `codefellow` (password `codefellow`, CREATEDB) and database `codefellow_test`. Debian's default cluster
#    (port 5432) is never started.
# 3. Checks the browser toolchain once (tests/browser/smoke.mjs: a click and a screenshot in headless Chromium).
# 4. Exports CODEFELLOW_TEST_POSTGRES, CODEFELLOW_CHROMIUM, CODEFELLOW_BROWSER_DIR and CODEFELLOW_REQUIRE_ALL=1,
#    runs `cargo test --workspace --no-fail-fast "$@"` and exits with its status (without --workspace when the
#    arguments name packages with -p/--package, which cargo would otherwise ignore).
# The server is stopped and the temp dir removed on exit, whatever happens (EXIT, INT, TERM).
# Idempotent: safe to re-run; a second run installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BROWSER_DIR="$ROOT/tests/browser"
CHROMIUM=/usr/bin/chromium
PG_ROLE=codefellow
PG_PASSWORD=codefellow
PG_DB=codefellow_test
PG_PORT_FIRST=55432
PG_START_TIMEOUT=${CODEFELLOW_PG_START_TIMEOUT:-60}

T0=$(date +%s%N)
since() { local now; now=$(date +%s%N); printf '%d.%01d' $(((now - $1) / 1000000000)) $((((now - $1) / 100000000) % 10)); }
say() { printf '[test.sh %6ss] %s\n' "$(since "$T0")" "$*"; }
die() { say "ERROR: $*" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/codefellow-test.XXXXXX")
chmod 755 "$WORK"
PGDIR="$WORK/pg"          # data directory, unix socket, server log
PGDATA_DIR="$PGDIR/data"
PG_BIN=""
PG_STARTED=0
POLICY_RC_CREATED=0
CARGO_PID=""

# Run a PostgreSQL server program as the postgres OS user when we are root (root cannot run postgres).
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd "$PGDIR" && runuser -u postgres -- "$@")
  else
    (cd "$PGDIR" && "$@")
  fi
}

pg_postmaster_pid() { [ -f "$PGDATA_DIR/postmaster.pid" ] && head -n 1 "$PGDATA_DIR/postmaster.pid" 2>/dev/null || true; }

# True once process $1 is gone, waiting up to 5 s. The postmaster's parent is PID 1 (pg_ctl detaches it), which
# may take a second or two to reap it: a zombie left after the wait counts as gone.
pg_gone() {
  local i
  for i in $(seq 50); do
    ps -p "$1" >/dev/null 2>&1 || return 0
    sleep 0.1
  done
  case $(ps -o stat= -p "$1" 2>/dev/null) in Z* | "") return 0 ;; esac
  return 1
}

cleanup() {
  local status=$? pid
  trap - EXIT INT TERM
  set +e
  if [ "$POLICY_RC_CREATED" = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
  if [ -n "$CARGO_PID" ] && kill -0 "$CARGO_PID" 2>/dev/null; then
    # Interrupted: end the test run we started (cargo and the test binary it runs) before the server goes.
    pkill -TERM -P "$CARGO_PID" 2>/dev/null
    kill -TERM "$CARGO_PID" 2>/dev/null
    wait "$CARGO_PID" 2>/dev/null
  fi
  if [ "$PG_STARTED" = 1 ]; then
    pid=$(pg_postmaster_pid)
    as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m immediate -w -t 10 stop >/dev/null 2>&1
    # The postmaster removes its pid file just before it exits: give it a moment (a zombie counts as gone).
    if [ -n "$pid" ] && ! pg_gone "$pid"; then
      # Last resort: the postmaster and its children (they all have it as parent).
      pkill -KILL -P "$pid" 2>/dev/null
      kill -KILL "$pid" 2>/dev/null
    fi
    if [ -n "$pid" ] && ! pg_gone "$pid"; then
      say "WARNING: PostgreSQL (pid $pid) is still running" >&2
    else
      say "postgres: stopped"
    fi
  fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------------------------
# 1. Debian packages
installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }
find_pg_bin() {
  # Debian's versioned directory (newest first); /usr/local/bin/pg_ctl may be some other build.
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ]; then echo "$d"; return 0; fi
  done
  return 1
}

missing=()
if ! installed postgresql || ! find_pg_bin >/dev/null; then missing+=(postgresql); fi
if ! installed chromium || [ ! -x "$CHROMIUM" ]; then missing+=(chromium); fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then missing+=(nodejs npm); fi

if [ ${#missing[@]} -gt 0 ]; then
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "missing Debian packages: ${missing[*]}; install them as root: apt-get install -y --no-install-recommends ${missing[*]}"
    SUDO=(sudo -n)
  fi
  say "apt: installing ${missing[*]}"
  # Keep Debian's default cluster (and any other service) from being started by the package scripts.
  if [ "$(id -u)" -eq 0 ] && [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && POLICY_RC_CREATED=1
  fi
  apt_install() {
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}" </dev/null >"$WORK/apt.log" 2>&1
  }
  if ! apt_install; then
    say "apt: install failed without a package list update; running apt-get update"
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null >"$WORK/apt-update.log" 2>&1 \
      || { tail -n 20 "$WORK/apt-update.log" >&2; die "apt-get update failed"; }
    apt_install || { tail -n 30 "$WORK/apt.log" >&2; die "apt-get install ${missing[*]} failed"; }
  fi
  if [ "$POLICY_RC_CREATED" = 1 ]; then rm -f /usr/sbin/policy-rc.d; POLICY_RC_CREATED=0; fi
  say "apt: installed ${missing[*]}"
else
  say "apt: postgresql and chromium already installed"
fi
PG_BIN=$(find_pg_bin) || die "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin"
[ -x "$CHROMIUM" ] || die "$CHROMIUM not found after installing chromium"

# ---------------------------------------------------------------------------------------------------------------
# 2. playwright-core in tests/browser (npm ci when node_modules is missing or stale)
STAMP="$BROWSER_DIR/node_modules/.codefellow-lock"
lock_sum=$(cat "$BROWSER_DIR/package.json" "$BROWSER_DIR/package-lock.json" | sha256sum | cut -d' ' -f1)
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$lock_sum" ] && [ -f "$BROWSER_DIR/node_modules/playwright-core/package.json" ]; then
  say "npm: tests/browser/node_modules up to date"
else
  say "npm: npm ci in tests/browser"
  (cd "$BROWSER_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error) \
    >"$WORK/npm.log" 2>&1 || { cat "$WORK/npm.log" >&2; die "npm ci in tests/browser failed"; }
  echo "$lock_sum" >"$STAMP"
  say "npm: installed playwright-core $(node -p "require('$BROWSER_DIR/node_modules/playwright-core/package.json').version")"
fi

# ---------------------------------------------------------------------------------------------------------------
# 3. A throwaway PostgreSQL server
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
mkdir -p "$PGDIR"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PGDIR"
chmod 700 "$PGDIR"
say "postgres: initdb ($("$PG_BIN/postgres" --version), $PG_BIN)"
as_pg "$PG_BIN/initdb" -D "$PGDATA_DIR" -U postgres -E UTF8 --locale=C.UTF-8 --no-sync \
  --auth-local=trust --auth-host=scram-sha-256 >"$WORK/initdb.log" 2>&1 \
  || { cat "$WORK/initdb.log" >&2; die "initdb failed"; }

PG_PORT=""
for port in $(seq "$PG_PORT_FIRST" $((PG_PORT_FIRST + 99))); do
  port_busy "$port" && continue
  PG_STARTED=1
  rm -f "$PGDIR/server.log"
  # pg_ctl -w waits for the server to come up and notices a postmaster that died (e.g. port taken in between).
  if ! as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGDIR/server.log" -w -t "$PG_START_TIMEOUT" \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $PGDIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >"$WORK/pg_ctl.log" 2>&1; then
    if grep -q 'could not bind\|could not create any TCP/IP sockets' "$PGDIR/server.log" 2>/dev/null \
        && [ -z "$(pg_postmaster_pid)" ]; then
      say "postgres: port $port was taken, trying the next"
      continue
    fi
    cat "$WORK/pg_ctl.log" >&2; tail -n 20 "$PGDIR/server.log" >&2 || true
    die "PostgreSQL did not start within ${PG_START_TIMEOUT}s (pg_ctl and server log above)"
  fi
  # It must accept connections on 127.0.0.1:$port, where the tests connect (pg_isready, bounded).
  deadline=$(($(date +%s) + PG_START_TIMEOUT))
  until "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -d postgres -U postgres; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      tail -n 20 "$PGDIR/server.log" >&2 || true
      die "PostgreSQL did not accept connections on 127.0.0.1:$port within ${PG_START_TIMEOUT}s (pg_isready; log above)"
    fi
    sleep 0.2
  done
  PG_PORT=$port
  break
done
[ -n "$PG_PORT" ] || die "no free port in $PG_PORT_FIRST-$((PG_PORT_FIRST + 99)) for PostgreSQL"
say "postgres: accepting connections on 127.0.0.1:$PG_PORT"

"$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PGDIR" -p "$PG_PORT" -U postgres -d postgres \
  -c "CREATE ROLE $PG_ROLE LOGIN PASSWORD '$PG_PASSWORD' CREATEDB" \
  -c "CREATE DATABASE $PG_DB OWNER $PG_ROLE" >"$WORK/psql.log" 2>&1 \
  || { cat "$WORK/psql.log" >&2; die "creating role $PG_ROLE and database $PG_DB failed"; }
export CODEFELLOW_TEST_POSTGRES="postgres://$PG_ROLE:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"
# Prove the URL itself works (TCP, password auth) before the tests rely on it.
"$PG_BIN/psql" -X -q -At "$CODEFELLOW_TEST_POSTGRES" -c 'SELECT 1' >/dev/null 2>"$WORK/psql.log" \
  || { cat "$WORK/psql.log" >&2; die "cannot connect with $CODEFELLOW_TEST_POSTGRES"; }
say "postgres: role $PG_ROLE and database $PG_DB ready: CODEFELLOW_TEST_POSTGRES=$CODEFELLOW_TEST_POSTGRES"

# ---------------------------------------------------------------------------------------------------------------
# 4. The browser toolchain, once
export CODEFELLOW_CHROMIUM="$CHROMIUM"
export CODEFELLOW_BROWSER_DIR="$BROWSER_DIR"
export CODEFELLOW_REQUIRE_ALL=1
T_SMOKE=$(date +%s%N)
node "$BROWSER_DIR/smoke.mjs" >"$WORK/smoke.log" 2>&1 || { cat "$WORK/smoke.log" >&2; die "browser smoke test failed"; }
say "$(tail -n 1 "$WORK/smoke.log") (${CHROMIUM##*/} $("$CHROMIUM" --version 2>/dev/null | awk '{print $2}'), $(since "$T_SMOKE")s)"

# `--workspace` unless the arguments pick packages (cargo ignores -p when --workspace is given).
WS=(--workspace)
for a in "$@"; do
  case $a in
    --) break ;;
    -p | -p?* | --package | --package=* | --manifest-path | --manifest-path=*) WS=() ;;
  esac
done
CMD=(cargo test "${WS[@]}" --no-fail-fast "$@")
say "setup done in $(since "$T0")s; running ${CMD[*]}"

# ---------------------------------------------------------------------------------------------------------------
# 5. The tests
T_TEST=$(date +%s%N)
# In the background and waited for, so that INT/TERM reach the trap at once (not after cargo ends).
"${CMD[@]}" &
CARGO_PID=$!
set +e
wait "$CARGO_PID"
status=$?
set -e
CARGO_PID=""
say "cargo test exited $status after $(since "$T_TEST")s (total $(since "$T0")s)"
exit "$status"
