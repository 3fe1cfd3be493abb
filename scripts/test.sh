#!/usr/bin/env bash
# Runs every test: unit tests, the integration tests against a real Azurite that the tests start on free ports, the
# client tests (a Kiota client generated from the OpenAPI document, and Redocly's lint of it) and the browser tests
# (the widget and the dashboard in headless Chromium against the same setup).
# Exits non-zero on any failure and ends with one summary line: "tests: N passed, N failed, N skipped".
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
root="$(repo_root)"
cd "$root"

configuration="${CONFIGURATION:-Release}"
ensure_node_tools "$root"
ensure_dotnet_tools "$root"
# The browser tests need Debian's Chromium. If it cannot be installed they fail, saying so; they never skip.
bash "$root/scripts/install-browser.sh" || echo "Could not install Chromium: the browser tests will fail." >&2
dotnet restore Functions.sln --nologo -v quiet
# Building the solution also builds the Functions app, whose generated functions.metadata the route-parity test reads.
dotnet build Functions.sln -c "$configuration" --no-restore --nologo -v quiet -clp:NoSummary

log="$(mktemp)"
templates="$(mktemp -d)"
trap 'rm -rf "$log" "$templates"' EXIT
# Restores the Bicep CLI (tools/Bicep), which the infrastructure tests run, and builds and lints every template with it.
bash scripts/bicep.sh "$templates" >/dev/null
status=0
# The dashboard's modules and the widget's parts are checked against their JSDoc types; nothing is emitted, since the
# browser runs the files as written (the widget's parts joined into one script, docs/widget.md). A type error fails the run, after the tests have still run and been counted.
for project in src/Commentary.Api/Ui/tsconfig.json src/Commentary.Api/Ui/tsconfig.widget.json; do
  node_modules/.bin/tsc -p "$project" || { echo "The type check of $project failed." >&2; status=1; }
done
dotnet test Functions.sln -c "$configuration" --no-build --nologo "$@" 2>&1 | tee "$log" || status=$?

# dotnet test prints one "Passed!/Failed!" line per test assembly; add them up into one line.
awk '
  /(Passed|Failed)! +- Failed:/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { f += $(i + 1) + 0 }
      if ($i == "Passed:")  { p += $(i + 1) + 0 }
      if ($i == "Skipped:") { s += $(i + 1) + 0 }
    }
    runs++
  }
  END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s; if (runs == 0) exit 1 }
' "$log" || { echo "No test results were reported." >&2; status=1; }
exit "$status"
