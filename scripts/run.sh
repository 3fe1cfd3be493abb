#!/usr/bin/env bash
# Runs Commentary locally: Azurite and smtp4dev (a mail server that keeps what it gets, with a web page to read it)
# in the background, sample articles seeded, the API on http://localhost:7071/api. Moderators' alerts go to
# smtp4dev: post a crisis comment on the demo page and the alert arrives there. Ctrl-C stops everything this script
# started.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
root="$(repo_root)"
cd "$root"

api_port="${COMMENTARY_PORT:-7071}"
blob_port="${AZURITE_BLOB_PORT:-10000}"
queue_port="${AZURITE_QUEUE_PORT:-10001}"
table_port="${AZURITE_TABLE_PORT:-10002}"
data="$root/.local/azurite"
smtp4dev_version="3.15.0"
smtp4dev_tools="$root/.local/tools"

ensure_node_tools "$root"
# smtp4dev, a dotnet tool, installed once into the git-ignored .local/tools (not globally).
if [ ! -x "$smtp4dev_tools/smtp4dev" ] || ! grep -q "$smtp4dev_version" "$smtp4dev_tools/.smtp4dev-version" 2>/dev/null; then
  echo "Installing smtp4dev $smtp4dev_version (dotnet tool, into .local/tools)..."
  rm -rf "$smtp4dev_tools/smtp4dev" "$smtp4dev_tools/.store/rnwood.smtp4dev"
  dotnet tool install Rnwood.Smtp4dev --version "$smtp4dev_version" --tool-path "$smtp4dev_tools" >/dev/null
  echo "$smtp4dev_version" >"$smtp4dev_tools/.smtp4dev-version"
fi
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

# smtp4dev on free loopback ports (SMTP, its web page, and IMAP/POP3 it insists on), messages kept in memory.
free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
smtp_port="${SMTP4DEV_SMTP_PORT:-$(free_port)}"
smtp_web_port="${SMTP4DEV_WEB_PORT:-$(free_port)}"
mkdir -p "$root/.local/smtp4dev"
"$smtp4dev_tools/smtp4dev" --urls="http://127.0.0.1:$smtp_web_port" --smtpport="$smtp_port" --bindaddress=127.0.0.1 \
  --imapport="$(free_port)" --pop3port="$(free_port)" --db= --hostname=localhost --nousersettings \
  --baseappdatapath="$root/.local/smtp4dev" >"$root/.local/smtp4dev/smtp4dev.log" 2>&1 &
pids+=("$!")
for _ in $(seq 1 150); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null; then break; fi
  sleep 0.2
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
# Mail through smtp4dev (plain SMTP on loopback), alerts to a development moderator's address, links to this API.
export Mail__Host=127.0.0.1 Mail__Port="$smtp_port" Mail__Security=None
export Mail__From="${COMMENTARY_MAIL_FROM:-Commentary <comments@localhost>}"
export Notifications__ModeratorEmails="${COMMENTARY_MODERATOR_EMAILS:-moderator@localhost}"
export Notifications__PublicUrl="http://localhost:$api_port/api"
export Notifications__DigestMinutes="${COMMENTARY_DIGEST_MINUTES:-1}"

cat <<MSG

  Commentary is starting on http://localhost:$api_port/api
    Demo article:    http://localhost:$api_port/api/ui/demo.html
    Moderation:      http://localhost:$api_port/api/ui/moderation.html   (sign in with the key below)
    Articles:        curl http://localhost:$api_port/api/articles
    Moderator key:   $key
    Pending queue:   curl -H "Authorization: Bearer $key" http://localhost:$api_port/api/moderation/comments
    Moderators' mail: http://127.0.0.1:$smtp_web_port   (smtp4dev: alerts to $Notifications__ModeratorEmails;
                     a crisis comment arrives at once, other held comments in a digest every $Notifications__DigestMinutes min)
  Azurite data is kept in .local/azurite. Press Ctrl-C to stop.

MSG

dotnet src/Commentary.Server/bin/Debug/net10.0/Commentary.Server.dll --urls "http://localhost:$api_port" &
pids+=("$!")
wait "${pids[-1]}"
