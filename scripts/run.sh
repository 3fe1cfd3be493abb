#!/usr/bin/env bash
# Runs Commentary locally: Azurite in the background, sample articles seeded, the API on http://localhost:7071/api.
# Ctrl-C stops everything this script started.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
root="$(repo_root)"
cd "$root"

api_port="${COMMENTARY_PORT:-7071}"
blob_port="${AZURITE_BLOB_PORT:-10000}"
queue_port="${AZURITE_QUEUE_PORT:-10001}"
table_port="${AZURITE_TABLE_PORT:-10002}"
data="$root/.local/azurite"

ensure_node_tools "$root"
echo "Building the self-host..."
dotnet build src/Commentary.Server/Commentary.Server.csproj --nologo -v quiet -clp:NoSummary -c Debug

for port in "$blob_port" "$queue_port" "$table_port" "$api_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port is already in use. Stop what uses it, or set COMMENTARY_PORT / AZURITE_*_PORT." >&2
    exit 1
  fi
done

mkdir -p "$data"
pids=()
cleanup() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "Stopped."
}
trap cleanup EXIT INT TERM

# Data lives in .local/azurite (git-ignored), so comments survive a restart.
node_modules/.bin/azurite --silent --location "$data" \
  --blobHost 127.0.0.1 --blobPort "$blob_port" --queueHost 127.0.0.1 --queuePort "$queue_port" \
  --tableHost 127.0.0.1 --tablePort "$table_port" --disableTelemetry --skipApiVersionCheck >"$data/azurite.log" 2>&1 &
pids+=("$!")
for port in "$blob_port" "$queue_port" "$table_port"; do
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
    sleep 0.1
  done
done

# A development moderator key, made once and kept in .local so it stays the same between runs.
key_file="$root/.local/moderator-key"
if [ ! -s "$key_file" ]; then
  head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$key_file"
fi
key="$(cat "$key_file")"

export AzureWebJobsStorage
AzureWebJobsStorage="$(azurite_connection_string 127.0.0.1 "$blob_port" "$queue_port" "$table_port")"
export Moderation__Moderators__0__Name="dev-moderator"
export Moderation__Moderators__0__KeySha256
Moderation__Moderators__0__KeySha256="$(printf '%s' "$key" | sha256sum | cut -d' ' -f1)"
export Commentary__SampleArticles="$root/samples/articles"
ip_key_file="$root/.local/ip-hash-key"
[ -s "$ip_key_file" ] || head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$ip_key_file"
export Privacy__IpHashKey
Privacy__IpHashKey="$(cat "$ip_key_file")"
export Cors__AllowedOrigins__0="${COMMENTARY_CORS_ORIGIN:-http://localhost:8080}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"

cat <<MSG

  Commentary is starting on http://localhost:$api_port/api
    Demo article:    http://localhost:$api_port/api/ui/demo.html
    Moderation:      http://localhost:$api_port/api/ui/moderation.html   (sign in with the key below)
    Articles:        curl http://localhost:$api_port/api/articles
    Moderator key:   $key
    Pending queue:   curl -H "Authorization: Bearer $key" http://localhost:$api_port/api/moderation/comments
  Azurite data is kept in .local/azurite. Press Ctrl-C to stop.

MSG

dotnet src/Commentary.Server/bin/Debug/net10.0/Commentary.Server.dll --urls "http://localhost:$api_port" &
pids+=("$!")
wait "${pids[-1]}"
