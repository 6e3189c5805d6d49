#!/usr/bin/env bash
# Runs every test of the solution, installing what the tests need first:
#   postgresql - the data tests start a throw-away PostgreSQL server of their own from its binaries
#   chromium   - for the browser (end-to-end) tests
#   nginx      - the multi-instance journey puts it in front of two app instances (run as a child process, never as a service)
# TRX results go to ./TestResults. Extra arguments go to `dotnet test` (e.g. ./test.sh --filter-class '*SchemaTests').
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

missing=()
compgen -G '/usr/lib/postgresql/*/bin/initdb' > /dev/null || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v nginx > /dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "test.sh: installing ${missing[*]}" >&2
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet tool restore

status=0
dotnet test GameOps.sln --results-directory "$PWD/TestResults" --report-xunit-trx --no-progress "$@" || status=$?
exit "$status"
