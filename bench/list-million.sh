#!/usr/bin/env bash
# customer.list on 1,000,000 customers, on SQLite and on PostgreSQL: the service migrates each
# database, the rows are inserted with SQL, then each filter is called over HTTP (limit 20) and the
# median of its latencies printed. Customers: 90% ACTIVE; tags "common" on 10%, "rare" on 0.1%.
# usage: bench/list-million.sh [CUSTOMERS] [CALLS_PER_FILTER]
# Needs sqlite3, psql and a local PostgreSQL server (.ci/postgres-start makes one).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${BENCH_SHARED:-$root/../shared/bench}
count=${1:-1000000}
[[ "$count" =~ ^[0-9]+$ ]] || { echo "CUSTOMERS must be a number" >&2; exit 2; }
calls=${2:-15}
source "$root/bench/two-databases.sh"

pg_port=$((20000 + RANDOM % 10000)); sqlite_port=$((pg_port + 1))
start sqlite "$sqlite_port" Sqlite "Data Source=$work/million.db"
start postgres "$pg_port" PostgreSql "$postgres;Database=$database"

echo "# inserting $count customers into each"
sqlite3 "$work/million.db" <<SQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
INSERT INTO Customers (Id, Email, NormalizedEmail, PasswordHash, FirstName, LastName, Status, Tags, Version, CreatedAt, UpdatedAt)
SELECT printf('m%015d', i), printf('m%d@example.com', i), printf('m%d@example.com', i), 'not-a-hash', 'Mass', 'Customer',
       CASE WHEN i % 10 = 0 THEN 'INACTIVE' ELSE 'ACTIVE' END,
       CASE WHEN i % 1000 = 0 THEN '["rare","common"]' WHEN i % 10 = 1 THEN '["common"]' ELSE '[]' END,
       1, strftime('%Y-%m-%d %H:%M:%f', '2026-01-01', printf('+%d seconds', i)), strftime('%Y-%m-%d %H:%M:%f', '2026-01-01', printf('+%d seconds', i))
FROM n;
ANALYZE;
SQL
"${psql_[@]}" -d "$database" <<SQL
INSERT INTO "Customers" ("Id", "Email", "NormalizedEmail", "PasswordHash", "FirstName", "LastName", "Status", "Tags", "Version", "CreatedAt", "UpdatedAt")
SELECT format('m%s', lpad(i::text, 15, '0')), format('m%s@example.com', i), format('m%s@example.com', i), 'not-a-hash', 'Mass', 'Customer',
       CASE WHEN i % 10 = 0 THEN 'INACTIVE' ELSE 'ACTIVE' END,
       CASE WHEN i % 1000 = 0 THEN ARRAY['rare', 'common'] WHEN i % 10 = 1 THEN ARRAY['common'] ELSE ARRAY[]::text[] END,
       1, timestamptz '2026-01-01 00:00:00+00' + i * interval '1 second', timestamptz '2026-01-01 00:00:00+00' + i * interval '1 second'
FROM generate_series(1, $count) AS i;
VACUUM ANALYZE "Customers";
SQL

median() { sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) * 1000 }'; }
measure() { # port body -> "median ms (total N)"
  local total
  total=$(curl -s -X POST "http://127.0.0.1:$1/services/customer/v1/customer.list" -H "authorization: Bearer $token" \
    -H 'content-type: application/json' -d "$2" | python3 -c 'import json, sys; print(json.load(sys.stdin)["page"]["total"])')
  for _ in $(seq 1 "$calls"); do
    curl -s -o /dev/null -w '%{time_total}\n' -X POST "http://127.0.0.1:$1/services/customer/v1/customer.list" \
      -H "authorization: Bearer $token" -H 'content-type: application/json' -d "$2"
  done | median
  echo " ms (total $total)"
}

printf '%-34s %-26s %s\n' filter sqlite postgresql
for body in '{"limit":20}' '{"status":"INACTIVE","limit":20}' '{"tags":["rare"],"limit":20}' '{"tags":["common"],"limit":20}' \
            '{"status":"INACTIVE","tags":["rare"],"limit":20}' '{"tags":["common"],"limit":20,"skip":50000}'; do
  printf '%-34s %-26s %s\n' "$body" "$(measure "$sqlite_port" "$body")" "$(measure "$pg_port" "$body")"
done
