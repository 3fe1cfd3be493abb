#!/usr/bin/env bash
# Builds and lints every .bicep file under infra/ with the Bicep CLI restored from NuGet (tools/Bicep), then builds
# and lints the parameter files under infra/variants/ (vnetEnabled on and off), which type-checks each variant's
# values against main.bicep. Any diagnostic, warning or error, fails the run. The compiled ARM JSON goes to a
# temporary folder (or to the folder given as the first argument) and its path is printed at the end.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
root="$(repo_root)"
cd "$root"

bicep="$(bicep_cli "$root")"
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
"$bicep" --version

failed=0
# check <command> <file> <output file>: builds with the command, then lints. The CLI reports diagnostics on stderr and
# still exits 0 for warnings, so any output at all is a failure.
check() {
  local command="$1" file="$2" output="$3" status=0 diagnostics
  mkdir -p "$(dirname "$output")"
  diagnostics="$("$bicep" "$command" "$file" --outfile "$output" 2>&1 && "$bicep" lint "$file" 2>&1)" || status=$?
  if [ "$status" -ne 0 ] || [ -n "$diagnostics" ]; then
    printf '%s\n' "$diagnostics" >&2
    echo "FAIL $file" >&2
    failed=1
  else
    echo "ok   $file"
  fi
}

files=()
while IFS= read -r -d '' file; do files+=("$file"); done < <(find infra -name '*.bicep' -print0 | sort -z)
if [ "${#files[@]}" -eq 0 ]; then
  echo "No .bicep files under infra/." >&2
  exit 1
fi
for file in "${files[@]}"; do
  relative="${file#infra/}"
  check build "$file" "$out/${relative%.bicep}.json"
done

variants=()
while IFS= read -r -d '' file; do variants+=("$file"); done < <(find infra/variants -name '*.bicepparam' -print0 | sort -z)
if [ "${#variants[@]}" -lt 2 ]; then
  echo "Expected the vnetEnabled variants under infra/variants/." >&2
  exit 1
fi
for file in "${variants[@]}"; do
  relative="${file#infra/}"
  check build-params "$file" "$out/${relative%.bicepparam}.parameters.json"
done

if [ "$failed" -ne 0 ]; then
  echo "Bicep reported diagnostics; fix every warning and error above." >&2
  exit 1
fi
echo "Compiled templates: $out"
