#!/usr/bin/env bash
# The README as a newcomer follows it: a fresh clone of this checkout's HEAD, a fresh HOME (no user
# secrets, no signing key, no data protection keys), the README's order. Runs the "Run it" block (its
# `dotnet run` in the background, on a free port instead of 3005, which another service may hold),
# replays the calls with scripts/readme-replay.sh, and requires `git status` to be clean afterwards.
# The machine's NuGet package folder is reused: packages are not user state, and a fresh one would
# download every package again.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
packages=${NUGET_PACKAGES:-$HOME/.nuget/packages}
nuget_config="$HOME/.nuget/NuGet/NuGet.Config"
work=$(mktemp -d)
service_pid=""
cleanup() {
  if [ -n "$service_pid" ]; then kill "$service_pid" 2>/dev/null || true; wait "$service_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

git clone --quiet "$repo" "$work/clone"
export HOME="$work/home" DOTNET_CLI_HOME="$work/home" NUGET_PACKAGES="$packages"
mkdir -p "$HOME"
if [ -f "$nuget_config" ]; then mkdir -p "$HOME/.nuget/NuGet" && cp "$nuget_config" "$HOME/.nuget/NuGet/"; fi
cd "$work/clone"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 38305)
base="http://127.0.0.1:$port"

# The "Run it" block, in order: every line but the test suite; the service in the background.
run_block=$(awk '/^## Run it/ { on = 1 } /^## Call it/ { on = 0 } on && /^```sh/ { inside = 1; next } inside && /^```/ { exit } inside' README.md)
while IFS= read -r line; do
  case "$line" in
    "dotnet test"*) ;;
    "dotnet run --project Customer.Api"*)
      dotnet run --project Customer.Api -- --urls "$base" > "$work/service.log" 2>&1 &
      service_pid=$! ;;
    "") ;;
    *) bash -c "$line" ;;
  esac
done <<< "$run_block"
if [ -z "$service_pid" ]; then echo "new-user-replay: the README's Run it block starts no service" >&2; exit 1; fi

for _ in $(seq 1 600); do
  curl --silent --fail "$base/health/live" > /dev/null 2>&1 && break
  if ! kill -0 "$service_pid" 2>/dev/null; then echo "new-user-replay: the service exited:" >&2; tail -n 20 "$work/service.log" >&2; exit 1; fi
  sleep 0.5
done

replay_status=0
scripts/readme-replay.sh "$base" || replay_status=$?
kill "$service_pid"; wait "$service_pid" 2>/dev/null || true; service_pid=""

if grep -E '\] (WRN|ERR|FTL)\]|(WRN|ERR|FTL)\] ' "$work/service.log" | grep -v 'readme-replay' > "$work/warnings.txt"; then
  echo "new-user-replay: the service logged warnings or errors during the README:" >&2
  cut -c1-300 "$work/warnings.txt" >&2
  replay_status=1
fi

dirty=$(git status --porcelain)
if [ -n "$dirty" ]; then
  echo "new-user-replay: the README's commands left the checkout dirty:" >&2
  echo "$dirty" >&2
  git diff >&2
  replay_status=1
fi

[ "$replay_status" -eq 0 ] && echo "new-user-replay: the README works as written from a fresh clone and HOME; git status is clean."
exit "$replay_status"
