#!/usr/bin/env bash
# Start-up to first served request: publishes the service (Release, as compare.sh does), then starts it
# RUNS times on a fresh SQLite database, pinned to CPU 0 like compare.sh's server, and reports the time
# from exec to the first answered customer.info (a 404 envelope: through authentication, MVC, the
# mediator pipeline and EF Core). Uses compare.sh's token and settings helpers.
# usage: bench/startup.sh [RUNS]   (from the repository root)
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "$root/../shared/bench" && pwd)
work=$(mktemp -d "${BENCH_DIR:-/dev/shm}/startup.XXXXXX")
trap 'rm -rf "$work"' EXIT
dotnet publish "$root/Customer.Api" -c Release -o "$work/service" -v q --nologo >"$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 1; }
token=$(python3 "$shared/bench_util.py" token)
mapfile -t authenv < <(python3 "$shared/bench_util.py" env)
times=()
for i in $(seq 1 "$runs"); do
  port=$((30000 + RANDOM % 5000))
  start=$(date +%s%N)
  env "${authenv[@]}" ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
    Database__Provider=Sqlite ConnectionStrings__Customers="Data Source=$work/run$i.db" \
    taskset -c 0 dotnet "$work/service/Customer.Api.dll" >"$work/run$i.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -H "authorization: Bearer $token" -H 'content-type: application/json' \
      -d '{"id":"unknown"}' "http://127.0.0.1:$port/services/customer/v1/customer.info" 2>/dev/null)" = 404 ]; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$work/run$i.log"; exit 1; }
    sleep 0.01
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  times+=("$ms"); echo "run $i: first request answered $ms ms after exec"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median " a[int((NR+1)/2)] " ms over " NR " runs"}'
