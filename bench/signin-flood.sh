#!/usr/bin/env bash
# customer.info's latency while 8 clients flood customer.checkCredentials (each call a full PBKDF2
# check), with the password-hashing bound as shipped and with it lifted. Neither the service nor wrk
# is pinned: the question is whether the 2-core machine as a whole stays responsive.
# usage: bench/signin-flood.sh [SECONDS_PER_ROUND] [ROUNDS]
# BENCH_FLOOD_CONNECTIONS (default 8) clients flood; 2 connections measure customer.info.
# BENCH_VARIANTS (default "1 64"): the Security:PasswordHashing:MaxConcurrency values compared.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${BENCH_SHARED:-$root/../shared/bench}
secs=${1:-10}
rounds=${2:-3}
flood=${BENCH_FLOOD_CONNECTIONS:-8}
work=$(mktemp -d "${BENCH_DIR:-/dev/shm}/bench.XXXXXX")
pids=()
cleanup() { for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install -y wrk)" >&2; exit 1; }

echo "# building (Release)"
dotnet publish "$root/Customer.Api" -c Release -o "$work/service" -v q --nologo >"$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 1; }
token=$(python3 "$shared/bench_util.py" token)
mapfile -t authenv < <(python3 "$shared/bench_util.py" env)

for bound in ${BENCH_VARIANTS:-1 64}; do
  port=$((20000 + RANDOM % 10000))
  rm -f "$work"/flood.db*
  env "${authenv[@]}" ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
    Database__Provider=Sqlite ConnectionStrings__Customers="Data Source=$work/flood.db" \
    Security__PasswordHashing__MaxConcurrency="$bound" Security__PasswordHashing__MaxQueueLength=1000 \
    dotnet "$work/service/Customer.Api.dll" >"$work/service-$bound.log" 2>&1 &
  pid=$!; pids+=("$pid")
  for _ in $(seq 1 150); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.2; done
  python3 "$shared/bench_util.py" seed "$port" 50 "$work/ids"
  email=$(curl -s -X POST "http://127.0.0.1:$port/services/customer/v1/customer.info" -H "authorization: Bearer $token" \
    -H 'content-type: application/json' -d "{\"id\":\"$(head -1 "$work/ids")\"}" | sed -n 's/.*"email":"\([^"]*\)".*/\1/p')
  info() { BENCH_IDS="$work/ids" BENCH_TOKEN="$token" wrk -t1 -c2 -d"$1s" -s "$shared/info.lua" "http://127.0.0.1:$port" | grep '^RESULT'; }
  info 3 >/dev/null # warm-up
  echo "# MaxConcurrency=$bound, alone: customer.info $(info 5)"
  for r in $(seq 1 "$rounds"); do
    BENCH_EMAIL="$email" BENCH_PASSWORD=bench-password-1 BENCH_TOKEN="$token" \
      wrk -t1 -c"$flood" -d"$((secs + 3))s" -s "$root/bench/signin-flood.lua" "http://127.0.0.1:$port" >"$work/flood.out" 2>&1 &
    floodpid=$!
    sleep 2
    i=$(info "$secs")
    wait "$floodpid"
    echo "round $r MaxConcurrency=$bound customer.info $i | checkCredentials $(grep '^RESULT' "$work/flood.out")"
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
