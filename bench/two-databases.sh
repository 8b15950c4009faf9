# Sourced by the PostgreSQL bench scripts: one Release build of the service, started on PostgreSQL and
# on SQLite side by side. Expects $root and $shared; defines $work, $token, $postgres (a connection
# string without a database), $database (a fresh database name, dropped on exit), psql_ and start.
postgres=${BENCH_POSTGRES:-Host=127.0.0.1;Port=5432;Username=customer_tests;Password=customer_tests}
database="customer_bench_$RANDOM$RANDOM"
setting() { sed -n "s/.*\\b$1=\\([^;]*\\).*/\\1/Ip" <<<"$postgres"; }
psql_=(env PGPASSWORD="$(setting Password)" psql -q -v ON_ERROR_STOP=1 -h "$(setting Host)" -p "$(setting Port)" -U "$(setting Username)")
work=$(mktemp -d "${BENCH_DIR:-/dev/shm}/bench.XXXXXX")
pids=()
cleanup() {
  for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  "${psql_[@]}" -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "# building (Release)"
dotnet publish "$root/Customer.Api" -c Release -o "$work/service" -v q --nologo >"$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 1; }
token=$(python3 "$shared/bench_util.py" token)
mapfile -t authenv < <(python3 "$shared/bench_util.py" env)

start() { # name port provider connection-string [cpu]
  env "${authenv[@]}" ASPNETCORE_URLS="http://127.0.0.1:$2" ASPNETCORE_ENVIRONMENT=Production \
    Database__Provider="$3" ConnectionStrings__Customers="$4" \
    ${5:+taskset -c "$5"} dotnet "$work/service/Customer.Api.dll" >"$work/$1.log" 2>&1 &
  pids+=("$!")
  for _ in $(seq 1 150); do
    curl -s -o /dev/null "http://127.0.0.1:$2/" && return 0
    sleep 0.2
  done
  echo "$1 did not start:" >&2; tail -20 "$work/$1.log" >&2; return 1
}
