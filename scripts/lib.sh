# Shared by run.sh and test.sh: install the pinned tools and locate the repository.
# shellcheck shell=bash

repo_root() { cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd; }

# Installs the pinned npm tools (Azurite, TypeScript, Redocly CLI) from package-lock.json when one is missing or the
# lock changed.
ensure_node_tools() {
  local root="$1"
  if [ ! -x "$root/node_modules/.bin/azurite" ] || [ ! -x "$root/node_modules/.bin/tsc" ] \
    || [ ! -x "$root/node_modules/.bin/redocly" ] \
    || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
    echo "Installing the npm tools (npm ci)..."
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# Restores the pinned dotnet tools of .config/dotnet-tools.json (Kiota, which the client tests' build runs).
ensure_dotnet_tools() {
  local root="$1"
  (cd "$root" && dotnet tool restore >/dev/null)
}

# The well-known development account that Azurite serves.
azurite_connection_string() {
  local host="$1" blob="$2" queue="$3" table="$4"
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  printf 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=%s;BlobEndpoint=http://%s:%s/devstoreaccount1;QueueEndpoint=http://%s:%s/devstoreaccount1;TableEndpoint=http://%s:%s/devstoreaccount1;' \
    "$key" "$host" "$blob" "$host" "$queue" "$host" "$table"
}

# Restores tools/Bicep, which brings the Bicep CLI from NuGet, and prints the path of its binary.
bicep_cli() {
  local root="$1" project package
  project="$root/tools/Bicep/Bicep.Tools.csproj"
  dotnet restore "$project" --nologo -v quiet >&2
  package="$(dotnet msbuild "$project" -nologo -getProperty:PkgAzure_Bicep_CommandLine_linux-x64)"
  if [ -z "$package" ] || [ ! -f "$package/tools/bicep" ]; then
    echo "The Bicep CLI was not restored: no tools/bicep under '$package'." >&2
    return 1
  fi
  # NuGet does not promise to keep the executable bit.
  [ -x "$package/tools/bicep" ] || chmod +x "$package/tools/bicep"
  printf '%s\n' "$package/tools/bicep"
}
