#!/usr/bin/env bash
# Analytics benchmark: seeds a throw-away database at a scale factor, backfills the rollups and times every dashboard page.
#   bench/analytics.sh [scale=10] [postgres|sqlite]
# PostgreSQL is started from the Debian binaries on a free loopback port in a temporary directory and removed afterwards.
# Results: bench/results/analytics-<provider>-scale<scale>.md
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-10}"; provider="${2:-postgres}"
out="bench/results/analytics-$provider-scale$scale.md"
dotnet build bench/AnalyticsBench/AnalyticsBench.csproj -v q -nologo >/dev/null
bin=bench/AnalyticsBench/bin/Debug/net10.0/AnalyticsBench
tmp="$(mktemp -d)"
cleanup() { [ -n "${pgbin:-}" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$tmp"; }
trap cleanup EXIT
if [ "$provider" = postgres ]; then
  pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  chown postgres "$tmp"
  runuser -u postgres -- "$pgbin/initdb" -D "$tmp/data" -U postgres --auth=trust >/dev/null
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$tmp/data" -o "-p $port -k $tmp -c listen_addresses=127.0.0.1 -c fsync=off" -l "$tmp/pg.log" start -w >/dev/null
  "$bin" postgres "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Include Error Detail=true" "$scale" "$out"
else
  "$bin" sqlite "Data Source=$tmp/bench.db" "$scale" "$out"
fi
echo "wrote $out"
