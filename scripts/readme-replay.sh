#!/usr/bin/env bash
# Replays README.md's calls against a running service and checks what matters in each answer.
#
#   scripts/readme-replay.sh [base-url]      (default http://localhost:3005; run from anywhere)
#
# Every ```sh block from "## Call it" up to "## Errors" runs, in order, in one bash session (so the
# README's variables carry over), from the repository root, with http://localhost:3005 replaced by the
# base URL. Each curl call's HTTP status and envelope error code are recorded and compared with the
# fenced block that follows the commands: each "HTTP nnn" there is one call (an "error" on the same or a
# later line is its code); a block naming no status, or no block at all, means every call answers 2xx.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
base=${1:-http://localhost:3005}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Split the README's section into numbered command blocks and the expectation block after each.
awk -v dir="$work" '
  /^## Call it/ { on = 1 } /^## Errors/ { on = 0 }
  !on { next }
  /^```/ {
    if (fence == "") {
      fence = ($0 == "```sh") ? "sh" : "out"
      if (fence == "sh") { n++; file = dir "/" n ".sh"; printf "" > file }
      else if (last == "sh") { file = dir "/" n ".expected"; printf "" > file }
      else { file = "" }
    } else { last = fence; fence = ""; file = "" }
    next
  }
  fence != "" && file != "" { print >> file }
  fence == "" && NF > 0 { last = "" }
' "$root/README.md"

blocks=$(ls "$work"/*.sh 2>/dev/null | wc -l)
if [ "$blocks" -eq 0 ]; then echo "readme-replay: no sh blocks found in README.md" >&2; exit 1; fi

# One session: curl records status and error code of each call, its output unchanged for the README's commands.
{
  cat <<'PRELUDE'
set -eo pipefail
curl() {
  local headers body
  headers=$(mktemp); body=$(mktemp)
  command curl --silent --show-error --dump-header "$headers" "$@" | tee "$body"
  local status error
  status=$(awk 'toupper($1) ~ /^HTTP\// { s = $2 } END { print s }' "$headers")
  error=$(grep -o '"error": *"[a-z_]*"' "$body" | head -n 1 | sed 's/.*"\([a-z_]*\)"$/\1/' || true)
  echo "${status:-000} ${error:--}" >> "$REPLAY_RESULTS"
  rm -f "$headers" "$body"
}
PRELUDE
  for i in $(seq 1 "$blocks"); do
    echo "export REPLAY_RESULTS='$work/$i.actual'; : > \"\$REPLAY_RESULTS\""
    echo "echo '--- README block $i' >&2"
    sed "s#http://localhost:3005#$base#g" "$work/$i.sh"
    echo
  done
} > "$work/session.sh"

(cd "$root" && bash "$work/session.sh") > "$work/output.txt" 2> "$work/errors.txt" || {
  echo "readme-replay: a README command failed (exit $?):" >&2
  tail -n 20 "$work/errors.txt" >&2
  exit 1
}

# Expected "status code" lines for one block, from the fenced block that follows it.
expectations() {
  awk '
    {
      line = $0; status = ""
      if (match(line, /HTTP\/1\.1 [0-9][0-9][0-9]/)) status = substr(line, RSTART + 9, 3)
      else if (match(line, /HTTP [0-9][0-9][0-9]/)) status = substr(line, RSTART + 5, 3)
      error = ""
      if (match(line, /"error": *"[a-z_]+"/)) { error = substr(line, RSTART, RLENGTH); sub(/.*: *"/, "", error); sub(/"$/, "", error) }
      if (status != "") { n++; s[n] = status; e[n] = (error == "" ? "-" : error) }
      else if (error != "" && n > 0) e[n] = error
    }
    END { for (i = 1; i <= n; i++) print s[i], e[i] }' "$1"
}

failures=0
calls=0
for i in $(seq 1 "$blocks"); do
  actual="$work/$i.actual"
  calls=$((calls + $(wc -l < "$actual")))
  expected=""
  [ -f "$work/$i.expected" ] && expected=$(expectations "$work/$i.expected")
  if [ -z "$expected" ]; then
    if grep -qv '^2[0-9][0-9] -$' "$actual"; then
      echo "README block $i: expected every call to succeed, got: $(tr '\n' ';' < "$actual")" >&2
      sed 's/^/    /' "$work/$i.sh" | head -n 3 >&2
      failures=$((failures + 1))
    fi
  elif [ "$expected" != "$(cat "$actual")" ]; then
    echo "README block $i: expected [$(echo "$expected" | tr '\n' ';')] got [$(tr '\n' ';' < "$actual")]" >&2
    sed 's/^/    /' "$work/$i.sh" | head -n 3 >&2
    failures=$((failures + 1))
  fi
done

if [ "$failures" -ne 0 ]; then
  echo "readme-replay: $failures of $blocks README blocks answered otherwise than the README says." >&2
  exit 1
fi
echo "readme-replay: $blocks README blocks, $calls calls, every status and error code as the README shows."
