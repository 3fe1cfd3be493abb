#!/usr/bin/env bash
# Benchmark of the comment import, on its own: `commentary comments import --disqus` of COUNT comments over ARTICLES
# articles (timed around the whole CLI process: start-up, reading the file, planning and writing), against a raw SDK
# loop that writes the same entities in the same transactions (scripts/bench/Driver, mode raw-import). Each side runs
# on a fresh in-memory Azurite, RUNS times; medians reported. The goal: ours ≥ 0.5× the raw loop's rate.
#   COUNT=10000 ARTICLES=20 RUNS=3 scripts/bench/import.sh
# WRITE=1 also rewrites the import block of docs/benchmarks.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
root="$(repo_root)"
cd "$root"

count="${COUNT:-10000}"
articles="${ARTICLES:-20}"
runs="${RUNS:-3}"

ensure_node_tools "$root"
echo "Building the CLI and the bench driver (Release)..."
dotnet build src/Commentary.Cli/Commentary.Cli.csproj -c Release --nologo -v quiet -clp:NoSummary -clp:ErrorsOnly
dotnet build scripts/bench/Driver/Commentary.Bench.csproj -c Release --nologo -v quiet -clp:NoSummary -clp:ErrorsOnly
cli_dll="src/Commentary.Cli/bin/Release/net10.0/commentary.dll"
driver_dll="scripts/bench/Driver/bin/Release/net10.0/Commentary.Bench.dll"

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
work="$(mktemp -d)"
azurite_pid=""
cleanup() { [ -n "$azurite_pid" ] && kill "$azurite_pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT INT TERM

fresh_azurite() {
  if [ -n "$azurite_pid" ]; then kill "$azurite_pid"; wait "$azurite_pid" 2>/dev/null || true; fi
  local blob queue table
  blob=$(free_port); queue=$(free_port); table=$(free_port)
  node_modules/.bin/azurite --silent --inMemoryPersistence --disableTelemetry --skipApiVersionCheck \
    --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" --tableHost 127.0.0.1 --tablePort "$table" \
    >>"$work/azurite.log" 2>&1 &
  azurite_pid=$!
  export AzureWebJobsStorage
  AzureWebJobsStorage="$(azurite_connection_string 127.0.0.1 "$blob" "$queue" "$table")"
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$table") 2>/dev/null && break; sleep 0.1; done
  dotnet "$driver_dll" seed-storage >/dev/null
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

AzureWebJobsStorage=UseDevelopmentStorage=true dotnet "$driver_dll" import-file path="$work/export.xml" count="$count" articles="$articles" >/dev/null
declare -a ours raw
for run in $(seq 1 "$runs"); do
  echo "Run $run of $runs: raw SDK loop, then the CLI, each on a fresh Azurite..."
  fresh_azurite
  raw+=("$(dotnet "$driver_dll" raw-import count="$count" articles="$articles" | sed -nE 's/^RESULT rate=([0-9.]+).*/\1/p')")
  fresh_azurite
  start=$(date +%s%N)
  dotnet "$cli_dll" comments import --disqus "$work/export.xml" >"$work/cli.log" 2>&1 || { cat "$work/cli.log"; exit 1; }
  elapsed_ns=$(( $(date +%s%N) - start ))
  grep -q "Imported $count new comments" "$work/cli.log" || { echo "The CLI did not import all $count comments:"; tail -5 "$work/cli.log"; exit 1; }
  ours+=("$(awk -v c="$count" -v ns="$elapsed_ns" 'BEGIN { printf "%.1f", c / (ns / 1e9) }')")
done

row=$(awk -v o="$(median "${ours[@]}")" -v b="$(median "${raw[@]}")" -v c="$count" -v a="$articles" 'BEGIN {
  r = o / b
  printf "| import of %d comments over %d articles, comments/s (CLI process, start to end; baseline: raw SDK loop, same entities and transactions) | %.1f | %.1f | %.2f× | ≥ 0.5× | %s |", c, a, o, b, r, (r >= 0.5) ? "met" : "**missed**"
}')
table=$(printf '%s\n' "| figure | ours | baseline | ratio | goal | result |" "| --- | --- | --- | --- | --- | --- |" "$row")
block="Run on $(date -u +%Y-%m-%dT%H:%MZ): $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; COUNT=$count, ARTICLES=$articles, RUNS=$runs (medians).
Raw runs — ours: ${ours[*]} / raw loop: ${raw[*]}.

$table"
echo
echo "$block"
if [ "${WRITE:-0}" = "1" ]; then
  {
    sed -n '1,/^<!-- import -->$/p' docs/benchmarks.md
    printf '\n%s\n\n' "$block"
    sed -n '/^<!-- end of import -->$/,$p' docs/benchmarks.md
  } >"$work/benchmarks.md"
  cp "$work/benchmarks.md" docs/benchmarks.md
  echo "Wrote the import figure to docs/benchmarks.md."
fi
