#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing (tests/Commentary.BrowserTests drive
# /usr/bin/chromium; Playwright cannot download a browser here). Needs root, as CI runs; does nothing if present.
set -euo pipefail

chromium="${COMMENTARY_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium is missing at $chromium and installing it needs root: sudo apt-get install chromium" >&2
  exit 1
fi

echo "Installing Chromium for the browser tests (apt-get)..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# fonts-dejavu-core gives screenshots readable text even on a minimal image.
apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
"$chromium" --version
