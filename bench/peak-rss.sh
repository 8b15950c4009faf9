#!/usr/bin/env bash
# Peak resident memory of the service while compare.sh runs: start this first, in another terminal, then
# compare.sh. It follows every process running a published Customer.Api.dll and, when the last one has
# gone, prints the highest VmHWM (the kernel's own peak-RSS record) it saw.
# usage: bench/peak-rss.sh
set -euo pipefail
peak=0; seen=0
while :; do
  pids=$(pgrep -f 'service/Customer.Api.dll' || true)
  if [ -z "$pids" ]; then
    [ "$seen" -eq 1 ] && break
  else
    seen=1
    for p in $pids; do
      kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
      [ "${kb:-0}" -gt "$peak" ] && peak=$kb
    done
  fi
  sleep 0.5
done
echo "service peak RSS $((peak / 1024)) MB"
