# Shared by run.sh and test.sh: install the pinned tools and locate the repository.
# shellcheck shell=bash

repo_root() { cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd; }

# Installs the pinned Azurite from package-lock.json when it is missing or the lock changed.
ensure_node_tools() {
  local root="$1"
  if [ ! -x "$root/node_modules/.bin/azurite" ] || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
    echo "Installing Azurite (npm ci)..."
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# The well-known development account that Azurite serves.
azurite_connection_string() {
  local host="$1" blob="$2" queue="$3" table="$4"
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  printf 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=%s;BlobEndpoint=http://%s:%s/devstoreaccount1;QueueEndpoint=http://%s:%s/devstoreaccount1;TableEndpoint=http://%s:%s/devstoreaccount1;' \
    "$key" "$host" "$blob" "$host" "$queue" "$host" "$table"
}
