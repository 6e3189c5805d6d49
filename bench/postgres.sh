#!/usr/bin/env bash
# A throw-away PostgreSQL server for the benchmark (Debian's binaries; initdb refuses root, so it runs as `postgres`).
#   bench/postgres.sh start [port]   → prints the connection string to pass to GameOps.Bench --connection
#   bench/postgres.sh stop  [port]   → stops it and deletes its data
# Settings: a 2-core, 24 GB machine with an SSD; stated in the results files.
set -euo pipefail
action=${1:-start}; port=${2:-55500}
dir=/tmp/gameops-bench-pg-$port
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case $action in
  start)
    if [ ! -d "$dir/data" ]; then
      mkdir -p "$dir" && [ "$(id -u)" = 0 ] && chown postgres "$dir"
      as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust >/dev/null
      cat >> "$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
shared_buffers = 2GB
effective_cache_size = 12GB
maintenance_work_mem = 1GB
work_mem = 32MB
max_wal_size = 16GB
checkpoint_timeout = 30min
random_page_cost = 1.1
jit = off
CONF
    fi
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w start >/dev/null
    as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "select 1 from pg_database where datname='bench'" | grep -q 1 \
      || as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres bench
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=bench;Command Timeout=0"
    ;;
  stop)
    as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
esac
