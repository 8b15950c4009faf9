#!/usr/bin/env bash
# Throughput of the service on PostgreSQL against the same build on SQLite, with wrk, in alternating
# rounds, on the shared bench's loads (../shared/bench: load.lua, the update mix, or BENCH_LOAD=info.lua).
# The service is pinned to CPU 0 and wrk to CPU 1; the PostgreSQL server is not pinned.
# usage: bench/postgres-compare.sh [SECONDS_PER_ROUND] [ROUNDS]
# Needs a local PostgreSQL server (.ci/postgres-start makes one) and BENCH_POSTGRES, a connection
# string for a role that may create databases (default: the CI's customer_tests role).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${BENCH_SHARED:-$root/../shared/bench}
secs=${1:-10}
rounds=${2:-3}
conns=${BENCH_CONNECTIONS:-16}
source "$root/bench/two-databases.sh"

pg_port=$((20000 + RANDOM % 10000)); sqlite_port=$((pg_port + 1))
start postgres "$pg_port" PostgreSql "$postgres;Database=$database" 0
start sqlite "$sqlite_port" Sqlite "Data Source=$work/sqlite.db" 0
python3 "$shared/bench_util.py" seed "$pg_port" 500 "$work/postgres.ids"
python3 "$shared/bench_util.py" seed "$sqlite_port" 500 "$work/sqlite.ids"

run() { # name port seconds
  BENCH_RUN="$1$RANDOM$RANDOM" BENCH_IDS="$work/$1.ids" BENCH_TOKEN="$token" taskset -c 1 wrk -t1 -c"$conns" -d"${3}s" \
    -s "$shared/${BENCH_LOAD:-load.lua}" "http://127.0.0.1:$2" 2>&1 | grep '^RESULT' || echo "RESULT rps=0 p50_ms=0 p99_ms=0 errors=-1 non2xx=-1"
}
echo "# warm-up"
run postgres "$pg_port" 5 >/dev/null; run sqlite "$sqlite_port" 5 >/dev/null
pg=(); lite=()
for r in $(seq 1 "$rounds"); do
  p=$(run postgres "$pg_port" "$secs"); s=$(run sqlite "$sqlite_port" "$secs")
  echo "round $r postgres $p"; echo "round $r sqlite   $s"
  pg+=("$(sed 's/.*rps=\([0-9.]*\).*/\1/' <<<"$p")"); lite+=("$(sed 's/.*rps=\([0-9.]*\).*/\1/' <<<"$s")")
done
python3 - "${pg[*]}" "${lite[*]}" <<'PY'
import statistics, sys
p = [float(x) for x in sys.argv[1].split()]; s = [float(x) for x in sys.argv[2].split()]
ratios = [x / y if y else 0 for x, y in zip(p, s)]
print(f"postgres median rps {statistics.median(p):.0f}, sqlite median rps {statistics.median(s):.0f}")
print(f"ratio postgres/sqlite {statistics.median(ratios):.2f} (per round: {' '.join(f'{r:.2f}' for r in ratios)})")
PY
