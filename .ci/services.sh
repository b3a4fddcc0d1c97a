#!/usr/bin/env bash
# Starts a real Redis and a real PostgreSQL on loopback, data in a temporary folder, on free ports,
# for the integration tests. Source it (`. .ci/services.sh start`) to get TEST_REDIS_URL and
# TEST_DATABASE_URL exported; `.ci/services.sh stop DIR` (or `services_stop` once sourced) stops both
# and deletes the folder. PostgreSQL runs as the unprivileged user `postgres` when started as root.
# Needs Debian's redis-server and postgresql (`.ci/run` installs them).

services_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

services_pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$bin" ] || { echo "services: PostgreSQL is not installed (apt-get install postgresql)" >&2; return 1; }
  echo "$bin"
}

services_as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

services_start() {
  local dir pg_bin redis_port pg_port
  dir=$(mktemp -d /tmp/vademecum-services.XXXXXX)
  chmod 755 "$dir"
  pg_bin=$(services_pg_bin) || return 1
  command -v redis-server >/dev/null || { echo "services: redis-server is not installed" >&2; return 1; }

  redis_port=$(services_free_port)
  redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$dir" --save '' --appendonly no \
    --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >/dev/null

  mkdir -p "$dir/pg"
  [ "$(id -u)" = 0 ] && chown postgres "$dir/pg"
  services_as_pg "$pg_bin/initdb" -D "$dir/pg/data" -U vademecum --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  pg_port=$(services_free_port)
  services_as_pg "$pg_bin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $dir/pg -c fsync=off -c max_connections=200" start >/dev/null \
    || { cat "$dir/pg/postgres.log" >&2; return 1; }
  services_as_pg "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U vademecum vademecum

  for _ in $(seq 1 50); do
    redis-cli -p "$redis_port" ping 2>/dev/null | grep -q PONG && break
    sleep 0.1
  done
  export VADEMECUM_SERVICES_DIR="$dir"
  export TEST_REDIS_URL="redis://127.0.0.1:$redis_port"
  export TEST_DATABASE_URL="jdbc:postgresql://127.0.0.1:$pg_port/vademecum?user=vademecum"
  echo "services: Redis on $TEST_REDIS_URL, PostgreSQL on $TEST_DATABASE_URL (data in $dir)"
}

services_stop() {
  local dir=${1:-${VADEMECUM_SERVICES_DIR:-}}
  [ -n "$dir" ] && [ -d "$dir" ] || return 0
  local pg_bin
  pg_bin=$(services_pg_bin) || true
  [ -f "$dir/redis.pid" ] && kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
  [ -n "$pg_bin" ] && [ -d "$dir/pg/data" ] && services_as_pg "$pg_bin/pg_ctl" -D "$dir/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-}" in
    start) services_start; echo "export TEST_REDIS_URL=$TEST_REDIS_URL TEST_DATABASE_URL='$TEST_DATABASE_URL' VADEMECUM_SERVICES_DIR=$VADEMECUM_SERVICES_DIR" ;;
    stop) services_stop "${2:-}" ;;
    *) echo "usage: .ci/services.sh start | stop DIR   (or source it and call services_start)" >&2; exit 2 ;;
  esac
fi
