#!/usr/bin/env bash
# Load test: posts comments with wrk at full speed on 16 connections for DURATION seconds (default 60) against the
# Release self-host on an in-memory Azurite, lets the worker drain the queue, then checks that what was accepted was
# stored. Prints accepted/s, p50/p99 latency of POST, and the drain rate. Loopback only.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
root="$(repo_root)"
cd "$root"

duration="${DURATION:-60}"
connections="${CONNECTIONS:-16}"
ensure_node_tools "$root"
if ! command -v wrk >/dev/null; then
  echo "Installing wrk (Debian package)..."
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
dotnet build src/Commentary.Server/Commentary.Server.csproj -c Release --nologo -v quiet -clp:NoSummary

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
blob=$(free_port); queue=$(free_port); table=$(free_port); api=$(free_port)
work="$(mktemp -d)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT INT TERM

node_modules/.bin/azurite --silent --inMemoryPersistence --disableTelemetry --skipApiVersionCheck \
  --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" --tableHost 127.0.0.1 --tablePort "$table" \
  >"$work/azurite.log" 2>&1 &
pids+=("$!")

export AzureWebJobsStorage
AzureWebJobsStorage="$(azurite_connection_string 127.0.0.1 "$blob" "$queue" "$table")"
AzureWebJobsStorage="$AzureWebJobsStorage" \
Commentary__SampleArticles="$root/samples/articles" \
RateLimiting__Comments__PermitsPerMinute=0 \
Privacy__IpHashKey="load-test-ip-hash-key-0123456789" \
Logging__LogLevel__Default=Warning \
  dotnet src/Commentary.Server/bin/Release/net10.0/Commentary.Server.dll --urls "http://127.0.0.1:$api" >"$work/server.log" 2>&1 &
pids+=("$!")

for _ in $(seq 1 300); do
  if curl -fsS "http://127.0.0.1:$api/api/articles/when-anxiety-wakes-you-at-4am" >/dev/null 2>&1; then break; fi
  sleep 0.2
done

count() { (cd scripts/load && dotnet run count-stored.cs -- "$@" 2>/dev/null); }
count >/dev/null # compile the counter before the clock starts

echo "Posting for ${duration}s on ${connections} connections..."
start=$(date +%s.%N)
wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s -s scripts/load/post.lua "http://127.0.0.1:$api" \
  -- /api/articles/when-anxiety-wakes-you-at-4am/comments | tee "$work/wrk.txt"
line=$(grep '^WRK ' "$work/wrk.txt")
value() { sed -E "s/.*$1=([0-9.]+).*/\1/" <<<"$line"; }
requests=$(value requests); non2xx=$(value non2xx); p50=$(value p50_ms); p99=$(value p99_ms); seconds=$(value seconds)
accepted=$((requests - non2xx))

echo "Waiting for the worker to drain the queue..."
while :; do
  read -r stored queued < <(count wait)
  [ "$queued" -eq 0 ] && [ "$stored" -ge "$accepted" ] && break
  sleep 1
done
drained=$(date +%s.%N)
# A post still in flight when wrk stopped may have been queued without wrk seeing its 202; there are at most as many
# of those as connections, so stored may exceed accepted by that much and no more.
awk -v a="$accepted" -v s="$stored" -v sec="$seconds" -v p50="$p50" -v p99="$p99" -v t0="$start" -v t1="$drained" -v c="$connections" -v n="$non2xx" 'BEGIN {
  printf "load: accepted %d (%.0f/s), refused %d, stored %d, POST p50 %.1f ms, p99 %.1f ms, drain %.0f comments/s\n",
    a, a / sec, n, s, p50, p99, s / (t1 - t0)
  if (s < a || s > a + c) { print "load: FAILED: stored and accepted differ beyond the in-flight bound"; exit 1 }
  print "load: every accepted comment was stored"
}'
