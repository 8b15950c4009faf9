#!/usr/bin/env bash
# Save-to-delivery latency of the service's events under the compare.sh update load, with the relay on:
# runs ../shared/bench/compare.sh with Messaging__RabbitMq__Uri set (both sides get it; only the service
# reads it) while bench/EventLatency consumes every event and notes how long after its save it arrived.
#   bench/event-latency.sh [SECONDS_PER_ROUND] [ROUNDS]        (BENCH_RABBITMQ: broker, default local guest)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
broker=${BENCH_RABBITMQ:-amqp://guest:guest@127.0.0.1:5672/}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet build "$root/bench/EventLatency" -c Release -o "$out/consumer" -v q --nologo >"$out/build.log" 2>&1 || { tail -20 "$out/build.log"; exit 1; }
dotnet "$out/consumer/EventLatency.dll" "$broker" customer.events >"$out/latency.txt" &
consumer=$!
sleep 2
Messaging__RabbitMq__Uri="$broker" "$root/../shared/bench/compare.sh" "$root" "${1:-10}" "${2:-3}"
sleep 3
kill -TERM "$consumer"; wait "$consumer" || true
cat "$out/latency.txt"
