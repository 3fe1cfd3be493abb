#!/usr/bin/env bash
# Benchmark: each figure as ours / raw-Azurite baseline, taken in one run on loopback with the same tool, the same
# concurrency and the same duration, RUNS times (medians reported). Writes the table to docs/benchmarks.md.
#   DURATION=10 CONNECTIONS=16 RUNS=3 DRAIN_COUNT=2000 STARTS=5 CRISIS_COUNT=40 scripts/bench/run.sh
# The crisis figure (POST of a crisis comment → resources in its status answer, p95) has no baseline, only a goal; it
# is written to its own block of docs/benchmarks.md whenever it is taken, also in a partial run (FIGURES=crisis).
# The alert figure (POST of a crisis comment → the moderators' alert at a webhook receiver and an SMTP server, p95) is
# written to its own block the same way (FIGURES=alert, ALERT_COUNT=40).
# FIGURES=miss,page-cold (any of warm, miss, page, page-cold, counts, post, drain, startup; default all) takes only those
# figures and prints their rows without touching docs/benchmarks.md: for quick, targeted runs while iterating.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
root="$(repo_root)"
cd "$root"

duration="${DURATION:-10}"
connections="${CONNECTIONS:-16}"
runs="${RUNS:-3}"
drain_count="${DRAIN_COUNT:-2000}"
starts="${STARTS:-5}"
crisis_count="${CRISIS_COUNT:-40}"
alert_count="${ALERT_COUNT:-40}"
all_figures="warm,miss,page,page-cold,counts,post,drain,startup,crisis,alert"
figures="${FIGURES:-$all_figures}"
for figure in ${figures//,/ }; do
  case ",$all_figures," in *",$figure,"*) ;; *) echo "Unknown figure '$figure'; FIGURES takes: $all_figures" >&2; exit 2 ;; esac
done
want() { case ",$figures," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

ensure_node_tools "$root"
for tool in wrk hyperfine; do
  if ! command -v "$tool" >/dev/null; then
    echo "Installing $tool (Debian package)..."
    apt-get update -qq && apt-get install -y -qq "$tool" >/dev/null
  fi
done
echo "Building (Release; the self-host and the bare app published ReadyToRun, as they would be deployed)..."
dotnet build scripts/bench/Driver/Commentary.Bench.csproj -c Release --nologo -v quiet -clp:NoSummary -clp:ErrorsOnly
published="$(mktemp -d)"
for project in src/Commentary.Server/Commentary.Server.csproj scripts/bench/BareApp/BareApp.csproj; do
  dotnet publish "$project" -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true \
    -o "$published/$(basename "$project" .csproj)" --nologo -v quiet -clp:NoSummary -clp:ErrorsOnly
done
server_dll="$published/Commentary.Server/Commentary.Server.dll"
driver_dll="scripts/bench/Driver/bin/Release/net10.0/Commentary.Bench.dll"
bare_dll="$published/BareApp/BareApp.dll"

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
blob=$(free_port); queue=$(free_port); table=$(free_port)
work="$(mktemp -d)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work" "$published"; }
trap cleanup EXIT INT TERM

start_azurite() {
  node_modules/.bin/azurite --silent --inMemoryPersistence --disableTelemetry --skipApiVersionCheck \
    --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" --tableHost 127.0.0.1 --tablePort "$table" \
    >>"$work/azurite.log" 2>&1 &
  azurite_pid=$!
  pids+=("$azurite_pid")
}
start_azurite
export AzureWebJobsStorage
AzureWebJobsStorage="$(azurite_connection_string 127.0.0.1 "$blob" "$queue" "$table")"

wait_for_health() { # port
  for _ in $(seq 1 600); do
    curl -fsS -o /dev/null "http://127.0.0.1:$1/api/health" 2>/dev/null && return 0
    sleep 0.05
  done
  echo "The server on port $1 did not become healthy." >&2; return 1
}

# Starts a Release self-host; extra VAR=value arguments go into its environment. Sets $server_pid and $server_port.
start_server() {
  server_port=$(free_port)
  env "$@" Commentary__SampleArticles="" RateLimiting__Comments__PermitsPerMinute=0 \
    Privacy__IpHashKey="bench-ip-hash-key-0123456789abcdef" Logging__LogLevel__Default=Warning \
    dotnet "$server_dll" --urls "http://127.0.0.1:$server_port" >>"$work/server.log" 2>&1 &
  server_pid=$!
  pids+=("$server_pid")
  wait_for_health "$server_port"
}
stop_server() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

driver() { dotnet "$driver_dll" "$@" connections="$connections" seconds="$duration" | sed -nE 's/^RESULT rate=([0-9.]+).*/\1/p'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
to_ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } print v }' <<<"$1"; }
wrk_run() { # url → "req/s p50_ms p99_ms requests"
  local out
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s --latency "$1")
  printf '%s %s %s %s\n' "$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")" \
    "$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")" "$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")" \
    "$(awk '/requests in/ { print $1 }' <<<"$out")"
}
rss_mb() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

needs_seed=false
for figure in warm miss page page-cold counts post; do want "$figure" && needs_seed=true; done
if $needs_seed; then
echo "Seeding (an article of realistic size, 10,000 approved comments on one article)..."
start_server AzureWebJobsStorage="$AzureWebJobsStorage"
main_pid=$server_pid; main_port=$server_port
seeded=$(dotnet "$driver_dll" seed connections="$connections")
public_url="${seeded#SEEDED public=}"
api="http://127.0.0.1:$main_port"

# Warm-up of every path the warm figures then load, and only then resident memory as the baseline for the memory
# figure: what a path's first use builds once (its code, its cache entries) is not growth under load.
wrk -t2 -c"$connections" -d2s "$api/api/articles/bench-article" >/dev/null
dotnet "$driver_dll" api-get api="$api" path=/api/articles/bench-thread/comments connections="$connections" seconds=2 >/dev/null
dotnet "$driver_dll" api-counts api="$api" connections="$connections" seconds=2 >/dev/null
rss_warm=$(rss_mb "$main_pid")
served=0

declare -a ours_warm base_warm p50s p99s ours_miss base_miss ours_page base_page ours_counts base_counts ours_page_cold base_page_cold ours_post base_post ours_drain base_drain
for run in $(seq 1 "$runs"); do
  if want warm; then
    echo "Run $run of $runs: warm article GET (wrk)..."
    read -r rps p50 p99 count < <(wrk_run "$api/api/articles/bench-article")
    ours_warm+=("$rps"); p50s+=("$p50"); p99s+=("$p99"); served=$((served + count))
    read -r rps _ _ _ < <(wrk_run "$public_url")
    base_warm+=("$rps")
  fi
  if want page; then
    echo "Run $run of $runs: comments page 1 of 10,000, warm (driver)..."
    ours_page+=("$(driver api-get api="$api" path=/api/articles/bench-thread/comments)")
    base_page+=("$(driver table-page)")
  fi
  if want counts; then
    echo "Run $run of $runs: counts of a listing page's 20 articles, warm (driver)..."
    ours_counts+=("$(driver api-counts api="$api")")
    base_counts+=("$(driver table-counters)")
  fi
done
rss_after=$(rss_mb "$main_pid")

if want miss || want page-cold; then
  echo "Cache-miss figures against a second self-host whose reads always revalidate (ReadCache__FreshFor=0)..."
  start_server AzureWebJobsStorage="$AzureWebJobsStorage" ReadCache__FreshFor=00:00:00
  cold_pid=$server_pid; cold="http://127.0.0.1:$server_port"
  for run in $(seq 1 "$runs"); do
    if want miss; then
      echo "Run $run of $runs: article GET after each change (driver)..."
      ours_miss+=("$(driver api-miss api="$cold")")
      base_miss+=("$(driver blob-miss)")
    fi
    if want page-cold; then
      echo "Run $run of $runs: comments page after each change (driver)..."
      ours_page_cold+=("$(driver api-page-cold api="$cold")")
      base_page_cold+=("$(driver table-page-cold)")
    fi
  done
  stop_server "$cold_pid"
fi

for run in $(seq 1 "$runs"); do
  want post || break
  echo "Run $run of $runs: comment POST vs raw enqueue (driver)..."
  ours_post+=("$(driver api-post api="$api")")
  base_post+=("$(driver enqueue)")
done
stop_server "$main_pid"
fi

# Each side of each drain run (and the crisis figure) starts on a fresh, empty Azurite: its in-memory tables answer
# more slowly as they grow, so whichever side ran second would otherwise pay for the rows the first one left (and the
# POST runs leave tens of thousands of messages, which slow its queue to a crawl).
fresh_azurite() {
  kill "$azurite_pid"; wait "$azurite_pid" 2>/dev/null || true
  start_azurite
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$queue") 2>/dev/null && break; sleep 0.1; done
  dotnet "$driver_dll" seed-storage >/dev/null
}

if want drain; then
  echo "Moderation drain of $drain_count comments: raw loop, then our worker, each on a fresh Azurite..."
  for run in $(seq 1 "$runs"); do
    fresh_azurite
    dotnet "$driver_dll" fill-queue prefix="bench-raw$run" count="$drain_count" >/dev/null
    base_drain+=("$(dotnet "$driver_dll" raw-drain prefix="bench-raw$run" count="$drain_count" | sed -nE 's/^RESULT rate=([0-9.]+).*/\1/p')")
    fresh_azurite
    dotnet "$driver_dll" fill-queue prefix="bench-srv$run" count="$drain_count" >/dev/null
    watch_log="$work/watch-$run.txt"
    dotnet "$driver_dll" watch-drain prefix="bench-srv$run" count="$drain_count" >"$watch_log" &
    watcher=$!
    start_server AzureWebJobsStorage="$AzureWebJobsStorage"
    wait "$watcher"
    ours_drain+=("$(sed -nE 's/^RESULT rate=([0-9.]+).*/\1/p' "$watch_log")")
    stop_server "$server_pid"
  done
fi

crisis_table=""
if want crisis; then
  echo "Crisis panel: $crisis_count crisis comments, one at a time, on a fresh Azurite and a self-host with default polling..."
  fresh_azurite
  start_server AzureWebJobsStorage="$AzureWebJobsStorage"
  crisis_result=$(dotnet "$driver_dll" crisis-latency api="http://127.0.0.1:$server_port" count="$crisis_count" | sed -nE 's/^RESULT //p')
  stop_server "$server_pid"
  field() { sed -nE "s/.*(^| )$1=([0-9.]+).*/\2/p" <<<"$crisis_result"; }
  crisis_table=$(printf '%s\n' "| figure | p50, s | p95, s | max, s | goal | result |" "| --- | --- | --- | --- | --- | --- |" \
    "$(awk -v a="$(field widget_p50)" -v b="$(field widget_p95)" -v c="$(field widget_max)" 'BEGIN { printf "| POST of a crisis comment → resources in the status answer, polled as the widget polls | %.2f | %.2f | %.2f | p95 ≤ 5 s | %s |", a, b, c, (b <= 5) ? "met" : "**missed**" }')" \
    "$(awk -v a="$(field answer_p50)" -v b="$(field answer_p95)" -v c="$(field answer_max)" 'BEGIN { printf "| the same, polled every 50 ms (when the answer first carries them) | %.2f | %.2f | %.2f | | |", a, b, c }')")
  crisis_block="Run on $(date -u +%Y-%m-%dT%H:%MZ): $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; $crisis_count samples, one at a time; host.json polling as shipped.

$crisis_table"
  echo
  echo "$crisis_table"
  {
    sed -n '1,/^<!-- crisis -->$/p' docs/benchmarks.md
    printf '\n%s\n\n' "$crisis_block"
    sed -n '/^<!-- end of crisis -->$/,$p' docs/benchmarks.md
  } >"$work/benchmarks-crisis.md"
  cp "$work/benchmarks-crisis.md" docs/benchmarks.md
fi

if want alert; then
  echo "Moderators' alerts: $alert_count crisis comments, one at a time, to a webhook receiver and an SMTP server..."
  fresh_azurite
  hook_port=$(free_port); smtp_port=$(free_port)
  secret="whsec_$(head -c 32 /dev/urandom | base64)"
  alert_log="$work/alert.txt"
  # The self-host first: it sends nothing until a comment comes, and the driver's receivers listen before it posts.
  start_server AzureWebJobsStorage="$AzureWebJobsStorage" ASPNETCORE_ENVIRONMENT=Development \
    Mail__Host=127.0.0.1 Mail__Port="$smtp_port" Mail__Security=None Mail__From="bench@example.org" \
    Notifications__PublicUrl="http://127.0.0.1/api" Notifications__ModeratorEmails="mods@example.org" \
    Notifications__Webhooks__bench__Url="http://127.0.0.1:$hook_port/hooks/bench" Notifications__Webhooks__bench__Secret="$secret"
  dotnet "$driver_dll" alert-latency api="http://127.0.0.1:$server_port" count="$alert_count" hook-port="$hook_port" \
    smtp-port="$smtp_port" secret="$secret" >"$alert_log" 2>&1 || { cat "$alert_log" >&2; exit 1; }
  stop_server "$server_pid"
  alert_result=$(sed -nE 's/^RESULT //p' "$alert_log")
  afield() { sed -nE "s/.*(^| )$1=([0-9.]+).*/\2/p" <<<"$alert_result"; }
  alert_table=$(printf '%s\n' "| figure | p50, s | p95, s | max, s | goal | result |" "| --- | --- | --- | --- | --- | --- |" \
    "$(awk -v a="$(afield webhook_p50)" -v b="$(afield webhook_p95)" -v c="$(afield webhook_max)" 'BEGIN { printf "| POST of a crisis comment → signed alert at the webhook receiver | %.2f | %.2f | %.2f | p95 ≤ 10 s | %s |", a, b, c, (b <= 10) ? "met" : "**missed**" }')" \
    "$(awk -v a="$(afield mail_p50)" -v b="$(afield mail_p95)" -v c="$(afield mail_max)" 'BEGIN { printf "| POST of a crisis comment → alert mail at the SMTP server | %.2f | %.2f | %.2f | p95 ≤ 10 s | %s |", a, b, c, (b <= 10) ? "met" : "**missed**" }')")
  alert_block="Run on $(date -u +%Y-%m-%dT%H:%MZ): $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; $alert_count samples, one at a time; host.json polling as shipped; bad signatures: $(afield bad_signatures).

$alert_table"
  echo
  echo "$alert_table"
  {
    sed -n '1,/^<!-- alert -->$/p' docs/benchmarks.md
    printf '\n%s\n\n' "$alert_block"
    sed -n '/^<!-- end of alert -->$/,$p' docs/benchmarks.md
  } >"$work/benchmarks-alert.md"
  cp "$work/benchmarks-alert.md" docs/benchmarks.md
fi

startup_ms() { # dll [env...]
  local dll="$1" port start; shift
  port=$(free_port)
  start=$(date +%s%N)
  env "$@" dotnet "$dll" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
  local pid=$!
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/api/health" 2>/dev/null; do sleep 0.005; done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
declare -a ours_start base_start
if want startup; then
  for _ in $(seq 1 "$starts"); do
    ours_start+=("$(startup_ms "$server_dll" AzureWebJobsStorage="$AzureWebJobsStorage" Commentary__SampleArticles="" Privacy__IpHashKey="bench-ip-hash-key-0123456789abcdef" Logging__LogLevel__Default=Warning)")
    base_start+=("$(startup_ms "$bare_dll" Logging__LogLevel__Default=Warning)")
  done
fi

row() { # figure ours baseline goal-kind goal → markdown row
  awk -v f="$1" -v o="$2" -v b="$3" -v kind="$4" -v g="$5" 'BEGIN {
    r = (b > 0) ? o / b : 0
    met = (kind == "min") ? (r >= g) : (r <= g)
    printf "| %s | %.1f | %.1f | %.2f× | %s %s× | %s |\n", f, o, b, r, (kind == "min") ? "≥" : "≤", g, met ? "met" : "**missed**"
  }'
}
m() { median "$@"; }
rows=()
want warm && rows+=("$(row "warm article GET, req/s (wrk; baseline: anonymous GET of the same blob)" "$(m "${ours_warm[@]}")" "$(m "${base_warm[@]}")" min 10)")
want miss && rows+=("$(row "article GET after each change (cache miss), req/s (driver; baseline: SDK blob download)" "$(m "${ours_miss[@]}")" "$(m "${base_miss[@]}")" min 0.8)")
want page && rows+=("$(row "comments page 1 of 10,000, warm, req/s (driver; baseline: our SDK query of the same 51 entities)" "$(m "${ours_page[@]}")" "$(m "${base_page[@]}")" min 5)")
want page-cold && rows+=("$(row "comments page 1 of 10,000, after each change, req/s (driver; same baseline)" "$(m "${ours_page_cold[@]}")" "$(m "${base_page_cold[@]}")" min 0.8)")
want counts && rows+=("$(row "counts of 20 articles (GET /counts), warm, req/s (driver; baseline: twenty SDK point reads of their counters, side by side)" "$(m "${ours_counts[@]}")" "$(m "${base_counts[@]}")" min 10)")
want post && rows+=("$(row "comment POST, accepted/s (driver; baseline: SDK enqueue of the same message)" "$(m "${ours_post[@]}")" "$(m "${base_post[@]}")" min 0.8)")
want drain && rows+=("$(row "moderation drain, comments/s into Table (worker; baseline: raw SDK loop, same requests)" "$(m "${ours_drain[@]}")" "$(m "${base_drain[@]}")" min 0.8)")
want warm && rows+=("$(row "warm article GET p99 / p50, ms (wrk)" "$(m "${p99s[@]}")" "$(m "${p50s[@]}")" max 10)")
want warm && rows+=("$(row "resident memory, MB: after $served warm GETs / after warm-up" "$rss_after" "$rss_warm" max 1.2)")
want startup && rows+=("$(row "start-up to first 200 from /api/health, ms: self-host / bare ASP.NET Core app" "$(m "${ours_start[@]}")" "$(m "${base_start[@]}")" max 1.5)")
table=$(printf '%s\n' "| figure | ours | baseline | ratio | goal | result |" "| --- | --- | --- | --- | --- | --- |" "${rows[@]}")
echo
echo "$table"

load_now=$(cut -d' ' -f1-3 /proc/loadavg)
raw="Raw runs — warm GET ours: ${ours_warm[*]} / blob: ${base_warm[*]}; miss ours: ${ours_miss[*]} / blob: ${base_miss[*]};
page warm ours: ${ours_page[*]} / table: ${base_page[*]}; counts ours: ${ours_counts[*]} / counters: ${base_counts[*]}; page cold ours: ${ours_page_cold[*]} / table: ${base_page_cold[*]};
POST ours: ${ours_post[*]} / enqueue: ${base_post[*]}; drain ours: ${ours_drain[*]} / raw: ${base_drain[*]};
start-up ms ours: ${ours_start[*]} / bare: ${base_start[*]}."
if [ "$figures" = "crisis" ] || [ "$figures" = "alert" ] || [ "$figures" = "crisis,alert" ] || [ "$figures" = "alert,crisis" ]; then
  echo "Wrote the $figures figure to docs/benchmarks.md."
  exit 0
fi
if [ "$figures" != "$all_figures" ]; then
  echo "$raw"
  echo "Load average at the end: $load_now. FIGURES=$figures is a partial run: docs/benchmarks.md is left as it was."
  exit 0
fi

memory=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
{
  sed -n '1,/^<!-- results -->$/p' docs/benchmarks.md
  cat <<RESULTS

Run on $(date -u +%Y-%m-%dT%H:%MZ): $(nproc) cores, $memory, load average $load_now at the end (1, 5, 15 min);
$(dotnet --version) SDK; DURATION=${duration}s, CONNECTIONS=$connections, RUNS=$runs (medians), DRAIN_COUNT=$drain_count, STARTS=$starts.
$raw

$table

<!-- end of results -->
RESULTS
  sed -n '/^<!-- end of results -->$/,$p' docs/benchmarks.md | tail -n +2
} >"$work/benchmarks.md"
cp "$work/benchmarks.md" docs/benchmarks.md
echo "Wrote docs/benchmarks.md"
